/// @file sniff.cpp
/// Guessing a manifest's format from its first bytes.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "fhash/intoto_format.hpp"
#include "fhash/manifest.hpp"
#include "fhash/sfv_hashdeep_format.hpp"
#include "fhash/text.hpp"

namespace fhash {
namespace {

/// Up to this many characters of the head are looked at (a manifest may open with a long
/// comment before its first entry line).
constexpr std::size_t k_sniff_limit = 64 * 1024;

bool starts_with_nocase(std::string_view text, std::string_view prefix) noexcept {
    return text.size() >= prefix.size() && iequals_ascii(text.substr(0, prefix.size()), prefix);
}

/// The format the first line that is neither blank nor a '#' comment says: bsd for a tagged
/// line, sfv for an SFV line, gnu otherwise.
ManifestFormat first_entry_format(std::string_view text) noexcept {
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        if (line.ends_with('\r')) {
            line.remove_suffix(1);
        }
        if (line.empty() || line.front() == '#' ||
            line.find_first_not_of(" \t") == std::string_view::npos) {
            continue;
        }
        if (is_tagged_checksum_line(line)) {
            return ManifestFormat::bsd;
        }
        return looks_like_sfv_line(line) ? ManifestFormat::sfv : ManifestFormat::gnu;
    }
    return ManifestFormat::gnu;
}

/// The head as single-byte text: a UTF-8 BOM is dropped, and UTF-16 (with a BOM) is reduced
/// to the low byte of each code unit, which is enough to recognise ASCII punctuation.
std::string head_text(std::span<const std::uint8_t> head) {
    std::string text;
    const std::size_t n = head.size();
    if (n >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF))) {
        const bool little = head[0] == 0xFF;
        for (std::size_t i = 2; i + 1 < n && text.size() < k_sniff_limit; i += 2) {
            const std::uint8_t lo = little ? head[i] : head[i + 1];
            const std::uint8_t hi = little ? head[i + 1] : head[i];
            text += hi == 0 ? static_cast<char>(lo) : '?';
        }
        return text;
    }
    std::size_t start = 0;
    if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) {
        start = 3;
    }
    for (std::size_t i = start; i < n && text.size() < k_sniff_limit; ++i) {
        text += static_cast<char>(head[i]);
    }
    return text;
}

}  // namespace

ManifestFormat sniff_manifest_format(std::span<const std::uint8_t> head) noexcept {
    try {
        const std::string text = head_text(head);
        std::string_view view = text;
        const std::size_t first = view.find_first_not_of(" \t\r\n");
        if (first == std::string_view::npos) {
            return ManifestFormat::gnu;
        }
        view.remove_prefix(first);
        if (view.starts_with(k_hashdeep_magic)) {
            return ManifestFormat::hashdeep;
        }
        if (view.front() == '<') {
            return ManifestFormat::fciv_xml;
        }
        if (view.front() == '{') {
            return looks_like_intoto(view) ? ManifestFormat::intoto : ManifestFormat::json;
        }
        // Export-Csv: 'Algorithm,Hash,Path' (quoted or not, columns in any order), or Windows
        // PowerShell 5.1's '#TYPE ...' line before it.
        for (const std::string_view column : {"algorithm", "hash", "path"}) {
            const bool quoted = view.front() == '"';
            const std::string_view rest = view.substr(quoted ? 1 : 0);
            if (starts_with_nocase(rest, column) &&
                rest.substr(column.size()).starts_with(quoted ? "\"," : ",")) {
                return ManifestFormat::csv;
            }
        }
        if (view.starts_with("#TYPE ")) {
            return ManifestFormat::csv;
        }
        return first_entry_format(text);
    } catch (...) {
        // Allocation failure while copying at most k_sniff_limit bytes: fall back below.
    }
    return ManifestFormat::gnu;
}

}  // namespace fhash
