#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fhash/manifest.hpp"
#include "support/bytes.hpp"
#include "support/catch.hpp"

using namespace fhash;
using test::bytes_of;

namespace {

/// Feeds `input` in pieces of `chunk` bytes (0 = all at once) and collects every line.
std::vector<std::string> split(LineSplitter& splitter, std::string_view input,
                               std::size_t chunk = 0) {
    std::vector<std::string> lines;
    std::string line;
    const std::size_t step = chunk == 0 ? (input.empty() ? 1 : input.size()) : chunk;
    for (std::size_t i = 0; i < input.size(); i += step) {
        splitter.feed(bytes_of(input.substr(i, step)));
        while (splitter.next_line(line)) {
            lines.push_back(line);
        }
    }
    splitter.finish();
    while (splitter.next_line(line)) {
        lines.push_back(line);
    }
    return lines;
}

std::vector<std::string> split(std::string_view input, std::size_t chunk = 0,
                               char separator = '\n') {
    LineSplitter splitter(separator);
    return split(splitter, input, chunk);
}

using Lines = std::vector<std::string>;

/// UTF-16 code units to bytes.
std::string utf16(std::initializer_list<char16_t> units, bool little) {
    std::string out;
    for (const char16_t u : units) {
        const auto lo = static_cast<char>(u & 0xFF);
        const auto hi = static_cast<char>(u >> 8);
        out += little ? lo : hi;
        out += little ? hi : lo;
    }
    return out;
}

}  // namespace

TEST_CASE("lines end at LF with exactly one CR removed", "[line_splitter]") {
    struct Case {
        std::string_view input;
        Lines expected;
    };
    const std::vector<Case> cases{
        {"", {}},
        {"\n", {""}},
        {"a\nb\n", {"a", "b"}},
        {"a\r\nb\r\n", {"a", "b"}},
        {"a\r\r\n", {"a\r"}},
        {"a\rb\n", {"a\rb"}},
        {"last", {"last"}},
        {"last\r", {"last"}},
        {"a\n\nb", {"a", "", "b"}},
        {std::string_view("x\0y\n", 4), {std::string("x\0y", 3)}},
    };
    for (const Case& c : cases) {
        for (const std::size_t chunk : std::initializer_list<std::size_t>{0, 1, 2, 3}) {
            INFO("input size " << c.input.size() << ", chunk " << chunk);
            CHECK(split(c.input, chunk) == c.expected);
        }
    }
}

TEST_CASE("a last line without terminator appears only after finish()", "[line_splitter]") {
    LineSplitter splitter;
    std::string line;
    splitter.feed(bytes_of("one\ntwo"));
    REQUIRE(splitter.next_line(line));
    CHECK(line == "one");
    CHECK_FALSE(splitter.next_line(line));
    splitter.finish();
    REQUIRE(splitter.next_line(line));
    CHECK(line == "two");
    CHECK_FALSE(splitter.next_line(line));
}

TEST_CASE("NUL separator strips nothing", "[line_splitter]") {
    const std::string input("a\r\0b\nc\0d", 8);
    CHECK(split(input, 0, '\0') == Lines{"a\r", "b\nc", "d"});
    CHECK(split(input, 1, '\0') == Lines{"a\r", "b\nc", "d"});
}

TEST_CASE("BOM detection", "[line_splitter]") {
    struct Case {
        std::string input;
        TextEncoding encoding;
        Lines expected;
    };
    const std::vector<Case> cases{
        {"abc\n", TextEncoding::utf8, {"abc"}},
        {"\xEF\xBB\xBF"
         "abc\r\n",
         TextEncoding::utf8_bom,
         {"abc"}},
        {"\xEF\xBB\xBF", TextEncoding::utf8_bom, {}},
        {"\xEF\xBB", TextEncoding::utf8, {"\xEF\xBB"}},
        {"\xEF", TextEncoding::utf8, {"\xEF"}},
        {"\xFF\xFE" + utf16({u'a', u'\r', u'\n', u'b'}, true), TextEncoding::utf16le, {"a", "b"}},
        {"\xFE\xFF" + utf16({u'a', u'\r', u'\n', u'b'}, false), TextEncoding::utf16be, {"a", "b"}},
        {"\xFF\xFE", TextEncoding::utf16le, {}},
    };
    for (const Case& c : cases) {
        for (const std::size_t chunk : std::initializer_list<std::size_t>{0, 1, 2}) {
            INFO("input size " << c.input.size() << ", chunk " << chunk);
            LineSplitter splitter;
            CHECK(split(splitter, c.input, chunk) == c.expected);
            CHECK(splitter.encoding() == c.encoding);
            CHECK_FALSE(splitter.had_decoding_errors());
        }
    }
}

TEST_CASE("bytes without a BOM pass through unchanged", "[line_splitter]") {
    const std::string input = "\xFF\xFE\xFD name\n\xC3\x28 bad\n";
    // Starts with FF FE: that is a UTF-16LE BOM. Use a prefix that is not a BOM.
    const std::string plain = "x" + input;
    CHECK(split(plain) == Lines{"x\xFF\xFE\xFD name", "\xC3\x28 bad"});
}

TEST_CASE("UTF-16 is converted to UTF-8 with surrogate pairs", "[line_splitter]") {
    // "ü€😀\r\n" then "z": U+00FC, U+20AC, U+1F600 (D83D DE00).
    const std::initializer_list<char16_t> units{0x00FC, 0x20AC, 0xD83D, 0xDE00, u'\r', u'\n', u'z'};
    const Lines expected{"\xC3\xBC\xE2\x82\xAC\xF0\x9F\x98\x80", "z"};
    for (const bool little : {true, false}) {
        const std::string input = (little ? "\xFF\xFE" : "\xFE\xFF") + utf16(units, little);
        for (const std::size_t chunk : std::initializer_list<std::size_t>{0, 1, 3}) {
            INFO("little " << little << ", chunk " << chunk);
            LineSplitter splitter;
            CHECK(split(splitter, input, chunk) == expected);
            CHECK_FALSE(splitter.had_decoding_errors());
        }
    }
}

TEST_CASE("invalid UTF-16 becomes U+FFFD and is reported", "[line_splitter]") {
    const std::string fffd = "\xEF\xBF\xBD";
    struct Case {
        std::string input;
        Lines expected;
    };
    const std::vector<Case> cases{
        // lone high surrogate followed by an ordinary unit
        {"\xFF\xFE" + utf16({0xD83D, u'a'}, true), {fffd + "a"}},
        // lone low surrogate
        {"\xFF\xFE" + utf16({0xDE00, u'b'}, true), {fffd + "b"}},
        // high surrogate at the very end
        {"\xFF\xFE" + utf16({u'c', 0xD83D}, true), {"c" + fffd}},
        // odd byte count
        {"\xFF\xFE" + utf16({u'd'}, true) + "x", {"d" + fffd}},
    };
    for (const Case& c : cases) {
        for (const std::size_t chunk : std::initializer_list<std::size_t>{0, 1}) {
            LineSplitter splitter;
            CHECK(split(splitter, c.input, chunk) == c.expected);
            CHECK(splitter.had_decoding_errors());
        }
    }
}

TEST_CASE("long inputs: many lines and one very long line", "[line_splitter]") {
    std::string input;
    for (int i = 0; i < 50000; ++i) {
        input += "line " + std::to_string(i) + "\r\n";
    }
    const std::string long_line(300000, 'q');
    input += long_line;
    const Lines lines = split(input, 4096);
    REQUIRE(lines.size() == 50001);
    CHECK(lines[0] == "line 0");
    CHECK(lines[49999] == "line 49999");
    CHECK(lines[50000] == long_line);
}

TEST_CASE("a line longer than the cap is reported, not buffered", "[line_splitter]") {
    SECTION("lines up to the cap pass, CR and terminator not counted") {
        const Lines expected{"abcd", "wxyz", "ab", "1234"};
        for (const std::size_t chunk : std::initializer_list<std::size_t>{0, 1, 3}) {
            LineSplitter splitter('\n', 4);
            CHECK(split(splitter, "abcd\nwxyz\r\nab\n1234\r", chunk) == expected);
            CHECK_FALSE(splitter.too_long());
        }
    }
    SECTION("the first line over the cap stops the splitter, with its number") {
        for (const std::size_t chunk : std::initializer_list<std::size_t>{0, 1, 2, 5}) {
            LineSplitter splitter('\n', 4);
            CHECK(split(splitter, "ok\n\nabcde\nnever\n", chunk) == Lines{"ok", ""});
            CHECK(splitter.too_long());
            CHECK(splitter.too_long_line() == 3);
            CHECK(splitter.max_line() == 4);
        }
    }
    SECTION("a last line without terminator is capped as well") {
        LineSplitter splitter('\n', 4);
        CHECK(split(splitter, "abc\nabcde").size() == 1);
        CHECK(splitter.too_long());
        CHECK(splitter.too_long_line() == 2);
    }
    SECTION("NUL-separated lists keep a CR, which counts") {
        LineSplitter splitter('\0', 4);
        CHECK(split(splitter, std::string("abc\r\0abcd\r\0", 11)) == Lines{"abc\r"});
        CHECK(splitter.too_long());
        CHECK(splitter.too_long_line() == 2);
    }
    SECTION("the cap applies to the decoded UTF-8 of UTF-16 input") {
        // U+00E9 is one UTF-16 unit but two UTF-8 bytes: three of them make six bytes.
        LineSplitter splitter('\n', 5);
        const std::string input =
            "\xFF\xFE" + utf16({u'\u00E9', u'\u00E9', u'\u00E9', u'\n'}, true);
        CHECK(split(splitter, input).empty());
        CHECK(splitter.too_long());
    }
}

TEST_CASE("an endless line keeps memory bounded by the cap", "[line_splitter]") {
    // What /dev/zero looks like: NUL bytes never end a '\n' line. The splitter must say so
    // as soon as the cap is passed, however much more input follows.
    LineSplitter splitter;
    const std::vector<std::uint8_t> zeros(64 * 1024, 0);
    std::string line;
    std::size_t fed = 0;
    while (!splitter.too_long() && fed < (std::size_t{8} << 20)) {
        splitter.feed(zeros);
        fed += zeros.size();
        CHECK_FALSE(splitter.next_line(line));
    }
    CHECK(splitter.too_long());
    CHECK(splitter.too_long_line() == 1);
    CHECK(fed <= LineSplitter::k_default_max_line + zeros.size() * 2);
    splitter.feed(zeros);  // ignored from now on
    splitter.finish();
    CHECK_FALSE(splitter.next_line(line));
}
