#include <string>

#include "cli/merge_part.hpp"
#include "support/catch.hpp"

using fhash::cli::record_key;

TEST_CASE("record_key finds the name of every line fhash -f gnu or bsd writes", "[merge]") {
    CHECK(record_key("d41d8cd98f00b204e9800998ecf8427e  a/b c") == "a/b c");
    CHECK(record_key("d41d8cd98f00b204e9800998ecf8427e *bin") == "bin");
    CHECK(record_key("\\d41d8cd98f00b204e9800998ecf8427e  new\\nline\\\\x") == "new\nline\\x");
    CHECK(record_key("SHA256 (a (1).txt) = "
                     "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855") ==
          "a (1).txt");
    CHECK(record_key("\\SHA256 (a\\\\b) = "
                     "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855") == "a\\b");
    CHECK(record_key("XXH3 (f) = 2d06800538d394c2") == "f");
    CHECK(record_key("4294967295 0 some name") == "some name");  // cksum
    CHECK_FALSE(record_key(""));
    CHECK_FALSE(record_key("not a checksum line"));
    CHECK_FALSE(record_key("abcdef  "));
    CHECK_FALSE(record_key("\\abcdef  bad\\escape"));
}
