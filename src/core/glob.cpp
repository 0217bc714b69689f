#include "fhash/glob.hpp"

#include <algorithm>
#include <cstddef>
#include <vector>

#include "fhash/text.hpp"

namespace fhash {
namespace {

char fold(char c, bool insensitive) noexcept {
    return insensitive ? ascii_lower(c) : c;
}

/// Matches a bracket class at pattern[p] ('[' already seen at p). Sets `next` past ']'.
/// Returns false with next == npos if the class is not closed (then '[' is literal).
bool match_class(std::string_view pattern, std::size_t p, char c, bool insensitive,
                 std::size_t& next) noexcept {
    std::size_t i = p + 1;
    bool negate = false;
    if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
        negate = true;
        ++i;
    }
    bool matched = false;
    bool first = true;
    const char fc = fold(c, insensitive);
    while (i < pattern.size() && (first || pattern[i] != ']')) {
        first = false;
        char lo = pattern[i];
        if (lo == '\\' && i + 1 < pattern.size()) {
            lo = pattern[++i];
        }
        char hi = lo;
        if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
            hi = pattern[i + 2];
            i += 2;
        }
        const char flo = fold(lo, insensitive);
        const char fhi = fold(hi, insensitive);
        if ((fc >= flo && fc <= fhi) || (c >= lo && c <= hi)) {
            matched = true;
        }
        ++i;
    }
    if (i >= pattern.size()) {
        next = std::string_view::npos;
        return false;
    }
    next = i + 1;
    return matched != negate;
}

}  // namespace

namespace {

/// Whether the one-character pattern item at pattern[p] ('?', a class, an escaped or plain
/// literal) matches `c`. Sets `advance` to the item's length in the pattern (the same
/// whatever `c` is).
bool match_one(std::string_view pattern, std::size_t p, char c, const GlobOptions& options,
               std::size_t& advance) noexcept {
    const char pc = pattern[p];
    const bool ci = options.case_insensitive;
    if (pc == '?') {
        advance = 1;
        return !(options.pathname && c == '/');
    }
    if (pc == '[') {
        std::size_t next = 0;
        const bool ok = match_class(pattern, p, c, ci, next);
        if (next != std::string_view::npos) {
            advance = next - p;
            return ok && !(options.pathname && c == '/');
        }
        advance = 1;  // an unclosed '[' is a literal
        return c == '[';
    }
    if (pc == '\\' && p + 1 < pattern.size()) {
        advance = 2;
        return fold(pattern[p + 1], ci) == fold(c, ci);
    }
    advance = 1;
    return fold(pc, ci) == fold(c, ci);
}

}  // namespace

// The set of text positions the pattern prefix can have consumed up to is carried from one
// pattern item to the next (a breadth-first NFA run): O(pattern x text) time and O(text)
// memory whatever the pattern, with no recursion and no backtracking. ("**/" used to be
// tried recursively at every position, which is exponential in the number of "**/".)
bool glob_match(std::string_view pattern, std::string_view text, GlobOptions options) noexcept {
    const std::size_t n = text.size();
    try {
        std::vector<unsigned char> reach(n + 1, 0);  // reach[t]: text[0, t) consumed
        std::vector<unsigned char> next(n + 1, 0);
        reach[0] = 1;
        std::size_t p = 0;
        while (p < pattern.size()) {
            std::fill(next.begin(), next.end(), static_cast<unsigned char>(0));
            bool any = false;
            if (pattern[p] == '*') {
                std::size_t q = p;
                while (q < pattern.size() && pattern[q] == '*') {
                    ++q;
                }
                const bool double_star = options.pathname && (q - p) >= 2;
                const bool crosses = !options.pathname || double_star;
                // '*' extends every reached position over any run of characters ('/' only
                // if it crosses folders).
                bool run = false;
                for (std::size_t t = 0; t <= n; ++t) {
                    run = reach[t] != 0 || (run && (crosses || text[t - 1] != '/'));
                    next[t] = run ? 1 : 0;
                }
                if (double_star && q < pattern.size() && pattern[q] == '/') {
                    // "**/" matches zero folders, or anything that ends with '/'.
                    for (std::size_t t = n + 1; t-- > 0;) {
                        const bool through = t > 0 && text[t - 1] == '/' && next[t - 1] != 0;
                        next[t] = (reach[t] != 0 || through) ? 1 : 0;
                    }
                    q += 1;
                }
                p = q;
                for (std::size_t t = 0; t <= n && !any; ++t) {
                    any = next[t] != 0;
                }
            } else {
                std::size_t advance = 1;
                (void)match_one(pattern, p, '\0', options, advance);
                for (std::size_t t = 0; t < n; ++t) {
                    std::size_t ignored = 0;
                    if (reach[t] != 0 && match_one(pattern, p, text[t], options, ignored)) {
                        next[t + 1] = 1;
                        any = true;
                    }
                }
                p += advance;
            }
            if (!any) {
                return false;
            }
            reach.swap(next);
        }
        return reach[n] != 0;
    } catch (...) {
        return false;  // no memory for the position sets
    }
}

}  // namespace fhash
