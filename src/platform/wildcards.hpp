#pragma once
/// @file wildcards.hpp
/// Wildcards in file arguments. A POSIX shell expands "*.iso" before fhash starts; cmd.exe
/// and PowerShell pass it as typed, so on Windows fhash expands it itself.

#include <string>
#include <vector>

namespace fhash::platform {

/// Expands the file arguments that hold '*' or '?' in their last component into the sorted
/// names that match, each with its folder part kept as typed ("sub\*.txt" gives
/// "sub\a.txt", "sub\b.txt"). Names starting with '.' match only a pattern that starts with
/// '.', and "." and ".." never match, as in a POSIX shell. An argument that matches nothing
/// is kept as is, so the user gets a clear "No such file or directory" for it.
/// POSIX: returns the arguments unchanged (the shell has expanded them; a '*' left in an
/// argument was quoted on purpose).
std::vector<std::string> expand_wildcards(std::vector<std::string> args);

}  // namespace fhash::platform
