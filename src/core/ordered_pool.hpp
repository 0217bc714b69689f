#pragma once
/// @file ordered_pool.hpp
/// A worker pool whose results come back in submission order, on the submitting thread,
/// through a bounded reorder window. Used by the command line to hash files (or verify
/// manifest entries) in parallel while printing exactly what a sequential run prints.

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace fhash {

/// Runs `work(worker_index, job)` on `workers` threads and calls `deliver(result)` on the
/// thread that calls submit()/finish(), in the order the jobs (and ready-made results) were
/// submitted. At most `window` items are queued, running or waiting for their turn: submit()
/// blocks when the window is full, delivering results as they become due. With one worker
/// (or none) the work runs inline in submit(), so `-j1` is the plain sequential loop,
/// unless inline work is not allowed.
///
/// `work` must not throw. `deliver` runs outside the pool's lock.
///
/// Wake-ups are batched: a waiting producer is woken when the result it is waiting for is a
/// batch ahead of the next due one (or is the last submitted), and otherwise looks every few
/// milliseconds. Waking it for every small file made the threads ping-pong through the
/// kernel; a result that takes long still reaches the output within `k_poll` of its turn.
template <class Job, class Out>
class OrderedPool {
public:
    using Work = std::function<Out(unsigned worker, Job& job)>;
    using Deliver = std::function<void(Out& result)>;

    /// `allow_inline`: false runs even one worker on its own thread, so that submit() returns
    /// at once and the producer runs ahead (for prefetchers that read what is submitted).
    OrderedPool(unsigned workers, std::size_t window, Work work, Deliver deliver,
                bool allow_inline = true)
        : m_work(std::move(work)),
          m_deliver(std::move(deliver)),
          m_inline(allow_inline && workers <= 1),
          m_window(std::max<std::size_t>(window, workers == 0 ? 1 : workers)) {
        if (workers == 0) {
            workers = 1;
        }
        if (m_inline) {
            return;
        }
        // The ring starts small and doubles up to the window while the producer runs ahead:
        // a short run never builds (and faults in) thousands of slots.
        m_slots.resize(std::min(m_window, std::max<std::size_t>(k_first_slots, workers)));
        m_threads.reserve(workers);
        for (unsigned i = 0; i < workers; ++i) {
            m_threads.emplace_back([this, i] { worker_loop(i); });
        }
    }

    OrderedPool(const OrderedPool&) = delete;
    OrderedPool& operator=(const OrderedPool&) = delete;

    /// Stops the workers; results not yet delivered are dropped (call finish() first).
    ~OrderedPool() { stop(); }

    /// Queues a job; blocks while the window is full.
    void submit(Job job) {
        if (m_inline) {
            Out out = m_work(0, job);
            m_deliver(out);
            return;
        }
        push(std::move(job), std::nullopt);
    }

    /// Queues a result known without any work (e.g. a diagnostic met while listing the
    /// inputs); it is delivered in its turn, after the results submitted before it.
    void submit_done(Out out) {
        if (m_inline) {
            m_deliver(out);
            return;
        }
        push(std::nullopt, std::move(out));
    }

    /// Waits for every submitted item and delivers the remaining results, then stops the
    /// workers. The pool takes no more submissions afterwards.
    void finish() {
        if (m_inline) {
            return;
        }
        std::unique_lock lock(m_mutex);
        while (m_next_deliver < m_next_submit) {
            if (!deliver_ready(lock)) {
                wait_for_results(lock);
            }
        }
        lock.unlock();
        stop();
    }

private:
    struct Slot {
        std::optional<Job> job;
        std::optional<Out> out;
    };

    Slot& slot(std::size_t seq) { return m_slots[seq % m_slots.size()]; }

    void push(std::optional<Job> job, std::optional<Out> out) {
        std::unique_lock lock(m_mutex);
        while (m_next_submit - m_next_deliver >= m_slots.size()) {
            if (m_slots.size() < m_window) {
                grow();
            } else if (!deliver_ready(lock)) {
                wait_for_results(lock);
            }
        }
        Slot& s = slot(m_next_submit);
        const bool needs_work = job.has_value();
        s.job = std::move(job);
        s.out = std::move(out);
        ++m_next_submit;
        deliver_ready(lock);  // keep the output flowing while the producer is busy listing
        lock.unlock();
        if (needs_work) {
            m_worker_cv.notify_one();
        }
    }

    /// Doubles the ring (at most to the window), keeping each item's sequence number.
    /// Called with the lock held: workers look their slot up again under it.
    void grow() {
        std::vector<Slot> bigger(std::min(m_window, m_slots.size() * 2));
        for (std::size_t seq = m_next_deliver; seq < m_next_submit; ++seq) {
            bigger[seq % bigger.size()] = std::move(slot(seq));
        }
        m_slots.swap(bigger);
    }

    /// Sleeps until a batch of results may be due (see the class comment). Called with the
    /// lock held, when the next due result is not ready.
    void wait_for_results(std::unique_lock<std::mutex>& lock) {
        const std::size_t batch = m_slots.size() / 8 == 0 ? 1 : m_slots.size() / 8;
        std::size_t target = std::min(m_next_deliver + batch, m_next_submit) - 1;
        // Wait for a result still to come, so that its completion is what wakes us.
        while (target > m_next_deliver && slot(target).out.has_value()) {
            --target;
        }
        m_wake_at = target;
        m_producer_cv.wait_for(lock, k_poll);
        m_wake_at = k_nobody_waits;
    }

    /// Delivers every result that is due; false if none was. Called with the lock held;
    /// releases it around each delivery.
    bool deliver_ready(std::unique_lock<std::mutex>& lock) {
        bool any = false;
        while (m_next_deliver < m_next_submit && slot(m_next_deliver).out.has_value()) {
            Out out = std::move(*slot(m_next_deliver).out);
            slot(m_next_deliver).out.reset();
            ++m_next_deliver;
            any = true;
            lock.unlock();
            m_deliver(out);
            lock.lock();
        }
        return any;
    }

    void worker_loop(unsigned index) {
        std::unique_lock lock(m_mutex);
        for (;;) {
            // Ready-made results need no worker: step over them. The producer may already
            // have delivered some (and reused their slots), hence the catch-up first.
            if (m_next_take < m_next_deliver) {
                m_next_take = m_next_deliver;
            }
            while (m_next_take < m_next_submit && !slot(m_next_take).job.has_value()) {
                ++m_next_take;
            }
            if (m_next_take < m_next_submit) {
                const std::size_t seq = m_next_take++;
                Job job = std::move(*slot(seq).job);
                slot(seq).job.reset();
                lock.unlock();
                Out out = m_work(index, job);
                lock.lock();
                slot(seq).out = std::move(out);
                if (seq >= m_wake_at) {
                    m_wake_at = k_nobody_waits;
                    m_producer_cv.notify_one();
                }
                continue;
            }
            if (m_stopping) {
                return;
            }
            m_worker_cv.wait(lock);
        }
    }

    void stop() {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_worker_cv.notify_all();
        for (std::thread& t : m_threads) {
            if (t.joinable()) {
                t.join();
            }
        }
        m_threads.clear();
    }

    static constexpr std::size_t k_nobody_waits = static_cast<std::size_t>(-1);
    static constexpr std::chrono::milliseconds k_poll{10};
    static constexpr std::size_t k_first_slots = 64;

    Work m_work;
    Deliver m_deliver;
    bool m_inline;
    std::size_t m_window;  // the most items in flight
    std::vector<Slot> m_slots;
    std::vector<std::thread> m_threads;
    std::mutex m_mutex;
    std::condition_variable m_worker_cv;
    std::condition_variable m_producer_cv;
    std::size_t m_next_submit = 0;           // sequence number of the next submitted item
    std::size_t m_next_take = 0;             // next item a worker may start
    std::size_t m_next_deliver = 0;          // next item to hand back
    std::size_t m_wake_at = k_nobody_waits;  // a waiting producer wants this result
    bool m_stopping = false;
};

}  // namespace fhash
