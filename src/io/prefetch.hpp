#pragma once
/// @file prefetch.hpp
/// Reading ahead of the hashing workers: what kind of device holds a path, bringing one
/// file into the page cache without waiting for it, and the prefetching threads.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "fhash/io_plan.hpp"

namespace fhash::io {

/// The kind of device that holds `path` (Linux: the block device's queue/rotational;
/// Windows: the volume's seek-penalty property). unknown when it cannot be told.
DeviceKind device_kind(const std::filesystem::path& path) noexcept;

/// What prefetch_file() found.
enum class Prefetched {
    failed,   ///< could not open it (the worker will report why)
    cached,   ///< its start was in the page cache already: nothing was asked of the disk
    started,  ///< reads of its first `max_bytes` were started (or done, where no async hint)
    unknown,  ///< read, but whether it was cached cannot be told on this platform
};

/// Opens `path`, and unless `probe` finds its first byte cached already, starts reading its
/// first `max_bytes` into the page cache (Linux: posix_fadvise WILLNEED, which does not wait
/// for the reads). Opening alone brings the file's metadata in. The probe (Linux:
/// preadv2 RWF_NOWAIT) never waits for the device, but it starts the kernel's own
/// read-ahead as it fails, and a fast device may finish that before it returns: "cached"
/// then means cached by the time it answered. Best effort; never throws.
Prefetched prefetch_file(const std::filesystem::path& path, std::uint64_t max_bytes,
                         bool probe = true) noexcept;

/// Whether prefetch_file() can tell a cached file from one that is not (false: it can only
/// answer Prefetched::unknown, so adaptive prefetching would never start).
bool prefetch_tells_cached() noexcept;

/// When adaptive prefetching works on every file and when it goes back to sampling, from
/// what each look found (pure: the Prefetcher holds one under its lock).
class PrefetchPolicy {
public:
    static constexpr unsigned k_warm_streak = 64;  ///< cached files in a row: back to sampling
    static constexpr unsigned k_cold_samples = 2;  ///< samples not cached in a row: to work

    explicit PrefetchPolicy(bool active) noexcept : m_active(active) {}

    /// Working on every file (else sampling).
    [[nodiscard]] bool active() const noexcept { return m_active; }
    /// Takes what a look found; true when this look turned sampling into working. A file or
    /// two evicted from a warm tree is no reason to start every thread; k_cold_samples
    /// samples in a row that were not cached are.
    bool record(Prefetched result) noexcept;

private:
    bool m_active;
    unsigned m_warm_streak = 0;   // cached files met in a row while active
    unsigned m_cold_samples = 0;  // samples not cached met in a row while sampling
};

/// Threads that run ahead of the workers through the files submitted to a run, in
/// submission order, bringing each one's start into the page cache so that reads wait on
/// the device in parallel rather than one worker at a time. Files the workers have taken
/// already are skipped; the prefetchers stay at most `lookahead` files ahead of them.
///
/// Adaptive mode: while the files it looks at are cached (a warm run), one thread samples one
/// file in k_sample_every; when PrefetchPolicy says so, all the threads (started then) work
/// on every file, until it says to sample again.
class Prefetcher {
public:
    static constexpr std::uint64_t k_sample_every = 64;
    static constexpr std::uint64_t k_max_bytes = std::uint64_t{8} << 20;

    Prefetcher(unsigned threads, bool adaptive, std::uint64_t lookahead);
    ~Prefetcher();
    Prefetcher(const Prefetcher&) = delete;
    Prefetcher& operator=(const Prefetcher&) = delete;

    /// The next submitted file (sequence numbers count the calls from 0).
    void push(const std::filesystem::path& path);
    /// A worker has taken file `seq`: prefetching it is pointless from now on. Lock-free.
    void taken(std::uint64_t seq) noexcept;

    /// Files prefetch_file() was called on, and those it started reads for (for tests and
    /// the curious).
    [[nodiscard]] std::uint64_t looked_at() const noexcept { return m_looked_at.load(); }
    [[nodiscard]] std::uint64_t started() const noexcept { return m_started.load(); }
    /// Threads running now: one while an adaptive prefetcher samples, all once it works.
    [[nodiscard]] std::size_t threads() const;

private:
    void run();
    /// The next file to look at, waiting as needed (called with the lock held); nullopt
    /// when stopping.
    std::optional<std::filesystem::path> next_file(std::unique_lock<std::mutex>& lock);
    /// Far enough ahead: waits for the workers to take more files.
    void wait_for_workers(std::unique_lock<std::mutex>& lock);
    /// Switches between working on every file and sampling, from what a look found.
    void record(Prefetched result);
    /// Starts threads until `count` run (called with the lock held, or from the
    /// constructor); never after stopping.
    void start_threads(unsigned count);

    const bool m_adaptive;
    const std::uint64_t m_lookahead;
    const unsigned m_wanted;  // threads once working on every file
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::filesystem::path> m_queue;  // files m_base, m_base + 1, ...
    std::uint64_t m_base = 0;
    std::uint64_t m_pushed = 0;
    std::uint64_t m_next = 0;  // the next file a prefetcher takes
    PrefetchPolicy m_policy;   // working on every file, or sampling
    bool m_stopping = false;
    bool m_polling = false;  // a thread waits for the workers to advance (the others sleep)
    unsigned m_waiting_for_files = 0;          // threads asleep until the next file is pushed
    std::atomic<std::uint64_t> m_frontier{0};  // one past the highest file a worker took
    std::atomic<std::uint64_t> m_looked_at{0};
    std::atomic<std::uint64_t> m_started{0};
    std::vector<std::thread> m_threads;
};

}  // namespace fhash::io
