#pragma once
/// @file console.hpp
/// All console output goes through here: stdout (buffered) for results, stderr for
/// diagnostics prefixed "fhash: ". Diagnostics flush stdout first so the two streams stay in
/// a sensible order when they share a terminal or a pipe.

#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "cli/names.hpp"
#include "fhash/error.hpp"

namespace fhash::cli {

/// Colours of status words.
enum class Tone { good, bad, warn };

/// When OK/FAILED are coloured (--color).
enum class ColorMode { automatic, always, never };

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
    /// Prints "<program>: <message>\n" on standard error ("fhash: " unless a tool
    /// personality set another name).
    void error(std::string_view message);
    /// The name diagnostics start with: "fhash", or the tool fhash runs as ("sha256sum").
    void set_program(std::string name) { m_program = std::move(name); }
    [[nodiscard]] const std::string& program() const noexcept { return m_program; }
    /// Prints a line on standard error as it is (no "fhash: " prefix).
    void error_line(std::string_view line);
    /// Prints "fhash: <name>: <reason>\n" on standard error, the name quoted as needed.
    void file_error(const Error& error);
    /// Whether paint() colours its text (decided once from --color, NO_COLOR and the terminal).
    void set_color(bool enabled) noexcept { m_color = enabled; }
    /// `text` in the colour of `tone` (ANSI SGR) when colour is on; unchanged otherwise.
    [[nodiscard]] std::string paint(std::string_view text, Tone tone) const;
    /// Progress on standard error (the only output another thread may make): with
    /// `in_place`, `text` replaces the previous progress line ("\r", text, erase to end of
    /// line); otherwise it is printed as a line of its own.
    void progress(std::string_view text, bool in_place);
    /// Erases an in-place progress line, if one is shown.
    void clear_progress();
    /// True once a write to stdout failed.
    [[nodiscard]] bool out_failed() const noexcept { return m_out_failed; }
    /// True if the failed write met a closed pipe (EPIPE, when SIGPIPE is ignored): the
    /// reader went away on purpose (| head), so fhash ends quietly.
    [[nodiscard]] bool out_pipe_closed() const noexcept { return m_out_pipe_closed; }

private:
    std::string m_program = "fhash";
    std::string m_buffer;
    bool m_out_failed = false;
    bool m_color = false;
    std::mutex m_stderr_mutex;      // progress thread vs. diagnostics
    bool m_progress_shown = false;  // an in-place progress line is on the terminal
    void erase_progress_locked();
    bool m_out_pipe_closed = false;
};

/// "NAME: reason" (the name quoted as needed), or the reason alone for an error without
/// a path: the text of every per-file diagnostic.
std::string error_text(const Error& error);

/// Whether OK/FAILED are coloured: --color=always/never decide; auto colours only when
/// standard output is a terminal, NO_COLOR is unset or empty and TERM is not "dumb"
/// (color.cpp).
bool color_wanted(ColorMode mode);

}  // namespace fhash::cli
