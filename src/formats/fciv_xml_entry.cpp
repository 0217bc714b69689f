#include "formats/fciv_xml_entry.hpp"

#include <cstdint>
#include <optional>
#include <span>

#include "fhash/text.hpp"

namespace fhash::formats {

std::optional<std::string> fciv_xml_from_utf16(std::string_view document) {
    if (!document.starts_with("\xFF\xFE") && !document.starts_with("\xFE\xFF")) {
        return std::nullopt;
    }
    // The splitter decodes UTF-16 (BOM dropped); a line may not exceed the document (a UTF-16
    // unit becomes at most 3 UTF-8 bytes).
    LineSplitter splitter('\n', document.size() * 2 + 1);
    splitter.feed(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t*>(document.data()), document.size()));
    splitter.finish();
    std::string utf8;
    utf8.reserve(document.size() / 2);
    std::string line;
    while (splitter.next_line(line)) {
        utf8 += line;
        utf8 += '\n';
    }
    return utf8;
}

namespace {

std::string_view trim(std::string_view s) noexcept {
    const std::size_t first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const std::size_t last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

const AlgorithmInfo* digest_element(std::string_view element) noexcept {
    for (const AlgorithmInfo& info : all_algorithms()) {
        if (iequals_ascii(element, info.fciv_element)) {
            return &info;
        }
    }
    return nullptr;
}

Error malformed(std::string detail) {
    return make_error(Errc::malformed, {}, std::move(detail));
}

}  // namespace

bool has_nul_reference(std::string_view text) noexcept {
    for (std::size_t at = text.find("&#"); at != std::string_view::npos;
         at = text.find("&#", at + 2)) {
        std::size_t i = at + 2;
        if (i < text.size() && (text[i] == 'x' || text[i] == 'X')) {
            ++i;
        }
        const std::size_t digits = i;
        while (i < text.size() && text[i] == '0') {
            ++i;
        }
        if (i > digits && i < text.size() && text[i] == ';') {
            return true;
        }
    }
    return false;
}

Error unexpected_fciv_element(std::size_t index, std::string_view element) {
    return malformed("entry " + std::to_string(index) + ": unexpected element <" +
                     std::string(element) + ">");
}

Result<ManifestEntry> build_fciv_entry(std::size_t index, std::span<const FcivField> fields) {
    const std::string where = "entry " + std::to_string(index);
    ManifestEntry entry;
    entry.line = index;
    bool has_name = false;
    for (const FcivField& field : fields) {
        if (iequals_ascii(field.name, "name")) {
            entry.name = field.text;
            has_name = true;
            continue;
        }
        const AlgorithmInfo* info = digest_element(field.name);
        if (info == nullptr) {
            continue;  // PsFCIV's Size, TimeStamp and the like
        }
        const std::string_view text = trim(field.text);
        std::optional<Digest> digest = digest_from_base64(text);
        // Hex of the right length (some tools write it) is often valid base64 as well, of
        // another size: try hex whenever base64 does not give the algorithm's size.
        if ((!digest || !valid_digest_size(info->id, digest->size())) &&
            valid_digest_size(info->id, text.size() / 2) && all_hex(text)) {
            digest = digest_from_hex(text);
        }
        if (!digest || !valid_digest_size(info->id, digest->size())) {
            return malformed(where + " (" + entry.name + "): invalid " +
                             std::string(info->fciv_element) + " digest");
        }
        for (const auto& [algorithm, existing] : entry.digests) {
            if (algorithm == info->id) {
                return malformed(where + ": duplicate " + std::string(info->fciv_element));
            }
        }
        entry.digests.emplace_back(info->id, *digest);
    }
    if (!has_name || entry.name.empty()) {
        return malformed(where + ": missing <name>");
    }
    if (entry.name.find('\0') != std::string::npos) {
        return malformed(where + ": NUL in <name>");
    }
    if (entry.digests.empty()) {
        return malformed(where + " (" + entry.name + "): no digest");
    }
    return entry;
}

}  // namespace fhash::formats
