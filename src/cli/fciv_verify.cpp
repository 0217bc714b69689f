#include <fmt/format.h>

#include "cli/fciv.hpp"
#include "fhash/verify.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

/// Algorithms to verify for an entry: those asked for, else all it holds.
std::vector<std::pair<Algorithm, Digest>> selected(const FcivArgs& args,
                                                   const ManifestEntry& entry) {
    if (args.algorithms.empty()) {
        return entry.digests;
    }
    std::vector<std::pair<Algorithm, Digest>> out;
    for (const Algorithm a : args.algorithms) {
        for (const auto& pair : entry.digests) {
            if (pair.first == a) {
                out.push_back(pair);
            }
        }
    }
    return out;
}

/// Verifies the entries one by one and gathers FCIV's report.
class FcivVerify {
public:
    FcivVerify(const FcivArgs& args, Console& console)
        : m_args(args), m_console(console), m_verifier(verify_options(args)) {}

    /// Verifies every entry; returns true if all matched.
    bool run(const std::vector<ManifestEntry>& database) {
        for (const ManifestEntry& stored : database) {
            ManifestEntry entry = stored;
            entry.digests = selected(m_args, stored);
            if (entry.digests.empty()) {
                m_console.error(
                    fmt::format("{}: no digest of the selected algorithm in the database",
                                quote_name(stored.name)));
                m_ok = false;
                continue;
            }
            take(entry, m_verifier.verify(entry));
        }
        return m_ok;
    }

    [[nodiscard]] const FcivVerifyReport& report() const noexcept { return m_report; }

private:
    static VerifyOptions verify_options(const FcivArgs& args) {
        VerifyOptions options;
        if (args.base_path) {
            options.base_dir = platform::path_from_utf8(*args.base_path);
        }
        return options;
    }

    void take(const ManifestEntry& entry, const EntryOutcome& outcome) {
        switch (outcome.status) {
            case EntryStatus::ok:
                break;
            case EntryStatus::mismatch:
                m_ok = false;
                for (std::size_t i = 0; i < entry.digests.size(); ++i) {
                    if (entry.digests[i].second != outcome.computed[i].second) {
                        m_report.add_modified(entry.name, entry.digests[i].second,
                                              outcome.computed[i].second);
                    }
                }
                break;
            case EntryStatus::missing:
                m_ok = false;
                m_report.add_missing(entry.name);
                break;
            case EntryStatus::unreadable:
                m_ok = false;
                m_console.file_error(outcome.error);
                m_report.add_missing(entry.name);
                break;
        }
    }

    const FcivArgs& m_args;
    Console& m_console;
    Verifier m_verifier;
    FcivVerifyReport m_report;
    bool m_ok = true;
};

}  // namespace

ExitCode fciv_verify(const FcivArgs& args, Console& console) {
    console.out(fciv_header());
    if (!args.xml) {
        console.error("-v needs -xml DB");
        return ExitCode::usage;
    }
    Result<std::vector<ManifestEntry>> database = load_fciv_database(*args.xml, true);
    if (!database) {
        console.file_error(database.error());
        return ExitCode::usage;
    }
    console.out(fmt::format("Starting checksums verification : {}\n\n", fciv_timestamp()));
    FcivVerify verify(args, console);
    const bool ok = verify.run(*database);
    console.out(verify.report().text(ok));
    console.out(fmt::format("End Verification : {}\n\n", fciv_timestamp()));
    return ok ? ExitCode::ok : ExitCode::failure;
}

}  // namespace fhash::cli
