#include "cli/path_filter.hpp"

#include "fhash/glob.hpp"

namespace fhash::cli {

PathFilter::PathFilter(std::vector<std::string> include, std::vector<std::string> exclude) {
    for (std::string& p : include) {
        m_include.push_back(make(std::move(p)));
    }
    for (std::string& p : exclude) {
        m_exclude.push_back(make(std::move(p)));
    }
}

PathFilter::Pattern PathFilter::make(std::string text) {
    Pattern pattern;
    if (!text.empty() && text.back() == '/') {
        pattern.directory_only = true;
        while (!text.empty() && text.back() == '/') {
            text.pop_back();
        }
    }
    while (!text.empty() && text.front() == '/') {
        text.erase(0, 1);
        pattern.has_slash = true;  // anchored at the walked folder
    }
    if (text.starts_with("./")) {
        text.erase(0, 2);
        pattern.has_slash = true;
    }
    pattern.has_slash = pattern.has_slash || text.find('/') != std::string::npos;
    pattern.glob = std::move(text);
    return pattern;
}

bool PathFilter::matches(const Pattern& pattern, std::string_view relative, bool is_directory) {
    if (pattern.directory_only && !is_directory) {
        return false;
    }
    std::string_view subject = relative;
    if (!pattern.has_slash) {
        const std::size_t slash = relative.rfind('/');
        if (slash != std::string_view::npos) {
            subject = relative.substr(slash + 1);
        }
    }
    return glob_match(pattern.glob, subject, GlobOptions{false, true});
}

bool PathFilter::accept(std::string_view relative, bool is_directory) const {
    for (const Pattern& p : m_exclude) {
        if (matches(p, relative, is_directory)) {
            return false;
        }
    }
    if (is_directory || m_include.empty()) {
        return true;
    }
    for (const Pattern& p : m_include) {
        if (matches(p, relative, is_directory)) {
            return true;
        }
    }
    return false;
}

io::WalkOptions walk_options_for(bool follow_symlinks, const PathFilter& filter) {
    io::WalkOptions options;
    options.follow_symlinks = follow_symlinks;
    if (!filter.empty()) {
        options.accept = [&filter](std::string_view relative, bool is_directory) {
            return filter.accept(relative, is_directory);
        };
    }
    return options;
}

}  // namespace fhash::cli
