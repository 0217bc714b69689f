#include "cli/hints.hpp"

#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

const char* skip_reason(io::WalkNote::Cause cause) {
    switch (cause) {
        case io::WalkNote::Cause::none:
            return nullptr;
        case io::WalkNote::Cause::symlink_not_followed:
            return "symbolic link not followed; -L follows it";
        case io::WalkNote::Cause::fifo:
            return "a FIFO, skipped";
        case io::WalkNote::Cause::socket:
            return "a socket, skipped";
        case io::WalkNote::Cause::character_device:
            return "a character device, skipped";
        case io::WalkNote::Cause::block_device:
            return "a block device, skipped";
        case io::WalkNote::Cause::special_file:
            return "skipped";
    }
    return nullptr;
}

}  // namespace

Error worded(const io::WalkNote& note) {
    Error error = note.error;
    if (const char* reason = skip_reason(note.cause); reason != nullptr && error.detail.empty()) {
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
