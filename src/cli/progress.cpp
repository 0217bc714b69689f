#include "cli/progress.hpp"

#include <fmt/format.h>

#include "platform/console.hpp"

namespace fhash::cli {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::uint64_t k_large_job = std::uint64_t{256} << 20;
constexpr std::size_t k_width = 79;  // keep the line on one terminal row

std::string human_bytes(double bytes) {
    static constexpr const char* k_units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    std::size_t unit = 0;
    while (bytes >= 1024.0 && unit + 1 < std::size(k_units)) {
        bytes /= 1024.0;
        ++unit;
    }
    return unit == 0 ? fmt::format("{:.0f} B", bytes)
                     : fmt::format("{:.1f} {}", bytes, k_units[unit]);
}

std::string clock_time(double seconds) {
    const auto s = static_cast<std::uint64_t>(seconds + 0.5);
    if (s >= 3600) {
        return fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
    }
    return fmt::format("{}:{:02}", s / 60, s % 60);
}

/// The tail of `name` that fits in `room` bytes, cut at a UTF-8 boundary.
std::string tail(const std::string& name, std::size_t room) {
    if (name.size() <= room) {
        return name;
    }
    if (room < 4) {
        return {};
    }
    std::size_t from = name.size() - (room - 3);
    while (from < name.size() && (static_cast<unsigned char>(name[from]) & 0xC0) == 0x80) {
        ++from;
    }
    return "..." + name.substr(from);
}

}  // namespace

bool progress_possible(ProgressMode mode) {
    return mode == ProgressMode::always ||
           (mode == ProgressMode::automatic && platform::stderr_is_terminal());
}

std::uint64_t progress_total(const std::vector<Input>& inputs) {
    std::uint64_t total = 0;
    for (const Input& input : inputs) {
        std::error_code ec;
        if (!input.is_stdin && std::filesystem::is_regular_file(input.path, ec)) {
            const std::uintmax_t size = std::filesystem::file_size(input.path, ec);
            total += ec ? 0 : static_cast<std::uint64_t>(size);
        }
    }
    return total;
}

Progress::Progress(ProgressMode mode, Console& console, std::uint64_t total)
    : m_console(console), m_total(total) {
    const bool terminal = platform::stderr_is_terminal();
    m_enabled = mode == ProgressMode::always || (mode == ProgressMode::automatic && terminal);
    m_in_place = terminal;
    if (m_enabled) {
        m_thread = std::thread([this] { run(); });
    }
}

Progress::~Progress() {
    stop();
}

void Progress::stop() {
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        if (m_stopping) {
            return;
        }
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
    if (m_enabled && m_in_place) {
        m_console.clear_progress();
    }
}

void Progress::set_current(const std::string& name) {
    if (!m_enabled) {
        return;
    }
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_current = name;
}

std::string Progress::render(Clock::duration elapsed) {
    const double seconds = std::chrono::duration<double>(elapsed).count();
    const auto done = m_counters.bytes_done.load(std::memory_order_relaxed);
    const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0.0;
    std::string text = human_bytes(static_cast<double>(done));
    if (m_total != 0) {
        text += fmt::format(
            " / {} ({:.0f}%)", human_bytes(static_cast<double>(m_total)),
            100.0 * static_cast<double>(std::min(done, m_total)) / static_cast<double>(m_total));
    }
    text += fmt::format("  {}/s", human_bytes(rate));
    if (m_total != 0 && rate > 0 && done < m_total) {
        text += "  ETA " + clock_time(static_cast<double>(m_total - done) / rate);
    }
    std::string current;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        current = m_current;
    }
    if (!current.empty() && text.size() + 2 < k_width) {
        text += "  " + tail(status_name(current), k_width - text.size() - 2);
    }
    return text;
}

void Progress::run() {
    const auto start = Clock::now();
    const auto first =
        start + (m_total >= k_large_job ? std::chrono::milliseconds(100) : std::chrono::seconds(1));
    const auto period =
        m_in_place ? std::chrono::milliseconds(100) : std::chrono::milliseconds(1000);
    auto next = first;
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        if (m_wake.wait_until(lock, next, [this] { return m_stopping; })) {
            return;
        }
        lock.unlock();
        m_console.progress(render(Clock::now() - start), m_in_place);
        lock.lock();
        next += period;
    }
}

}  // namespace fhash::cli
