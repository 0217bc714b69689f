#include "core/lent_threads.hpp"

#include <utility>

#include "io/sigbus_guard.hpp"

namespace fhash::detail {

LentThreads::~LentThreads() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_start_cv.notify_all();
    for (std::thread& helper : m_helpers) {
        helper.join();
    }
}

Result<void> LentThreads::run(std::size_t tasks, void (*task)(void* context, std::size_t index),
                              void* context) {
    const Job job{tasks, task, context};
    if (m_count < 2 || tasks < 2) {
        m_next = 0;
        m_faulted = false;
        m_job = job;
        return work(job) ? Result<void>{} : make_error(Errc::changed_while_reading);
    }
    while (m_helpers.size() + 1 < m_count) {
        m_helpers.emplace_back([this, seen = m_generation] { helper_loop(seen); });
    }
    {
        std::lock_guard lock(m_mutex);
        m_job = job;
        m_next = 0;
        m_faulted = false;
        m_helpers_busy = m_helpers.size();
        ++m_generation;
    }
    m_start_cv.notify_all();
    const bool ok = work(job);
    std::unique_lock lock(m_mutex);
    m_done_cv.wait(lock, [this] { return m_helpers_busy == 0; });
    if (!ok || m_faulted) {
        return make_error(Errc::changed_while_reading);
    }
    return {};
}

bool LentThreads::work(const Job& job) {
    bool ok = true;
    for (;;) {
        std::size_t index = 0;
        {
            std::lock_guard lock(m_mutex);
            if (m_next >= job.tasks) {
                return ok;
            }
            index = m_next++;
        }
        if (m_mapped.empty()) {
            job.task(job.context, index);
            continue;
        }
        // A fault abandons this task only; the others still run, so run() returns only
        // when no thread reads the caller's data any more.
        auto body = [&job, index] { job.task(job.context, index); };
        if (!io::run_sigbus_guarded(m_mapped, body)) {
            ok = false;
        }
    }
}

void LentThreads::helper_loop(std::uint64_t seen) {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_start_cv.wait(lock, [&] { return m_stopping || m_generation != seen; });
            if (m_stopping) {
                return;
            }
            seen = m_generation;
            job = m_job;
        }
        const bool ok = work(job);
        {
            std::lock_guard lock(m_mutex);
            if (!ok) {
                m_faulted = true;
            }
            --m_helpers_busy;
        }
        m_done_cv.notify_one();
    }
}

}  // namespace fhash::detail
