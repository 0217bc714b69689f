#pragma once
/// @file names.hpp
/// File names as the command line shows and compares them.

#include <filesystem>
#include <string>
#include <string_view>

namespace fhash::cli {

/// The name as printed in a status line ("NAME: OK"). As coreutils 9.1 does, only a name
/// holding a line break is escaped (then with a leading '\'), so that one entry stays one
/// line; a Windows-style "sub\file" prints as it is.
std::string status_name(const std::string& name);

/// Quotes a file name for a diagnostic the way coreutils does (shell-escape style): plain
/// names unchanged, names with blanks or shell metacharacters in single quotes, control
/// characters as $'\n' pieces. Keeps one diagnostic on one line whatever the name holds.
std::string quote_name(std::string_view name);

/// The key a manifest name is compared by across modes (--audit, --update): '\' read as a
/// folder separator (manifests from Windows tools) and leading "./" dropped, so "./a\b" and
/// "a/b" name the same file.
std::string entry_key(std::string name);

/// The key a path on disk is compared by (--only's files, the manifests left out of a
/// walk): absolute, lexically normal, '/' separators; the path as given if it has no
/// absolute form.
std::string path_key(const std::filesystem::path& path);

}  // namespace fhash::cli
