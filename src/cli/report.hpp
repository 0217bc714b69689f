#pragma once
/// @file report.hpp
/// All console output goes through here: stdout (buffered) for results, stderr for
/// diagnostics prefixed "fhash: ". Diagnostics flush stdout first so the two streams stay in
/// a sensible order when they share a terminal or a pipe.

#include <cstdio>
#include <string>
#include <string_view>

#include "fhash/error.hpp"

namespace fhash::cli {

class Console {
public:
    Console();
    ~Console();
    Console(const Console&) = delete;
    Console& operator=(const Console&) = delete;

    /// Appends to standard output (buffered).
    void out(std::string_view text);
    /// Writes pending standard output; false if the write failed (e.g. a full disk).
    bool flush_out();
    /// Prints "fhash: <message>\n" on standard error.
    void error(std::string_view message);
    /// Prints a line on standard error as it is (no "fhash: " prefix).
    void error_line(std::string_view line);
    /// Prints "fhash: <name>: <reason>\n" on standard error, the name quoted as needed.
    void file_error(const Error& error);
    /// True once a write to stdout failed.
    [[nodiscard]] bool out_failed() const noexcept { return m_out_failed; }
    /// True if the failed write met a closed pipe (EPIPE, when SIGPIPE is ignored): the
    /// reader went away on purpose (| head), so fhash ends quietly.
    [[nodiscard]] bool out_pipe_closed() const noexcept { return m_out_pipe_closed; }

private:
    std::string m_buffer;
    bool m_out_failed = false;
    bool m_out_pipe_closed = false;
};

/// Quotes a file name for a diagnostic the way coreutils does (shell-escape style): plain
/// names unchanged, names with blanks or shell metacharacters in single quotes, control
/// characters as $'\n' pieces. Keeps one diagnostic on one line whatever the name holds.
std::string quote_name(std::string_view name);

}  // namespace fhash::cli
