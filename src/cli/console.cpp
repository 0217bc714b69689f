#include "cli/console.hpp"

#include <cerrno>

#include <fmt/format.h>

namespace fhash::cli {
namespace {

constexpr std::size_t k_flush_threshold = 64 * 1024;

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
        const std::size_t written = std::fwrite(m_buffer.data(), 1, m_buffer.size(), stdout);
        if (written != m_buffer.size() || std::fflush(stdout) != 0) {
            m_out_failed = true;
            m_out_pipe_closed = errno == EPIPE;
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
