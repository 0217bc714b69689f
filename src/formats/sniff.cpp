/// @file sniff.cpp
/// Guessing a manifest's format from its first bytes.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "fhash/manifest.hpp"

namespace fhash {
namespace {

/// Up to this many characters of the head are looked at.
constexpr std::size_t k_sniff_limit = 512;

bool starts_with_nocase(std::string_view text, std::string_view prefix) noexcept {
    if (text.size() < prefix.size()) {
        return false;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
        if (c != prefix[i]) {
            return false;
        }
    }
    return true;
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
        if (view.front() == '<') {
            return ManifestFormat::fciv_xml;
        }
        if (view.front() == '{') {
            return ManifestFormat::json;
        }
        // Export-Csv: 'Algorithm,Hash,Path' (quoted or not, columns in any order), or Windows
        // PowerShell 5.1's '#TYPE ...' line before it.
        for (const std::string_view column : {"algorithm", "hash", "path"}) {
            // Built with append: GCC 12's -Wrestrict misfires on string insert at -O3.
            std::string plain(column);
            plain.append(",");
            std::string quoted(column);
            quoted.append("\",");
            if (starts_with_nocase(view, plain) ||
                (view.front() == '"' && starts_with_nocase(view.substr(1), quoted))) {
                return ManifestFormat::csv;
            }
        }
        if (view.starts_with("#TYPE ")) {
            return ManifestFormat::csv;
        }
    } catch (...) {
        // Allocation failure while copying at most k_sniff_limit bytes: fall back below.
    }
    return ManifestFormat::gnu;
}

}  // namespace fhash
