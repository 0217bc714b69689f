#pragma once
/// @file lent_threads.hpp
/// The engine's UpdateThreads (fhash/hasher.hpp): the spare cores lent to the one hasher of
/// a big file whose updates can be spread over threads (BLAKE3), where other algorithms get
/// one thread each (fan_out.hpp).

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <span>
#include <thread>
#include <vector>

#include "fhash/error.hpp"
#include "fhash/hasher.hpp"

namespace fhash::detail {

/// `count` threads, the caller's included: count - 1 helpers, started on the first run()
/// that needs them and joined by the destructor. One run() at a time, from one thread.
class LentThreads final : public UpdateThreads {
public:
    explicit LentThreads(unsigned count) noexcept : m_count(count == 0 ? 1 : count) {}
    ~LentThreads() override;
    LentThreads(const LentThreads&) = delete;
    LentThreads& operator=(const LentThreads&) = delete;

    /// The bytes of a memory map that the next tasks read: each task then runs under its
    /// thread's SIGBUS guard (sigbus_guard.hpp), and a fault abandons it and makes run()
    /// return Errc::changed_while_reading. Empty (the default): tasks run unguarded.
    void guard_reads(std::span<const std::uint8_t> mapped) noexcept { m_mapped = mapped; }

    [[nodiscard]] unsigned count() const noexcept override { return m_count; }
    Result<void> run(std::size_t tasks, void (*task)(void* context, std::size_t index),
                     void* context) override;

private:
    struct Job {
        std::size_t tasks = 0;
        void (*task)(void*, std::size_t) = nullptr;
        void* context = nullptr;
    };

    /// Takes task indices of the current job until none are left; false if one faulted.
    bool work(const Job& job);
    void helper_loop(std::uint64_t seen);

    unsigned m_count;
    std::span<const std::uint8_t> m_mapped;
    std::vector<std::thread> m_helpers;
    std::mutex m_mutex;
    std::condition_variable m_start_cv;
    std::condition_variable m_done_cv;
    Job m_job;
    std::size_t m_next = 0;          ///< the next task index to take (under m_mutex)
    std::uint64_t m_generation = 0;  ///< counts jobs; helpers wait for a new one
    std::size_t m_helpers_busy = 0;  ///< helpers still on the current job
    bool m_faulted = false;
    bool m_stopping = false;
};

}  // namespace fhash::detail
