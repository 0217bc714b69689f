// FCIV-XML reading: the same behaviour whichever parser the build uses (pugixml, or XmlLite
// on Windows builds without pugixml).

#include <string>
#include <vector>

#include "fhash/digest.hpp"
#include "fhash/manifest.hpp"
#include "support/catch.hpp"

using namespace fhash;

namespace {

std::string hex_of(const ManifestEntry& entry, std::size_t i) {
    return to_hex(entry.digests.at(i).second);
}

// tst.txt as FCIV 2.05 wrote it: one line, CRLF only after the root tags.
const std::string k_fciv_one_line =
    "<?XML version=\"1.0\" encoding=\"utf-8\"?>\r\n<FCIV>\r\n"
    "\t<FILE_ENTRY><name>tst.txt</name><MD5>NYr0wf0/q0haLJJyyRTyMQ==</MD5>"
    "<SHA1>Nla1XfYzAzFGzB6x3uluA1R1hOw=</SHA1></FILE_ENTRY>\r\n</FCIV>\r\n";

}  // namespace

TEST_CASE("FCIV's own one-line form is read, MD5 and SHA-1 in base64", "[formats][fciv]") {
    Result<std::vector<ManifestEntry>> parsed = parse_fciv_xml(k_fciv_one_line);
    REQUIRE(parsed);
    REQUIRE(parsed->size() == 1);
    const ManifestEntry& entry = parsed->front();
    CHECK(entry.name == "tst.txt");
    REQUIRE(entry.digests.size() == 2);
    CHECK(entry.digests[0].first == Algorithm::md5);
    CHECK(hex_of(entry, 0) == "358af4c1fd3fab485a2c9272c914f231");
    CHECK(entry.digests[1].first == Algorithm::sha1);
    CHECK(hex_of(entry, 1) == "3656b55df633033146cc1eb1dee96e03547584ec");
}

TEST_CASE("The KB841290 pretty-printed form with a BOM and LF line ends is read",
          "[formats][fciv]") {
    const std::string document =
        "\xEF\xBB\xBF<?XML version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<FCIV>\n"
        "  <FILE_ENTRY>\n"
        "    <name>c:\\folder\\a.txt</name>\n"
        "    <MD5>NYr0wf0/q0haLJJyyRTyMQ==</MD5>\n"
        "  </FILE_ENTRY>\n"
        "  <FILE_ENTRY>\n"
        "    <name>b &amp; c.txt</name>\n"
        "    <SHA1>\n      Nla1XfYzAzFGzB6x3uluA1R1hOw=\n    </SHA1>\n"
        "    <Size>5</Size><TimeStamp>2024-01-01</TimeStamp>\n"
        "  </FILE_ENTRY>\n"
        "</FCIV>\n";
    Result<std::vector<ManifestEntry>> parsed = parse_fciv_xml(document);
    REQUIRE(parsed);
    REQUIRE(parsed->size() == 2);
    CHECK((*parsed)[0].name == "c:\\folder\\a.txt");
    CHECK((*parsed)[0].line == 1);
    CHECK((*parsed)[1].name == "b & c.txt");
    CHECK((*parsed)[1].line == 2);
    REQUIRE((*parsed)[1].digests.size() == 1);  // PsFCIV's Size and TimeStamp ignored
    CHECK(hex_of((*parsed)[1], 0) == "3656b55df633033146cc1eb1dee96e03547584ec");
}

TEST_CASE("A hex digest of the right length is accepted", "[formats][fciv]") {
    const std::string document =
        "<FCIV><FILE_ENTRY><name>x</name><MD5>358AF4C1FD3FAB485A2C9272C914F231</MD5></FILE_ENTRY></"
        "FCIV>";
    Result<std::vector<ManifestEntry>> parsed = parse_fciv_xml(document);
    REQUIRE(parsed);
    CHECK(hex_of(parsed->at(0), 0) == "358af4c1fd3fab485a2c9272c914f231");
}

TEST_CASE("A DOCTYPE (entity expansion bomb) is refused before parsing", "[formats][fciv]") {
    const std::string bomb =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE FCIV [\n <!ENTITY a \"aaaaaaaaaa\">\n"
        " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n <!ENTITY c "
        "\"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n]>\n"
        "<FCIV><FILE_ENTRY><name>&c;</name><MD5>NYr0wf0/q0haLJJyyRTyMQ==</MD5></FILE_ENTRY></"
        "FCIV>\n";
    Result<std::vector<ManifestEntry>> parsed = parse_fciv_xml(bomb);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().code == make_error_code(Errc::malformed));
    CHECK(parsed.error().detail.find("DOCTYPE") != std::string::npos);
}

TEST_CASE("Truncated XML is refused with a line number", "[formats][fciv]") {
    const std::string truncated = k_fciv_one_line.substr(0, k_fciv_one_line.size() - 30);
    Result<std::vector<ManifestEntry>> parsed = parse_fciv_xml(truncated);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().code == make_error_code(Errc::malformed));
    CHECK(parsed.error().detail.rfind("line ", 0) == 0);
}

TEST_CASE("Mismatched tags are reported on their line", "[formats][fciv]") {
    const std::string document = "<FCIV>\n<FILE_ENTRY>\n<name>x</nam>\n</FILE_ENTRY>\n</FCIV>\n";
    Result<std::vector<ManifestEntry>> parsed = parse_fciv_xml(document);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().detail.rfind("line 3:", 0) == 0);
}

TEST_CASE("Deep nesting is refused", "[formats][fciv]") {
    std::string document = "<FCIV>";
    for (int i = 0; i < 200; ++i) {
        document += "<a>";
    }
    for (int i = 0; i < 200; ++i) {
        document += "</a>";
    }
    document += "</FCIV>";
    Result<std::vector<ManifestEntry>> parsed = parse_fciv_xml(document);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().detail.find("nested deeper than 64") != std::string::npos);
}

TEST_CASE("Documents that are not FCIV databases are refused", "[formats][fciv]") {
    CHECK_FALSE(parse_fciv_xml("<root/>"));
    CHECK_FALSE(parse_fciv_xml(""));
    CHECK_FALSE(parse_fciv_xml("<FCIV><OTHER/></FCIV>"));
    CHECK_FALSE(parse_fciv_xml(
        "<FCIV><FILE_ENTRY><MD5>NYr0wf0/q0haLJJyyRTyMQ==</MD5></FILE_ENTRY></FCIV>"));
    CHECK_FALSE(parse_fciv_xml("<FCIV><FILE_ENTRY><name>x</name></FILE_ENTRY></FCIV>"));
    CHECK_FALSE(parse_fciv_xml(
        "<FCIV><FILE_ENTRY><name>x</name><MD5>bm90IGEgZGlnZXN0</MD5></FILE_ENTRY></FCIV>"));
    CHECK(parse_fciv_xml("<FCIV></FCIV>")->empty());
}

TEST_CASE("What format_fciv_xml writes, parse_fciv_xml reads back", "[formats][fciv]") {
    std::vector<ManifestEntry> entries(2);
    entries[0].name =
        "folder\\donn\xC3\xA9"
        "es & <m\xC3\xA9tadonn\xC3\xA9"
        "es>.bin";
    entries[0].digests.emplace_back(Algorithm::md5,
                                    *digest_from_hex("358af4c1fd3fab485a2c9272c914f231"));
    entries[0].digests.emplace_back(Algorithm::sha1,
                                    *digest_from_hex("3656b55df633033146cc1eb1dee96e03547584ec"));
    entries[1].name = "empty.txt";
    entries[1].digests.emplace_back(Algorithm::md5,
                                    *digest_from_hex("d41d8cd98f00b204e9800998ecf8427e"));
    const std::string written = format_fciv_xml(entries);
    Result<std::vector<ManifestEntry>> read = parse_fciv_xml(written);
    REQUIRE(read);
    REQUIRE(read->size() == entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        CHECK((*read)[i].name == entries[i].name);
        CHECK((*read)[i].digests == entries[i].digests);
    }
}

TEST_CASE("Documents cut anywhere are refused, never hang", "[formats][fciv]") {
    // Each ends inside something: text, CDATA, an attribute, between elements.
    const char* cut[] = {
        "<FCIV><FILE_ENTRY><name>abc",
        "<FCIV><FILE_ENTRY></FILE_ENTRY>  ",
        "<FCIV><FILE_ENTRY><name><![CDATA[ab",
        "<FCIV><FILE_ENTRY><name a=\"x",
        "<FCIV>\r\n\t<FILE_ENTRY><name>abc.txt</name><MD5>kAFQ</MD5></FILE_",
        "<FCIV><FILE_ENTRY><name>a</name><MD5>kAFQmDzST7DWlj99KOF/cg==</MD5></FILE_ENTRY></FCIV",
    };
    for (const char* document : cut) {
        INFO(document);
        Result<std::vector<ManifestEntry>> parsed = parse_fciv_xml(document);
        REQUIRE_FALSE(parsed);
        CHECK(parsed.error().code == make_error_code(Errc::malformed));
    }
}

namespace {

/// `utf8` (ASCII and two-byte characters only) as UTF-16 with its BOM.
std::string utf16_with_bom(const std::string& utf8, bool little_endian) {
    std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        unsigned code = static_cast<unsigned char>(utf8[i]);
        if (code >= 0xC0) {  // a two-byte sequence
            code = ((code & 0x1F) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3F);
        }
        const char high = static_cast<char>(code >> 8);
        const char low = static_cast<char>(code & 0xFF);
        out += little_endian ? std::string{low, high} : std::string{high, low};
    }
    return out;
}

}  // namespace

TEST_CASE("A database saved as UTF-16 with a BOM is read like its UTF-8 form", "[formats][fciv]") {
    const std::string utf8 =
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n<FCIV>\r\n"
        "\t<FILE_ENTRY><name>caf\xC3\xA9.txt</name><MD5>NYr0wf0/q0haLJJyyRTyMQ==</MD5>"
        "</FILE_ENTRY>\r\n</FCIV>\r\n";
    for (const bool little_endian : {true, false}) {
        Result<std::vector<ManifestEntry>> parsed =
            parse_fciv_xml(utf16_with_bom(utf8, little_endian));
        REQUIRE(parsed);
        REQUIRE(parsed->size() == 1);
        CHECK(parsed->front().name == "caf\xC3\xA9.txt");
        CHECK(hex_of(parsed->front(), 0) == "358af4c1fd3fab485a2c9272c914f231");
    }
}
