#pragma once
/// @file glob.hpp
/// Shell-style wildcard matching for --include/--exclude and FCIV's -type masks.

#include <string_view>

namespace fhash {

struct GlobOptions {
    bool case_insensitive = false;
    /// When true, '*' and '?' do not match '/', and "**" matches across folders
    /// (path patterns). When false, '/' is an ordinary character (name masks).
    bool pathname = false;
};

/// True if `text` matches `pattern`: '*' any run, '?' one character, "[abc]", "[a-z]",
/// "[!x]" classes, '\' escapes the next character; with pathname, "**/" also matches zero
/// folders. Runs in O(pattern x text) time and O(text) memory without recursion, so hostile
/// patterns can neither exhaust the stack nor take exponential time.
bool glob_match(std::string_view pattern, std::string_view text, GlobOptions options = {}) noexcept;

}  // namespace fhash
