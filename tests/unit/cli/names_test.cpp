#include "support/catch.hpp"

#include <string>

#include "cli/names.hpp"

using fhash::cli::entry_key;
using fhash::cli::quote_name;
using fhash::cli::status_name;

TEST_CASE("quote_name leaves plain names as they are", "[cli][names]") {
    CHECK(quote_name("a.txt") == "a.txt");
    CHECK(quote_name("sub/dir/file-1_2+3,4@5%6]7{8}9") == "sub/dir/file-1_2+3,4@5%6]7{8}9");
    CHECK(quote_name("a~b#c") == "a~b#c");  // ~ and # are special only at the start
    CHECK(quote_name("caf\xC3\xA9/\xE6\x97\xA5\xE6\x9C\xAC.txt") ==
          "caf\xC3\xA9/\xE6\x97\xA5\xE6\x9C\xAC.txt");  // UTF-8 bytes kept
    CHECK(quote_name("") == "''");
}

TEST_CASE("quote_name single-quotes blanks and shell metacharacters", "[cli][names]") {
    CHECK(quote_name("my file.txt") == "'my file.txt'");
    CHECK(quote_name("a*b") == "'a*b'");
    CHECK(quote_name("$HOME") == "'$HOME'");
    CHECK(quote_name("a;b&c|d") == "'a;b&c|d'");
    CHECK(quote_name("say \"hi\"") == "'say \"hi\"'");
    CHECK(quote_name("back\\slash") == "'back\\slash'");
    CHECK(quote_name("standard input") == "'standard input'");
    CHECK(quote_name("caf\xC3\xA9 au lait") == "'caf\xC3\xA9 au lait'");
}

// Expected values as coreutils 9.1's md5sum prints them in C.UTF-8 (tests/cli/
// compat_coreutils_test.sh compares with md5sum itself).
TEST_CASE("quote_name quotes what coreutils quotes", "[cli][names]") {
    CHECK(quote_name("a:b") == "'a:b'");
    CHECK(quote_name("a=b") == "'a=b'");
    CHECK(quote_name("a^b") == "'a^b'");
    CHECK(quote_name("a?b") == "'a?b'");
    CHECK(quote_name("~a") == "'~a'");
    CHECK(quote_name("#") == "'#'");
    CHECK(quote_name("it's!") == "'it'\\''s!'");
    CHECK(quote_name("a\n\nb") == "'a'$'\\n\\n''b'");
    CHECK(quote_name("q\x01\x02r") == "'q'$'\\001\\002''r'");
    CHECK(quote_name("a\xC2\x85"
                     "b") == "'a'$'\\302\\205''b'");     // U+0085, a C1 control
    CHECK(quote_name("x\xFFy") == "'x'$'\\377''y'");     // not UTF-8
    CHECK(quote_name("\xE6\x97") == "''$'\\346\\227'");  // a cut sequence
    CHECK(quote_name("\nabc") == "''$'\\n''abc'");
    CHECK(quote_name("abc\n") == "'abc'$'\\n'");
    CHECK(quote_name("'\n") == "''\\'''$'\\n'");
}

TEST_CASE("quote_name double-quotes a name holding a single quote", "[cli][names]") {
    CHECK(quote_name("it's") == "\"it's\"");
    CHECK(quote_name("it's mine") == "\"it's mine\"");
    // With a character double quotes would expand, the quote is spliced in: 'it'\''s'.
    CHECK(quote_name("it's $5") == "'it'\\''s $5'");
    CHECK(quote_name("'") == "\"'\"");
    CHECK(quote_name("'\\") == "''\\''\\'");
}

TEST_CASE("quote_name writes control characters as $'...' pieces", "[cli][names]") {
    CHECK(quote_name("a\nb") == "'a'$'\\n''b'");
    CHECK(quote_name("a\rb") == "'a'$'\\r''b'");
    CHECK(quote_name("tab\there") == "'tab'$'\\t''here'");
    CHECK(quote_name("\n") == "''$'\\n'");
    CHECK(quote_name(std::string("x\x01", 2)) == "'x'$'\\001'");
    CHECK(quote_name("\x1b[31m") == "''$'\\033''[31m'");
    CHECK(quote_name("del\x7f") == "'del'$'\\177'");
    CHECK(quote_name(std::string("nul\0", 4)) == "'nul'$'\\000'");
    CHECK(quote_name("it's\n") == "'it'\\''s'$'\\n'");
    // The result never holds a line break, whatever the name does.
    CHECK(quote_name("one\ntwo\r\nthree").find_first_of("\n\r") == std::string::npos);
}

TEST_CASE("status_name escapes only names with line breaks", "[cli][names]") {
    CHECK(status_name("a.txt") == "a.txt");
    CHECK(status_name("my file.txt") == "my file.txt");
    CHECK(status_name("sub\\file") == "sub\\file");  // a '\' alone is printed as it is
    CHECK(status_name("caf\xC3\xA9") == "caf\xC3\xA9");
    CHECK(status_name("a\nb") == "\\a\\nb");
    CHECK(status_name("a\rb") == "\\a\\rb");
    CHECK(status_name("x\\y\nz") == "\\x\\\\y\\nz");  // once escaped, '\' is escaped too
}

TEST_CASE("entry_key reads backslashes as slashes and drops leading dot-slashes", "[cli][names]") {
    CHECK(entry_key("a/b") == "a/b");
    CHECK(entry_key("a\\b\\c.txt") == "a/b/c.txt");
    CHECK(entry_key("./a") == "a");
    CHECK(entry_key("././a/b") == "a/b");
    CHECK(entry_key(".\\a\\b") == "a/b");
    CHECK(entry_key(".\\.\\a") == "a");
    CHECK(entry_key("./a\\b") == entry_key("a/b"));
    // Only a leading "./" goes: inner ones and "../" stay.
    CHECK(entry_key("a/./b") == "a/./b");
    CHECK(entry_key("../a") == "../a");
    CHECK(entry_key(".hidden") == ".hidden");
    CHECK(entry_key("..") == "..");
}
