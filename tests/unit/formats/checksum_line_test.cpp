#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fhash/digest.hpp"
#include "fhash/manifest.hpp"
#include "support/catch.hpp"

using namespace fhash;

namespace {

constexpr std::string_view k_md5_abc = "900150983cd24fb0d6963f7d28e17f72";
constexpr std::string_view k_md5_empty = "d41d8cd98f00b204e9800998ecf8427e";
constexpr std::string_view k_sha1_empty = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
constexpr std::string_view k_sha256_abc =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
constexpr std::string_view k_sha512_abc =
    "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3fe"
    "ebbd454d4423643ce80e2a9ac94fa54ca49f";
constexpr std::string_view k_b2_abc =
    "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533"
    "cc9518d38aa8dbf1925ab92386edd4009923";
constexpr std::string_view k_sha3_256_abc =
    "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532";

std::string s(std::string_view v) {
    return std::string(v);
}

/// Expected outcome of one line: kind, and for entries the name, algorithm, hex and '*'.
struct Expect {
    LineKind kind;
    std::string name{};
    Algorithm algorithm = Algorithm::md5;
    std::string hex{};
    bool binary = false;
};

Expect entry(std::string name, Algorithm a, std::string_view hex, bool binary = false) {
    return Expect{LineKind::entry, std::move(name), a, std::string(hex), binary};
}
const Expect k_malformed{LineKind::malformed};
const Expect k_skip{LineKind::skip};

/// Parses `lines` as one manifest (shared state) and compares each result.
void check_manifest(const std::vector<std::string>& lines, const std::vector<Expect>& expected,
                    const LineParseOptions& options = {}) {
    REQUIRE(lines.size() == expected.size());
    LineParseState state;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        INFO("line " << i + 1 << ": " << lines[i]);
        const ParsedLine parsed = parse_checksum_line(lines[i], options, state);
        const Expect& want = expected[i];
        REQUIRE(parsed.kind == want.kind);
        if (want.kind != LineKind::entry) {
            continue;
        }
        CHECK(parsed.entry.name == want.name);
        CHECK(parsed.entry.binary == want.binary);
        REQUIRE(parsed.entry.digests.size() == 1);
        CHECK(parsed.entry.digests[0].first == want.algorithm);
        CHECK(to_hex(parsed.entry.digests[0].second) == to_hex(*digest_from_hex(want.hex)));
    }
}

/// Each line parsed on its own (fresh state).
void check_each(const std::vector<std::pair<std::string, Expect>>& cases,
                const LineParseOptions& options = {}) {
    for (const auto& [line, want] : cases) {
        check_manifest({line}, {want}, options);
    }
}

}  // namespace

TEST_CASE("comments, blank and whitespace-only lines are skipped", "[checksum_line]") {
    check_each({
        {"", k_skip},
        {"   ", k_skip},
        {"\t \t", k_skip},
        {"# comment", k_skip},
        {"#" + s(k_md5_abc) + "  abc.txt", k_skip},
        // coreutils: an indented '#' is not a comment
        {"  # indented", k_malformed},
    });
}

TEST_CASE("GNU untagged lines", "[checksum_line]") {
    const std::string upper = "900150983CD24FB0D6963F7D28E17F72";
    check_each({
        {s(k_md5_abc) + "  abc.txt", entry("abc.txt", Algorithm::md5, k_md5_abc)},
        {s(k_md5_abc) + " *abc.txt", entry("abc.txt", Algorithm::md5, k_md5_abc, true)},
        {upper + "  abc.txt", entry("abc.txt", Algorithm::md5, k_md5_abc)},
        {"   " + s(k_md5_abc) + "  abc.txt", entry("abc.txt", Algorithm::md5, k_md5_abc)},
        {"\t" + s(k_md5_abc) + "  abc.txt", entry("abc.txt", Algorithm::md5, k_md5_abc)},
        // names are byte-exact: leading and trailing spaces belong to them
        {s(k_md5_abc) + "  abc.txt ", entry("abc.txt ", Algorithm::md5, k_md5_abc)},
        {s(k_md5_abc) + "   lead", entry(" lead", Algorithm::md5, k_md5_abc)},
        {s(k_md5_abc) + "  *star", entry("*star", Algorithm::md5, k_md5_abc)},
        {s(k_md5_abc) + "  back\\slash", entry("back\\slash", Algorithm::md5, k_md5_abc)},
        {s(k_md5_abc) + "  (x) = y", entry("(x) = y", Algorithm::md5, k_md5_abc)},
        {s(k_md5_abc) + "  \xFF\xFE", entry("\xFF\xFE", Algorithm::md5, k_md5_abc)},
        {s(k_md5_abc) + "  -", entry("-", Algorithm::md5, k_md5_abc)},
    });
}

TEST_CASE("untagged algorithm by digest length", "[checksum_line]") {
    check_manifest(
        {
            s(k_md5_abc) + "  a",
            s(k_sha1_empty) + "  b",
            s(k_sha256_abc) + "  c",
            s(k_sha512_abc) + "  d",
            std::string(56, 'a') + "  e",
            std::string(96, 'b') + "  f",
            std::string(30, 'a') + "  g",
            std::string(33, 'a') + "  h",
        },
        {
            entry("a", Algorithm::md5, k_md5_abc),
            entry("b", Algorithm::sha1, k_sha1_empty),
            entry("c", Algorithm::sha256, k_sha256_abc),
            entry("d", Algorithm::sha512, k_sha512_abc),
            entry("e", Algorithm::sha224, std::string(56, 'a')),
            entry("f", Algorithm::sha384, std::string(96, 'b')),
            k_malformed,
            k_malformed,
        });
}

TEST_CASE("a forced algorithm (-a) decides untagged digests and their length", "[checksum_line]") {
    LineParseOptions sha3;
    sha3.algorithm = Algorithm::sha3_256;
    check_each(
        {
            {s(k_sha3_256_abc) + "  abc.txt",
             entry("abc.txt", Algorithm::sha3_256, k_sha3_256_abc)},
            {s(k_md5_abc) + "  abc.txt", k_malformed},
            {"SHA3-256 (abc.txt) = " + s(k_sha3_256_abc),
             entry("abc.txt", Algorithm::sha3_256, k_sha3_256_abc)},
            // a line tagged with another algorithm is not for this run (md5sum -c does the same)
            {"MD5 (abc.txt) = " + s(k_md5_abc), k_malformed},
        },
        sha3);
    LineParseOptions b2;
    b2.algorithm = Algorithm::blake2b;
    check_each({{s(k_b2_abc) + "  abc.txt", entry("abc.txt", Algorithm::blake2b, k_b2_abc)}}, b2);
}

TEST_CASE("the first untagged line decides GNU or reversed mode", "[checksum_line]") {
    // docs/formats.md, "GNU checksum lines": one space then two spaces -> second name gets
    // a leading space.
    check_manifest({s(k_md5_abc) + " abc.txt", s(k_md5_empty) + "  empty.txt"},
                   {entry("abc.txt", Algorithm::md5, k_md5_abc),
                    entry(" empty.txt", Algorithm::md5, k_md5_empty)});
    // two spaces then one space -> the second line is malformed.
    check_manifest({s(k_md5_empty) + "  empty.txt", s(k_md5_abc) + " abc.txt"},
                   {entry("empty.txt", Algorithm::md5, k_md5_empty), k_malformed});
    // TAB separator is the reversed form.
    check_manifest(
        {s(k_md5_abc) + "\tabc.txt", s(k_md5_abc) + " *x"},
        {entry("abc.txt", Algorithm::md5, k_md5_abc), entry("*x", Algorithm::md5, k_md5_abc)});
    // Tagged lines and malformed lines do not decide the mode.
    check_manifest({"MD5 (x) = " + s(k_md5_abc), "\\" + s(k_md5_abc) + "  bad\\x",
                    s(k_md5_abc) + " y", s(k_md5_abc) + "  z"},
                   {entry("x", Algorithm::md5, k_md5_abc), k_malformed,
                    entry("y", Algorithm::md5, k_md5_abc), entry(" z", Algorithm::md5, k_md5_abc)});
    // Without a '\' prefix a backslash is literal, and that valid line picks GNU mode.
    check_manifest({s(k_md5_abc) + "  bad\\", s(k_md5_abc) + " y"},
                   {entry("bad\\", Algorithm::md5, k_md5_abc), k_malformed});
    // A single character after the blank is a reversed line (coreutils split_3).
    check_manifest({s(k_md5_abc) + " *"}, {entry("*", Algorithm::md5, k_md5_abc)});
}

TEST_CASE("untagged malformed lines", "[checksum_line]") {
    check_each({
        {s(k_md5_abc), k_malformed},
        {s(k_md5_abc) + " ", k_malformed},
        {s(k_md5_abc) + "x  abc.txt", k_malformed},
        {s(k_md5_abc.substr(1)) + "  abc.txt", k_malformed},
        {s(k_md5_abc) + "  " + std::string("a\0b", 3), k_malformed},
        {"garbage line", k_malformed},
        {"\\", k_malformed},
        // base64 digests are not accepted in untagged lines
        {"kAFQmDzST7DWlj99KOF/cg==  abc.txt", k_malformed},
    });
}

TEST_CASE("escaped lines", "[checksum_line]") {
    check_each({
        {"\\" + s(k_md5_abc) + "  back\\\\slash.txt",
         entry("back\\slash.txt", Algorithm::md5, k_md5_abc)},
        {"\\" + s(k_md5_abc) + "  new\\nline.txt",
         entry("new\nline.txt", Algorithm::md5, k_md5_abc)},
        {"\\" + s(k_md5_abc) + "  cr\\rret.txt", entry("cr\rret.txt", Algorithm::md5, k_md5_abc)},
        {"  \\" + s(k_md5_abc) + " *a\\\\b", entry("a\\b", Algorithm::md5, k_md5_abc, true)},
        {"\\MD5 (back\\\\slash.txt) = " + s(k_md5_abc),
         entry("back\\slash.txt", Algorithm::md5, k_md5_abc)},
        {"\\" + s(k_md5_abc) + "  abc\\x.txt", k_malformed},
        {"\\" + s(k_md5_abc) + "  abc\\", k_malformed},
        {"\\" + s(k_md5_abc) + "  abc\\0", k_malformed},
        {"\\MD5 (a\\tb) = " + s(k_md5_abc), k_malformed},
    });
}

TEST_CASE("tagged lines: coreutils, OpenSSL and RHash forms", "[checksum_line]") {
    check_each({
        {"MD5 (abc.txt) = " + s(k_md5_abc), entry("abc.txt", Algorithm::md5, k_md5_abc)},
        {"MD5 (abc.txt) = 900150983CD24FB0D6963F7D28E17F72",
         entry("abc.txt", Algorithm::md5, k_md5_abc)},
        {"MD5(abc.txt)= " + s(k_md5_abc), entry("abc.txt", Algorithm::md5, k_md5_abc)},
        {"MD5   (abc.txt) = " + s(k_md5_abc), entry("abc.txt", Algorithm::md5, k_md5_abc)},
        {"md5 (abc.txt) = " + s(k_md5_abc), entry("abc.txt", Algorithm::md5, k_md5_abc)},
        {"  MD5 (abc.txt) = " + s(k_md5_abc), entry("abc.txt", Algorithm::md5, k_md5_abc)},
        {"SHA256 (abc.txt) = " + s(k_sha256_abc),
         entry("abc.txt", Algorithm::sha256, k_sha256_abc)},
        {"SHA2-256(abc.txt)= " + s(k_sha256_abc),
         entry("abc.txt", Algorithm::sha256, k_sha256_abc)},
        {"SHA3-256 (abc.txt) = " + s(k_sha3_256_abc),
         entry("abc.txt", Algorithm::sha3_256, k_sha3_256_abc)},
        {"BLAKE2b (abc.txt) = " + s(k_b2_abc), entry("abc.txt", Algorithm::blake2b, k_b2_abc)},
        {"BLAKE2b-512 (abc.txt) = " + s(k_b2_abc), entry("abc.txt", Algorithm::blake2b, k_b2_abc)},
        {"BLAKE2B-512(abc.txt)= " + s(k_b2_abc), entry("abc.txt", Algorithm::blake2b, k_b2_abc)},
        {"BLAKE2s-256 (x) = " + s(k_sha256_abc), entry("x", Algorithm::blake2s, k_sha256_abc)},
        {"SHA512-224 (x) = " + std::string(56, 'c'),
         entry("x", Algorithm::sha512_224, std::string(56, 'c'))},
        // names with ')' and ' = ' inside: the name ends at the last ')'
        {"MD5 (a) = b (c)) = " + s(k_md5_abc), entry("a) = b (c)", Algorithm::md5, k_md5_abc)},
        {"MD5 ( lead trail ) = " + s(k_md5_abc), entry(" lead trail ", Algorithm::md5, k_md5_abc)},
        {"MD5 (()) = " + s(k_md5_abc), entry("()", Algorithm::md5, k_md5_abc)},
        // the name keeps backslashes literally in a line that is not escaped
        {"MD5 (dir\\file) = " + s(k_md5_abc), entry("dir\\file", Algorithm::md5, k_md5_abc)},
        // base64 digests (coreutils 9.2+ --base64)
        {"MD5 (abc.txt) = kAFQmDzST7DWlj99KOF/cg==", entry("abc.txt", Algorithm::md5, k_md5_abc)},
        {"SHA256 (abc.txt) = ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=",
         entry("abc.txt", Algorithm::sha256, k_sha256_abc)},
        // b2sum -l 256 and -l 128 lines; BLAKE3 at b3sum -l 64
        {"BLAKE2b-256 (abc.txt) = " + s(k_sha256_abc),
         entry("abc.txt", Algorithm::blake2b, k_sha256_abc)},
        {"BLAKE2b-128 (abc.txt) = cf4ab791c62b8d2b2109c90275287816",
         entry("abc.txt", Algorithm::blake2b, "cf4ab791c62b8d2b2109c90275287816")},
        {"BLAKE3 (x) = " + std::string(128, 'e'),
         entry("x", Algorithm::blake3, std::string(128, 'e'))},
        {"XXH3 (back\\slash.txt) = eaf06c6480b2cd11",
         entry("back\\slash.txt", Algorithm::xxh3, "eaf06c6480b2cd11")},
        {"CKSUM (x) = 930766865", entry("x", Algorithm::cksum, "377a6011")},
        {"CRC32C (x) = e3069283", entry("x", Algorithm::crc32c, "e3069283")},
    });
}

TEST_CASE("tagged malformed lines", "[checksum_line]") {
    check_each({
        // wrong digest length for the tag
        {"MD5 (abc.txt) = " + s(k_sha1_empty), k_malformed},
        {"SHA256 (abc.txt) = " + s(k_md5_abc), k_malformed},
        {"SHA1 (abc.txt) = kAFQmDzST7DWlj99KOF/cg==", k_malformed},
        // b2sum -l: the tag states the length, and the digest must have it
        {"BLAKE2b-256 (abc.txt) = " + s(k_md5_abc), k_malformed},
        {"BLAKE2b-128 (abc.txt) = " + s(k_sha256_abc), k_malformed},
        {"BLAKE2b-260 (abc.txt) = " + s(k_sha256_abc), k_malformed},
        // unknown tag
        {"MD4 (abc.txt) = " + s(k_md5_abc), k_malformed},
        // broken structure
        {"MD5 (abc.txt = " + s(k_md5_abc), k_malformed},
        {"MD5 (abc.txt) " + s(k_md5_abc), k_malformed},
        {"MD5 (abc.txt) = ", k_malformed},
        {"MD5 () = " + s(k_md5_abc), k_malformed},
        {"MD5 (abc.txt) = " + s(k_md5_abc) + " ", k_malformed},
        {"MD5 (abc.txt) = " + s(k_md5_abc) + "0", k_malformed},
        {"MD5 (abc.txt) = " + s(k_md5_abc.substr(1)) + "g", k_malformed},
        {"MD5 (" + std::string("a\0b", 3) + ") = " + s(k_md5_abc), k_malformed},
    });
}

TEST_CASE("mixed algorithms in one manifest", "[checksum_line]") {
    check_manifest(
        {
            "# made by hand",
            s(k_md5_abc) + "  abc.txt",
            s(k_sha1_empty) + "  empty.txt",
            "",
            "SHA256 (sp ace.txt) = " + s(k_sha256_abc),
        },
        {
            k_skip,
            entry("abc.txt", Algorithm::md5, k_md5_abc),
            entry("empty.txt", Algorithm::sha1, k_sha1_empty),
            k_skip,
            entry("sp ace.txt", Algorithm::sha256, k_sha256_abc),
        });
}

TEST_CASE("written lines parse back to the same name and digest", "[checksum_line]") {
    const Digest digest = *digest_from_hex(k_sha256_abc);
    const std::vector<std::string> names{"abc.txt", " lead",  "trail ", "back\\slash", "new\nline",
                                         "cr\rret", "a) = b", "\xFF",   "-dash"};
    for (const std::string& name : names) {
        for (const bool tagged : {false, true}) {
            std::string line = tagged ? format_bsd_line(Algorithm::sha256, digest, name)
                                      : format_gnu_line(digest, name);
            REQUIRE(line.back() == '\n');
            line.pop_back();
            LineParseState state;
            const ParsedLine parsed = parse_checksum_line(line, {}, state);
            REQUIRE(parsed.kind == LineKind::entry);
            CHECK(parsed.entry.name == name);
            CHECK(parsed.entry.digests.at(0).first == Algorithm::sha256);
            CHECK(parsed.entry.digests.at(0).second == digest);
        }
    }
}

TEST_CASE("variable-length algorithms take any length they give, or exactly -l's",
          "[checksum_line]") {
    LineParseOptions b3;
    b3.algorithm = Algorithm::blake3;
    const std::string long_b3(128, 'a');
    check_each({{s(k_sha256_abc) + "  x", entry("x", Algorithm::blake3, k_sha256_abc)},
                {long_b3 + "  x", entry("x", Algorithm::blake3, long_b3)},
                {std::string(258, 'a') + "  x", k_malformed}},
               b3);
    b3.digest_size = 64;
    check_each({{s(k_sha256_abc) + "  x", k_malformed},
                {long_b3 + "  x", entry("x", Algorithm::blake3, long_b3)}},
               b3);
}

TEST_CASE("untagged conventions of b3sum and xxhsum manifests", "[checksum_line]") {
    LineParseOptions b3;
    b3.convention = UntaggedConvention::b3sum;
    check_each({{s(k_sha256_abc) + "  x", entry("x", Algorithm::blake3, k_sha256_abc)},
                {s(k_md5_abc) + "  x", entry("x", Algorithm::blake3, k_md5_abc)}},
               b3);
    LineParseOptions xxh;
    xxh.convention = UntaggedConvention::xxhsum;
    check_each({{"32d153ff  x", entry("x", Algorithm::xxh32, "32d153ff")},
                {"44bc2cf5ad770999  x", entry("x", Algorithm::xxh64, "44bc2cf5ad770999")},
                {s(k_md5_abc) + "  x", entry("x", Algorithm::xxh128, k_md5_abc)},
                {s(k_sha256_abc) + "  x", k_malformed}},
               xxh);
    // The GNU convention marks the algorithm as implied by the length; -a does not.
    LineParseState state;
    CHECK(parse_checksum_line(s(k_md5_abc) + "  x", {}, state).entry.algorithm_implied);
    LineParseOptions md5;
    md5.algorithm = Algorithm::md5;
    CHECK_FALSE(parse_checksum_line(s(k_md5_abc) + "  x", md5, state).entry.algorithm_implied);
}

TEST_CASE("POSIX cksum lines", "[checksum_line]") {
    check_each({
        {"930766865 9 check.txt", entry("check.txt", Algorithm::cksum, "377a6011")},
        {"4294967295 0 sp ace", entry("sp ace", Algorithm::cksum, "ffffffff")},
        {"4294967296 0 x", k_malformed},  // over 32 bits
        {"930766865 9", k_malformed},     // no name
        {"930766865 x9 y", k_malformed},  // size not decimal
    });
    LineParseState state;
    const ParsedLine parsed = parse_checksum_line("1219131554 3 abc.txt", {}, state);
    REQUIRE(parsed.kind == LineKind::entry);
    CHECK(parsed.entry.size == std::optional<std::uint64_t>(3));
    LineParseOptions cksum;
    cksum.algorithm = Algorithm::cksum;
    check_each({{"1219131554 3 abc.txt", entry("abc.txt", Algorithm::cksum, "48aa78a2")},
                {s(k_md5_abc) + "  abc.txt", k_malformed}},
               cksum);
}

TEST_CASE("gnu-format lines of XXH3 are tagged, and of cksum as cksum writes them",
          "[checksum_line]") {
    const Digest xxh3 = *digest_from_hex("78af5f94892f3950");
    CHECK(format_gnu_line(Algorithm::xxh3, xxh3, "abc.txt", 3) ==
          "XXH3 (abc.txt) = 78af5f94892f3950\n");
    const Digest crc = *digest_from_hex("48aa78a2");
    CHECK(format_gnu_line(Algorithm::cksum, crc, "a\\b\nc", 3) == "1219131554 3 a\\b\nc\n");
    CHECK(format_bsd_line(Algorithm::cksum, crc, "abc.txt") == "CKSUM (abc.txt) = 1219131554\n");
    CHECK(format_gnu_line(Algorithm::xxh64, *digest_from_hex("44bc2cf5ad770999"), "a\\b", 3) ==
          "\\44bc2cf5ad770999  a\\\\b\n");
    const Digest b2_256 = *digest_from_hex(k_sha256_abc);
    CHECK(format_bsd_line(Algorithm::blake2b, b2_256, "x") ==
          "BLAKE2b-256 (x) = " + s(k_sha256_abc) + "\n");
}

TEST_CASE("format_checksum_line: the peers' layouts", "[checksum_line]") {
    const Digest md5 = *digest_from_hex("900150983cd24fb0d6963f7d28e17f72");
    LineLayout binary;
    binary.binary = true;
    CHECK(format_checksum_line(Algorithm::md5, md5, "a b", 3, binary) ==
          "900150983cd24fb0d6963f7d28e17f72 *a b\n");
    LineLayout zero;
    zero.zero = true;
    CHECK(format_checksum_line(Algorithm::md5, md5, "a\nb", 3, zero) ==
          std::string("900150983cd24fb0d6963f7d28e17f72  a\nb\0", 38));
    zero.tagged = true;
    CHECK(format_checksum_line(Algorithm::md5, md5, "a\\b", 3, zero) ==
          std::string("MD5 (a\\b) = 900150983cd24fb0d6963f7d28e17f72\0", 45));
    LineLayout base64;
    base64.tagged = true;
    base64.base64 = true;
    CHECK(format_checksum_line(Algorithm::md5, md5, "f", 3, base64) ==
          "MD5 (f) = kAFQmDzST7DWlj99KOF/cg==\n");
    // sum -r: "%05u %5u" in 1024-byte blocks; sum -s: "%u %u" in 512-byte blocks.
    LineLayout legacy;
    CHECK(format_checksum_line(Algorithm::sum_bsd, *digest_from_hex("0061"), "f", 1025, legacy) ==
          "00097     2 f\n");
    CHECK(format_checksum_line(Algorithm::sum_sysv, *digest_from_hex("0061"), "f", 513, legacy) ==
          "97 2 f\n");
    legacy.name = false;
    CHECK(format_checksum_line(Algorithm::cksum, *digest_from_hex("48aa78a2"), "-", 3, legacy) ==
          "1219131554 3\n");
    LineLayout crc32b;
    crc32b.crc32_decimal = true;
    CHECK(format_checksum_line(Algorithm::crc32, *digest_from_hex("352441c2"), "f", 3, crc32b) ==
          "891568578 3 f\n");
}

TEST_CASE("format_checksum_line: b3sum's and xxhsum's names", "[checksum_line]") {
    const Digest d = *digest_from_hex("0102");
    LineLayout b3sum;
    b3sum.b3sum_names = true;
    CHECK(format_checksum_line(Algorithm::blake3, d, "a\\b\nc\rd", 0, b3sum) ==
          "\\0102  a\\\\b\\nc\rd\n");
    CHECK(format_checksum_line(Algorithm::blake3, d, "bad\xff", 0, b3sum) ==
          "0102  bad\xEF\xBF\xBD\n");
    LineLayout xxhsum;
    xxhsum.plain_names = true;
    xxhsum.little_endian = true;
    CHECK(format_checksum_line(Algorithm::xxh32, *digest_from_hex("01020304"), "a\\b", 0, xxhsum) ==
          "04030201  a\\b\n");
    xxhsum.tagged = true;
    CHECK(format_checksum_line(Algorithm::xxh32, *digest_from_hex("01020304"), "a", 0, xxhsum) ==
          "XXH32_LE (a) = 04030201\n");
}
