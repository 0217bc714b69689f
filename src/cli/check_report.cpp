#include "cli/check_report.hpp"

#include <fmt/format.h>

#include "cli/hints.hpp"
#include "cli/status.hpp"

namespace fhash::cli {

CheckReport::CheckReport(const Options& options, Console& console, std::string label)
    : m_options(options), m_console(console), m_label(std::move(label)) {}

void CheckReport::entry(const ManifestEntry& entry, const EntryOutcome& outcome) {
    ++m_properly_formatted;
    switch (outcome.status) {
        case EntryStatus::ok:
            ++m_matched;
            if (!m_options.quiet && !m_options.status) {
                m_console.out(status_line(m_console, entry.name, Status::ok));
            }
            break;
        case EntryStatus::mismatch:
            ++m_mismatched;
            if (!m_options.status) {
                m_console.out(status_line(m_console, entry.name, Status::failed));
            }
            break;
        case EntryStatus::missing:
            // --only: the named files must be there, --ignore-missing or not.
            if (!m_options.ignore_missing || !m_options.only.empty()) {
                unreadable(entry, outcome);
            }
            break;
        case EntryStatus::unreadable:
            unreadable(entry, outcome);
            break;
    }
}

void CheckReport::unreadable(const ManifestEntry& entry, const EntryOutcome& outcome) {
    ++m_read_failures;
    m_console.file_error(worded(outcome));
    if (!m_options.status) {
        m_console.out(status_line(m_console, entry.name, Status::unreadable));
    }
}

void CheckReport::skipped() {
    ++m_properly_formatted;
}

void CheckReport::malformed(std::size_t line) {
    ++m_malformed;
    if (m_options.warn) {
        m_console.error(
            fmt::format("{}: {}: improperly formatted checksum line", quote_name(m_label), line));
    }
}

void CheckReport::warn(std::uint64_t count, const char* one, const char* many) {
    if (count != 0) {
        m_console.error(fmt::format("WARNING: {} {}", count, count == 1 ? one : many));
    }
}

void CheckReport::summary() {
    if (!m_options.status) {
        warn(m_malformed, "line is improperly formatted", "lines are improperly formatted");
        warn(m_read_failures, "listed file could not be read", "listed files could not be read");
        warn(m_mismatched, "computed checksum did NOT match", "computed checksums did NOT match");
    }
}

ExitCode CheckReport::stopped() {
    summary();
    return ExitCode::usage;
}

ExitCode CheckReport::finish() {
    if (m_properly_formatted == 0) {
        m_console.error(
            fmt::format("{}: no properly formatted checksum lines found", quote_name(m_label)));
        return ExitCode::usage;
    }
    summary();
    if (m_options.ignore_missing && m_matched == 0 && m_options.only.empty()) {
        m_console.error(fmt::format("{}: no file was verified", quote_name(m_label)));
    }
    // With --only, "something was verified" is decided per named file (CheckSelection).
    const bool ok = (m_matched > 0 || !m_options.only.empty()) && m_mismatched == 0 &&
                    m_read_failures == 0 && (!m_options.strict || m_malformed == 0);
    return ok ? ExitCode::ok : ExitCode::failure;
}

}  // namespace fhash::cli
