#include "cli/modes.hpp"

#include <array>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "cli/check_selection.hpp"
#include "cli/hints.hpp"
#include "cli/jobs.hpp"
#include "cli/manifest_reader.hpp"
#include "cli/progress.hpp"
#include "core/ordered_pool.hpp"
#include "fhash/manifest.hpp"
#include "fhash/verify.hpp"
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

const char* plural(std::uint64_t n, const char* one, const char* many) {
    return n == 1 ? one : many;
}

/// One manifest line on its way through the pool, in manifest order.
struct CheckItem {
    enum class Kind { entry, skipped, malformed };
    Kind kind = Kind::entry;
    ManifestEntry entry;
    EntryOutcome outcome;
    std::size_t line = 0;
};

class ManifestChecker {
public:
    ManifestChecker(const Options& options, Console& console, std::string label)
        : m_options(options), m_console(console), m_label(std::move(label)) {}

    /// Reports one entry's outcome (computed by a Verifier, on any thread).
    void check_entry(const ManifestEntry& entry, const EntryOutcome& outcome) {
        ++m_counts.properly_formatted;
        switch (outcome.status) {
            case EntryStatus::ok:
                ++m_counts.matched;
                if (!m_options.quiet && !m_options.status) {
                    m_console.out(status_name(entry.name) + ": " +
                                  m_console.paint("OK", Tone::good) + "\n");
                }
                break;
            case EntryStatus::mismatch:
                ++m_counts.mismatched;
                if (!m_options.status) {
                    m_console.out(status_name(entry.name) + ": " +
                                  m_console.paint("FAILED", Tone::bad) + "\n");
                }
                break;
            case EntryStatus::missing:
                if (m_options.ignore_missing &&
                    m_options.only.empty()) {  // --only: named files must be there
                    break;
                }
                [[fallthrough]];
            case EntryStatus::unreadable:
                ++m_counts.read_failures;
                m_console.file_error(worded(outcome));
                if (!m_options.status) {
                    m_console.out(status_name(entry.name) + ": " +
                                  m_console.paint("FAILED open or read", Tone::bad) + "\n");
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
            m_console.error(
                fmt::format("{}: no properly formatted checksum lines found", quote_name(m_label)));
            return ExitCode::usage;
        }
        if (!m_options.status) {
            if (m_counts.malformed != 0) {
                m_console.error(
                    fmt::format("WARNING: {} {}", m_counts.malformed,
                                plural(m_counts.malformed, "line is improperly formatted",
                                       "lines are improperly formatted")));
            }
            if (m_counts.read_failures != 0) {
                m_console.error(
                    fmt::format("WARNING: {} {}", m_counts.read_failures,
                                plural(m_counts.read_failures, "listed file could not be read",
                                       "listed files could not be read")));
            }
            if (m_counts.mismatched != 0) {
                m_console.error(
                    fmt::format("WARNING: {} {}", m_counts.mismatched,
                                plural(m_counts.mismatched, "computed checksum did NOT match",
                                       "computed checksums did NOT match")));
            }
        }
        if (m_options.ignore_missing && m_counts.matched == 0 && m_options.only.empty()) {
            m_console.error(fmt::format("{}: no file was verified", quote_name(m_label)));
        }
        // With --only, "something was verified" is decided per named file, in run_check.
        const bool ok = (m_counts.matched > 0 || !m_options.only.empty()) &&
                        m_counts.mismatched == 0 && m_counts.read_failures == 0 &&
                        (!m_options.strict || m_counts.malformed == 0);
        return ok ? ExitCode::ok : ExitCode::failure;
    }

private:
    const Options& m_options;
    Console& m_console;
    std::string m_label;
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
    verify_options.manifest_is_stdin = reader.is_stdin();
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
    ManifestChecker checker(options, console, reader.label());

    // Entries are verified on the workers (one Verifier each: they reuse their hashers) and
    // reported here in manifest order. The manifest is streamed: only the reorder window's
    // entries are held at any time.
    const unsigned jobs = effective_jobs(options.jobs);
    std::vector<Verifier> verifiers;
    verifiers.reserve(jobs + 1);
    for (unsigned i = 0; i < jobs + 1; ++i) {  // the last one for this thread ("-", --only)
        verifiers.emplace_back(verify_options, progress.counters());
    }
    Verifier& own_verifier = verifiers.back();
    auto work = [&verifiers, &progress](unsigned worker, CheckItem& item) {
        progress.set_current(item.entry.name);
        item.outcome = verifiers[worker].verify(item.entry);
        return std::move(item);
    };
    auto deliver = [&checker](CheckItem& item) {
        switch (item.kind) {
            case CheckItem::Kind::entry:
                checker.check_entry(item.entry, item.outcome);
                break;
            case CheckItem::Kind::skipped:
                checker.skip_entry();
                break;
            case CheckItem::Kind::malformed:
                checker.malformed_line(item.line);
                break;
        }
    };
    OrderedPool<CheckItem, CheckItem> pool(jobs, k_reorder_window, work, deliver);

    ManifestEntry entry;
    std::size_t line = 0;
    for (;;) {
        Result<ManifestReader::Event> event = reader.next(entry, line);
        if (!event) {
            pool.finish();
            console.file_error(event.error());
            checker.finish();
            return ExitCode::usage;
        }
        if (*event == ManifestReader::Event::end) {
            break;
        }
        CheckItem item;
        item.line = line;
        if (*event == ManifestReader::Event::entry) {
            if (options.confine && !is_confined(entry.name)) {
                // An untrusted manifest reaching out of its folder: stop using it (the entries
                // before it are reported first).
                pool.finish();
                console.error(fmt::format(
                    "{}: {}: {} refused by --confine: absolute, or outside the base folder",
                    quote_name(reader.label()), line, quote_name(entry.name)));
                checker.finish();
                return ExitCode::usage;
            }
            item.entry = std::move(entry);
            entry = ManifestEntry{};
            if (selection.active() && !selection.wants(item.entry.name, own_verifier)) {
                item.kind = CheckItem::Kind::skipped;
                pool.submit_done(std::move(item));
            } else if (item.entry.name == "-") {
                item.outcome = own_verifier.verify(item.entry);  // standard input, read in order
                pool.submit_done(std::move(item));
            } else {
                pool.submit(std::move(item));
            }
        } else {
            item.kind = CheckItem::Kind::malformed;
            pool.submit_done(std::move(item));
        }
    }
    pool.finish();
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
