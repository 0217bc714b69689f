#include "support/catch.hpp"

#include <string>
#include <utility>
#include <vector>

#include "fhash/json_csv_format.hpp"

using namespace fhash;

namespace {

std::vector<std::pair<Algorithm, Digest>> abc_digests() {
    return {{Algorithm::md5, *digest_from_hex("900150983cd24fb0d6963f7d28e17f72")}};
}

}  // namespace

TEST_CASE("json lines: documented member order and lower-case hex", "[json]") {
    CHECK(format_json_line("a/b.txt", 3, abc_digests()) ==
          "{\"path\":\"a/b.txt\",\"size\":3,\"md5\":\"900150983cd24fb0d6963f7d28e17f72\"}\n");
}

TEST_CASE("json lines: names that are not UTF-8 round-trip through path_b64", "[json]") {
    const std::string name =
        "bad\xff"
        "name";
    const std::string line = format_json_line(name, 1, abc_digests());
    CHECK(line.find("\"path\":\"bad\xEF\xBF\xBDname\"") != std::string::npos);
    CHECK(line.find("\"path_b64\":\"YmFk/25hbWU=\"") != std::string::npos);
    const ParsedLine parsed = parse_json_line(line.substr(0, line.size() - 1));
    REQUIRE(parsed.kind == LineKind::entry);
    CHECK(parsed.entry.name == name);
    CHECK(parsed.entry.size == 1u);
}

TEST_CASE("json lines: quotes and control characters are escaped and read back", "[json]") {
    const std::string name = "we\"ird\nname\\x";
    const std::string line = format_json_line(name, 0, abc_digests());
    const ParsedLine parsed = parse_json_line(line);
    REQUIRE(parsed.kind == LineKind::entry);
    CHECK(parsed.entry.name == name);
}

TEST_CASE("json lines: reader rules", "[json]") {
    CHECK(parse_json_line("   ").kind == LineKind::skip);
    CHECK(parse_json_line("[1,2]").kind == LineKind::malformed);
    CHECK(parse_json_line("{\"path\":\"a\"}").kind == LineKind::malformed);  // no digest
    CHECK(parse_json_line("{\"path\":\"a\",\"md5\":\"00\"}").kind ==
          LineKind::malformed);  // length
    CHECK(parse_json_line("{\"md5\":\"900150983cd24fb0d6963f7d28e17f72\"}").kind ==
          LineKind::malformed);
    const ParsedLine upper = parse_json_line(
        "{\"SHA-1\":\"A9993E364706816ABA3E25717850C26C9CD0D89D\",\"path\":\"x\",\"note\":1}");
    REQUIRE(upper.kind == LineKind::entry);
    CHECK(upper.entry.digests.front().first == Algorithm::sha1);
    // A shard's header and trailer: an object of the one member "fhash_shard", skipped.
    CHECK(parse_json_line(R"({"fhash_shard":{"shard":"1/3","end":4}})").kind == LineKind::skip);
    CHECK(parse_json_line(R"({"fhash_shard":1,"path":"a"})").kind == LineKind::malformed);
}
