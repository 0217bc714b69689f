#include "support/catch.hpp"

#include <string>

#include "fhash/verify.hpp"
#include "support/temp_dir.hpp"

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
    CHECK(is_confined("...")); // a name, not a parent
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

TEST_CASE("a confined Verifier does not open escaping entries", "[verify][confine]") {
    fhash::test::TempDir dir;
    dir.write("inside/a.txt", "abc");
    dir.write("outside.txt", "abc");
    fhash::VerifyOptions options;
    options.base_dir = dir.path() / "inside";
    options.confine = true;
    fhash::Verifier verifier(options);
    fhash::ManifestEntry entry;
    entry.name = "../outside.txt";
    entry.digests.emplace_back(fhash::Algorithm::md5, *fhash::digest_from_hex("900150983cd24fb0d6963f7d28e17f72"));
    fhash::EntryOutcome outcome = verifier.verify(entry);
    CHECK(outcome.status == fhash::EntryStatus::unreadable);
    CHECK(outcome.error.code == fhash::make_error_code(fhash::Errc::unsafe_path));
    entry.name = "a.txt";
    CHECK(verifier.verify(entry).status == fhash::EntryStatus::ok);
}
