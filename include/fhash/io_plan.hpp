#pragma once
/// @file io_plan.hpp
/// How many files a run reads at once and how many it hashes at once: the policy, a pure
/// function (unit-tested) of what the user asked for, the cores and the kind of device.

namespace fhash {

/// What the storage under the inputs is, as far as reading in parallel is concerned.
enum class DeviceKind {
    unknown,      ///< no block device found (a network or virtual file system, say)
    solid_state,  ///< no seek penalty: many reads in flight keep it busy
    rotational,   ///< a spinning disk: parallel reads seek, one reader in order is fastest
};

/// Reads in flight per core on a device without a seek penalty (measured on the 2-core
/// benchmark machine: see README, Performance, cold cache).
inline constexpr unsigned k_reads_per_core = 8;

struct IoPlan {
    /// Threads that read and hash files (-j).
    unsigned workers = 1;
    /// Threads that only bring the next files into the page cache ahead of the workers, so
    /// that workers + prefetchers files are read at once.
    unsigned prefetchers = 0;
    /// The prefetchers work only while they find files that are not cached yet (a warm run
    /// then costs nothing); false when --io-threads asked for them explicitly.
    bool adaptive = true;
};

/// `jobs`: -j (0 = one per core); `io_threads`: --io-threads (0 = by device); `cores` >= 1.
/// - --io-threads N: N files read at once. Below the workers it lowers the workers to N;
///   above, the rest are prefetchers that always work.
/// - Otherwise on a rotational device: one reader in order (one worker unless -j says
///   otherwise, no prefetchers).
/// - Otherwise: k_reads_per_core reads per core in flight, the workers' own included, by
///   adaptive prefetchers.
IoPlan plan_io(unsigned jobs, unsigned io_threads, unsigned cores, DeviceKind device) noexcept;

}  // namespace fhash
