#pragma once
/// @file long_path_win32.hpp
/// Paths longer than the classic Win32 limit. Windows only.

#include <cstddef>
#include <filesystem>
#include <string>

namespace fhash::platform {

/// Full paths at least this long get the "\\?\" prefix. MAX_PATH (260) counts the final NUL,
/// and CreateDirectoryW stops at MAX_PATH - 12 (room for an 8.3 name), so 248.
inline constexpr std::size_t k_long_path_threshold = 260 - 12;

/// The form of `path` to pass to the wide Win32 file functions (CreateFileW, ...).
/// - Already prefixed paths ("\\?\...", "\\.\...") and paths whose full form is shorter than
///   k_long_path_threshold are returned unchanged, so relative names and device names keep
///   working the ordinary way.
/// - Longer ones are made absolute with GetFullPathNameW (which also turns '/' into '\' and
///   resolves "." and "..") and prefixed: "C:\..." becomes "\\?\C:\...", and
///   "\\server\share\..." becomes "\\?\UNC\server\share\...".
/// Needed even with longPathAware in the manifest, which only helps when the
/// LongPathsEnabled policy is set on the machine.
std::wstring to_long_path(const std::filesystem::path& path);

}  // namespace fhash::platform
