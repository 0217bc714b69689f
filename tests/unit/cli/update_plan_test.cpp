#include "support/catch.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <vector>

#include "cli/update_plan.hpp"
#include "support/temp_dir.hpp"

using fhash::Algorithm;
using fhash::digest_from_hex;
using fhash::FileDigests;
using fhash::ManifestEntry;
using fhash::cli::file_facts;
using fhash::cli::FileFacts;
using fhash::cli::reusable_digests;

namespace {

using Clock = std::filesystem::file_time_type::clock;

const std::filesystem::file_time_type k_manifest_time =
    std::filesystem::file_time_type(std::chrono::hours(24 * 365 * 50));

ManifestEntry old_entry() {
    ManifestEntry entry;
    entry.name = "abc.txt";
    entry.digests = {
        {Algorithm::md5, *digest_from_hex("900150983cd24fb0d6963f7d28e17f72")},
        {Algorithm::sha1, *digest_from_hex("a9993e364706816aba3e25717850c26c9cd0d89d")}};
    return entry;
}

std::optional<FileFacts> facts_at(std::filesystem::file_time_type modified,
                                  std::uint64_t size = 3) {
    return FileFacts{modified, size};
}

}  // namespace

TEST_CASE("update plan: a file not newer than the manifest keeps its digests", "[cli][update]") {
    const ManifestEntry old = old_entry();
    const std::optional<FileDigests> same_time =
        reusable_digests(old, facts_at(k_manifest_time), k_manifest_time, {Algorithm::md5});
    REQUIRE(same_time);
    CHECK(same_time->size == 3);
    REQUIRE(same_time->digests.size() == 1);
    CHECK(same_time->digests[0] == old.digests[0].second);

    const std::optional<FileDigests> older =
        reusable_digests(old, facts_at(k_manifest_time - std::chrono::seconds(1)), k_manifest_time,
                         {Algorithm::md5});
    CHECK(older);
}

TEST_CASE("update plan: a file newer than the manifest is read again", "[cli][update]") {
    CHECK_FALSE(reusable_digests(old_entry(), facts_at(k_manifest_time + std::chrono::seconds(1)),
                                 k_manifest_time, {Algorithm::md5}));
    CHECK_FALSE(reusable_digests(old_entry(), facts_at(k_manifest_time + Clock::duration(1)),
                                 k_manifest_time, {Algorithm::md5}));
}

TEST_CASE("update plan: unknown facts never reuse", "[cli][update]") {
    // A failed stat must not read as "old enough", whatever the times would say.
    CHECK_FALSE(reusable_digests(old_entry(), std::nullopt, k_manifest_time, {Algorithm::md5}));
    CHECK_FALSE(reusable_digests(old_entry(), std::nullopt, std::filesystem::file_time_type::max(),
                                 {Algorithm::md5}));
}

TEST_CASE("update plan: a recorded size that differs means re-read", "[cli][update]") {
    ManifestEntry old = old_entry();
    old.size = 4;
    CHECK_FALSE(
        reusable_digests(old, facts_at(k_manifest_time, 3), k_manifest_time, {Algorithm::md5}));
    old.size = 3;
    CHECK(reusable_digests(old, facts_at(k_manifest_time, 3), k_manifest_time, {Algorithm::md5}));
    // Without a recorded size (GNU/BSD lines), the size cannot disagree.
    old.size.reset();
    const std::optional<FileDigests> unsized =
        reusable_digests(old, facts_at(k_manifest_time, 12345), k_manifest_time, {Algorithm::md5});
    REQUIRE(unsized);
    CHECK(unsized->size == 12345);
}

TEST_CASE("update plan: every algorithm must be in the old entry", "[cli][update]") {
    const ManifestEntry old = old_entry();
    CHECK_FALSE(
        reusable_digests(old, facts_at(k_manifest_time), k_manifest_time, {Algorithm::sha256}));
    CHECK_FALSE(reusable_digests(old, facts_at(k_manifest_time), k_manifest_time,
                                 {Algorithm::md5, Algorithm::sha256}));
}

TEST_CASE("update plan: digests come in the order of the algorithms asked for", "[cli][update]") {
    const ManifestEntry old = old_entry();
    const std::optional<FileDigests> reuse = reusable_digests(
        old, facts_at(k_manifest_time), k_manifest_time, {Algorithm::sha1, Algorithm::md5});
    REQUIRE(reuse);
    REQUIRE(reuse->digests.size() == 2);
    CHECK(reuse->digests[0] == old.digests[1].second);  // sha1
    CHECK(reuse->digests[1] == old.digests[0].second);  // md5
}

TEST_CASE("file_facts: size and time of a file, nothing for a missing path", "[cli][update]") {
    const fhash::test::TempDir dir;
    const std::filesystem::path file = dir.write("abc.txt", "abc");
    const std::optional<FileFacts> facts = file_facts(file);
    REQUIRE(facts);
    CHECK(facts->size == 3);
    CHECK(facts->modified == std::filesystem::last_write_time(file));

    CHECK_FALSE(file_facts(dir.path() / "missing.txt"));
    CHECK_FALSE(file_facts(dir.path() / "missing" / "deeper.txt"));
    CHECK_FALSE(file_facts(dir.path()));  // a folder has no size
}
