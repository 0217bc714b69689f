#include "support/catch.hpp"

#include <string>

#include "fhash/verify.hpp"

using fhash::is_confined;

TEST_CASE("is_confined accepts names that stay below the base folder", "[verify][confine]") {
    CHECK(is_confined("a.txt"));
    CHECK(is_confined("sub/deeper/x.txt"));
    CHECK(is_confined("sub\\x.txt"));
    CHECK(is_confined("./a"));
    CHECK(is_confined("a/../b"));
    CHECK(is_confined("a//b/./c/../../d"));
    CHECK(is_confined("..a"));
    CHECK(is_confined("a.."));
    CHECK(is_confined("..."));    // a name, not a parent
    CHECK(is_confined(" ../x"));  // a folder named " .."
    CHECK(is_confined("-"));
}

TEST_CASE("is_confined refuses absolute names, escapes and NUL", "[verify][confine]") {
    CHECK_FALSE(is_confined(""));
    CHECK_FALSE(is_confined("/etc/passwd"));
    CHECK_FALSE(is_confined("\\Windows\\win.ini"));
    CHECK_FALSE(is_confined("\\\\server\\share\\x"));
    CHECK_FALSE(is_confined("C:\\x"));
    CHECK_FALSE(is_confined("c:x"));
    CHECK_FALSE(is_confined(".."));
    CHECK_FALSE(is_confined("../x"));
    CHECK_FALSE(is_confined("..\\x"));
    CHECK_FALSE(is_confined("a/../../x"));
    CHECK_FALSE(is_confined("a/b/../../.."));
    CHECK_FALSE(is_confined("./../x"));
    CHECK_FALSE(is_confined(std::string("a\0b", 3)));
}
