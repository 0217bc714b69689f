#include <memory>

#include "cli/fciv.hpp"
#include "cli/hash_pool.hpp"
#include "cli/progress.hpp"
#include "fhash/engine.hpp"

namespace fhash::cli {
namespace {

/// -add's state: the algorithms, the database being built (with -xml) and the outcome.
class FcivAdd {
public:
    FcivAdd(const FcivArgs& args, Console& console) : m_args(args), m_console(console) {
        m_algorithms =
            args.algorithms.empty() ? std::vector<Algorithm>{Algorithm::md5} : args.algorithms;
    }

    ExitCode run() {
        std::vector<std::string> exclusions;
        if (m_args.exclusions) {
            Result<std::vector<std::string>> loaded = load_fciv_exclusions(*m_args.exclusions);
            if (!loaded) {
                m_console.file_error(loaded.error());
                return ExitCode::usage;
            }
            exclusions = std::move(*loaded);
        }
        if (m_args.xml && !load_database()) {
            return ExitCode::usage;
        }
        FcivTargets targets = collect_fciv_targets(m_args, exclusions, m_console);
        m_ok = targets.ok;
        if (!hash(targets.files)) {
            return ExitCode::usage;
        }
        if (m_args.xml && !save_database()) {
            return ExitCode::usage;
        }
        return m_ok ? ExitCode::ok : ExitCode::failure;
    }

private:
    bool load_database() {
        Result<std::vector<ManifestEntry>> loaded = load_fciv_database(*m_args.xml, false);
        if (!loaded) {
            m_console.file_error(loaded.error());
            if (loaded.error().code == Errc::malformed) {  // it exists: say it is kept
                m_console.error("the database was left unchanged");
            }
            return false;
        }
        m_database = std::move(*loaded);
        return true;
    }

    bool save_database() {
        Result<void> saved = save_fciv_database(*m_args.xml, m_database);
        if (!saved) {
            m_console.file_error(saved.error());
            return false;
        }
        return true;
    }

    /// Hashes `targets` on -j workers (the progress line shown when the run proves long)
    /// and takes their results in order. False if the backend lacks an algorithm.
    bool hash(std::vector<FcivTarget>& targets) {
        std::vector<Input> inputs;
        inputs.reserve(targets.size());
        for (FcivTarget& target : targets) {
            // The stored name is the display: errors name the file as FCIV would.
            inputs.push_back(Input{std::move(target.path), std::move(target.name), false});
        }
        RunSettings settings;
        settings.jobs = m_args.jobs;
        if (progress_possible(settings.progress)) {
            settings.progress_total = progress_total(inputs);
        }
        Result<std::unique_ptr<HashPool>> pool = HashPool::create(
            m_algorithms, settings, m_console, [this](Hashed&& hashed) { take(hashed); });
        if (!pool) {
            m_console.file_error(pool.error());
            return false;
        }
        if (!m_args.xml && m_algorithms.size() > 1 && !inputs.empty()) {
            m_console.out(fciv_column_header(m_algorithms));
        }
        for (Input& input : inputs) {
            (*pool)->submit(std::move(input));
        }
        (*pool)->finish();
        return true;
    }

    /// One file's outcome: an error, a line on the screen, or an entry for the database.
    void take(Hashed& hashed) {
        if (!hashed.digests) {
            m_console.file_error(hashed.digests.error());  // its path is the stored name
            m_ok = false;
            return;
        }
        if (!m_args.xml) {
            m_console.out(fciv_digest_line(hashed.digests->digests, hashed.display));
            return;
        }
        ManifestEntry entry;
        entry.name = std::move(hashed.display);
        for (std::size_t i = 0; i < m_algorithms.size(); ++i) {
            entry.digests.emplace_back(m_algorithms[i], hashed.digests->digests[i]);
        }
        merge_fciv_entry(m_database, std::move(entry));
    }

    const FcivArgs& m_args;
    Console& m_console;
    std::vector<Algorithm> m_algorithms;
    std::vector<ManifestEntry> m_database;
    bool m_ok = true;
};

}  // namespace

ExitCode fciv_add(const FcivArgs& args, Console& console) {
    console.out(fciv_header());
    if (args.targets.empty()) {
        console.out(fciv_help());
        return ExitCode::failure;  // FCIV exits 1 when run without a file
    }
    return FcivAdd(args, console).run();
}

}  // namespace fhash::cli
