#pragma once
/// @file console.hpp
/// Whether the standard streams reach a terminal (for progress display and colour).

namespace fhash::platform {

/// True when standard output is an interactive terminal (Windows: a console).
bool stdout_is_terminal();
/// True when standard error is an interactive terminal (Windows: a console).
bool stderr_is_terminal();

}  // namespace fhash::platform
