#include <filesystem>
#include <string>
#include <system_error>

#include "fhash/digest.hpp"
#include "fhash/verify.hpp"
#include "support/catch.hpp"
#include "support/temp_dir.hpp"

using namespace fhash;

namespace {

namespace fs = std::filesystem;

constexpr const char* k_abc_md5 = "900150983cd24fb0d6963f7d28e17f72";
constexpr const char* k_abc_sha1 = "a9993e364706816aba3e25717850c26c9cd0d89d";
constexpr const char* k_abc_sha256 =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
constexpr const char* k_zero_md5 = "00000000000000000000000000000000";

ManifestEntry entry_for(const std::string& name, Algorithm algorithm, const char* hex) {
    ManifestEntry entry;
    entry.name = name;
    entry.digests.emplace_back(algorithm, *digest_from_hex(hex));
    return entry;
}

std::string utf8(const fs::path& p) {
    return p.string();  // the temp folders are ASCII
}

}  // namespace

TEST_CASE("Verifier: ok, mismatch, missing, unreadable", "[verify]") {
    test::TempDir dir;
    dir.write("abc.txt", "abc");
    fs::create_directory(dir.path() / "folder");
    VerifyOptions options;
    options.base_dir = dir.path();
    Verifier verifier(options);

    SECTION("a matching digest") {
        const EntryOutcome outcome =
            verifier.verify(entry_for("abc.txt", Algorithm::md5, k_abc_md5));
        CHECK(outcome.status == EntryStatus::ok);
        CHECK(outcome.size == 3);
        REQUIRE(outcome.computed.size() == 1);
        CHECK(outcome.computed[0].first == Algorithm::md5);
        CHECK(to_hex(outcome.computed[0].second) == k_abc_md5);
        CHECK(outcome.found_in_manifest_dir.empty());
    }
    SECTION("a different digest") {
        const EntryOutcome outcome =
            verifier.verify(entry_for("abc.txt", Algorithm::md5, k_zero_md5));
        CHECK(outcome.status == EntryStatus::mismatch);
        REQUIRE(outcome.computed.size() == 1);
        CHECK(to_hex(outcome.computed[0].second) == k_abc_md5);  // what the file holds
    }
    SECTION("a missing file is its own outcome, named as in the manifest") {
        const EntryOutcome outcome =
            verifier.verify(entry_for("nope.txt", Algorithm::md5, k_abc_md5));
        CHECK(outcome.status == EntryStatus::missing);
        CHECK(outcome.error.code == std::errc::no_such_file_or_directory);
        CHECK(outcome.error.path == "nope.txt");
        CHECK(outcome.computed.empty());
        CHECK(outcome.found_in_manifest_dir.empty());
    }
    SECTION("a folder is unreadable, not missing") {
        const EntryOutcome outcome =
            verifier.verify(entry_for("folder", Algorithm::md5, k_abc_md5));
        CHECK(outcome.status == EntryStatus::unreadable);
        CHECK(outcome.error.path == "folder");
        CHECK(outcome.computed.empty());
    }
}

TEST_CASE("Verifier: relative names resolve against base_dir, absolute ones do not", "[verify]") {
    test::TempDir dir;
    const fs::path file = dir.write("base/sub/abc.txt", "abc");
    VerifyOptions options;
    options.base_dir = dir.path() / "base";
    Verifier verifier(options);
    CHECK(verifier.resolve("sub/abc.txt") == dir.path() / "base" / "sub/abc.txt");
    CHECK(verifier.verify(entry_for("sub/abc.txt", Algorithm::md5, k_abc_md5)).status ==
          EntryStatus::ok);
    CHECK(verifier.verify(entry_for("abc.txt", Algorithm::md5, k_abc_md5)).status ==
          EntryStatus::missing);
    CHECK(verifier.resolve(utf8(file)) == file);
    CHECK(verifier.verify(entry_for(utf8(file), Algorithm::md5, k_abc_md5)).status ==
          EntryStatus::ok);

    // Without base_dir, names are taken as they are (relative to the current folder).
    const Verifier plain(VerifyOptions{});
    CHECK(plain.resolve("sub/abc.txt") == fs::path("sub/abc.txt"));
}

TEST_CASE("Verifier: '\\' is read as a separator when the name does not exist as written",
          "[verify]") {
    test::TempDir dir;
    dir.write("sub/abc.txt", "abc");
    VerifyOptions options;
    options.base_dir = dir.path();
    Verifier verifier(options);
    CHECK(verifier.resolve("sub\\abc.txt") == dir.path() / "sub/abc.txt");
    CHECK(verifier.verify(entry_for("sub\\abc.txt", Algorithm::md5, k_abc_md5)).status ==
          EntryStatus::ok);
    if (fs::path::preferred_separator == '/') {
        // Where '\' is an ordinary byte, a file really named so wins.
        dir.write("sub\\abc.txt", "other");
        CHECK(verifier.resolve("sub\\abc.txt") == dir.path() / "sub\\abc.txt");
        CHECK(verifier.verify(entry_for("sub\\abc.txt", Algorithm::md5, k_abc_md5)).status ==
              EntryStatus::mismatch);
    }
    // A name missing in both readings stays missing.
    CHECK(verifier.verify(entry_for("no\\such.txt", Algorithm::md5, k_abc_md5)).status ==
          EntryStatus::missing);
}

TEST_CASE("Verifier: a missing file found next to the manifest is reported as such", "[verify]") {
    test::TempDir dir;
    dir.write("manifests/only-here.txt", "abc");
    dir.write("manifests/SUMS", "");
    fs::create_directory(dir.path() / "elsewhere");
    VerifyOptions options;
    options.base_dir = dir.path() / "elsewhere";
    options.manifest_dir = dir.path() / "manifests";
    Verifier verifier(options);

    EntryOutcome outcome = verifier.verify(entry_for("only-here.txt", Algorithm::md5, k_abc_md5));
    CHECK(outcome.status == EntryStatus::missing);
    CHECK(outcome.found_in_manifest_dir == dir.path() / "manifests");
    CHECK(outcome.error.detail.empty());  // the wording is the caller's

    outcome = verifier.verify(entry_for("absent.txt", Algorithm::md5, k_abc_md5));
    CHECK(outcome.status == EntryStatus::missing);
    CHECK(outcome.found_in_manifest_dir.empty());

    // An absolute name is not looked for next to the manifest.
    outcome = verifier.verify(
        entry_for(utf8(dir.path() / "elsewhere" / "only-here.txt"), Algorithm::md5, k_abc_md5));
    CHECK(outcome.status == EntryStatus::missing);
    CHECK(outcome.found_in_manifest_dir.empty());

    // Without manifest_dir, nothing is looked for.
    options.manifest_dir.clear();
    Verifier no_hint(options);
    outcome = no_hint.verify(entry_for("only-here.txt", Algorithm::md5, k_abc_md5));
    CHECK(outcome.status == EntryStatus::missing);
    CHECK(outcome.found_in_manifest_dir.empty());
}

TEST_CASE("Verifier: \"-\" cannot be read when the manifest is standard input", "[verify]") {
    VerifyOptions options;
    options.manifest_is_stdin = true;
    Verifier verifier(options);
    const EntryOutcome outcome = verifier.verify(entry_for("-", Algorithm::md5, k_abc_md5));
    CHECK(outcome.status == EntryStatus::unreadable);
    CHECK(outcome.error.code == make_error_code(Errc::malformed));
    CHECK(outcome.error.path == "-");
}

TEST_CASE("Verifier: every digest of an entry is checked, in the entry's order", "[verify]") {
    test::TempDir dir;
    dir.write("abc.txt", "abc");
    VerifyOptions options;
    options.base_dir = dir.path();
    Verifier verifier(options);

    ManifestEntry entry;
    entry.name = "abc.txt";
    entry.digests.emplace_back(Algorithm::sha256, *digest_from_hex(k_abc_sha256));
    entry.digests.emplace_back(Algorithm::md5, *digest_from_hex(k_abc_md5));
    entry.digests.emplace_back(Algorithm::sha1, *digest_from_hex(k_abc_sha1));
    EntryOutcome outcome = verifier.verify(entry);
    CHECK(outcome.status == EntryStatus::ok);
    REQUIRE(outcome.computed.size() == 3);
    CHECK(outcome.computed[0].first == Algorithm::sha256);
    CHECK(outcome.computed[1].first == Algorithm::md5);
    CHECK(outcome.computed[2].first == Algorithm::sha1);
    CHECK(to_hex(outcome.computed[2].second) == k_abc_sha1);

    // One wrong digest among right ones is a mismatch.
    entry.digests[1].second = *digest_from_hex(k_zero_md5);
    outcome = verifier.verify(entry);
    CHECK(outcome.status == EntryStatus::mismatch);
    CHECK(to_hex(outcome.computed[1].second) == k_abc_md5);
}

TEST_CASE("Verifier: one verifier serves many entries and algorithm lists", "[verify]") {
    test::TempDir dir;
    dir.write("abc.txt", "abc");
    dir.write("empty.txt", "");
    VerifyOptions options;
    options.base_dir = dir.path();
    Verifier verifier(options);
    for (int round = 0; round < 3; ++round) {
        CHECK(verifier.verify(entry_for("abc.txt", Algorithm::md5, k_abc_md5)).status ==
              EntryStatus::ok);
        CHECK(verifier.verify(entry_for("abc.txt", Algorithm::sha1, k_abc_sha1)).status ==
              EntryStatus::ok);
        CHECK(
            verifier
                .verify(entry_for("empty.txt", Algorithm::md5, "d41d8cd98f00b204e9800998ecf8427e"))
                .status == EntryStatus::ok);
        CHECK(verifier.verify(entry_for("missing.txt", Algorithm::md5, k_abc_md5)).status ==
              EntryStatus::missing);
        // After a failure, the same hasher still gives the right answer.
        CHECK(verifier.verify(entry_for("abc.txt", Algorithm::sha256, k_abc_sha256)).status ==
              EntryStatus::ok);
    }
    // A moved verifier keeps working.
    Verifier moved = std::move(verifier);
    CHECK(moved.verify(entry_for("abc.txt", Algorithm::md5, k_abc_md5)).status == EntryStatus::ok);
}
