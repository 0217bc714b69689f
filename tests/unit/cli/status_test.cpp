#include "support/catch.hpp"

#include <string>

#include "cli/console.hpp"
#include "cli/status.hpp"

using fhash::cli::Console;
using fhash::cli::Status;
using fhash::cli::status_line;
using fhash::cli::status_word;

TEST_CASE("status words, without colour", "[cli][status]") {
    const Console console;  // colour is off until set_color(true)
    CHECK(status_word(console, Status::ok) == "OK");
    CHECK(status_word(console, Status::failed) == "FAILED");
    CHECK(status_word(console, Status::unreadable) == "FAILED open or read");
    CHECK(status_word(console, Status::changed) == "CHANGED");
    CHECK(status_word(console, Status::missing) == "MISSING");
    CHECK(status_word(console, Status::added) == "NEW");
    CHECK(status_word(console, Status::moved) == "MOVED");
}

TEST_CASE("status words, coloured by tone", "[cli][status]") {
    Console console;
    console.set_color(true);
    CHECK(status_word(console, Status::ok) == "\x1b[32mOK\x1b[0m");
    CHECK(status_word(console, Status::failed) == "\x1b[1;31mFAILED\x1b[0m");
    CHECK(status_word(console, Status::missing) == "\x1b[1;31mMISSING\x1b[0m");
    CHECK(status_word(console, Status::added) == "\x1b[33mNEW\x1b[0m");
    CHECK(status_line(console, "a", Status::ok) == "a: \x1b[32mOK\x1b[0m\n");
}

TEST_CASE("status lines: NAME: WORD and an optional suffix", "[cli][status]") {
    const Console console;
    CHECK(status_line(console, "a.txt", Status::ok) == "a.txt: OK\n");
    CHECK(status_line(console, "sub/my file", Status::failed) == "sub/my file: FAILED\n");
    CHECK(status_line(console, "gone", Status::unreadable) == "gone: FAILED open or read\n");
    CHECK(status_line(console, "new.txt", Status::moved, " (was old.txt)") ==
          "new.txt: MOVED (was old.txt)\n");
    CHECK(status_line(console, "sub\\file", Status::changed) == "sub\\file: CHANGED\n");
}

TEST_CASE("status lines: a name with a line break stays on one line", "[cli][status]") {
    const Console console;
    CHECK(status_line(console, "a\nb", Status::ok) == "\\a\\nb: OK\n");
    CHECK(status_line(console, "x\\y\rz", Status::missing) == "\\x\\\\y\\rz: MISSING\n");
}
