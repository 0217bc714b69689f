// FCIV-XML in FCIV 2.05's exact byte layout (captured from real databases):
//   <?xml version="1.0" encoding="utf-8"?>CRLF<FCIV>CRLF TAB <FILE_ENTRY>...</FILE_ENTRY>...</FCIV>CRLF
// every entry on one line, digests as standard base64 of the raw bytes, MD5 before SHA1
// before the others (PsFCIV's element names), no BOM. An empty database is written as
// "<FCIV>CRLF TAB </FCIV>CRLF", the same shape with no entries.

#include <algorithm>
#include <string>

#include "fhash/manifest.hpp"

namespace fhash {
namespace {

void append_escaped(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c; break;
        }
    }
}

}  // namespace

std::string format_fciv_xml(std::span<const ManifestEntry> entries) {
    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<FCIV>\r\n\t";
    for (const ManifestEntry& entry : entries) {
        out += "<FILE_ENTRY><name>";
        append_escaped(out, entry.name);
        out += "</name>";
        // Algorithm enum order is the table order: MD5, SHA1, then the rest.
        std::vector<std::pair<Algorithm, Digest>> digests = entry.digests;
        std::stable_sort(digests.begin(), digests.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& [algorithm, digest] : digests) {
            const std::string_view element = algorithm_info(algorithm).fciv_element;
            out += '<';
            out += element;
            out += '>';
            out += to_base64(digest);
            out += "</";
            out += element;
            out += '>';
        }
        out += "</FILE_ENTRY>";
    }
    out += "</FCIV>\r\n";
    return out;
}

}  // namespace fhash
