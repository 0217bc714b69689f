#pragma once
/// @file paths.hpp
/// Paths at the edges of the program: UTF-8 text (command line, manifests, output) to and
/// from std::filesystem::path, and the display form written to output.
/// Defined per platform in paths_posix.cpp and paths_win32.cpp.

#include <filesystem>
#include <string>
#include <string_view>

namespace fhash::platform {

/// The path as UTF-8. On Windows, UTF-16 that is not valid (a lone surrogate) becomes U+FFFD.
std::string path_to_utf8(const std::filesystem::path& path);

/// A path from UTF-8. On Windows, bytes that are not valid UTF-8 become U+FFFD.
std::filesystem::path path_from_utf8(std::string_view utf8);

/// The form shown in output: UTF-8 with '/' as the separator on every platform.
std::string generic_display(const std::filesystem::path& path);

}  // namespace fhash::platform
