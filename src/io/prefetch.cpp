#include "io/prefetch.hpp"

#include <algorithm>
#include <chrono>
#include <optional>
#include <system_error>
#include <utility>

namespace fhash::io {

Prefetcher::Prefetcher(unsigned threads, bool adaptive, std::uint64_t lookahead)
    : m_adaptive(adaptive),
      m_lookahead(lookahead == 0 ? 1 : lookahead),
      m_wanted(threads),
      m_policy(!adaptive) {
    m_threads.reserve(threads);
    // Sampling needs one thread: the others are started when a file proves cold, so that a
    // warm run (and a short one) never pays for them.
    const std::lock_guard lock(m_mutex);
    start_threads(adaptive ? std::min(threads, 1U) : threads);
}

void Prefetcher::start_threads(unsigned count) {
    while (m_threads.size() < count && !m_stopping) {
        try {
            m_threads.emplace_back([this] { run(); });
        } catch (const std::system_error&) {
            break;  // fewer threads: prefetching is best effort
        }
    }
}

std::size_t Prefetcher::threads() const {
    const std::lock_guard lock(m_mutex);
    return m_threads.size();
}

Prefetcher::~Prefetcher() {
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (std::thread& thread : m_threads) {
        thread.join();
    }
}

void Prefetcher::push(const std::filesystem::path& path) {
    bool wake = false;
    {
        const std::lock_guard lock(m_mutex);
        // While sampling, the threads only care about every k_sample_every-th file: waking
        // them (or copying the name) for each one would cost a warm run per file. A file
        // left nameless is passed over, should the prefetchers start working before it.
        const bool wanted = m_policy.active() || m_pushed % k_sample_every == 0;
        m_queue.push_back(wanted ? path : std::filesystem::path());
        ++m_pushed;
        // Only a thread that ran out of files needs waking: one far enough ahead waits for
        // the workers, not for more files (a wake-up per sample then cost a warm run
        // hundreds of context switches).
        wake = wanted && m_waiting_for_files > 0;
    }
    if (wake) {
        m_wake.notify_one();
    }
}

void Prefetcher::taken(std::uint64_t seq) noexcept {
    std::uint64_t frontier = m_frontier.load(std::memory_order_relaxed);
    while (frontier < seq + 1 &&
           !m_frontier.compare_exchange_weak(frontier, seq + 1, std::memory_order_relaxed)) {
    }
}

std::optional<std::filesystem::path> Prefetcher::next_file(std::unique_lock<std::mutex>& lock) {
    for (;;) {
        if (m_stopping) {
            return std::nullopt;
        }
        const std::uint64_t frontier = m_frontier.load(std::memory_order_relaxed);
        if (m_next < frontier) {
            m_next = frontier;  // the workers are ahead: skip what they took
        }
        if (!m_policy.active() && m_next < m_pushed) {
            // Sampling: jump to the next sampled file.
            const std::uint64_t sample =
                (m_next + k_sample_every - 1) / k_sample_every * k_sample_every;
            m_next = sample < m_pushed ? sample : m_pushed;
        }
        while (m_base < m_next && !m_queue.empty()) {
            m_queue.pop_front();
            ++m_base;
        }
        if (m_next >= m_pushed) {
            ++m_waiting_for_files;
            m_wake.wait(lock);
            --m_waiting_for_files;
            continue;
        }
        if (m_next >= frontier + m_lookahead) {
            wait_for_workers(lock);
            continue;
        }
        std::filesystem::path path = m_queue[m_next - m_base];
        ++m_next;
        if (!path.empty()) {  // empty: pushed while sampling, and not a sample
            return path;
        }
    }
}

void Prefetcher::wait_for_workers(std::unique_lock<std::mutex>& lock) {
    // The workers do not signal (taken() is lock-free), so one thread looks again soon and
    // wakes the others when there is room; a warm run (sampling) looks less often.
    if (m_polling) {
        m_wake.wait(lock);
        return;
    }
    m_polling = true;
    m_wake.wait_for(
        lock, m_policy.active() ? std::chrono::milliseconds(2) : std::chrono::milliseconds(10));
    m_polling = false;
    if (m_policy.active() && m_next < m_frontier.load(std::memory_order_relaxed) + m_lookahead) {
        m_wake.notify_all();  // sampling needs no other thread
    }
}

bool PrefetchPolicy::record(Prefetched result) noexcept {
    if (!m_active) {
        if (result == Prefetched::started && ++m_cold_samples >= k_cold_samples) {
            m_cold_samples = 0;
            m_warm_streak = 0;
            m_active = true;
            return true;
        }
        if (result == Prefetched::cached) {
            m_cold_samples = 0;
        }
        return false;
    }
    if (result == Prefetched::started) {
        m_warm_streak = 0;
    } else if (result == Prefetched::cached && ++m_warm_streak >= k_warm_streak) {
        m_active = false;  // warm again: back to sampling
        m_warm_streak = 0;
    }
    return false;
}

void Prefetcher::record(Prefetched result) {
    if (!m_adaptive) {
        return;  // asked for: always working
    }
    if (m_policy.record(result)) {
        start_threads(m_wanted);
        m_wake.notify_all();  // cold: every thread to work
    }
}

void Prefetcher::run() {
    std::unique_lock lock(m_mutex);
    while (const std::optional<std::filesystem::path> path = next_file(lock)) {
        lock.unlock();
        // Asked-for prefetchers need not ask whether a file is cached.
        const Prefetched result = prefetch_file(*path, k_max_bytes, m_adaptive);
        m_looked_at.fetch_add(1, std::memory_order_relaxed);
        if (result == Prefetched::started) {
            m_started.fetch_add(1, std::memory_order_relaxed);
        }
        lock.lock();
        record(result);
    }
}

}  // namespace fhash::io
