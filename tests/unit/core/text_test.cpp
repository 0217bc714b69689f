#include <string>

#include "fhash/text.hpp"
#include "support/catch.hpp"

using namespace fhash;

TEST_CASE("ascii_lower maps A-Z only", "[text]") {
    STATIC_REQUIRE(ascii_lower('A') == 'a');
    STATIC_REQUIRE(ascii_lower('Z') == 'z');
    STATIC_REQUIRE(ascii_lower('a') == 'a');
    STATIC_REQUIRE(ascii_lower('@') == '@');  // just before 'A'
    STATIC_REQUIRE(ascii_lower('[') == '[');  // just after 'Z'
    STATIC_REQUIRE(ascii_lower('0') == '0');
    CHECK(ascii_lower(static_cast<char>(0xC9)) == static_cast<char>(0xC9));  // Latin-1 'É'
    CHECK(ascii_lower("SHA-256 (\xC3\x9C)") == "sha-256 (\xC3\x9C)");        // UTF-8 passes through
    CHECK(ascii_lower("") == "");
    CHECK(ascii_lower(std::string("A\0B", 3)) == std::string("a\0b", 3));
    // Whatever the locale: no dotless i from 'I'.
    CHECK(ascii_lower("TITLE") == "title");
}

TEST_CASE("ascii_upper maps a-z only", "[text]") {
    STATIC_REQUIRE(ascii_upper('a') == 'A');
    STATIC_REQUIRE(ascii_upper('z') == 'Z');
    STATIC_REQUIRE(ascii_upper('`') == '`');  // just before 'a'
    STATIC_REQUIRE(ascii_upper('{') == '{');  // just after 'z'
    STATIC_REQUIRE(ascii_upper('-') == '-');
    CHECK(ascii_upper(static_cast<char>(0xE9)) == static_cast<char>(0xE9));  // Latin-1 'é'
}

TEST_CASE("iequals_ascii", "[text]") {
    CHECK(iequals_ascii("FCIV", "fciv"));
    CHECK(iequals_ascii("Algorithm", "ALGORITHM"));
    CHECK(iequals_ascii("", ""));
    CHECK_FALSE(iequals_ascii("fciv", "fci"));
    CHECK_FALSE(iequals_ascii("a", "b"));
    CHECK_FALSE(iequals_ascii("@", "`"));  // 0x40 and 0x60 differ by 0x20 but are not letters
    CHECK_FALSE(iequals_ascii("[", "{"));
    CHECK_FALSE(iequals_ascii("\xC3\x89", "\xC3\xA9"));  // É and é: not ASCII, not folded
}

TEST_CASE("is_hex_digit and all_hex", "[text]") {
    for (const char c : std::string("0123456789abcdefABCDEF")) {
        CHECK(is_hex_digit(c));
    }
    for (const char c : std::string("gG/:@`xX -")) {
        CHECK_FALSE(is_hex_digit(c));
    }
    CHECK_FALSE(is_hex_digit('\0'));
    CHECK(all_hex("900150983cd24fb0D6963F7D28E17F72"));
    CHECK(all_hex("0"));
    CHECK_FALSE(all_hex(""));
    CHECK_FALSE(all_hex("90015 "));
    CHECK_FALSE(all_hex(std::string("ab\0", 3)));
}
