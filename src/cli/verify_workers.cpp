#include "cli/verify_workers.hpp"

#include "cli/hash_pool.hpp"
#include "cli/jobs.hpp"

namespace fhash::cli {

VerifyWorkers::VerifyWorkers(const VerifyOptions& options, unsigned jobs, Progress& progress,
                             unsigned io_threads, const std::filesystem::path& device_probe)
    : m_jobs(1), m_progress(progress) {
    RunSettings settings;
    settings.jobs = jobs;
    settings.io_threads = io_threads;
    settings.device_probe = device_probe;
    const IoPlan plan = run_plan(settings);
    m_jobs = plan.workers;
    m_verifiers.reserve(m_jobs + 1);
    for (unsigned i = 0; i < m_jobs + 1; ++i) {
        m_verifiers.emplace_back(options, progress.counters());
    }
    if (plan.prefetchers > 0) {
        m_prefetcher =
            std::make_unique<io::Prefetcher>(plan.prefetchers, plan.adaptive, k_prefetch_lookahead);
    }
}

std::uint64_t VerifyWorkers::ahead(const ManifestEntry& entry) {
    if (!m_prefetcher) {
        return k_not_ahead;
    }
    m_prefetcher->push(own().resolve(entry.name));
    return m_announced++;
}

EntryOutcome VerifyWorkers::verify(unsigned worker, const ManifestEntry& entry, std::uint64_t seq) {
    if (m_prefetcher && seq != k_not_ahead) {
        m_prefetcher->taken(seq);
    }
    m_progress.set_current(entry.name);
    return m_verifiers[worker].verify(entry);
}

}  // namespace fhash::cli
