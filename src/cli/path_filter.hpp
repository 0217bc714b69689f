#pragma once
/// @file path_filter.hpp
/// --include / --exclude for walked trees.

#include <string>
#include <string_view>
#include <vector>

#include "io/walk.hpp"

namespace fhash::cli {

/// Decides which files and folders of a walk are kept. Paths are relative to the walked
/// folder, with '/' separators. A pattern holding no '/' is matched against the last
/// component only (so "*.tmp" and ".git" apply at any depth); a pattern holding '/' is
/// matched against the whole relative path ("build/**", "docs/*.pdf"; a leading '/' is
/// ignored). A pattern ending in '/' matches folders only. Matching uses glob_match in
/// pathname mode ('*' stops at '/', "**" crosses folders), case-sensitively.
class PathFilter {
public:
    PathFilter(std::vector<std::string> include, std::vector<std::string> exclude);

    /// True when nothing would be filtered.
    [[nodiscard]] bool empty() const noexcept { return m_include.empty() && m_exclude.empty(); }
    /// Excluded folders are not entered; a file is kept if no --exclude matches it and,
    /// when there are --include patterns, one of them matches it.
    [[nodiscard]] bool accept(std::string_view relative, bool is_directory) const;

private:
    struct Pattern {
        std::string glob;
        bool has_slash = false;
        bool directory_only = false;
    };
    static Pattern make(std::string text);
    static bool matches(const Pattern& pattern, std::string_view relative, bool is_directory);

    std::vector<Pattern> m_include;
    std::vector<Pattern> m_exclude;
};

/// The walk options of -r, --audit and --update: -L, and `filter` as the walk's accept test
/// when it has patterns. `filter` must outlive the options.
io::WalkOptions walk_options_for(bool follow_symlinks, const PathFilter& filter);

}  // namespace fhash::cli
