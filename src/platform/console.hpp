#pragma once
/// @file console.hpp
/// Whether the standard streams are terminals (colour, progress). One declaration, one
/// definition per platform: console_posix.cpp (isatty), console_win32.cpp.

namespace fhash::platform {

/// True if standard output is a terminal (a console on Windows).
bool stdout_is_terminal();
/// True if standard error is a terminal (a console on Windows).
bool stderr_is_terminal();

}  // namespace fhash::platform
