#include <map>
#include <string>

#include "fhash/shard.hpp"
#include "support/catch.hpp"

using namespace fhash;

TEST_CASE("shard_hash is FNV-1a 64 with the SplitMix64 finaliser", "[shard]") {
    // Values from an independent implementation of the definition in shard.hpp (the one
    // the README gives for other tools to compute the same split).
    CHECK(shard_hash("") == 0xf52a15e9a9b5e89bULL);
    CHECK(shard_hash("a") == 0x02c0bdbf481420f8ULL);
    CHECK(shard_hash("a/b/c.txt") == 0xa1d0bceeb3e2cc0eULL);
    CHECK(shard_hash("dir/file name") == 0xae9a79a44069ae7bULL);
    CHECK(shard_of("a/b/c.txt", 4) == 2);
    CHECK(shard_of("dir/file name", 4) == 3);
}

TEST_CASE("shard_hash of a prefix and a rest is the hash of the joined name", "[shard]") {
    for (const std::string name : {"", "a", "a/b/c.txt", "dir/file name", "./x/y"}) {
        for (std::size_t cut = 0; cut <= name.size(); ++cut) {
            const std::string_view all = name;
            CHECK(shard_hash(all.substr(0, cut), all.substr(cut)) == shard_hash(name));
            for (std::uint32_t k = 0; k < 3; ++k) {
                CHECK(ShardSpec{k, 3}.contains(all.substr(0, cut), all.substr(cut)) ==
                      ShardSpec{k, 3}.contains(name));
            }
        }
    }
}

TEST_CASE("shards split names evenly and every name has exactly one", "[shard]") {
    constexpr std::uint32_t count = 8;
    std::map<std::uint32_t, int> sizes;
    for (int i = 0; i < 8000; ++i) {
        const std::string name = "data/run" + std::to_string(i) + ".bin";
        const std::uint32_t shard = shard_of(name, count);
        int holders = 0;
        for (std::uint32_t k = 0; k < count; ++k) {
            holders += ShardSpec{k, count}.contains(name) ? 1 : 0;
        }
        CHECK(holders == 1);
        ++sizes[shard];
    }
    for (const auto& [shard, size] : sizes) {
        CHECK(size > 850);  // 1000 expected; FNV's low bits alone are far less even
        CHECK(size < 1150);
    }
    CHECK(ShardSpec{0, 1}.contains("anything"));
}

TEST_CASE("parse_shard_spec takes K/N with K < N", "[shard]") {
    CHECK(parse_shard_spec("0/1").has_value());
    const auto spec = parse_shard_spec("3/4");
    REQUIRE(spec);
    CHECK(spec->index == 3);
    CHECK(spec->count == 4);
    for (const char* bad : {"4/4", "1/0", "", "/", "1/", "/2", "-1/2", "+1/2", "1/2x", " 1/2",
                            "1/2000000", "99999999999999999999/2", "auto"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_shard_spec(bad).has_value());
    }
}

TEST_CASE("shard header and trailer round-trip and are comment lines", "[shard]") {
    const ShardHeader header{{2, 5}, "0123456789abcdef", "gnu"};
    const std::string line = format_shard_header(header);
    CHECK(line == "# fhash shard 2/5 run 0123456789abcdef format gnu\n");
    const auto parsed = parse_shard_header(std::string_view(line).substr(0, line.size() - 1));
    REQUIRE(parsed);
    CHECK(parsed->shard.index == 2);
    CHECK(parsed->shard.count == 5);
    CHECK(parsed->run == "0123456789abcdef");
    CHECK(parsed->format == "gnu");
    CHECK(format_shard_trailer({2, 5}, 17) == "# fhash shard 2/5 end 17\n");
    CHECK(parse_shard_trailer("# fhash shard 2/5 end 17", {2, 5}) == 17U);
    CHECK_FALSE(parse_shard_trailer("# fhash shard 1/5 end 17", {2, 5}));
    CHECK_FALSE(parse_shard_trailer("# fhash shard 2/5 end 17x", {2, 5}));
    CHECK_FALSE(parse_shard_header("# fhash shard 2/5 run x format gnu extra"));
    CHECK_FALSE(parse_shard_header("# fhash shard 5/5 run x format gnu"));
    CHECK_FALSE(parse_shard_header("# fhash shard 2/5 run  format gnu"));
    // Only the canonical bytes: a merge writes back exactly what it read.
    CHECK_FALSE(parse_shard_header("# fhash shard 02/5 run x format gnu"));
    CHECK_FALSE(parse_shard_header("# fhash shard 2/5 run x format gnu "));
    CHECK(is_shard_comment(line));
    CHECK_FALSE(is_shard_comment("# a comment"));
}

TEST_CASE("SFV and hashdeep shards use their formats' comment marks", "[shard]") {
    CHECK(shard_comment_mark("gnu") == "#");
    CHECK(shard_comment_mark("bsd") == "#");
    CHECK(shard_comment_mark("sfv") == ";");
    CHECK(shard_comment_mark("hashdeep") == "##");
    CHECK(shard_comment_mark("csv") == "#");
    CHECK(shard_comment_mark("json") == "{\"fhash_shard\":");
    CHECK(shard_comment_mark("fciv-xml").empty());
    CHECK(shard_comment_mark("intoto").empty());
    const std::string sfv = format_shard_header({{1, 3}, "ab", "sfv"});
    CHECK(sfv == "; fhash shard 1/3 run ab format sfv\n");
    CHECK(format_shard_header({{1, 3}, "ab", "hashdeep"}) ==
          "## fhash shard 1/3 run ab format hashdeep\n");
    CHECK(parse_shard_header("; fhash shard 1/3 run ab format sfv"));
    CHECK(parse_shard_header("## fhash shard 1/3 run ab format hashdeep"));
    // The mark must be the named format's.
    CHECK_FALSE(parse_shard_header("# fhash shard 1/3 run ab format sfv"));
    CHECK_FALSE(parse_shard_header("; fhash shard 1/3 run ab format gnu"));
    CHECK_FALSE(parse_shard_header("; fhash shard 1/3 run ab format csv"));
    CHECK(parse_shard_header("# fhash shard 1/3 run ab format csv"));
    CHECK_FALSE(parse_shard_header("# fhash shard 1/3 run ab format json"));
    CHECK(format_shard_trailer({1, 3}, 4, "sfv") == "; fhash shard 1/3 end 4\n");
    CHECK(parse_shard_trailer("; fhash shard 1/3 end 4", {1, 3}, "sfv") == 4U);
    CHECK(parse_shard_trailer("## fhash shard 1/3 end 4", {1, 3}, "hashdeep") == 4U);
    CHECK_FALSE(parse_shard_trailer("# fhash shard 1/3 end 4", {1, 3}, "sfv"));
    CHECK(is_shard_comment("; fhash shard 1/3 end 4"));
    CHECK(is_shard_comment("## fhash shard 1/3 end 4"));
    CHECK_FALSE(is_shard_comment("; Generated by fhash"));
}

TEST_CASE("JSON Lines shards are marked by objects of one member, written and read exactly",
          "[shard]") {
    const std::string header = format_shard_header({{1, 3}, "0123456789abcdef", "json"});
    CHECK(
        header ==
        "{\"fhash_shard\":{\"shard\":\"1/3\",\"run\":\"0123456789abcdef\",\"format\":\"json\"}}\n");
    const std::string_view line = std::string_view(header).substr(0, header.size() - 1);
    const auto parsed = parse_shard_header(line);
    REQUIRE(parsed);
    CHECK(parsed->shard.index == 1);
    CHECK(parsed->shard.count == 3);
    CHECK(parsed->run == "0123456789abcdef");
    CHECK(parsed->format == "json");
    CHECK(is_shard_comment(line));
    const std::string trailer = format_shard_trailer({1, 3}, 4, "json");
    CHECK(trailer == "{\"fhash_shard\":{\"shard\":\"1/3\",\"end\":4}}\n");
    CHECK(parse_shard_trailer("{\"fhash_shard\":{\"shard\":\"1/3\",\"end\":4}}", {1, 3}, "json") ==
          4U);
    CHECK(is_shard_comment("{\"fhash_shard\":{\"shard\":\"1/3\",\"end\":4}}"));
    // Only the bytes fhash writes: other spellings of the same JSON are no header.
    for (const std::string_view bad : {
             R"({"fhash_shard":{"shard":"1/3","run":"ab","format":"json"}} )",
             R"({"fhash_shard": {"shard":"1/3","run":"ab","format":"json"}})",
             R"({"fhash_shard":{"run":"ab","shard":"1/3","format":"json"}})",
             R"({"fhash_shard":{"shard":"01/3","run":"ab","format":"json"}})",
             R"({"fhash_shard":{"shard":"3/3","run":"ab","format":"json"}})",
             R"({"fhash_shard":{"shard":"1/3","run":"","format":"json"}})",
             R"({"fhash_shard":{"shard":"1/3","run":"a b","format":"json"}})",
             R"({"fhash_shard":{"shard":"1/3","run":"a\","format":"json"}})",
             R"({"fhash_shard":{"shard":"1/3","run":"ab","format":"gnu"}})",
             R"({"fhash_shard":{"shard":"1/3","run":"ab","format":"json"}}})",
             R"({"fhash_shard":{"shard":"1/3","run":"ab","format":"json"})",
         }) {
        CAPTURE(bad);
        CHECK_FALSE(parse_shard_header(bad));
    }
    for (const std::string_view bad : {
             R"({"fhash_shard":{"shard":"1/3","end":007}})",
             R"({"fhash_shard":{"shard":"2/3","end":4}})",
             R"({"fhash_shard":{"shard":"1/3","end":4} })",
             R"({"fhash_shard":{"shard":"1/3","end":"4"}})",
             "# fhash shard 1/3 end 4",
         }) {
        CAPTURE(bad);
        CHECK_FALSE(parse_shard_trailer(bad, {1, 3}, "json"));
    }
    CHECK_FALSE(
        parse_shard_trailer("{\"fhash_shard\":{\"shard\":\"1/3\",\"end\":4}}", {1, 3}, "gnu"));
}

TEST_CASE("ShardRecordNames reads the names of csv and json records", "[shard]") {
    std::string name;
    CHECK_FALSE(ShardRecordNames::make("csv", ""));
    CHECK_FALSE(ShardRecordNames::make("csv", "Algorithm,Hash,Path\n"));
    const auto csv = ShardRecordNames::make("csv", "\"Algorithm\",\"Hash\",\"Path\"\n");
    REQUIRE(csv);
    CHECK(csv->name(R"("MD5","D41D8CD98F00B204E9800998ECF8427E","a ""q"", b")", name));
    CHECK(name == "a \"q\", b");
    CHECK(csv->name("\"MD5\",\"D41D8CD98F00B204E9800998ECF8427E\",\"new\n# line\"", name));
    CHECK(name == "new\n# line");
    CHECK_FALSE(csv->name(R"("MD5","D41D8CD98F00B204E9800998ECF8427E")", name));
    CHECK_FALSE(csv->name("# fhash shard 0/2 end 1", name));

    CHECK_FALSE(ShardRecordNames::make("json", "x\n"));
    const auto json = ShardRecordNames::make("json", "");
    REQUIRE(json);
    CHECK(json->name(R"({"path":"d/\"q\"\n","size":0,"md5":"d41d8cd98f00b204e9800998ecf8427e"})",
                     name));
    CHECK(name == "d/\"q\"\n");
    // A name that is not UTF-8: the exact bytes from "path_b64", not the lossy "path".
    CHECK(json->name(
        R"({"path":"a\ufffd","path_b64":"Yf8=","size":0,"md5":"d41d8cd98f00b204e9800998ecf8427e"})",
        name));
    CHECK(name == "a\xff");
    CHECK_FALSE(json->name(R"({"fhash_shard":{"shard":"1/3","end":4}})", name));
    CHECK_FALSE(json->name(R"({"path":"a"})", name));
}

TEST_CASE("ShardRecordNames reads the names of sfv and hashdeep records", "[shard]") {
    std::string name;
    const auto gnu = ShardRecordNames::make("gnu", "");
    REQUIRE(gnu);
    CHECK(gnu->name("d41d8cd98f00b204e9800998ecf8427e  a/b c", name));
    CHECK(name == "a/b c");
    CHECK_FALSE(ShardRecordNames::make("gnu", "; Generated by fhash\n"));
    CHECK_FALSE(ShardRecordNames::make("fciv-xml", ""));

    const auto sfv = ShardRecordNames::make("sfv", "; Generated by fhash\n");
    REQUIRE(sfv);
    CHECK(sfv->name("dir/a name 0A1B2C3D", name));
    CHECK(name == "dir/a name");
    CHECK_FALSE(sfv->name("dir/a 0A1B2C3", name));
    CHECK_FALSE(sfv->name(" 0A1B2C3D", name));
    CHECK_FALSE(ShardRecordNames::make("sfv", "not a comment\n"));

    const std::string preamble =
        "%%%% HASHDEEP-1.0\n%%%% size,md5,sha256,filename\n## Generated by fhash\n## \n";
    const auto hashdeep = ShardRecordNames::make("hashdeep", preamble);
    REQUIRE(hashdeep);
    CHECK(hashdeep->name("5,aa,bb,dir/with,comma", name));
    CHECK(name == "dir/with,comma");
    CHECK_FALSE(hashdeep->name("5,aa,bb,", name));
    CHECK_FALSE(hashdeep->name("5,aa", name));
    CHECK_FALSE(ShardRecordNames::make("hashdeep", "## only a comment\n"));
}

TEST_CASE("checksum_line_name finds the name of every line fhash -f gnu or bsd writes", "[shard]") {
    CHECK(checksum_line_name("d41d8cd98f00b204e9800998ecf8427e  a/b c") == "a/b c");
    CHECK(checksum_line_name("d41d8cd98f00b204e9800998ecf8427e *bin") == "bin");
    CHECK(checksum_line_name("\\d41d8cd98f00b204e9800998ecf8427e  new\\nline\\\\x") ==
          "new\nline\\x");
    CHECK(checksum_line_name("SHA256 (a (1).txt) = "
                             "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855") ==
          "a (1).txt");
    CHECK(checksum_line_name("\\SHA256 (a\\\\b) = "
                             "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855") ==
          "a\\b");
    CHECK(checksum_line_name("XXH3 (f) = 2d06800538d394c2") == "f");
    CHECK(checksum_line_name("4294967295 0 some name") == "some name");  // cksum
    CHECK_FALSE(checksum_line_name(""));
    CHECK_FALSE(checksum_line_name("not a checksum line"));
    CHECK_FALSE(checksum_line_name("abcdef  "));
    CHECK_FALSE(checksum_line_name("\\abcdef  bad\\escape"));
}

TEST_CASE("journal lines round-trip any name and record, and a damaged line fails", "[shard]") {
    const JournalEntry entry{"dir/tab\there\\new\nline\r", 42, -7,
                             "\\abc  dir/x\\ny\nabc  second line\n"};
    const std::string line = format_journal_line(entry);
    REQUIRE(line.back() == '\n');
    CHECK(line.find('\n') == line.size() - 1);  // one line, whatever the name holds
    CHECK_FALSE(checksum_line_name(line.substr(0, line.size() - 1)));  // never a checksum line
    JournalEntry got;
    REQUIRE(parse_journal_line(std::string_view(line).substr(0, line.size() - 1), got));
    CHECK(got.name == entry.name);
    CHECK(got.record == entry.record);
    CHECK(got.size == 42);
    CHECK(got.mtime == -7);
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        std::string damaged = line.substr(0, line.size() - 1);
        damaged[i] = damaged[i] == 'x' ? 'y' : 'x';
        CAPTURE(i);
        CHECK_FALSE(parse_journal_line(damaged, got));
    }
    CHECK_FALSE(parse_journal_line(line.substr(0, line.size() / 2), got));
}
