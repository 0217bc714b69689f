#pragma once
/// @file progress.hpp
/// The progress line on standard error: bytes done / total, rate, ETA, current file.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "cli/console.hpp"
#include "cli/inputs.hpp"
#include "cli/options.hpp"
#include "fhash/read_options.hpp"

namespace fhash::cli {

/// Owns the run's counters (RunCounters, which every FileHasher of the run feeds) and
/// samples their byte count from a thread of its own. automatic: only when stderr is a terminal,
/// and only once the job proves large (after 1 s, or at once for 256 MiB or more), redrawn in place
/// at most 10 times a second and erased at the end. always: also when stderr is not a terminal,
/// then as plain lines at most once a second. never: nothing. Never writes to standard output.
class Progress {
public:
    /// `total`: bytes expected, 0 if unknown (then no ETA is shown).
    Progress(ProgressMode mode, Console& console, std::uint64_t total);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    /// The run's counters, for FileHasher::create() and Verifier (whether shown or not).
    [[nodiscard]] RunCounters* counters() noexcept { return &m_counters; }
    /// Names the file being read now.
    void set_current(const std::string& name);
    /// Stops the thread and erases the line (also done by the destructor).
    void stop();

private:
    void run();
    std::string render(std::chrono::steady_clock::duration elapsed);

    Console& m_console;
    bool m_enabled = false;
    bool m_in_place = false;
    std::uint64_t m_total = 0;
    RunCounters m_counters;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::string m_current;
    std::thread m_thread;
};

/// Whether a progress line may be shown in `mode` (so the total is worth computing).
bool progress_possible(ProgressMode mode);

/// The bytes `inputs` hold (regular files; 0 for pipes and standard input).
std::uint64_t progress_total(const std::vector<Input>& inputs);

}  // namespace fhash::cli
