/// @file fciv_xml_writer.cpp
/// FCIV-XML databases: the byte-exact writer (FCIV 2.05 layout).

#include <cstddef>
#include <cstdio>
#include <new>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fhash/manifest.hpp"

namespace fhash {
namespace {

constexpr std::string_view k_declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n";

/// Escapes text for element content. The five predefined entities, then TAB, LF and CR as
/// character references so that a reader's end-of-line normalisation cannot alter a name.
/// Other C0 controls cannot appear in XML 1.0 at all; they are written as character
/// references too (our reader accepts them; strict readers may not). Bytes >= 0x80 are
/// written unchanged (names are expected in UTF-8).
void append_escaped(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "&#%u;", static_cast<unsigned>(c));
                    out += buf;
                } else {
                    out += c;
                }
                break;
        }
    }
}

}  // namespace

std::string format_fciv_xml(std::span<const ManifestEntry> entries) {
    // Layout of FCIV 2.05: declaration CRLF, <FCIV> CRLF, one TAB, every FILE_ENTRY on one
    // line without whitespace, </FCIV> CRLF. An empty database keeps the same frame:
    // "<FCIV>\r\n\t</FCIV>\r\n" (FCIV's own empty layout is unknown).
    std::string out(k_declaration);
    out += "<FCIV>\r\n\t";
    for (const ManifestEntry& entry : entries) {
        out += "<FILE_ENTRY><name>";
        append_escaped(out, entry.name);
        out += "</name>";
        // all_algorithms() starts with MD5 then SHA1, which is FCIV's order.
        for (const AlgorithmInfo& info : all_algorithms()) {
            for (const auto& [algorithm, digest] : entry.digests) {
                if (algorithm == info.id) {
                    out += '<';
                    out += info.fciv_element;
                    out += '>';
                    out += to_base64(digest);
                    out += "</";
                    out += info.fciv_element;
                    out += '>';
                    break;
                }
            }
        }
        out += "</FILE_ENTRY>";
    }
    out += "</FCIV>\r\n";
    return out;
}

}  // namespace fhash
