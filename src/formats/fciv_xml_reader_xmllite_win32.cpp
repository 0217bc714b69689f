// FCIV-XML reading with Windows' own XML parser, XmlLite (xmllite.dll, on every Windows
// since XP SP3 and in Wine), for builds without pugixml. Same input accepted and same
// errors as the pugixml reader (fciv_xml_reader.cpp): FCIV 2.05's files and the KB841290
// form with "<?XML ...?>", CRLF or LF, a UTF-8 BOM, PsFCIV's extra elements ignored; any
// DOCTYPE refused before parsing (and DTD processing prohibited in the parser as well),
// nesting deeper than k_max_depth refused.
//
// XmlLite is a pull parser. The document is read to its end first, keeping just the three
// levels FCIV uses (root, entries, fields); the FCIV rules are applied afterwards, so a
// syntax error is reported before any FCIV rule, as the DOM-based reader does.
//
// xmllite.dll is loaded at run time from the system folder: MinGW-w64 ships the header but
// no import library for it.

#include <windows.h>

#include <objbase.h>
#include <shlwapi.h>
#include <xmllite.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "fhash/manifest.hpp"
#include "fhash/text.hpp"
#include "formats/fciv_xml_entry.hpp"
#include "platform/utf16_win32.hpp"

namespace fhash {
namespace {

constexpr std::size_t k_max_depth = formats::k_fciv_max_depth;

using CreateXmlReaderFn = HRESULT(WINAPI*)(REFIID, void**, IMalloc*);
using CreateXmlReaderInputFn = HRESULT(WINAPI*)(IUnknown*, IMalloc*, LPCWSTR, BOOL, LPCWSTR,
                                                IXmlReaderInput**);

struct XmlLite {
    CreateXmlReaderFn create_reader = nullptr;
    CreateXmlReaderInputFn create_input = nullptr;
};

/// The two XmlLite entry points, or nothing if the DLL is missing.
const XmlLite* xmllite() {
    static const std::optional<XmlLite> loaded = []() -> std::optional<XmlLite> {
        HMODULE module = LoadLibraryExW(L"xmllite.dll", nullptr, LOAD_LIBRARY_SEARCH_SYSTEM32);
        if (module == nullptr) {
            return std::nullopt;
        }
        XmlLite api;
        api.create_reader = reinterpret_cast<CreateXmlReaderFn>(
            reinterpret_cast<void*>(GetProcAddress(module, "CreateXmlReader")));
        api.create_input = reinterpret_cast<CreateXmlReaderInputFn>(reinterpret_cast<void*>(
            GetProcAddress(module, "CreateXmlReaderInputWithEncodingName")));
        if (api.create_reader == nullptr || api.create_input == nullptr) {
            return std::nullopt;
        }
        return api;
    }();
    return loaded ? &*loaded : nullptr;
}

/// Owns one COM reference.
template <class T>
class ComRef {
public:
    ComRef() = default;
    ComRef(const ComRef&) = delete;
    ComRef& operator=(const ComRef&) = delete;
    ~ComRef() {
        if (m_ptr != nullptr) {
            m_ptr->Release();
        }
    }
    T* get() const noexcept { return m_ptr; }
    T* operator->() const noexcept { return m_ptr; }
    T** out() noexcept { return &m_ptr; }
    void reset(T* ptr) noexcept {
        if (m_ptr != nullptr) {
            m_ptr->Release();
        }
        m_ptr = ptr;
    }

private:
    T* m_ptr = nullptr;
};

bool contains_doctype(std::string_view text) {
    static constexpr std::string_view k_doctype = "<!doctype";
    for (std::size_t i = text.find("<!"); i != std::string_view::npos; i = text.find("<!", i + 1)) {
        if (iequals_ascii(text.substr(i, k_doctype.size()), k_doctype) ||
            text.substr(i, 9) == "<!ENTITY") {
            return true;
        }
    }
    return false;
}

/// A short description of an XmlLite error code.
std::string describe(HRESULT hr) {
    switch (static_cast<unsigned long>(hr)) {
        case MX_E_INPUTEND:
            return "Unexpected end of input";
        case MX_E_ENCODING:
        case MX_E_ENCODINGSWITCH:
        case MX_E_ENCODINGSIGNATURE:
        case XML_E_INVALIDENCODING:
            return "Invalid encoding";
        case WC_E_ELEMENTMATCH:
            return "Start-end tags mismatch";
        case WC_E_XMLCHARACTER:
        case XML_E_INVALID_UNICODE:
            return "Invalid character";
        case WC_E_NAMECHARACTER:
        case WC_E_NAME:
            return "Invalid name";
        case WC_E_GREATERTHAN:
            return "Expected '>'";
        case WC_E_QUOTE:
            return "Expected a quote";
        case WC_E_SEMICOLON:
        case WC_E_ENTITYCONTENT:
        case XML_E_INVALID_DECIMAL:
        case XML_E_INVALID_HEXIDECIMAL:
            return "Invalid entity or character reference";
        case WC_E_UNDECLAREDENTITY:
            return "Undeclared entity";
        case WC_E_ROOTELEMENT:
            return "Missing or extra root element";
        case WC_E_UNIQUEATTRIBUTE:
            return "Duplicate attribute";
        case WC_E_DTDPROHIBITED:
            return "DTD prohibited";
        case WC_E_XMLDECL:
        case WC_E_LEADINGXML:
            return "Invalid XML declaration";
        case NC_E_UNDECLAREDPREFIX:
            return "Undeclared namespace prefix";
        default:
            break;
    }
    char text[64];
    std::snprintf(text, sizeof text, "XML syntax error 0x%08lX", static_cast<unsigned long>(hr));
    return text;
}

/// The three levels of an FCIV document that matter.
struct Field {
    std::string name;
    std::string text;  ///< its first text or CDATA child, as pugixml's child_value()
    bool has_text = false;
};
struct Node {
    std::string name;
    std::vector<Field> fields;
};
struct Document {
    std::optional<std::string> root;
    std::vector<Node> children;  ///< element children of the root
};

Error xml_error(std::string detail) {
    return make_error(Errc::malformed, {}, std::move(detail));
}

std::string utf8(const wchar_t* text, UINT length) {
    return platform::utf16_to_utf8(std::wstring_view(text, length));
}

/// Adds the node the reader stands on to `doc`: the root's name, a child of the root, a
/// field of that child, or the field's first text; other nodes (declaration, white space,
/// comments, processing instructions, end tags) are passed over.
Result<void> take_node(IXmlReader& reader, XmlNodeType type, Document& doc) {
    if (type != XmlNodeType_Element && type != XmlNodeType_Text && type != XmlNodeType_CDATA) {
        return {};
    }
    UINT depth = 0;
    reader.GetDepth(&depth);
    if (depth + 1 > k_max_depth) {  // counted from the document node, as pugixml does
        return xml_error("XML nested deeper than " + std::to_string(k_max_depth) + " levels");
    }
    const wchar_t* value = nullptr;
    UINT length = 0;
    if (type == XmlNodeType_Element) {
        if (FAILED(reader.GetQualifiedName(&value, &length))) {
            return xml_error("cannot read an element name");
        }
        if (depth == 0) {
            doc.root = utf8(value, length);
        } else if (depth == 1) {
            doc.children.push_back(Node{utf8(value, length), {}});
        } else if (depth == 2 && !doc.children.empty()) {
            doc.children.back().fields.push_back(Field{utf8(value, length), {}, false});
        }
        return {};
    }
    if (depth == 3 && !doc.children.empty() && !doc.children.back().fields.empty() &&
        !doc.children.back().fields.back().has_text) {
        if (FAILED(reader.GetValue(&value, &length))) {
            return xml_error("cannot read a text node");
        }
        Field& field = doc.children.back().fields.back();
        field.text = utf8(value, length);
        field.has_text = true;
    }
    return {};
}

Result<Document> read_document(const std::string& text) {
    const XmlLite* api = xmllite();
    if (api == nullptr) {
        return xml_error("FCIV-XML reading needs xmllite.dll, which this system lacks");
    }
    ComRef<IStream> stream;
    stream.reset(SHCreateMemStream(reinterpret_cast<const BYTE*>(text.data()),
                                   static_cast<UINT>(text.size())));
    ComRef<IXmlReader> reader;
    ComRef<IXmlReaderInput> input;
    if (stream.get() == nullptr ||
        FAILED(api->create_reader(__uuidof(IXmlReader), reinterpret_cast<void**>(reader.out()),
                                  nullptr)) ||
        FAILED(api->create_input(stream.get(), nullptr, L"utf-8", FALSE, nullptr, input.out())) ||
        FAILED(reader->SetProperty(XmlReaderProperty_DtdProcessing, DtdProcessing_Prohibit)) ||
        FAILED(reader->SetInput(input.get()))) {
        return xml_error("cannot start the XML parser");
    }
    Document doc;
    XmlNodeType type = XmlNodeType_None;
    HRESULT hr = S_OK;
    while ((hr = reader->Read(&type)) == S_OK) {
        if (Result<void> taken = take_node(*reader.get(), type, doc); !taken) {
            return std::move(taken).error();
        }
    }
    if (FAILED(hr)) {
        UINT line = 0;
        reader->GetLineNumber(&line);
        return xml_error("line " + std::to_string(line) + ": " + describe(hr));
    }
    return doc;
}

/// A database ends with its root's end tag. Checking that first refuses every truncated
/// document before XmlLite sees it: Wine's XmlLite spins forever on some of them (text,
/// CDATA or white space running into the end of input). The root element's name is
/// checked first (the clearer message for a document of another kind).
Result<void> check_framing(const std::string& text) {
    std::size_t at = 0;
    while ((at = text.find('<', at)) != std::string::npos && at + 1 < text.size() &&
           (text[at + 1] == '?' || text[at + 1] == '!')) {
        ++at;
    }
    if (at != std::string::npos) {
        const std::size_t name_end = text.find_first_of(" \t\r\n/>", at + 1);
        const std::string_view root = std::string_view(text).substr(
            at + 1, (name_end == std::string::npos ? text.size() : name_end) - at - 1);
        if (!iequals_ascii(root, "FCIV")) {
            return make_error(Errc::malformed, {}, "the root element is not <FCIV>");
        }
    }
    std::size_t end = text.find_last_not_of(" \t\r\n");
    const std::string_view tail = std::string_view(text).substr(0, end + 1);
    std::size_t open = tail.rfind("</");
    bool closed = open != std::string_view::npos && tail.back() == '>';
    if (closed) {
        std::string_view name = tail.substr(open + 2, tail.size() - open - 3);
        while (!name.empty() && (name.back() == ' ' || name.back() == '\t' || name.back() == '\r' ||
                                 name.back() == '\n')) {
            name.remove_suffix(1);
        }
        closed = iequals_ascii(name, "FCIV");
    }
    if (!closed) {
        const auto line = 1 + std::count(text.begin(), text.end(), '\n');
        return make_error(Errc::malformed, {},
                          "line " + std::to_string(line) + ": the document ends before </FCIV>");
    }
    return {};
}

/// Refuses what no FCIV database holds and what could hurt the parser: a DOCTYPE, a raw NUL
/// (never valid XML, and Wine's XmlLite can loop on one), a reference to U+0000.
Result<void> refuse_unsafe(const std::string& text) {
    if (contains_doctype(text)) {
        return make_error(Errc::malformed, {}, "DOCTYPE declarations are not accepted");
    }
    if (const std::size_t nul = text.find('\0'); nul != std::string::npos) {
        const auto line =
            1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(nul), '\n');
        return make_error(Errc::malformed, {},
                          "line " + std::to_string(line) + ": NUL byte in the document");
    }
    if (formats::has_nul_reference(text)) {
        return make_error(Errc::malformed, {}, "character reference to U+0000 in the document");
    }
    return {};
}

/// KB841290 shows "<?XML ...?>": a reserved PI target that strict parsers reject. Read it as
/// the ordinary declaration.
void normalise_declaration(std::string& text) {
    const std::size_t decl = text.find("<?");
    if (decl != std::string::npos && text.size() >= decl + 5 &&
        iequals_ascii(text.substr(decl + 2, 3), "xml") && text.compare(decl + 2, 3, "xml") != 0) {
        text.replace(decl + 2, 3, "xml");
    }
}

/// The entries of a parsed document, each checked by the shared FCIV rules.
Result<std::vector<ManifestEntry>> entries_of(const Document& doc) {
    if (!doc.root || !iequals_ascii(*doc.root, "FCIV")) {
        return make_error(Errc::malformed, {}, "the root element is not <FCIV>");
    }
    std::vector<ManifestEntry> entries;
    std::size_t index = 0;
    for (const Node& node : doc.children) {
        ++index;
        if (node.name != "FILE_ENTRY") {
            return formats::unexpected_fciv_element(index, node.name);
        }
        std::vector<formats::FcivField> fields;
        for (const Field& field : node.fields) {
            fields.push_back({field.name, field.text});
        }
        Result<ManifestEntry> entry = formats::build_fciv_entry(index, fields);
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
    std::string text(document);
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        text.erase(0, 3);
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        return make_error(Errc::malformed, {},
                          "line 1: No document element found");  // pugixml's words
    }
    if (Result<void> framed = check_framing(text); !framed) {
        return std::move(framed).error();
    }
    if (Result<void> safe = refuse_unsafe(text); !safe) {
        return std::move(safe).error();
    }
    normalise_declaration(text);
    Result<Document> parsed = read_document(text);
    if (!parsed) {
        return std::move(parsed).error();
    }
    return entries_of(*parsed);
}

}  // namespace fhash
