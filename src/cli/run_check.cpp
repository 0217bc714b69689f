#include "cli/run_check.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "fhash/manifest.hpp"
#include "fhash/verify.hpp"
#include "cli/check_selection.hpp"
#include "cli/manifest_reader.hpp"
#include "cli/progress.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

namespace fs = std::filesystem;

/// Counters of one manifest, as coreutils keeps them.
struct CheckCounts {
    std::uint64_t properly_formatted = 0;
    std::uint64_t malformed = 0;
    std::uint64_t matched = 0;
    std::uint64_t mismatched = 0;
    std::uint64_t read_failures = 0;
};

const char* plural(std::uint64_t n, const char* one, const char* many) { return n == 1 ? one : many; }

class ManifestChecker {
public:
    ManifestChecker(const Options& options, Console& console, std::string label, Verifier& verifier)
        : m_options(options), m_console(console), m_label(std::move(label)), m_verifier(verifier) {}

    void check_entry(const ManifestEntry& entry) {
        ++m_counts.properly_formatted;
        const EntryOutcome outcome = m_verifier.verify(entry);
        switch (outcome.status) {
            case EntryStatus::ok:
                ++m_counts.matched;
                if (!m_options.quiet && !m_options.status) {
                    m_console.out(status_name(entry.name) + ": " + m_console.paint("OK", Tone::good) + "\n");
                }
                break;
            case EntryStatus::mismatch:
                ++m_counts.mismatched;
                if (!m_options.status) {
                    m_console.out(status_name(entry.name) + ": " + m_console.paint("FAILED", Tone::bad) + "\n");
                }
                break;
            case EntryStatus::missing:
                if (m_options.ignore_missing && m_options.only.empty()) {  // --only: named files must be there
                    break;
                }
                [[fallthrough]];
            case EntryStatus::unreadable:
                ++m_counts.read_failures;
                m_console.file_error(outcome.error);
                if (!m_options.status) {
                    m_console.out(status_name(entry.name) + ": " + m_console.paint("FAILED open or read", Tone::bad) +
                                  "\n");
                }
                break;
        }
    }

    /// A valid entry left out by --only.
    void skip_entry() { ++m_counts.properly_formatted; }

    void malformed_line(std::size_t line_number) {
        ++m_counts.malformed;
        if (m_options.warn) {
            m_console.error(fmt::format("{}: {}: improperly formatted checksum line",
                                        quote_name(m_label), line_number));
        }
    }

    /// Prints the summary and returns this manifest's outcome.
    ExitCode finish() {
        if (m_counts.properly_formatted == 0) {
            m_console.error(fmt::format("{}: no properly formatted checksum lines found",
                                        quote_name(m_label)));
            return ExitCode::usage;
        }
        if (!m_options.status) {
            if (m_counts.malformed != 0) {
                m_console.error(fmt::format("WARNING: {} {}", m_counts.malformed,
                                            plural(m_counts.malformed, "line is improperly formatted",
                                                   "lines are improperly formatted")));
            }
            if (m_counts.read_failures != 0) {
                m_console.error(fmt::format(
                    "WARNING: {} {}", m_counts.read_failures,
                    plural(m_counts.read_failures, "listed file could not be read",
                           "listed files could not be read")));
            }
            if (m_counts.mismatched != 0) {
                m_console.error(fmt::format(
                    "WARNING: {} {}", m_counts.mismatched,
                    plural(m_counts.mismatched, "computed checksum did NOT match",
                           "computed checksums did NOT match")));
            }
        }
        if (m_options.ignore_missing && m_counts.matched == 0 && m_options.only.empty()) {
            m_console.error(fmt::format("{}: no file was verified", quote_name(m_label)));
        }
        // With --only, "something was verified" is decided per named file, in run_check.
        const bool ok = (m_counts.matched > 0 || !m_options.only.empty()) && m_counts.mismatched == 0 &&
                        m_counts.read_failures == 0 && (!m_options.strict || m_counts.malformed == 0);
        return ok ? ExitCode::ok : ExitCode::failure;
    }

private:
    const Options& m_options;
    Console& m_console;
    std::string m_label;
    Verifier& m_verifier;
    CheckCounts m_counts;
};

ExitCode check_manifest(const Options& options, Console& console, const std::string& arg,
                        CheckSelection& selection, Progress& progress) {
    std::optional<Algorithm> forced;
    if (options.algorithm_given && options.algorithms.size() == 1) {
        forced = options.algorithms.front();
    }
    Result<std::unique_ptr<ManifestReader>> opened = ManifestReader::open(arg, forced);
    if (!opened) {
        console.file_error(opened.error());
        return ExitCode::usage;
    }
    ManifestReader& reader = **opened;

    VerifyOptions verify_options;
    verify_options.read = options.read;
    verify_options.read.bytes_done = progress.counter();
    verify_options.manifest_is_stdin = reader.is_stdin();
    verify_options.confine = options.confine;
    if (options.base_dir) {
        verify_options.base_dir = platform::path_from_utf8(*options.base_dir);
    } else if (!reader.is_stdin()) {
        // Only a manifest in another folder can hint; the hint names that folder as given.
        const fs::path given_dir = platform::path_from_utf8(arg).parent_path();
        std::error_code ec;
        const fs::path dir = fs::absolute(platform::path_from_utf8(arg), ec).parent_path();
        const fs::path cwd = fs::current_path(ec);
        if (!ec && !given_dir.empty() && dir.lexically_normal() != cwd.lexically_normal()) {
            verify_options.manifest_dir = given_dir;
        }
    }
    Verifier verifier(verify_options);
    ManifestChecker checker(options, console, reader.label(), verifier);

    ManifestEntry entry;
    std::size_t line = 0;
    for (;;) {
        Result<ManifestReader::Event> event = reader.next(entry, line);
        if (!event) {
            console.file_error(event.error());
            checker.finish();
            return ExitCode::usage;
        }
        if (*event == ManifestReader::Event::end) {
            break;
        }
        if (*event == ManifestReader::Event::entry) {
            if (options.confine && !is_confined(entry.name)) {
                // An untrusted manifest reaching out of its folder: stop using it.
                console.error(fmt::format("{}: {}: {} refused by --confine: absolute, or outside the base folder",
                                          quote_name(reader.label()), line, quote_name(entry.name)));
                checker.finish();
                return ExitCode::usage;
            }
            if (selection.active() && !selection.wants(entry.name, verifier)) {
                checker.skip_entry();
                continue;
            }
            progress.set_current(entry.name);
            checker.check_entry(entry);
        } else {
            checker.malformed_line(line);
        }
    }
    return checker.finish();
}

}  // namespace

ExitCode run_check(const Options& options, Console& console) {
    ExitCode result = ExitCode::ok;
    CheckSelection selection(options.only);
    Progress progress(options.progress, console, 0);  // total unknown: manifests are streamed
    for (const std::string& manifest : options.paths) {
        result = worst(result, check_manifest(options, console, manifest, selection, progress));
    }
    progress.stop();
    if (selection.active() && !selection.report_unlisted(console, options.paths)) {
        result = worst(result, ExitCode::failure);
    }
    return result;
}

}  // namespace fhash::cli
