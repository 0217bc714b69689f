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
/// "[!x]" classes, '\' escapes the next character. Iterative with backtracking: linear
/// memory, no recursion, so hostile patterns cannot exhaust the stack.
bool glob_match(std::string_view pattern, std::string_view text, GlobOptions options = {}) noexcept;

}  // namespace fhash
