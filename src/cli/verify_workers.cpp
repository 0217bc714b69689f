#include "cli/verify_workers.hpp"

#include "cli/jobs.hpp"

namespace fhash::cli {

VerifyWorkers::VerifyWorkers(const VerifyOptions& options, unsigned jobs, Progress& progress)
    : m_jobs(effective_jobs(jobs)), m_progress(progress) {
    m_verifiers.reserve(m_jobs + 1);
    for (unsigned i = 0; i < m_jobs + 1; ++i) {
        m_verifiers.emplace_back(options, progress.counters());
    }
}

EntryOutcome VerifyWorkers::verify(unsigned worker, const ManifestEntry& entry) {
    m_progress.set_current(entry.name);
    return m_verifiers[worker].verify(entry);
}

}  // namespace fhash::cli
