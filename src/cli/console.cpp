#include "cli/console.hpp"

#include <cerrno>
#include <string_view>

#include <fmt/format.h>

namespace fhash::cli {
namespace {

constexpr std::size_t k_flush_threshold = 64 * 1024;
/// Writes to a pipe of at most this many bytes are atomic (POSIX PIPE_BUF; 4096 on Linux).
constexpr std::size_t k_atomic_write = 4096;

/// The length of the next write: whole lines (ended by LF, or NUL for -z) of at most
/// k_atomic_write bytes together, so that two processes writing to one pipe (xargs -P) never
/// cut each other's lines; a longer line goes alone.
std::size_t next_write(std::string_view pending) noexcept {
    if (pending.size() <= k_atomic_write) {
        return pending.size();
    }
    const std::size_t end =
        pending.substr(0, k_atomic_write).find_last_of(std::string_view("\n\0", 2));
    if (end != std::string_view::npos) {
        return end + 1;
    }
    const std::size_t line_end = pending.find_first_of(std::string_view("\n\0", 2));
    return line_end == std::string_view::npos ? pending.size() : line_end + 1;
}

}  // namespace

Console::Console() {
    m_buffer.reserve(k_flush_threshold * 2);
}

// The exit path (main.cpp) flushes and checks standard output; this only writes what a
// caller left behind on another way out (a test), where nobody could act on a failure.
Console::~Console() {
    static_cast<void>(flush_out());
}

void Console::out(std::string_view text) {
    m_buffer.append(text);
    if (m_buffer.size() >= k_flush_threshold) {
        flush_out();
    }
}

bool Console::flush_out() {
    if (!m_buffer.empty() && !m_out_failed) {
        {
            // Stdout and stderr may share a terminal: results must not land on the
            // progress line.
            const std::lock_guard<std::mutex> lock(m_stderr_mutex);
            erase_progress_locked();
        }
        std::string_view pending = m_buffer;
        while (!pending.empty() && !m_out_failed) {
            const std::size_t size = next_write(pending);
            const std::size_t written = std::fwrite(pending.data(), 1, size, stdout);
            if (written != size || std::fflush(stdout) != 0) {
                m_out_failed = true;
                m_out_pipe_closed = errno == EPIPE;
            }
            pending.remove_prefix(size);
        }
    }
    m_buffer.clear();
    return !m_out_failed;
}

void Console::error(std::string_view message) {
    std::string line = m_program + ": ";
    line.append(message);
    error_line(line);
}

void Console::error_line(std::string_view text) {
    flush_out();
    std::string line(text);
    line += '\n';
    const std::lock_guard<std::mutex> lock(m_stderr_mutex);
    erase_progress_locked();
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fflush(stderr);
}

void Console::erase_progress_locked() {
    if (m_progress_shown) {
        std::fputs("\r\x1b[K", stderr);
        std::fflush(stderr);
        m_progress_shown = false;
    }
}

void Console::progress(std::string_view text, bool in_place) {
    const std::lock_guard<std::mutex> lock(m_stderr_mutex);
    std::string line;
    if (in_place) {
        line = "\r";
        line.append(text);
        line += "\x1b[K";
        m_progress_shown = true;
    } else {
        line.assign(text);
        line += '\n';
    }
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fflush(stderr);
}

void Console::clear_progress() {
    const std::lock_guard<std::mutex> lock(m_stderr_mutex);
    erase_progress_locked();
}

void Console::file_error(const Error& error) {
    this->error(error_text(error));
}

std::string error_text(const Error& error) {
    if (error.path.empty()) {
        return error.reason();
    }
    return fmt::format("{}: {}", quote_name(error.path), error.reason());
}

std::string Console::paint(std::string_view text, Tone tone) const {
    if (!m_color) {
        return std::string(text);
    }
    const char* sgr = tone == Tone::good  ? "\x1b[32m"
                      : tone == Tone::bad ? "\x1b[1;31m"
                                          : "\x1b[33m";
    return fmt::format("{}{}\x1b[0m", sgr, text);
}

}  // namespace fhash::cli
