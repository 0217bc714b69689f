#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fhash/digest.hpp"
#include "fhash/manifest.hpp"
#include "support/catch.hpp"

using namespace fhash;

namespace {

Digest md5_of(std::string_view hex) {
    return *digest_from_hex(hex);
}

}  // namespace

TEST_CASE("escape_gnu_name escapes only backslash, LF and CR", "[escape]") {
    struct Case {
        std::string name;
        bool escaped;
        std::string expected;
    };
    const std::vector<Case> cases{
        {"abc.txt", false, "abc.txt"},
        {"sp ace\ttab", false, "sp ace\ttab"},
        {"back\\slash.txt", true, "back\\\\slash.txt"},
        {"new\nline.txt", true, "new\\nline.txt"},
        {"cr\rret.txt", true, "cr\\rret.txt"},
        {"\\\n\r", true, "\\\\\\n\\r"},
        {"\xFF.bin", false, "\xFF.bin"},
    };
    for (const Case& c : cases) {
        std::string out = "junk";
        CHECK(escape_gnu_name(c.name, out) == c.escaped);
        CHECK(out == c.expected);
        const std::optional<std::string> back = unescape_gnu_name(out);
        if (c.escaped) {
            REQUIRE(back.has_value());
            CHECK(*back == c.name);
        }
    }
}

TEST_CASE("unescape_gnu_name rejects unknown escapes and a trailing backslash", "[escape]") {
    CHECK(unescape_gnu_name("a\\\\b") == std::optional<std::string>("a\\b"));
    CHECK(unescape_gnu_name("") == std::optional<std::string>(""));
    CHECK_FALSE(unescape_gnu_name("abc\\x.txt").has_value());
    CHECK_FALSE(unescape_gnu_name("abc\\t").has_value());
    CHECK_FALSE(unescape_gnu_name("abc\\0").has_value());
    CHECK_FALSE(unescape_gnu_name("abc\\").has_value());
}

TEST_CASE("format_gnu_line is byte-identical to coreutils 9.1", "[escape][format]") {
    // docs/formats.md, "GNU checksum lines" (real md5sum output).
    struct Case {
        std::string_view hex;
        std::string name;
        std::string expected;
    };
    const std::vector<Case> cases{
        {"900150983cd24fb0d6963f7d28e17f72", "abc.txt",
         "900150983cd24fb0d6963f7d28e17f72  abc.txt\n"},
        {"9dd4e461268c8034f5c8564e155c67a6", "back\\slash.txt",
         "\\9dd4e461268c8034f5c8564e155c67a6  back\\\\slash.txt\n"},
        {"415290769594460e2e485922904f345d", "new\nline.txt",
         "\\415290769594460e2e485922904f345d  new\\nline.txt\n"},
        {"fbade9e36a3f36d3d676c1b808451dd7", "cr\rret.txt",
         "\\fbade9e36a3f36d3d676c1b808451dd7  cr\\rret.txt\n"},
        {"d41d8cd98f00b204e9800998ecf8427e", " lead", "d41d8cd98f00b204e9800998ecf8427e   lead\n"},
        {"d41d8cd98f00b204e9800998ecf8427e", "-dash", "d41d8cd98f00b204e9800998ecf8427e  -dash\n"},
        {"d41d8cd98f00b204e9800998ecf8427e", "\xFF", "d41d8cd98f00b204e9800998ecf8427e  \xFF\n"},
        {"900150983CD24FB0D6963F7D28E17F72", "-", "900150983cd24fb0d6963f7d28e17f72  -\n"},
    };
    for (const Case& c : cases) {
        CHECK(format_gnu_line(md5_of(c.hex), c.name) == c.expected);
    }
}

TEST_CASE("format_bsd_line is byte-identical to coreutils 9.1 --tag", "[escape][format]") {
    struct Case {
        Algorithm algorithm;
        std::string_view hex;
        std::string name;
        std::string expected;
    };
    const std::vector<Case> cases{
        {Algorithm::md5, "900150983cd24fb0d6963f7d28e17f72", "abc.txt",
         "MD5 (abc.txt) = 900150983cd24fb0d6963f7d28e17f72\n"},
        {Algorithm::sha1, "a9993e364706816aba3e25717850c26c9cd0d89d", "abc.txt",
         "SHA1 (abc.txt) = a9993e364706816aba3e25717850c26c9cd0d89d\n"},
        {Algorithm::sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
         "abc.txt",
         "SHA256 (abc.txt) = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n"},
        {Algorithm::md5, "9dd4e461268c8034f5c8564e155c67a6", "back\\slash.txt",
         "\\MD5 (back\\\\slash.txt) = 9dd4e461268c8034f5c8564e155c67a6\n"},
        {Algorithm::md5, "415290769594460e2e485922904f345d", "new\nline.txt",
         "\\MD5 (new\\nline.txt) = 415290769594460e2e485922904f345d\n"},
        {Algorithm::md5, "fbade9e36a3f36d3d676c1b808451dd7", "cr\rret.txt",
         "\\MD5 (cr\\rret.txt) = fbade9e36a3f36d3d676c1b808451dd7\n"},
        {Algorithm::md5, "d41d8cd98f00b204e9800998ecf8427e", " lead",
         "MD5 ( lead) = d41d8cd98f00b204e9800998ecf8427e\n"},
        {Algorithm::md5, "d41d8cd98f00b204e9800998ecf8427e", "-dash",
         "MD5 (-dash) = d41d8cd98f00b204e9800998ecf8427e\n"},
        {Algorithm::md5, "d41d8cd98f00b204e9800998ecf8427e", "\xFF",
         "MD5 (\xFF) = d41d8cd98f00b204e9800998ecf8427e\n"},
    };
    for (const Case& c : cases) {
        CHECK(format_bsd_line(c.algorithm, *digest_from_hex(c.hex), c.name) == c.expected);
    }
    const Digest b2 = *digest_from_hex(
        "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de45"
        "33cc9518d38aa8dbf1925ab92386edd4009923");
    CHECK(format_bsd_line(Algorithm::blake2b, b2, "abc.txt") ==
          "BLAKE2b (abc.txt) = " + to_hex(b2) + "\n");
}
