#include "support/catch.hpp"

#include "platform/paths.hpp"

#include <string>
#include <vector>

#include "fhash/engine.hpp"
#include "fhash/hasher.hpp"
#include "io/mapped_region.hpp"
#include "support/bytes.hpp"
#include "support/fake_source.hpp"
#include "support/hashers.hpp"
#include "support/kat_vectors.hpp"
#include "support/temp_dir.hpp"

using namespace fhash;
using test::must_create;
using test::pattern;

namespace {

/// Every algorithm this build's backend computes, in table order.
std::vector<Algorithm> every_algorithm() {
    std::vector<Algorithm> out;
    for (const AlgorithmInfo& info : all_algorithms()) {
        if (backend_supports(info.id)) {
            out.push_back(info.id);
        }
    }
    return out;
}

// Small sizes so that buffers, windows and pieces are straddled by the test inputs.
ReadOptions small_options(ReadMode mode) {
    ReadOptions options;
    options.mode = mode;
    options.chunk_size = 4093;
    options.mmap_window = io::MappedRegion::allocation_granularity();
    options.mmap_piece = 1000;
    options.mmap_threshold = 1;
    return options;
}

}  // namespace

TEST_CASE("known answers for every algorithm through both read paths", "[engine][kat]") {
    test::TempDir dir;
    const auto inputs = test::kat_inputs();
    for (const ReadMode mode : {ReadMode::mmap, ReadMode::chunked}) {
        FileHasher hasher = must_create(every_algorithm(), small_options(mode));
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            INFO("mode " << static_cast<int>(mode) << " input " << i);
            const auto path = dir.write(test::numbered_name("kat", i), inputs[i]);
            Result<FileDigests> result = hasher.hash_file(path);
            REQUIRE(result);
            CHECK(result->size == inputs[i].size());
            // Empty files are never mapped.
            CHECK(result->read_mode == (inputs[i].empty() ? ReadMode::chunked : mode));
            const std::vector<test::KatRow> rows = test::supported_kat_rows();
            REQUIRE(result->digests.size() == rows.size());
            for (std::size_t a = 0; a < rows.size(); ++a) {
                INFO(algorithm_info(rows[a].algorithm).name);
                CHECK(to_hex(result->digests[a]) == rows[a].hex[i]);
            }
        }
    }
}

TEST_CASE("check values of the non-cryptographic algorithms through both read paths",
          "[engine][kat]") {
    test::TempDir dir;
    const auto path = dir.write("check", std::string(test::k_check_input));
    const std::vector<test::CheckRow> rows = test::supported_check_rows();
    std::vector<Algorithm> algorithms;
    for (const test::CheckRow& row : rows) {
        algorithms.push_back(row.algorithm);
    }
    for (const ReadMode mode : {ReadMode::mmap, ReadMode::chunked}) {
        INFO("mode " << static_cast<int>(mode));
        FileHasher hasher = must_create(algorithms, small_options(mode));
        Result<FileDigests> result = hasher.hash_file(path);
        REQUIRE(result);
        CHECK(result->read_mode == mode);
        REQUIRE(result->digests.size() == rows.size());
        for (std::size_t a = 0; a < rows.size(); ++a) {
            INFO(algorithm_info(rows[a].algorithm).name);
            CHECK(to_hex(result->digests[a]) == rows[a].hex);
        }
    }
}

TEST_CASE("sizes around window, piece and chunk boundaries agree on both paths", "[engine]") {
    test::TempDir dir;
    const std::size_t page = io::MappedRegion::allocation_granularity();
    FileHasher mapped =
        must_create({Algorithm::sha256, Algorithm::md5}, small_options(ReadMode::mmap));
    FileHasher chunked =
        must_create({Algorithm::sha256, Algorithm::md5}, small_options(ReadMode::chunked));
    const std::vector<std::size_t> sizes = {
        1,    999,      1000,     1001,         4092,     4093,         4094,  page - 1,
        page, page + 1, 2 * page, 2 * page + 1, 3 * 4093, 3 * page - 1, 100000};
    for (const std::size_t size : sizes) {
        INFO("size " << size);
        const std::string content = pattern(size);
        const auto path = dir.write(test::numbered_name("f", size), content);
        test::FakeSource whole(content, {size});
        Result<FileDigests> expected = chunked.hash_source(whole);
        REQUIRE(expected);
        Result<FileDigests> a = mapped.hash_file(path);
        Result<FileDigests> b = chunked.hash_file(path);
        REQUIRE(a);
        REQUIRE(b);
        CHECK(a->read_mode == ReadMode::mmap);
        CHECK(b->read_mode == ReadMode::chunked);
        CHECK(a->size == size);
        CHECK(b->size == size);
        CHECK(a->digests == expected->digests);
        CHECK(b->digests == expected->digests);
    }
}

TEST_CASE("several algorithms from one read equal one algorithm at a time", "[engine]") {
    const std::string content = pattern(70000);
    FileHasher all = must_create(every_algorithm());
    test::FakeSource source(content, {1, 4096, 333});
    Result<FileDigests> together = all.hash_source(source);
    REQUIRE(together);
    const std::vector<Algorithm> algorithms = every_algorithm();
    for (std::size_t i = 0; i < algorithms.size(); ++i) {
        FileHasher one = must_create({algorithms[i]});
        test::FakeSource again(content, {70000});
        Result<FileDigests> alone = one.hash_source(again);
        REQUIRE(alone);
        REQUIRE(alone->digests.size() == 1);
        CHECK(alone->digests[0] == together->digests[i]);
    }
}

TEST_CASE("a FileHasher is reused from one input to the next", "[engine]") {
    FileHasher hasher = must_create({Algorithm::md5});
    test::FakeSource abc("abc");
    test::FakeSource empty("");
    test::FakeSource abc_again("abc", {1});
    CHECK(to_hex(hasher.hash_source(abc)->digests[0]) == "900150983cd24fb0d6963f7d28e17f72");
    CHECK(to_hex(hasher.hash_source(empty)->digests[0]) == "d41d8cd98f00b204e9800998ecf8427e");
    CHECK(to_hex(hasher.hash_source(abc_again)->digests[0]) == "900150983cd24fb0d6963f7d28e17f72");
}

TEST_CASE("an error from the source at offset N is returned, and the next input is clean",
          "[engine]") {
    FileHasher hasher = must_create({Algorithm::sha1});
    for (const std::size_t offset : {std::size_t{0}, std::size_t{1}, std::size_t{5000}}) {
        INFO("offset " << offset);
        test::FakeSource source(pattern(10000), {7, 4096});
        source.fail_at(offset, errno_error(EIO, "some/file"));
        Result<FileDigests> result = hasher.hash_source(source);
        REQUIRE_FALSE(result);
        CHECK(result.error().code == std::errc::io_error);
        CHECK(result.error().path == "some/file");
    }
    test::FakeSource abc("abc");
    CHECK(to_hex(hasher.hash_source(abc)->digests[0]) ==
          "a9993e364706816aba3e25717850c26c9cd0d89d");
}

TEST_CASE("a missing file and a directory give distinct errors with the path", "[engine]") {
    test::TempDir dir;
    FileHasher hasher = must_create({Algorithm::sha256});
    const auto missing = dir.path() / "no-such-file";
    Result<FileDigests> a = hasher.hash_file(missing);
    REQUIRE_FALSE(a);
    CHECK(a.error().code == std::errc::no_such_file_or_directory);
    CHECK(a.error().path == fhash::platform::path_to_utf8(missing));
    Result<FileDigests> b = hasher.hash_file(dir.path());
    REQUIRE_FALSE(b);
    CHECK(b.error().code == make_error_code(Errc::is_a_directory));
    CHECK(b.error().path == fhash::platform::path_to_utf8(dir.path()));
}

TEST_CASE("an empty file on the mmap path is read, not mapped", "[engine]") {
    test::TempDir dir;
    ReadOptions options;
    options.mode = ReadMode::mmap;
    FileHasher hasher = must_create({Algorithm::sha256}, options);
    Result<FileDigests> result = hasher.hash_file(dir.write("empty", ""));
    REQUIRE(result);
    CHECK(result->size == 0);
    CHECK(result->read_mode == ReadMode::chunked);
    CHECK(to_hex(result->digests[0]) ==
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("output lengths (-l) through both read paths", "[engine][kat]") {
    // b2sum -l, b3sum -l and openssl dgst -xoflen outputs for "abc" (docs/formats.md).
    struct Sized {
        HashSpec spec;
        std::string_view hex;
    };
    const std::vector<Sized> all = {
        {{Algorithm::blake2b, 32},
         "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"},
        {{Algorithm::blake2b, 16}, "cf4ab791c62b8d2b2109c90275287816"},
        {{Algorithm::blake3, 64},
         "6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85"
         "1fb250ae7393f5d02813b65d521a0d492d9ba09cf7ce7f4cffd900f23374bf0b"},
        {{Algorithm::blake3, 4}, "6437b3ac"},
        {{Algorithm::shake128, 32},
         "5881092dd818bf5cf8a3ddb793fbcba74097d5c526a6d35f97b83351940f2cc8"},
        {{Algorithm::shake256, 8}, "483366601360a877"},
    };
    std::vector<Sized> rows;
    std::vector<HashSpec> specs;
    for (const Sized& row : all) {
        if (backend_supports(row.spec.algorithm, row.spec.size)) {
            rows.push_back(row);
            specs.push_back(row.spec);
        }
    }
    test::TempDir dir;
    const auto path = dir.write("abc", std::string("abc"));
    for (const ReadMode mode : {ReadMode::mmap, ReadMode::chunked}) {
        Result<FileHasher> hasher = FileHasher::create(specs, small_options(mode));
        REQUIRE(hasher);
        Result<FileDigests> result = hasher->hash_file(path);
        REQUIRE(result);
        REQUIRE(result->digests.size() == rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            INFO(algorithm_info(rows[i].spec.algorithm).name << " " << rows[i].spec.size);
            CHECK(to_hex(result->digests[i]) == rows[i].hex);
        }
    }
}
