#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fhash/digest.hpp"
#include "fhash/manifest.hpp"
#include "support/catch.hpp"
#include "support/read_file.hpp"

using namespace fhash;

namespace {

std::string read_testdata(std::string_view name) {
    return test::read_file(std::filesystem::path(FHASH_TESTDATA_DIR) / "fciv" / name);
}

Digest b64(std::string_view text) {
    return *digest_from_base64(text);
}

ManifestEntry make_entry(std::string name, std::vector<std::pair<Algorithm, Digest>> digests) {
    ManifestEntry entry;
    entry.name = std::move(name);
    entry.digests = std::move(digests);
    return entry;
}

const std::string k_tst_md5 = "NYr0wf0/q0haLJJyyRTyMQ==";
const std::string k_tst_sha1 = "Nla1XfYzAzFGzB6x3uluA1R1hOw=";

/// The real FCIV 2.05 sample of docs/formats.md, "FCIV-XML".
std::vector<ManifestEntry> tst_entries() {
    return {make_entry("tst.txt",
                       {{Algorithm::md5, b64(k_tst_md5)}, {Algorithm::sha1, b64(k_tst_sha1)}})};
}

void check_same(const std::vector<ManifestEntry>& got, const std::vector<ManifestEntry>& want) {
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        CHECK(got[i].name == want[i].name);
        CHECK(got[i].line == i + 1);
        REQUIRE(got[i].digests.size() == want[i].digests.size());
        for (std::size_t k = 0; k < got[i].digests.size(); ++k) {
            CHECK(got[i].digests[k].first == want[i].digests[k].first);
            CHECK(got[i].digests[k].second == want[i].digests[k].second);
        }
    }
}

/// Parses `document`, expecting Errc::malformed with `detail_part` inside the detail.
void check_refused(std::string_view document, std::string_view detail_part) {
    const auto parsed = parse_fciv_xml(document);
    REQUIRE_FALSE(parsed.has_value());
    CHECK(parsed.error().code == make_error_code(Errc::malformed));
    INFO("detail: " << parsed.error().detail);
    CHECK(parsed.error().detail.find(detail_part) != std::string::npos);
}

}  // namespace

TEST_CASE("FCIV-XML writer: golden bytes", "[fciv_xml]") {
    const Digest md5_abc = b64("kAFQmDzST7DWlj99KOF/cg==");
    const Digest md5_empty = b64("1B2M2Y8AsgTpgAmY7PhCfg==");
    const Digest sha1_empty = b64("2jmj7l5rSw0yVb/vlWAYkK/YBwk=");
    const Digest sha256_abc = b64("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
    struct Case {
        std::string_view file;
        std::vector<ManifestEntry> entries;
    };
    const std::vector<Case> cases{
        {"tst_both.xml", tst_entries()},
        // SHA1 given first: MD5 is still written first.
        {"tst_both.xml",
         {make_entry("tst.txt",
                     {{Algorithm::sha1, b64(k_tst_sha1)}, {Algorithm::md5, b64(k_tst_md5)}})}},
        {"md5_only.xml",
         {make_entry("testfiles\\Testfile1.raw",
                     {{Algorithm::md5, b64("I8/JcR4TUoo1GLB6gXmAsQ==")}}),
          make_entry("testfiles\\Testfile10.raw",
                     {{Algorithm::md5, b64("cGWbPOAwJNLuwL/5+btavw==")}})}},
        {"sha256.xml", {make_entry("abc.txt", {{Algorithm::sha256, sha256_abc}})}},
        {"awkward_names.xml",
         {make_entry("sub\\R&D <draft> \"v1's\".txt", {{Algorithm::md5, md5_abc}}),
          make_entry(" sp ace \xC3\xBC\xE2\x82\xAC.txt",
                     {{Algorithm::sha1, sha1_empty}, {Algorithm::md5, md5_empty}})}},
        {"empty.xml", {}},
    };
    for (const Case& c : cases) {
        INFO(c.file);
        CHECK(format_fciv_xml(c.entries) == read_testdata(c.file));
    }
}

TEST_CASE("FCIV-XML writer: element order follows the algorithm table", "[fciv_xml]") {
    const Digest d16 = b64("kAFQmDzST7DWlj99KOF/cg==");
    const Digest d32 = b64("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
    const std::vector<ManifestEntry> entries{
        make_entry("f", {{Algorithm::sha256, d32}, {Algorithm::md5, d16}})};
    const std::string xml = format_fciv_xml(entries);
    CHECK(xml.find("<name>f</name><MD5>kAFQmDzST7DWlj99KOF/cg==</MD5><SHA256>") !=
          std::string::npos);
}

TEST_CASE("FCIV-XML reader: real and tolerated layouts", "[fciv_xml]") {
    const Digest md5_abc = b64("kAFQmDzST7DWlj99KOF/cg==");
    const Digest sha1_abc = b64("qZk+NkcGgWq6PiVxeFDCbJzQ2J0=");
    const Digest sha256_abc = b64("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
    struct Case {
        std::string_view file;
        std::vector<ManifestEntry> expected;
    };
    const std::vector<Case> cases{
        {"tst_both.xml", tst_entries()},
        {"kb_pretty.xml", tst_entries()},
        {"psfciv.xml",
         {make_entry("C:\\data\\abc.txt", {{Algorithm::md5, md5_abc},
                                           {Algorithm::sha1, sha1_abc},
                                           {Algorithm::sha256, sha256_abc}})}},
        {"md5_only.xml",
         {make_entry("testfiles\\Testfile1.raw",
                     {{Algorithm::md5, b64("I8/JcR4TUoo1GLB6gXmAsQ==")}}),
          make_entry("testfiles\\Testfile10.raw",
                     {{Algorithm::md5, b64("cGWbPOAwJNLuwL/5+btavw==")}})}},
        {"empty.xml", {}},
    };
    for (const Case& c : cases) {
        INFO(c.file);
        const auto parsed = parse_fciv_xml(read_testdata(c.file));
        REQUIRE(parsed.has_value());
        check_same(*parsed, c.expected);
    }
    // The FCIV sample digest is MD5 23cfc971... (docs/formats.md, "Known-answer values").
    const auto md5_only = parse_fciv_xml(read_testdata("md5_only.xml"));
    REQUIRE(md5_only.has_value());
    CHECK(to_hex((*md5_only)[0].digests[0].second) == "23cfc9711e13528a3518b07a817980b1");
}

TEST_CASE("FCIV-XML round trip of awkward names", "[fciv_xml]") {
    const Digest d = b64("kAFQmDzST7DWlj99KOF/cg==");
    const std::vector<ManifestEntry> entries{
        make_entry("a&b<c>d\"e'f", {{Algorithm::md5, d}}),
        make_entry("  spaces  ", {{Algorithm::md5, d}}),
#ifndef FHASH_XML_READER_XMLLITE
        // The writer stores TAB, LF and CR as character references. Wine's XmlLite turns
        // them into spaces (whitespace normalisation meant for attributes), so this entry is
        // checked with pugixml only.
        make_entry("tab\tnew\nline\rcr", {{Algorithm::md5, d}}),
#endif
        make_entry("\xC3\xBC\xE2\x82\xAC\xF0\x9F\x98\x80", {{Algorithm::md5, d}}),
        make_entry("]]>", {{Algorithm::md5, d}}),
    };
    const auto parsed = parse_fciv_xml(format_fciv_xml(entries));
    REQUIRE(parsed.has_value());
    check_same(*parsed, entries);
}

TEST_CASE("FCIV-XML reader: LF, CDATA, case variants of digest elements", "[fciv_xml]") {
    const std::string doc =
        "<?xml version=\"1.0\"?>\n<FCIV>\n<FILE_ENTRY><name><![CDATA[a&b]]></name>"
        "<md5> kAFQmDzST7DWlj99KOF/cg== </md5><Sha1>qZk+NkcGgWq6PiVxeFDCbJzQ2J0=</Sha1>"
        "</FILE_ENTRY>\n<!-- note -->\n</FCIV>\n";
    const auto parsed = parse_fciv_xml(doc);
    REQUIRE(parsed.has_value());
    REQUIRE(parsed->size() == 1);
    CHECK((*parsed)[0].name == "a&b");
    CHECK((*parsed)[0].digests.size() == 2);

    // pugixml leaves an unknown entity reference as text; it is kept verbatim.
    const auto literal = parse_fciv_xml(
        "<FCIV><FILE_ENTRY><name>x&unknown;y</name><MD5>kAFQmDzST7DWlj99KOF/cg==</MD5>"
        "</FILE_ENTRY></FCIV>");
    REQUIRE(literal.has_value());
    CHECK((*literal)[0].name == "x&unknown;y");
}

TEST_CASE("FCIV-XML reader: bad entries", "[fciv_xml]") {
    const std::string head = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<FCIV>\r\n\t";
    const std::string tail = "</FCIV>\r\n";
    const std::string good =
        "<FILE_ENTRY><name>ok.txt</name><MD5>kAFQmDzST7DWlj99KOF/cg==</MD5></FILE_ENTRY>";
    struct Case {
        std::string body;
        std::string_view detail;
    };
    const std::vector<Case> cases{
        {"<FILE_ENTRY><MD5>kAFQmDzST7DWlj99KOF/cg==</MD5></FILE_ENTRY>", "entry 1: missing <name>"},
        {good + "<FILE_ENTRY><name></name><MD5>kAFQmDzST7DWlj99KOF/cg==</MD5></FILE_ENTRY>",
         "entry 2: missing <name>"},
        {good + "<FILE_ENTRY><name>x.txt</name></FILE_ENTRY>", "entry 2 (x.txt): no digest"},
        {good + "<FILE_ENTRY><name>x.txt</name><Size>3</Size></FILE_ENTRY>", "no digest"},
        {"<FILE_ENTRY><name>x.txt</name><MD5>900150983cd24fb0d6963f7d28e17f7</MD5></FILE_ENTRY>",
         "entry 1 (x.txt): invalid MD5 digest"},
        {"<FILE_ENTRY><name>x.txt</name><MD5>900150983cd24fb0d6963f7d28e17fzz</MD5></FILE_ENTRY>",
         "entry 1 (x.txt): invalid MD5 digest"},
        {"<FILE_ENTRY><name>x.txt</name><SHA1>kAFQmDzST7DWlj99KOF/cg==</SHA1></FILE_ENTRY>",
         "invalid SHA1 digest"},
        {"<FILE_ENTRY><name>x.txt</name><MD5></MD5></FILE_ENTRY>", "invalid MD5 digest"},
        {"<FILE_ENTRY><name>x.txt</name><MD5>kAFQmDzST7DWlj99KOF/cg==</MD5>"
         "<MD5>kAFQmDzST7DWlj99KOF/cg==</MD5></FILE_ENTRY>",
         "duplicate MD5"},
        {"<FILE_ENTRY><name>a&#0;b</name><MD5>kAFQmDzST7DWlj99KOF/cg==</MD5></FILE_ENTRY>",
         "U+0000"},
        {"<FILE_ENTRY><name>a&#x000;b</name><MD5>kAFQmDzST7DWlj99KOF/cg==</MD5></FILE_ENTRY>",
         "U+0000"},
    };
    for (const Case& c : cases) {
        check_refused(head + c.body + tail, c.detail);
    }
    check_refused("<?xml version=\"1.0\"?><ROOT/>", "not <FCIV>");
    check_refused("", "line 1: No document element found");
}

TEST_CASE("FCIV-XML reader: hostile and broken documents", "[fciv_xml]") {
    const std::string laughs =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
        " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n]>\n"
        "<FCIV><FILE_ENTRY><name>&lol3;</name><MD5>kAFQmDzST7DWlj99KOF/cg==</MD5></FILE_ENTRY>"
        "</FCIV>\n";
    check_refused(laughs, "DOCTYPE declarations are not accepted");
    const std::string external =
        "<?xml version=\"1.0\"?><!doctype FCIV [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
        "<FCIV><FILE_ENTRY><name>&xxe;</name><MD5>kAFQmDzST7DWlj99KOF/cg==</MD5></FILE_ENTRY>"
        "</FCIV>";
    check_refused(external, "DOCTYPE declarations are not accepted");

    std::string deep = "<FCIV>";
    for (int i = 0; i < 10000; ++i) {
        deep += "<a>";
    }
    for (int i = 0; i < 10000; ++i) {
        deep += "</a>";
    }
    deep += "</FCIV>";
    check_refused(deep, "nested deeper than 64");

    const std::string full = read_testdata("kb_pretty.xml");
    // Cut inside the second FILE_ENTRY line: the error names the line of the document.
    check_refused(full.substr(0, full.find("<MD5>") + 3), "line 5: ");
    check_refused("<?xml version=\"1.0\"?>\r\n<FCIV>\r\n\t<FILE_ENTRY><name>a</name></FCIV>",
                  "line 3: ");
    check_refused("<FCIV><FILE_ENTRY><name>a</nam></FILE_ENTRY></FCIV>", "line 1: ");
    check_refused(std::string("<FCIV>\r\n\0</FCIV>", 16), "line 2: NUL byte");

    std::string garbage;
    for (int i = 0; i < 4096; ++i) {
        garbage += static_cast<char>((i * 131 + 7) % 256);
    }
    const auto parsed = parse_fciv_xml(garbage);
    CHECK_FALSE(parsed.has_value());
}
