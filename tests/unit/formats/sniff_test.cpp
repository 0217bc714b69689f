#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fhash/manifest.hpp"
#include "support/catch.hpp"

using namespace fhash;

namespace {

ManifestFormat sniff(std::string_view text) {
    return sniff_manifest_format(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

}  // namespace

TEST_CASE("sniff_manifest_format", "[sniff]") {
    struct Case {
        std::string head;
        ManifestFormat expected;
    };
    const std::vector<Case> cases{
        {"", ManifestFormat::gnu},
        {"   \r\n", ManifestFormat::gnu},
        {"900150983cd24fb0d6963f7d28e17f72  abc.txt\n", ManifestFormat::gnu},
        {"MD5 (abc.txt) = 900150983cd24fb0d6963f7d28e17f72\n", ManifestFormat::bsd},
        {"# comment\n", ManifestFormat::gnu},
        {"<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<FCIV>", ManifestFormat::fciv_xml},
        {"\xEF\xBB\xBF<?XML version=\"1.0\"?>", ManifestFormat::fciv_xml},
        {"\r\n  <FCIV>", ManifestFormat::fciv_xml},
        {std::string("\xFF\xFE<\0F\0", 6), ManifestFormat::fciv_xml},
        {std::string("\xFE\xFF\0{\0\"", 6), ManifestFormat::json},
        {"{\"name\":\"abc.txt\"}\n", ManifestFormat::json},
        {"\"Algorithm\",\"Hash\",\"Path\"\r\n", ManifestFormat::csv},
        {"Algorithm,Hash,Path\n", ManifestFormat::csv},
        {"#TYPE Microsoft.Powershell.Utility.FileHash\r\n", ManifestFormat::csv},
        {"#type of files: md5\n", ManifestFormat::gnu},
        {std::string("\xFF\xFE\"\0A\0l\0g\0o\0r\0i\0t\0h\0m\0\"\0,\0", 26), ManifestFormat::csv},
        {"\xFF\xFF\xFF", ManifestFormat::gnu},
    };
    for (const Case& c : cases) {
        INFO("head: " << c.head);
        CHECK(sniff(c.head) == c.expected);
    }
}

TEST_CASE("sniff_manifest_format: the first entry line tells bsd from gnu", "[sniff]") {
    const std::string md5 = "900150983cd24fb0d6963f7d28e17f72";
    const std::string sha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    struct Case {
        std::string head;
        ManifestFormat expected;
    };
    const std::vector<Case> cases{
        // coreutils --tag, OpenSSL dgst, RHash's padded tags, base64 digests
        {"SHA256 (a b.txt) = " + sha256 + "\n", ManifestFormat::bsd},
        {"SHA2-256(abc.txt)= " + sha256 + "\n", ManifestFormat::bsd},
        {"MD5(abc.txt)= " + md5 + "\r\n", ManifestFormat::bsd},
        {"MD5   (abc.txt) = " + md5 + "\n", ManifestFormat::bsd},
        {"SHA256 (abc.txt) = ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=\n", ManifestFormat::bsd},
        {"md5 (abc.txt) = " + md5, ManifestFormat::bsd},         // tags are case-insensitive; no LF
        {"\\MD5 (a\\nb) = " + md5 + "\n", ManifestFormat::bsd},  // escaped name
        {"  MD5 (abc.txt) = " + md5 + "\n", ManifestFormat::bsd},  // leading blanks
        // blank lines, comments and a BOM before the first entry
        {"\n\r\n  \t\n# made by hand\n#MD5 (x) = y\nMD5 (abc.txt) = " + md5 + "\n",
         ManifestFormat::bsd},
        {"\xEF\xBB\xBFMD5 (abc.txt) = " + md5 + "\r\n", ManifestFormat::bsd},
        {"# " + std::string(2000, 'c') + "\nMD5 (abc.txt) = " + md5 + "\n", ManifestFormat::bsd},
        // only the first entry line counts
        {"MD5 (abc.txt) = " + md5 + "\n" + md5 + "  abc.txt\n", ManifestFormat::bsd},
        {md5 + "  abc.txt\nMD5 (abc.txt) = " + md5 + "\n", ManifestFormat::gnu},
        {"# MD5 (abc.txt) = " + md5 + "\n" + md5 + "  abc.txt\n", ManifestFormat::gnu},
        // names that only look like tags
        {md5 + "  MD5 (abc.txt) = x\n", ManifestFormat::gnu},
        {"NOTATAG (abc.txt) = " + md5 + "\n", ManifestFormat::gnu},
        {"MD5 (abc.txt) " + md5 + "\n", ManifestFormat::gnu},
        {"MD5 abc.txt = " + md5 + "\n", ManifestFormat::gnu},
        {"# only comments\n\n", ManifestFormat::gnu},
    };
    for (const Case& c : cases) {
        INFO("head: " << c.head);
        CHECK(sniff(c.head) == c.expected);
    }
    // UTF-16LE with a BOM, as PowerShell's Out-File writes
    std::string utf16 = "\xFF\xFE";
    for (const char ch : "MD5 (abc.txt) = " + md5 + "\r\n") {
        utf16 += ch;
        utf16 += '\0';
    }
    CHECK(sniff(utf16) == ManifestFormat::bsd);
}

TEST_CASE("a bsd manifest parses like a gnu one", "[sniff]") {
    // The sniffed format only names the kind of line: the same parser reads both.
    LineParseState state;
    const ParsedLine tagged =
        parse_checksum_line("MD5 (abc.txt) = 900150983cd24fb0d6963f7d28e17f72", {}, state);
    const ParsedLine plain =
        parse_checksum_line("900150983cd24fb0d6963f7d28e17f72  abc.txt", {}, state);
    REQUIRE(tagged.kind == LineKind::entry);
    REQUIRE(plain.kind == LineKind::entry);
    CHECK(tagged.entry.name == plain.entry.name);
    CHECK(tagged.entry.digests == plain.entry.digests);
}

TEST_CASE("is_tagged_checksum_line", "[sniff]") {
    CHECK(is_tagged_checksum_line("SHA1 (x) = 00"));
    CHECK(is_tagged_checksum_line("SHA1(x)=00"));
    CHECK(is_tagged_checksum_line("BLAKE2b (a (1).txt) = 00"));
    CHECK_FALSE(is_tagged_checksum_line(""));
    CHECK_FALSE(is_tagged_checksum_line("SHA1 (x)"));
    CHECK_FALSE(is_tagged_checksum_line("SHA1 x) = 00"));
    CHECK_FALSE(is_tagged_checksum_line("BOGUS (x) = 00"));
}
