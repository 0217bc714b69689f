#include "cli/check_report.hpp"

#include <fmt/format.h>

#include "cli/hints.hpp"
#include "cli/status.hpp"

namespace fhash::cli {

CheckReport::CheckReport(const Options& options, Console& console, std::string label)
    : m_options(options), m_console(console), m_label(std::move(label)) {}

namespace {

/// An I/O error as b3sum (Rust's std::io::Error) words it: "REASON (os error N)".
std::string b3sum_reason(const Error& error) {
    if (error.code.category() == std::system_category() ||
        error.code.category() == std::generic_category()) {
        return fmt::format("{} (os error {})", error.reason(), error.code.value());
    }
    return error.reason();
}

}  // namespace

std::string CheckReport::line(std::string_view name, Status status, std::string_view suffix) const {
    switch (m_options.profile.check_style) {
        case CheckStyle::b3sum: {
            std::string shown;
            const bool escaped = escape_b3sum_name(name, shown);
            return fmt::format("{}{}: {}{}\n", escaped ? "\\" : "", shown,
                               status_word(m_console, status), suffix);
        }
        case CheckStyle::xxhsum:
            return fmt::format("{}: {}{}\n", name, status_word(m_console, status), suffix);
        case CheckStyle::gnu:
            break;
    }
    return status_line(m_console, name, status, suffix);
}

void CheckReport::entry(const ManifestEntry& entry, const EntryOutcome& outcome) {
    ++m_properly_formatted;
    if (m_options.profile.check_style == CheckStyle::b3sum &&
        entry.name.find("\xEF\xBF\xBD") != std::string::npos) {
        ++m_read_failures;  // b3sum refuses the names its own lossy output made
        m_console.error("Unicode replacement character in path");
        return;
    }
    switch (outcome.status) {
        case EntryStatus::ok:
            ++m_matched;
            if (!m_options.quiet && !m_options.status) {
                m_console.out(line(entry.name, Status::ok));
            }
            break;
        case EntryStatus::mismatch:
            ++m_mismatched;
            if (!m_options.status) {
                m_console.out(line(entry.name, Status::failed));
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
    switch (m_options.profile.check_style) {
        case CheckStyle::b3sum:
            if (!m_options.status) {
                m_console.out(line(entry.name, Status::failed,
                                   fmt::format(" ({})", b3sum_reason(outcome.error))));
            }
            return;
        case CheckStyle::xxhsum:
            if (!m_options.status) {
                m_console.out(fmt::format("{}:{}: Could not open or read '{}': {}.\n", m_label,
                                          entry.line, entry.name, outcome.error.reason()));
            }
            return;
        case CheckStyle::gnu:
            break;
    }
    m_console.file_error(worded(outcome));
    if (!m_options.status) {
        m_console.out(line(entry.name, Status::unreadable));
    }
}

void CheckReport::skipped() {
    ++m_properly_formatted;
}

void CheckReport::malformed(std::size_t line) {
    ++m_malformed;
    if (m_options.warn && m_options.profile.check_style == CheckStyle::xxhsum) {
        m_console.error_line(
            fmt::format("{}:{}: Error: Improperly formatted checksum line.", m_label, line));
    } else if (m_options.warn) {
        const std::string& type = m_options.profile.check_type;
        m_console.error(fmt::format("{}: {}: improperly formatted {}{}checksum line",
                                    quote_name(m_label), line, type, type.empty() ? "" : " "));
    }
}

void CheckReport::warn(std::uint64_t count, const char* one, const char* many) {
    if (count == 0) {
        return;
    }
    if (m_options.profile.check_style == CheckStyle::xxhsum) {
        m_console.out(fmt::format("{} {}\n", count, count == 1 ? one : many));
    } else {
        m_console.error(fmt::format("WARNING: {} {}", count, count == 1 ? one : many));
    }
}

void CheckReport::summary() {
    if (!m_options.status && m_options.profile.check_style != CheckStyle::b3sum) {
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
        if (m_options.profile.check_style == CheckStyle::xxhsum) {
            m_console.error_line(
                fmt::format("{}: no properly formatted xxHash checksum lines found", m_label));
        } else {
            m_console.error(
                fmt::format("{}: no properly formatted checksum lines found", quote_name(m_label)));
        }
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
