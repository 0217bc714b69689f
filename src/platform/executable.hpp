#pragma once
/// @file executable.hpp
/// Whether a file counts as executable in the tree digests that record it (NAR, Git).

#include <filesystem>

namespace fhash::platform {

/// POSIX: the owner's execute bit, as Nix and Git read it. Windows: never, as Git for
/// Windows records files (core.fileMode false), since the bit there only reflects the
/// file's extension.
bool is_executable(const std::filesystem::file_status& status) noexcept;

}  // namespace fhash::platform
