#pragma once
/// @file verify_workers.hpp
/// The verifying side of the modes that check entries (-c, --audit, FCIV's -v): one Verifier
/// per worker of an OrderedPool, each reusing its hashers and feeding the run's counters,
/// and one for the calling thread.

#include <vector>

#include "cli/progress.hpp"
#include "fhash/manifest.hpp"
#include "fhash/verify.hpp"

namespace fhash::cli {

class VerifyWorkers {
public:
    /// `jobs`: -j (0 = one per core). `progress` must outlive this object.
    VerifyWorkers(const VerifyOptions& options, unsigned jobs, Progress& progress);

    /// The number of workers to give the OrderedPool.
    [[nodiscard]] unsigned jobs() const noexcept { return m_jobs; }
    /// Verifies `entry` with worker `worker`'s Verifier and names it on the progress line.
    /// Each worker index is used by one thread at a time.
    EntryOutcome verify(unsigned worker, const ManifestEntry& entry);
    /// The calling thread's own Verifier (standard input, read in order; --only's names).
    [[nodiscard]] Verifier& own() noexcept { return m_verifiers.back(); }

private:
    unsigned m_jobs;
    Progress& m_progress;
    std::vector<Verifier> m_verifiers;  // one per worker, and the last for the calling thread
};

}  // namespace fhash::cli
