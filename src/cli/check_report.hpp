#pragma once
/// @file check_report.hpp
/// What -c prints for one manifest, as coreutils' md5sum -c does: a status line per entry
/// ("NAME: OK", "NAME: FAILED", "NAME: FAILED open or read"), "improperly formatted"
/// warnings with -w, and the WARNING summary; --quiet, --status, --ignore-missing and
/// --strict decide what is printed and what fails.

#include <cstdint>
#include <string>

#include "cli/console.hpp"
#include "cli/exit_code.hpp"
#include "cli/options.hpp"
#include "cli/status.hpp"
#include "fhash/manifest.hpp"
#include "fhash/verify.hpp"

namespace fhash::cli {

class CheckReport {
public:
    /// `label`: the manifest as named in messages ("standard input" for -).
    CheckReport(const Options& options, Console& console, std::string label);

    /// Reports one entry's outcome.
    void entry(const ManifestEntry& entry, const EntryOutcome& outcome);
    /// A valid entry left out by --only.
    void skipped();
    /// An improperly formatted line.
    void malformed(std::size_t line);
    /// Prints the summary and returns this manifest's outcome: usage (2) when it held no
    /// properly formatted line, failure (1) on any mismatch or unreadable file, when nothing
    /// was verified, or with --strict on a malformed line.
    ExitCode finish();
    /// The manifest was stopped part way (a read error, --confine), its reason already
    /// printed: the WARNING summary of what was checked before, and usage (2).
    ExitCode stopped();

private:
    /// "NAME: WORD<suffix>\n", the name shown as the profile's tool shows it.
    [[nodiscard]] std::string line(std::string_view name, Status status,
                                   std::string_view suffix = {}) const;
    void summary();
    void unreadable(const ManifestEntry& entry, const EntryOutcome& outcome);
    void warn(std::uint64_t count, const char* one, const char* many);

    const Options& m_options;
    Console& m_console;
    std::string m_label;
    std::uint64_t m_properly_formatted = 0;
    std::uint64_t m_malformed = 0;
    std::uint64_t m_matched = 0;
    std::uint64_t m_mismatched = 0;
    std::uint64_t m_read_failures = 0;
};

}  // namespace fhash::cli
