#include "core/fan_out.hpp"
#include "support/bytes.hpp"
#include "support/catch.hpp"
#include "support/hashers.hpp"
#include "support/temp_dir.hpp"

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "fhash/algorithm.hpp"
#include "fhash/engine.hpp"
#include "fhash/hasher.hpp"

using namespace fhash;
using test::pattern;

namespace {

std::vector<Digest> digests_of(const std::filesystem::path& file,
                               const std::vector<Algorithm>& algorithms, ReadOptions options) {
    Result<FileHasher> hasher = FileHasher::create(algorithms, options);
    REQUIRE(hasher.has_value());
    Result<FileDigests> got = hasher->hash_file(file);
    REQUIRE(got.has_value());
    CHECK(got->size == std::filesystem::file_size(file));
    return got->digests;
}

}  // namespace

TEST_CASE("one thread per algorithm gives the digests of the single-thread path", "[engine]") {
    // Five algorithms every backend has (BLAKE2b where it exists, SHA-384 otherwise).
    const std::vector<Algorithm> pool = {
        Algorithm::md5, Algorithm::sha1, Algorithm::sha256, Algorithm::sha512,
        backend_supports(Algorithm::blake2b) ? Algorithm::blake2b : Algorithm::sha384};
    std::vector<std::vector<Algorithm>> combos;
    for (std::size_t i = 0; i < pool.size(); ++i) {
        for (std::size_t j = i + 1; j < pool.size(); ++j) {
            combos.push_back({pool[i], pool[j]});
            for (std::size_t k = j + 1; k < pool.size(); ++k) {
                combos.push_back({pool[i], pool[j], pool[k]});
            }
        }
    }
    REQUIRE(combos.size() == 20);

    // Small buffers and windows, so that the sizes below fall around every boundary.
    ReadOptions base;
    base.chunk_size = 4096;
    base.mmap_window = 8192;  // two pages on most systems (one allocation unit on Windows)
    base.mmap_piece = 3000;   // does not divide the window
    base.mmap_threshold = 1;
    base.algorithm_threads_depth = 3;

    test::TempDir dir;
    const std::vector<std::size_t> sizes = {0,    1,    2999, 3000,         4095,  4096,  4097,
                                            8191, 8192, 8193, 3 * 8192 + 1, 12288, 100000};
    for (const std::size_t size : sizes) {
        const auto file = dir.write(test::numbered_name("f", size), pattern(size));
        for (const ReadMode mode : {ReadMode::chunked, ReadMode::mmap}) {
            ReadOptions serial = base;
            serial.mode = mode;
            serial.algorithm_threads_min_size = 0;
            ReadOptions parallel = serial;
            parallel.algorithm_threads_min_size = 1;
            parallel.cores = 64;  // a spare core whatever the machine
            for (const auto& combo : combos) {
                INFO("size " << size << ", mode " << static_cast<int>(mode) << ", algorithms "
                             << combo.size());
                const std::vector<Digest> one = digests_of(file, combo, serial);
                const std::vector<Digest> many = digests_of(file, combo, parallel);
                REQUIRE(one.size() == combo.size());
                CHECK(one == many);
                for (std::size_t i = 0; i < combo.size(); ++i) {
                    CHECK(digests_of(file, {combo[i]}, serial).front() == one[i]);
                }
            }
        }
    }
}

TEST_CASE("a FileHasher reused across sizes and paths keeps giving the same digests", "[engine]") {
    test::TempDir dir;
    ReadOptions options;
    options.chunk_size = 4096;
    options.mmap_window = 8192;
    options.mmap_threshold = 10000;
    options.algorithm_threads_min_size = 20000;
    Result<FileHasher> hasher = FileHasher::create({Algorithm::md5, Algorithm::sha256}, options);
    REQUIRE(hasher.has_value());
    for (const std::size_t size : {100000u, 5u, 15000u, 30000u, 0u, 9999u}) {
        const auto file = dir.write(test::numbered_name("g", size), pattern(size));
        ReadOptions serial = options;
        serial.algorithm_threads_min_size = 0;
        serial.mode = ReadMode::chunked;
        Result<FileDigests> got = hasher->hash_file(file);
        REQUIRE(got.has_value());
        CHECK(got->digests == digests_of(file, {Algorithm::md5, Algorithm::sha256}, serial));
    }
}

TEST_CASE("one algorithm reads on a thread of its own and gives the same digests", "[engine]") {
    ReadOptions base;
    base.chunk_size = 4096;
    base.mmap_window = 8192;
    base.mmap_piece = 3000;
    base.mmap_threshold = 1;
    base.algorithm_threads_depth = 2;
    base.cores = 64;
    test::TempDir dir;
    for (const std::size_t size : {1u, 4095u, 4096u, 4097u, 3u * 4096u, 100000u}) {
        const auto file = dir.write(test::numbered_name("r", size), pattern(size));
        for (const Algorithm algorithm : {Algorithm::md5, Algorithm::sha256}) {
            ReadOptions serial = base;
            serial.mode = ReadMode::chunked;
            serial.algorithm_threads_min_size = 0;
            ReadOptions threaded = base;
            threaded.mode = ReadMode::automatic;
            threaded.algorithm_threads_min_size = 1;
            Result<FileHasher> one = FileHasher::create({algorithm}, serial);
            Result<FileHasher> two = FileHasher::create({algorithm}, threaded);
            REQUIRE(one.has_value());
            REQUIRE(two.has_value());
            Result<FileDigests> plain = one->hash_file(file);
            Result<FileDigests> read_ahead = two->hash_file(file);
            REQUIRE(plain.has_value());
            REQUIRE(read_ahead.has_value());
            INFO("size " << size);
            CHECK_FALSE(plain->extra_threads);
            CHECK(read_ahead->extra_threads);
            // Automatic mode reads such a file rather than mapping it: the reading thread
            // keeps ahead of the hashing one, which a mapping's page faults do not.
            CHECK(read_ahead->read_mode == ReadMode::chunked);
            CHECK(read_ahead->size == size);
            CHECK(plain->digests == read_ahead->digests);
        }
    }
}

TEST_CASE("extra threads only go to spare cores", "[engine]") {
    test::TempDir dir;
    const auto big = dir.write("big", pattern(50000));
    const auto small = dir.write("small", pattern(1000));
    RunCounters counters;
    std::atomic<unsigned>& in_flight = counters.files_in_flight;
    ReadOptions options;
    options.chunk_size = 4096;
    options.algorithm_threads_min_size = 10000;
    options.cores = 2;
    Result<FileHasher> hasher =
        FileHasher::create({Algorithm::md5, Algorithm::sha1}, options, &counters);
    REQUIRE(hasher.has_value());

    SECTION("a big file alone gets them") {
        Result<FileDigests> got = hasher->hash_file(big);
        REQUIRE(got.has_value());
        CHECK(got->extra_threads);
    }
    SECTION("not when the other core hashes another file") {
        in_flight = 1;  // as if another worker were busy
        Result<FileDigests> got = hasher->hash_file(big);
        REQUIRE(got.has_value());
        CHECK_FALSE(got->extra_threads);
        in_flight = 0;
    }
    SECTION("not for a file below the size") {
        Result<FileDigests> got = hasher->hash_file(small);
        REQUIRE(got.has_value());
        CHECK_FALSE(got->extra_threads);
    }
    SECTION("a mapped file with one algorithm is hashed on the calling thread") {
        ReadOptions mapped = options;
        mapped.mode = ReadMode::mmap;
        Result<FileHasher> single = FileHasher::create({Algorithm::sha256}, mapped);
        REQUIRE(single.has_value());
        Result<FileDigests> got = single->hash_file(big);
        REQUIRE(got.has_value());
        CHECK(got->read_mode == ReadMode::mmap);
        CHECK_FALSE(got->extra_threads);
    }
    SECTION("a missing file leaves the count as it was") {
        CHECK_FALSE(hasher->hash_file(dir.path() / "missing").has_value());
    }
    CHECK(in_flight == 0);  // every hash_file() counted itself out
}

TEST_CASE("algorithm threads: the cheap algorithms share, the costliest keeps its own",
          "[engine][fan_out]") {
    using detail::group_by_cost;
    const std::vector<Algorithm> three = {Algorithm::xxh128, Algorithm::sha256, Algorithm::blake3};
    const auto two = group_by_cost(three, 2);
    REQUIRE(two.size() == 2);
    CHECK(two[0] == std::vector<std::size_t>{1});     // SHA-256 alone
    CHECK(two[1] == std::vector<std::size_t>{2, 0});  // BLAKE3 then XXH128
    CHECK(group_by_cost(three, 1) == std::vector<std::vector<std::size_t>>{{1, 2, 0}});
    CHECK(group_by_cost(three, 3).size() == 3);
    CHECK(group_by_cost(three, 8).size() == 3);  // never more threads than algorithms
    CHECK(group_by_cost({Algorithm::md5, Algorithm::sha1}, 2).size() == 2);
}

TEST_CASE("shared algorithm threads give the same digests", "[engine][fan_out]") {
    const std::vector<Algorithm> algorithms = {Algorithm::sha256, Algorithm::blake3,
                                               Algorithm::xxh128, Algorithm::crc32c};
    const std::string data = test::pattern(3 * 1024 * 1024 + 17);
    std::vector<std::string> alone;  // each algorithm by itself, in one update
    for (const Algorithm a : algorithms) {
        const std::unique_ptr<Hasher> one = test::must_make(a);
        REQUIRE(one->update(test::bytes_of(data)));
        Result<Digest> d = one->finish();
        REQUIRE(d);
        alone.push_back(to_hex(*d));
    }
    for (const std::size_t threads : {std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
        INFO("threads " << threads);
        std::vector<std::unique_ptr<Hasher>> hashers;
        for (const Algorithm a : algorithms) {
            hashers.push_back(test::must_make(a));
        }
        std::size_t offset = 0;
        const auto bytes = test::bytes_of(data);
        Result<std::uint64_t> total = detail::fan_out(
            hashers, 2,
            [&](std::size_t) -> Result<detail::SharedBlock> {
                const std::size_t n = std::min<std::size_t>(65536, bytes.size() - offset);
                detail::SharedBlock block{bytes.subspan(offset, n), nullptr};
                offset += n;
                return block;
            },
            false, threads);
        REQUIRE(total);
        CHECK(*total == data.size());
        for (std::size_t i = 0; i < algorithms.size(); ++i) {
            Result<Digest> d = hashers[i]->finish();
            REQUIRE(d);
            CHECK(to_hex(*d) == alone[i]);
        }
    }
}
