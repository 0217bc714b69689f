#include <fmt/format.h>

#include "cli/fciv.hpp"
#include "cli/jobs.hpp"
#include "cli/progress.hpp"
#include "cli/verify_workers.hpp"
#include "core/ordered_pool.hpp"
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

/// One database entry on its way through the pool, in database order.
struct VerifyItem {
    ManifestEntry entry;  ///< with the selected digests only
    EntryOutcome outcome;
    bool no_digest = false;  ///< none of the selected algorithms is stored for it
};

/// Verifies the entries on -j workers (one Verifier each) and gathers FCIV's report in
/// database order.
class FcivVerify {
public:
    FcivVerify(const FcivArgs& args, Console& console)
        : m_args(args),
          m_console(console),
          m_progress(ProgressMode::automatic, console, 0),
          m_workers(verify_options(args), args.jobs, m_progress) {}

    /// Verifies every entry; returns true if all matched. The progress line is gone after.
    bool run(const std::vector<ManifestEntry>& database) {
        OrderedPool<VerifyItem, VerifyItem> pool(
            m_workers.jobs(), k_reorder_window,
            [this](unsigned worker, VerifyItem& item) {
                item.outcome = m_workers.verify(worker, item.entry);
                return std::move(item);
            },
            [this](VerifyItem& item) { take(item); });
        for (const ManifestEntry& stored : database) {
            VerifyItem item;
            item.entry = stored;
            item.entry.digests = selected(m_args, stored);
            if (item.entry.digests.empty()) {
                item.no_digest = true;
                pool.submit_done(std::move(item));
            } else {
                pool.submit(std::move(item));
            }
        }
        pool.finish();
        m_progress.stop();
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

    void take(const VerifyItem& item) {
        if (item.no_digest) {
            m_console.error(fmt::format("{}: no digest of the selected algorithm in the database",
                                        quote_name(item.entry.name)));
            m_ok = false;
            return;
        }
        const ManifestEntry& entry = item.entry;
        const EntryOutcome& outcome = item.outcome;
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
    Progress m_progress;  // owns the counters the verifiers feed: made before them
    VerifyWorkers m_workers;
    FcivVerifyReport m_report;
    bool m_ok = true;
};

}  // namespace

ExitCode fciv_verify(const FcivArgs& args, const std::vector<ManifestEntry>& database,
                     Console& console) {
    console.out(fmt::format("Starting checksums verification : {}\n\n", fciv_timestamp()));
    FcivVerify verify(args, console);
    const bool ok = verify.run(database);
    console.out(verify.report().text(ok));
    console.out(fmt::format("End Verification : {}\n\n", fciv_timestamp()));
    return ok ? ExitCode::ok : ExitCode::failure;
}

}  // namespace fhash::cli
