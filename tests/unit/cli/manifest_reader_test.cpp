#include "support/catch.hpp"

#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "cli/manifest_reader.hpp"
#include "cli/names.hpp"
#include "support/temp_dir.hpp"

using fhash::Algorithm;
using fhash::ManifestEntry;
using fhash::ManifestFormat;
using fhash::Result;
using fhash::to_hex;
using fhash::cli::for_each_entry;
using fhash::cli::ManifestHandlers;
using fhash::cli::ManifestReader;
using fhash::cli::quote_name;

namespace {

constexpr const char* k_md5_abc = "900150983cd24fb0d6963f7d28e17f72";
constexpr const char* k_sha1_abc = "a9993e364706816aba3e25717850c26c9cd0d89d";
constexpr const char* k_sha256_abc =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

/// One thing next() handed out: an entry or a malformed line.
struct Seen {
    bool malformed = false;
    std::size_t line = 0;
    std::string name;
    std::vector<std::pair<Algorithm, std::string>> digests;  // hex
    std::optional<std::uint64_t> size;
};

std::unique_ptr<ManifestReader> open_manifest(const std::string& path,
                                              std::optional<Algorithm> algorithm = std::nullopt) {
    Result<std::unique_ptr<ManifestReader>> opened = ManifestReader::open(path, algorithm);
    REQUIRE(opened);
    return std::move(*opened);
}

/// Reads `reader` to its end with next().
std::vector<Seen> read_all(ManifestReader& reader) {
    std::vector<Seen> seen;
    ManifestEntry entry;
    std::size_t line = 0;
    for (;;) {
        Result<ManifestReader::Event> event = reader.next(entry, line);
        REQUIRE(event);
        if (*event == ManifestReader::Event::end) {
            return seen;
        }
        Seen item;
        item.line = line;
        if (*event == ManifestReader::Event::malformed) {
            item.malformed = true;
        } else {
            CHECK(entry.line == line);
            item.name = entry.name;
            item.size = entry.size;
            for (const auto& [algorithm, digest] : entry.digests) {
                item.digests.emplace_back(algorithm, to_hex(digest));
            }
        }
        seen.push_back(std::move(item));
    }
}

std::vector<Seen> read_file(const fhash::test::TempDir& dir, const std::string& name,
                            const std::string& content, ManifestFormat expected_format,
                            std::optional<Algorithm> algorithm = std::nullopt) {
    const std::string path = dir.write(name, content).string();
    std::unique_ptr<ManifestReader> reader = open_manifest(path, algorithm);
    CHECK(reader->format() == expected_format);
    CHECK(reader->label() == path);
    CHECK_FALSE(reader->is_stdin());
    return read_all(*reader);
}

/// UTF-16LE with a BOM, from UTF-8 text of ASCII and two-byte sequences only.
std::string utf16le(const std::string& utf8) {
    std::string out = "\xFF\xFE";
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        unsigned code = static_cast<unsigned char>(utf8[i]);
        if (code >= 0xC0) {
            code = ((code & 0x1F) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3F);
        }
        out += static_cast<char>(code & 0xFF);
        out += static_cast<char>(code >> 8);
    }
    return out;
}

}  // namespace

TEST_CASE("manifest reader: GNU lines, with their line numbers", "[cli][manifest]") {
    const fhash::test::TempDir dir;
    const std::vector<Seen> seen =
        read_file(dir, "m.md5",
                  std::string(k_md5_abc) + "  a.txt\n" +  // line 1
                      "\n"                                // 2: blank, skipped
                      "# comment\n" +                     // 3: skipped
                      std::string(k_md5_abc) +
                      " *sub/b c.txt\n" +                   // 4
                      "\\" + k_md5_abc + "  new\\nline\n",  // 5: escaped name
                  ManifestFormat::gnu);
    REQUIRE(seen.size() == 3);
    CHECK(seen[0].name == "a.txt");
    CHECK(seen[0].line == 1);
    REQUIRE(seen[0].digests.size() == 1);
    CHECK(seen[0].digests[0] == std::pair<Algorithm, std::string>(Algorithm::md5, k_md5_abc));
    CHECK(seen[1].name == "sub/b c.txt");
    CHECK(seen[1].line == 4);
    CHECK(seen[2].name == "new\nline");
    CHECK(seen[2].line == 5);
}

TEST_CASE("manifest reader: BSD tagged lines, several algorithms", "[cli][manifest]") {
    const fhash::test::TempDir dir;
    const std::vector<Seen> seen =
        read_file(dir, "m.bsd",
                  std::string("SHA256 (a.txt) = ") + k_sha256_abc + "\n" +
                      "MD5 (x (1).txt) = " + k_md5_abc + "\n" + "SHA1(b.txt)= " + k_sha1_abc + "\n",
                  ManifestFormat::bsd);
    REQUIRE(seen.size() == 3);
    CHECK(seen[0].name == "a.txt");
    CHECK(seen[0].digests.at(0).first == Algorithm::sha256);
    CHECK(seen[1].name == "x (1).txt");
    CHECK(seen[1].digests.at(0).first == Algorithm::md5);
    CHECK(seen[2].name == "b.txt");
    CHECK(seen[2].digests.at(0).first == Algorithm::sha1);
    CHECK(seen[2].line == 3);
}

TEST_CASE("manifest reader: CRLF, a UTF-8 BOM and a last line without terminator",
          "[cli][manifest]") {
    const fhash::test::TempDir dir;
    const std::vector<Seen> seen = read_file(
        dir, "m.sha256",
        std::string("\xEF\xBB\xBF") + k_sha256_abc + "  a.txt\r\n" + k_sha256_abc + "  b.txt",
        ManifestFormat::gnu);
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].name == "a.txt");  // neither the BOM nor the CR stays
    CHECK(seen[0].digests.at(0).first == Algorithm::sha256);
    CHECK(seen[1].name == "b.txt");
    CHECK(seen[1].line == 2);
}

TEST_CASE("manifest reader: UTF-16LE with a BOM becomes UTF-8", "[cli][manifest]") {
    const fhash::test::TempDir dir;
    const std::vector<Seen> seen =
        read_file(dir, "m.md5",
                  utf16le(std::string(k_md5_abc) + "  caf\xC3\xA9.txt\r\n" + k_md5_abc + "  b\r\n"),
                  ManifestFormat::gnu);
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].name == "caf\xC3\xA9.txt");
    CHECK(seen[0].digests.at(0).second == k_md5_abc);
    CHECK(seen[1].name == "b");
}

TEST_CASE("manifest reader: JSON Lines, with sizes", "[cli][manifest]") {
    const fhash::test::TempDir dir;
    const std::vector<Seen> seen = read_file(
        dir, "m.jsonl",
        std::string("{\"path\":\"a.txt\",\"size\":3,\"md5\":\"") + k_md5_abc + "\",\"sha1\":\"" +
            k_sha1_abc + "\"}\n" + "{\"path\":\"b.txt\"}\n" +  // no digest: malformed
            "{\"path\":\"c\\nd\",\"sha256\":\"" + k_sha256_abc + "\"}\n",
        ManifestFormat::json);
    REQUIRE(seen.size() == 3);
    CHECK(seen[0].name == "a.txt");
    CHECK(seen[0].size == 3u);
    REQUIRE(seen[0].digests.size() == 2);
    CHECK(seen[0].digests[0].first == Algorithm::md5);
    CHECK(seen[0].digests[1].first == Algorithm::sha1);
    CHECK(seen[1].malformed);
    CHECK(seen[1].line == 2);
    CHECK(seen[2].name == "c\nd");
    CHECK_FALSE(seen[2].size);
    CHECK(seen[2].line == 3);
}

TEST_CASE("manifest reader: Get-FileHash | Export-Csv, a quoted field holding a line break",
          "[cli][manifest]") {
    const fhash::test::TempDir dir;
    const std::vector<Seen> seen = read_file(dir, "m.csv",
                                             "#TYPE Microsoft.Powershell.Utility.FileHash\r\n"  // 1
                                             "\"Algorithm\",\"Hash\",\"Path\"\r\n"              // 2
                                             "\"SHA256\",\"" +
                                                 std::string(k_sha256_abc) +
                                                 "\",\"C:\\data\\a.txt\"\r\n"  // 3
                                                 "\"MD5\",\"" +
                                                 k_md5_abc +
                                                 "\",\"new\n"                        // 4
                                                 "line\"\r\n"                        // 5
                                                 "\"MD5\",\"00\",\"short.txt\"\r\n"  // 6: malformed
                                                 "\"SHA1\",\"" +
                                                 k_sha1_abc + "\",\"last.txt\"\r\n",  // 7
                                             ManifestFormat::csv);
    REQUIRE(seen.size() == 4);
    CHECK(seen[0].name == "C:\\data\\a.txt");
    CHECK(seen[0].line == 3);
    CHECK(seen[0].digests.at(0).first == Algorithm::sha256);
    CHECK(seen[1].name == "new\nline");
    CHECK(seen[1].digests.at(0) == std::pair<Algorithm, std::string>(Algorithm::md5, k_md5_abc));
    CHECK(seen[2].malformed);
    CHECK(seen[2].line == 6);  // the record over two lines does not shift the count
    CHECK(seen[3].name == "last.txt");
    CHECK(seen[3].line == 7);
}

TEST_CASE("manifest reader: CSV '#' lines are skipped outside quotes, kept inside",
          "[cli][manifest]") {
    const fhash::test::TempDir dir;
    const std::string md5 = std::string("\"MD5\",\"") + k_md5_abc + "\",";
    const std::vector<Seen> seen =
        read_file(dir, "m.csv",
                  "\"Algorithm\",\"Hash\",\"Path\"\n"                    // 1
                  "# fhash shard 0/2 run 0123456789abcdef format csv\n"  // 2: skipped
                      + md5 +
                      "\"a\n"                              // 3
                      "# not a comment\"\n"                // 4: in the quotes
                      + "# a comment with one \" quote\n"  // 5: skipped whole
                      + md5 + "\"#b\"\n"                   // 6
                      + "# fhash shard 0/2 end 2\n",       // 7: skipped
                  ManifestFormat::csv);
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].name == "a\n# not a comment");
    CHECK(seen[0].line == 4);
    CHECK(seen[1].name == "#b");
    CHECK(seen[1].line == 6);
}

TEST_CASE("manifest reader: JSON Lines shard objects are skipped", "[cli][manifest]") {
    const fhash::test::TempDir dir;
    const std::vector<Seen> seen = read_file(
        dir, "m.jsonl",
        "{\"fhash_shard\":{\"shard\":\"1/2\",\"run\":\"0123456789abcdef\",\"format\":\"json\"}}\n"
        "{\"path\":\"a\",\"size\":3,\"md5\":\"" +
            std::string(k_md5_abc) +
            "\"}\n"
            "{\"fhash_shard\":{\"shard\":\"1/2\",\"end\":1}}\n"
            // Another member beside it: not a shard line, and no entry either.
            "{\"fhash_shard\":{},\"path\":\"b\"}\n",
        ManifestFormat::json);
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].name == "a");
    CHECK(seen[0].line == 2);
    CHECK(seen[1].malformed);
    CHECK(seen[1].line == 4);
}

TEST_CASE("manifest reader: an unterminated quoted CSV field is malformed at the end",
          "[cli][manifest]") {
    const fhash::test::TempDir dir;
    const std::vector<Seen> seen = read_file(dir, "m.csv",
                                             "Algorithm,Hash,Path\n"
                                             "MD5," +
                                                 std::string(k_md5_abc) + ",\"open\nstill open\n",
                                             ManifestFormat::csv);
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].malformed);
    CHECK(seen[0].line == 3);
}

TEST_CASE("manifest reader: FCIV-XML, entries numbered in order", "[cli][manifest]") {
    const fhash::test::TempDir dir;
    const std::vector<Seen> seen =
        read_file(dir, "m.xml",
                  "<?XML version=\"1.0\" encoding=\"utf-8\"?>\r\n<FCIV>\r\n"
                  "\t<FILE_ENTRY><name>tst.txt</name><MD5>NYr0wf0/q0haLJJyyRTyMQ==</MD5>"
                  "<SHA1>Nla1XfYzAzFGzB6x3uluA1R1hOw=</SHA1></FILE_ENTRY>\r\n"
                  "\t<FILE_ENTRY><name>sub\\abc.txt</name><MD5>kAFQmDzST7DWlj99KOF/cg==</MD5></"
                  "FILE_ENTRY>\r\n"
                  "</FCIV>\r\n",
                  ManifestFormat::fciv_xml);
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].name == "tst.txt");
    CHECK(seen[0].line == 1);
    REQUIRE(seen[0].digests.size() == 2);
    CHECK(seen[0].digests[0] ==
          std::pair<Algorithm, std::string>(Algorithm::md5, "358af4c1fd3fab485a2c9272c914f231"));
    CHECK(seen[1].name == "sub\\abc.txt");
    CHECK(seen[1].line == 2);
    CHECK(seen[1].digests.at(0).second == k_md5_abc);
}

TEST_CASE("manifest reader: malformed FCIV-XML fails to open, labelled", "[cli][manifest]") {
    const fhash::test::TempDir dir;
    const std::string path = dir.write("bad.xml", "<FCIV><FILE_ENTRY><name>a</name>").string();
    Result<std::unique_ptr<ManifestReader>> opened = ManifestReader::open(path, std::nullopt);
    REQUIRE_FALSE(opened);
    CHECK(opened.error().code == fhash::Errc::malformed);
    CHECK(opened.error().path == path);
}

TEST_CASE("manifest reader: malformed lines are reported with their numbers", "[cli][manifest]") {
    const fhash::test::TempDir dir;
    const std::vector<Seen> seen = read_file(dir, "m.txt",
                                             "not a checksum line\n" +                    // 1
                                                 std::string(k_md5_abc) + "  ok.txt\n" +  // 2
                                                 "900150983cd24fb0  short.txt\n"          // 3
                                                 "\n" +                                   // 4
                                                 std::string(k_md5_abc) +
                                                 "  \n",  // 5
                                             ManifestFormat::gnu);
    REQUIRE(seen.size() == 4);
    CHECK(seen[0].malformed);
    CHECK(seen[0].line == 1);
    CHECK_FALSE(seen[1].malformed);
    CHECK(seen[1].line == 2);
    CHECK(seen[2].malformed);
    CHECK(seen[2].line == 3);
    CHECK(seen[3].malformed);
    CHECK(seen[3].line == 5);
}

TEST_CASE("manifest reader: -a decides untagged digests", "[cli][manifest]") {
    const fhash::test::TempDir dir;
    const std::string lines = std::string(k_sha256_abc) + "  a\n" + k_md5_abc + "  b\n" +
                              "SHA256 (c) = " + k_sha256_abc + "\n";

    const std::vector<Seen> by_length = read_file(dir, "plain", lines, ManifestFormat::gnu);
    REQUIRE(by_length.size() == 3);
    CHECK(by_length[0].digests.at(0).first == Algorithm::sha256);
    CHECK(by_length[1].digests.at(0).first == Algorithm::md5);

    const std::vector<Seen> forced =
        read_file(dir, "forced", lines, ManifestFormat::gnu, Algorithm::sha3_256);
    REQUIRE(forced.size() == 3);
    CHECK(forced[0].digests.at(0).first == Algorithm::sha3_256);
    CHECK(forced[1].malformed);  // md5-sized
    CHECK(forced[2].malformed);  // tagged with another algorithm
}

TEST_CASE("manifest reader: a missing manifest's error names it as given", "[cli][manifest]") {
    const fhash::test::TempDir dir;
    const std::string path = (dir.path() / "no-such.sha256").string();
    Result<std::unique_ptr<ManifestReader>> opened = ManifestReader::open(path, std::nullopt);
    REQUIRE_FALSE(opened);
    CHECK(opened.error().code == std::errc::no_such_file_or_directory);
    CHECK(opened.error().path == path);
}

TEST_CASE("manifest reader: an empty manifest ends at once", "[cli][manifest]") {
    const fhash::test::TempDir dir;
    CHECK(read_file(dir, "empty", "", ManifestFormat::gnu).empty());
}

TEST_CASE("for_each_entry hands out entries and malformed lines in order", "[cli][manifest]") {
    const fhash::test::TempDir dir;
    const std::string path =
        dir.write("m", std::string(k_md5_abc) + "  a\n" + "junk\n" + k_md5_abc + "  ../up\n")
            .string();
    std::unique_ptr<ManifestReader> reader = open_manifest(path);
    std::vector<std::string> order;
    const ManifestHandlers handlers{
        [&order](ManifestEntry&& entry) {
            order.push_back(entry.name + "@" + std::to_string(entry.line));
        },
        [&order](std::size_t line) { order.push_back("malformed@" + std::to_string(line)); }};
    CHECK_FALSE(for_each_entry(*reader, false, handlers));  // without --confine, "../up" passes
    CHECK(order == std::vector<std::string>{"a@1", "malformed@2", "../up@3"});
}

TEST_CASE("for_each_entry with --confine stops at the first escaping name", "[cli][manifest]") {
    const fhash::test::TempDir dir;
    std::vector<std::string> names;
    std::vector<std::size_t> malformed;
    const ManifestHandlers handlers{
        [&names](ManifestEntry&& entry) { names.push_back(entry.name); },
        [&malformed](std::size_t line) { malformed.push_back(line); }};

    // A manifest whose second entry is `name`, followed by a valid entry and a malformed line.
    auto stop_at = [&](const char* file, const std::string& name) {
        const std::string path =
            dir.write(file, std::string(k_md5_abc) + "  a\n" + k_md5_abc + "  " + name + "\n" +
                                k_md5_abc + "  b\n" + "junk\n")
                .string();
        std::unique_ptr<ManifestReader> reader = open_manifest(path);
        const std::optional<std::string> stopped = for_each_entry(*reader, true, handlers);
        REQUIRE(stopped);
        return std::make_pair(quote_name(path), *stopped);
    };
    SECTION("an absolute name") {
        const auto [quoted, stopped] = stop_at("abs.md5", "/etc/passwd");
        CHECK(stopped ==
              quoted +
                  ": 2: /etc/passwd refused by --confine: absolute, or outside the base folder");
    }
    SECTION("a name climbing out of the base folder, quoted as needed") {
        const auto [quoted, stopped] = stop_at("up.md5", "../my x");
        CHECK(stopped ==
              quoted + ": 2: '../my x' refused by --confine: absolute, or outside the base folder");
    }
    // Nothing after the refused entry is handed out: not "b", not the malformed line.
    CHECK(names == std::vector<std::string>{"a"});
    CHECK(malformed.empty());
}

TEST_CASE("for_each_entry with --confine reads a confined manifest whole", "[cli][manifest]") {
    const fhash::test::TempDir dir;
    const std::string path =
        dir.write("ok.md5", std::string(k_md5_abc) + "  a\n" + k_md5_abc + "  sub/../b\n").string();
    std::unique_ptr<ManifestReader> reader = open_manifest(path);
    std::vector<std::string> names;
    const ManifestHandlers handlers{
        [&names](ManifestEntry&& entry) { names.push_back(entry.name); }, [](std::size_t) {}};
    CHECK_FALSE(for_each_entry(*reader, true, handlers));
    CHECK(names == std::vector<std::string>{"a", "sub/../b"});
}
