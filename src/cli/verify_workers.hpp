#pragma once
/// @file verify_workers.hpp
/// The verifying side of the modes that check entries (-c, --audit, FCIV's -v): one Verifier
/// per worker of an OrderedPool, each reusing its hashers and feeding the run's counters,
/// and one for the calling thread.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "cli/progress.hpp"
#include "fhash/manifest.hpp"
#include "fhash/verify.hpp"
#include "io/prefetch.hpp"

namespace fhash::cli {

class VerifyWorkers {
public:
    /// `jobs`: -j (0 = one per core); `io_threads`: --io-threads (0 = by the device under
    /// `device_probe`, see io_plan.hpp). `progress` must outlive this object.
    VerifyWorkers(const VerifyOptions& options, unsigned jobs, Progress& progress,
                  unsigned io_threads = 0, const std::filesystem::path& device_probe = {});

    /// The number of workers to give the OrderedPool.
    [[nodiscard]] unsigned jobs() const noexcept { return m_jobs; }
    /// Whether the pool may run one worker inline (not when prefetchers read ahead of it:
    /// the producer must get ahead).
    [[nodiscard]] bool allow_inline() const noexcept { return !m_prefetcher; }
    /// Announces an entry a worker will verify, in submission order, so that its file is
    /// read ahead; returns its number for verify(). Without prefetchers it does nothing.
    std::uint64_t ahead(const ManifestEntry& entry);
    /// Verifies `entry` with worker `worker`'s Verifier and names it on the progress line.
    /// Each worker index is used by one thread at a time. `seq`: from ahead(), if called.
    EntryOutcome verify(unsigned worker, const ManifestEntry& entry,
                        std::uint64_t seq = k_not_ahead);

    static constexpr std::uint64_t k_not_ahead = ~std::uint64_t{0};
    /// The calling thread's own Verifier (standard input, read in order; --only's names).
    [[nodiscard]] Verifier& own() noexcept { return m_verifiers.back(); }

private:
    unsigned m_jobs;
    Progress& m_progress;
    std::vector<Verifier> m_verifiers;  // one per worker, and the last for the calling thread
    std::unique_ptr<io::Prefetcher> m_prefetcher;
    std::uint64_t m_announced = 0;
};

}  // namespace fhash::cli
