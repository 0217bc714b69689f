#include "support/catch.hpp"

#include <string>

#include "fhash/json_csv_format.hpp"

using namespace fhash;

TEST_CASE("csv: Get-FileHash | Export-Csv layout", "[csv]") {
    CHECK(format_csv_header() == "\"Algorithm\",\"Hash\",\"Path\"\n");
    CHECK(format_csv_row(Algorithm::md5, *digest_from_hex("900150983cd24fb0d6963f7d28e17f72"),
                         "a \"b\", c") ==
          "\"MD5\",\"900150983CD24FB0D6963F7D28E17F72\",\"a \"\"b\"\", c\"\n");
    CHECK(format_csv_row(Algorithm::sha3_256, Digest(std::vector<std::uint8_t>(32, 0)), "x")
              .starts_with("\"SHA3-256\","));
}

TEST_CASE("csv: PowerShell 5.1 file with #TYPE, then rows", "[csv]") {
    CsvParseState state;
    CHECK(parse_csv_record("#TYPE Microsoft.Powershell.Utility.FileHash", state).kind ==
          LineKind::skip);
    CHECK(parse_csv_record("\"Algorithm\",\"Hash\",\"Path\"", state).kind == LineKind::skip);
    const ParsedLine row = parse_csv_record(
        "\"MD5\",\"900150983CD24FB0D6963F7D28E17F72\",\"C:\\data\\abc.txt\"", state);
    REQUIRE(row.kind == LineKind::entry);
    CHECK(row.entry.name == "C:\\data\\abc.txt");
    CHECK(row.entry.digests.front().first == Algorithm::md5);
}

TEST_CASE("csv: other column order, bare fields, errors", "[csv]") {
    CsvParseState state;
    CHECK(parse_csv_record("Path,Algorithm,Hash", state).kind == LineKind::skip);
    const ParsedLine row =
        parse_csv_record("a.txt,sha1,A9993E364706816ABA3E25717850C26C9CD0D89D", state);
    REQUIRE(row.kind == LineKind::entry);
    CHECK(row.entry.name == "a.txt");
    CHECK(parse_csv_record("a.txt,sha1,A999", state).kind == LineKind::malformed);
    CHECK(
        parse_csv_record("a.txt,whirlpool,A9993E364706816ABA3E25717850C26C9CD0D89D", state).kind ==
        LineKind::malformed);
    CHECK(parse_csv_record("\"a.txt,sha1,A9993E364706816ABA3E25717850C26C9CD0D89D", state).kind ==
          LineKind::malformed);
    CsvParseState other;
    CHECK(parse_csv_record("Name,Digest", other).kind == LineKind::malformed);
}

TEST_CASE("csv: a quoted field may hold a line break", "[csv]") {
    CHECK_FALSE(csv_record_complete("\"MD5\",\"00\",\"new"));
    CHECK(csv_record_complete("\"MD5\",\"00\",\"new\nline\""));
    CsvParseState state;
    (void)parse_csv_record("\"Algorithm\",\"Hash\",\"Path\"", state);
    const ParsedLine row =
        parse_csv_record("\"MD5\",\"900150983CD24FB0D6963F7D28E17F72\",\"new\nline\"", state);
    REQUIRE(row.kind == LineKind::entry);
    CHECK(row.entry.name == "new\nline");
}

TEST_CASE("csv: a record that starts with '#' is a comment; a '#' inside quotes is not", "[csv]") {
    CHECK(csv_record_complete("# a comment with one \" quote"));
    CHECK_FALSE(csv_record_complete("\"MD5\",\"00\",\"new\n# line"));
    CsvParseState state;
    CHECK(parse_csv_record("# fhash shard 0/2 run 0123456789abcdef format csv", state).kind ==
          LineKind::skip);
    CHECK_FALSE(state.header_seen);
    CHECK(parse_csv_record("\"Algorithm\",\"Hash\",\"Path\"", state).kind == LineKind::skip);
    CHECK(parse_csv_record("# fhash shard 0/2 end 1", state).kind == LineKind::skip);
    const ParsedLine row =
        parse_csv_record("\"MD5\",\"900150983CD24FB0D6963F7D28E17F72\",\"new\n# line\"", state);
    REQUIRE(row.kind == LineKind::entry);
    CHECK(row.entry.name == "new\n# line");
}
