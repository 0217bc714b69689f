#pragma once
/// @file paths.hpp
/// Paths as UTF-8 text and back. On POSIX a path is bytes and passes through unchanged (a
/// name that is not valid UTF-8 survives every round trip); on Windows it is UTF-16 and is
/// converted.

#include <filesystem>
#include <string>
#include <string_view>

namespace fhash::platform {

/// The path as UTF-8 (POSIX: the native bytes).
std::string path_to_utf8(const std::filesystem::path& path);
/// A path from UTF-8 text (POSIX: the bytes as they are).
std::filesystem::path path_from_utf8(std::string_view text);
/// The name a program was invoked under, from argv[0]: its last component; on Windows also
/// lower-cased and without ".exe" ("C:\\bin\\SHA256SUM.EXE" -> "sha256sum").
std::string program_key(std::string_view argv0);
/// The path as UTF-8 with '/' separators, the form written in GNU/BSD/JSON/CSV output.
std::string generic_display(const std::filesystem::path& path);

}  // namespace fhash::platform
