/// @file fciv_xml_reader_pugixml.cpp
/// FCIV-XML databases: a defensive reader on pugixml (compiled when pugixml is found).

#include <cstddef>
#include <cstdio>
#include <new>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fhash/manifest.hpp"
#include "fhash/text.hpp"
#include "formats/fciv_xml_entry.hpp"

#include <pugixml.hpp>

namespace fhash {

namespace {

/// Deeper nesting is refused: FCIV files are three levels deep.
constexpr std::size_t k_max_depth = formats::k_fciv_max_depth;

bool contains_nocase(std::string_view text, std::string_view needle) noexcept {
    if (needle.size() > text.size()) {
        return false;
    }
    for (std::size_t i = 0; i + needle.size() <= text.size(); ++i) {
        if (text[i] == needle[0] && iequals_ascii(text.substr(i, needle.size()), needle)) {
            return true;
        }
    }
    return false;
}

std::size_t line_of(std::string_view document, std::size_t offset) noexcept {
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset && i < document.size(); ++i) {
        if (document[i] == '\n') {
            ++line;
        }
    }
    return line;
}

Error malformed(std::string detail) {
    return make_error(Errc::malformed, {}, std::move(detail));
}

/// Length of the XML declaration at the start of `text` (any case: KB841290 shows
/// "<?XML ...?>", which strict parsers reject since "xml" targets are reserved), or 0.
std::size_t declaration_length(std::string_view text) noexcept {
    if (text.size() < 6 || !text.starts_with("<?") || !iequals_ascii(text.substr(2, 3), "xml")) {
        return 0;
    }
    const char after = text[5];
    if (after != ' ' && after != '\t' && after != '\r' && after != '\n' && after != '?') {
        return 0;  // some other processing instruction such as "<?xml-stylesheet"
    }
    const std::size_t end = text.find("?>");
    return end == std::string_view::npos ? 0 : end + 2;
}

/// Walks the tree without recursion and records whether it is deeper than allowed.
class DepthGuard final : public pugi::xml_tree_walker {
public:
    bool for_each(pugi::xml_node& /*node*/) override {
        if (static_cast<std::size_t>(depth()) >= k_max_depth) {
            m_too_deep = true;
            return false;
        }
        return true;
    }
    [[nodiscard]] bool too_deep() const noexcept { return m_too_deep; }

private:
    bool m_too_deep = false;
};

/// All character data directly inside `node`, concatenated.
std::string text_of(const pugi::xml_node& node) {
    std::string text;
    for (const pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            text += child.value();
        }
    }
    return text;
}

Result<ManifestEntry> read_entry(const pugi::xml_node& node, std::size_t index) {
    std::vector<formats::FcivField> fields;
    for (const pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_element) {
            fields.push_back({child.name(), text_of(child)});
        }
    }
    return formats::build_fciv_entry(index, fields);
}

Result<std::vector<ManifestEntry>> parse_document(std::string_view document) {
    std::size_t skip = 0;
    if (document.starts_with("\xEF\xBB\xBF")) {
        skip = 3;
    }
    const std::size_t first = document.find_first_not_of(" \t\r\n", skip);
    if (first != std::string_view::npos) {
        skip = first + declaration_length(document.substr(first));
    }
    const std::string_view body = document.substr(skip > document.size() ? document.size() : skip);
    // pugixml never expands custom entities, but a DOCTYPE has no business in an FCIV file
    // and refusing it outright keeps entity tricks and external references out.
    if (contains_nocase(body, "<!DOCTYPE")) {
        return malformed("DOCTYPE declarations are not accepted");
    }
    if (const std::size_t nul = body.find('\0'); nul != std::string_view::npos) {
        return malformed("line " + std::to_string(line_of(document, skip + nul)) +
                         ": NUL byte in the document");
    }
    if (formats::has_nul_reference(body)) {
        return malformed("character reference to U+0000 in the document");
    }

    pugi::xml_document xml;
    // parse_default: CDATA, predefined entities and character references, EOL normalisation;
    // no DOCTYPE, no processing instructions, no comments kept.
    const pugi::xml_parse_result parsed =
        xml.load_buffer(body.data(), body.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
        const std::size_t offset = skip + static_cast<std::size_t>(parsed.offset);
        return malformed("line " + std::to_string(line_of(document, offset)) + ": " +
                         parsed.description());
    }
    DepthGuard guard;
    xml.traverse(guard);
    if (guard.too_deep()) {
        return malformed("XML nested deeper than " + std::to_string(k_max_depth) + " levels");
    }
    const pugi::xml_node root = xml.document_element();
    if (!root || std::string_view(root.name()) != "FCIV") {
        return malformed("the root element is not <FCIV>");
    }
    std::vector<ManifestEntry> entries;
    std::size_t index = 0;
    for (const pugi::xml_node node : root.children()) {
        if (node.type() != pugi::node_element) {
            continue;
        }
        ++index;
        if (std::string_view(node.name()) != "FILE_ENTRY") {
            return formats::unexpected_fciv_element(index, node.name());
        }
        Result<ManifestEntry> entry = read_entry(node, index);
        if (!entry) {
            return std::move(entry).error();
        }
        entries.push_back(std::move(*entry));
    }
    return entries;
}

}  // namespace

Result<std::vector<ManifestEntry>> parse_fciv_xml(std::string_view document) {
    const std::optional<std::string> decoded = formats::fciv_xml_from_utf16(document);
    if (decoded) {
        document = *decoded;
    }
    try {
        return parse_document(document);
    } catch (const std::bad_alloc&) {
        return malformed("out of memory");
    }
}

}  // namespace fhash
