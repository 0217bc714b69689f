#include "fhash/glob.hpp"

#include <cstddef>

namespace fhash {
namespace {

char fold(char c, bool insensitive) noexcept {
    return (insensitive && c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
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

bool glob_match(std::string_view pattern, std::string_view text, GlobOptions options) noexcept {
    const bool ci = options.case_insensitive;
    std::size_t p = 0;
    std::size_t t = 0;
    // Backtracking point of the last '*' (or "**"): where in the pattern to resume and
    // which text position it has consumed up to.
    std::size_t star_p = std::string_view::npos;
    std::size_t star_t = 0;
    bool star_crosses = false;

    while (t < text.size()) {
        if (p < pattern.size()) {
            const char pc = pattern[p];
            if (pc == '*') {
                std::size_t q = p;
                while (q < pattern.size() && pattern[q] == '*') {
                    ++q;
                }
                star_crosses = !options.pathname || (q - p) >= 2;
                // "**/" also matches zero folders.
                if (options.pathname && (q - p) >= 2 && q < pattern.size() && pattern[q] == '/') {
                    if (glob_match(pattern.substr(q + 1), text.substr(t), options)) {
                        return true;
                    }
                }
                star_p = q;
                star_t = t;
                p = q;
                continue;
            }
            const char tc = text[t];
            if (pc == '?' && !(options.pathname && tc == '/')) {
                ++p;
                ++t;
                continue;
            }
            if (pc == '[') {
                std::size_t next = 0;
                const bool ok = match_class(pattern, p, tc, ci, next);
                if (next != std::string_view::npos) {
                    if (ok && !(options.pathname && tc == '/')) {
                        p = next;
                        ++t;
                        continue;
                    }
                } else if (tc == '[') {
                    ++p;
                    ++t;
                    continue;
                }
            } else {
                char literal = pc;
                std::size_t advance = 1;
                if (pc == '\\' && p + 1 < pattern.size()) {
                    literal = pattern[p + 1];
                    advance = 2;
                }
                if (pc != '?' && fold(literal, ci) == fold(tc, ci)) {
                    p += advance;
                    ++t;
                    continue;
                }
            }
        }
        // Mismatch: let the last star swallow one more character, if it may.
        if (star_p != std::string_view::npos && (star_crosses || text[star_t] != '/')) {
            ++star_t;
            t = star_t;
            p = star_p;
            continue;
        }
        return false;
    }
    while (p < pattern.size() && pattern[p] == '*') {
        ++p;
    }
    return p == pattern.size();
}

}  // namespace fhash
