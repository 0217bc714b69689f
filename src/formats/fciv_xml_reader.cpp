// FCIV-XML reading with a real XML parser (pugixml). Accepts FCIV 2.05's own files, the
// pretty-printed KB841290 form with its upper-case "<?XML ...?>" declaration, CRLF or LF, a
// UTF-8 BOM and PsFCIV's extra elements. Hostile input is refused before or after parsing:
// any DOCTYPE (entity expansion, external entities) and nesting deeper than k_max_depth.

#include <string>
#include <vector>

#include "fhash/manifest.hpp"

#ifdef FHASH_HAVE_PUGIXML
#include <pugixml.hpp>
#endif

namespace fhash {

#ifdef FHASH_HAVE_PUGIXML
namespace {

constexpr std::size_t k_max_depth = 64;

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        char y = b[i];
        x = (x >= 'A' && x <= 'Z') ? static_cast<char>(x - 'A' + 'a') : x;
        y = (y >= 'A' && y <= 'Z') ? static_cast<char>(y - 'A' + 'a') : y;
        if (x != y) {
            return false;
        }
    }
    return true;
}

std::size_t line_of(std::string_view text, std::size_t offset) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        line += text[i] == '\n' ? std::size_t{1} : std::size_t{0};
    }
    return line;
}

bool contains_doctype(std::string_view text) {
    static constexpr std::string_view k_doctype = "<!doctype";
    for (std::size_t i = text.find("<!"); i != std::string_view::npos; i = text.find("<!", i + 1)) {
        if (iequals(text.substr(i, k_doctype.size()), k_doctype) || text.substr(i, 9) == "<!ENTITY") {
            return true;
        }
    }
    return false;
}

/// Iterative depth check: pugixml parses without recursion, and so do we.
bool too_deep(const pugi::xml_node& root) {
    std::vector<std::pair<pugi::xml_node, std::size_t>> stack{{root, 0}};
    while (!stack.empty()) {
        auto [node, depth] = stack.back();
        stack.pop_back();
        if (depth > k_max_depth) {
            return true;
        }
        for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
            stack.emplace_back(child, depth + 1);
        }
    }
    return false;
}

std::string trimmed(const char* text) {
    std::string_view v(text);
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t' || v.front() == '\r' || v.front() == '\n')) {
        v.remove_prefix(1);
    }
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r' || v.back() == '\n')) {
        v.remove_suffix(1);
    }
    return std::string(v);
}

}  // namespace

Result<std::vector<ManifestEntry>> parse_fciv_xml(std::string_view document) {
    std::string text(document);
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        text.erase(0, 3);
    }
    if (contains_doctype(text)) {
        return make_error(Errc::malformed, {}, "DOCTYPE and entity declarations are not accepted");
    }
    // KB841290 shows "<?XML ...?>": a reserved PI target that strict parsers reject. Read
    // it as the ordinary declaration.
    const std::size_t decl = text.find("<?");
    if (decl != std::string::npos && text.size() >= decl + 5 && iequals(text.substr(decl + 2, 3), "xml") &&
        text.compare(decl + 2, 3, "xml") != 0) {
        text.replace(decl + 2, 3, "xml");
    }
    pugi::xml_document doc;
    const unsigned flags = pugi::parse_default & ~pugi::parse_doctype;
    const pugi::xml_parse_result parsed =
        doc.load_buffer(text.data(), text.size(), flags, pugi::encoding_utf8);
    if (!parsed) {
        const auto offset = static_cast<std::size_t>(parsed.offset);
        return make_error(Errc::malformed, {},
                          "line " + std::to_string(line_of(text, offset)) + ": " + parsed.description());
    }
    if (too_deep(doc)) {
        return make_error(Errc::malformed, {}, "XML nested deeper than 64 levels");
    }
    pugi::xml_node root = doc.document_element();
    if (!root || !iequals(root.name(), "FCIV")) {
        return make_error(Errc::malformed, {}, "not an FCIV database (no <FCIV> root element)");
    }
    std::vector<ManifestEntry> entries;
    std::size_t index = 0;
    for (pugi::xml_node node = root.first_child(); node; node = node.next_sibling()) {
        if (node.type() != pugi::node_element) {
            continue;
        }
        ++index;
        if (!iequals(node.name(), "FILE_ENTRY")) {
            return make_error(Errc::malformed, {},
                              "entry " + std::to_string(index) + ": unexpected element <" + node.name() + ">");
        }
        ManifestEntry entry;
        entry.line = index;
        bool has_name = false;
        for (pugi::xml_node field = node.first_child(); field; field = field.next_sibling()) {
            if (field.type() != pugi::node_element) {
                continue;
            }
            const std::string_view element = field.name();
            if (iequals(element, "name")) {
                entry.name = field.child_value();
                has_name = true;
                continue;
            }
            const std::optional<Algorithm> algorithm = algorithm_from_tag(element);
            if (!algorithm) {
                continue;  // PsFCIV's Size, TimeStamp, ...
            }
            const std::string value = trimmed(field.child_value());
            const std::size_t size = algorithm_info(*algorithm).digest_size;
            std::optional<Digest> digest = digest_from_base64(value);
            // Hex text of the right length is often valid base64 as well (of another size).
            if ((!digest || digest->size() != size) && value.size() == size * 2) {
                digest = digest_from_hex(value);
            }
            if (!digest || digest->size() != size) {
                return make_error(Errc::malformed, {},
                                  "entry " + std::to_string(index) + ": <" + std::string(element) +
                                      "> is not a base64 " + std::string(algorithm_info(*algorithm).display_name) +
                                      " digest");
            }
            entry.digests.emplace_back(*algorithm, *digest);
        }
        if (!has_name || entry.name.empty()) {
            return make_error(Errc::malformed, {}, "entry " + std::to_string(index) + ": no <name>");
        }
        if (entry.name.find('\0') != std::string::npos) {
            return make_error(Errc::malformed, {}, "entry " + std::to_string(index) + ": NUL in <name>");
        }
        if (entry.digests.empty()) {
            return make_error(Errc::malformed, {}, "entry " + std::to_string(index) + ": no digest");
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

#else

Result<std::vector<ManifestEntry>> parse_fciv_xml(std::string_view /*document*/) {
    return make_error(Errc::malformed, {}, "FCIV-XML reading is not available in this build");
}

#endif

}  // namespace fhash
