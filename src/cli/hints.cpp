#include "cli/hints.hpp"

#include <iterator>

#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

/// Why the walk skipped an entry, indexed by io::WalkNote::Cause (none: not skipped).
constexpr const char* k_skip_reasons[] = {
    nullptr,
    "symbolic link not followed; -L follows it",
    "a FIFO, skipped",
    "a socket, skipped",
    "a character device, skipped",
    "a block device, skipped",
    "skipped",
};
static_assert(std::size(k_skip_reasons) ==
              static_cast<std::size_t>(io::WalkNote::Cause::special_file) + 1);

}  // namespace

Error worded(const io::WalkNote& note) {
    Error error = note.error;
    if (const char* reason = k_skip_reasons[static_cast<std::size_t>(note.cause)];
        reason != nullptr && error.detail.empty()) {
        error.detail = reason;
    }
    return error;
}

Error worded(const EntryOutcome& outcome) {
    Error error = outcome.error;
    if (!outcome.found_in_manifest_dir.empty() && error.detail.empty()) {
        error.detail = "it exists next to the manifest: use --base-dir " +
                       platform::path_to_utf8(outcome.found_in_manifest_dir);
    }
    return error;
}

}  // namespace fhash::cli
