// A big file with one algorithm whose updates spread over threads (BLAKE3): the engine maps
// it and lends the spare cores to the hasher, window by window. Built only where BLAKE3
// splits updates (tests/CMakeLists.txt).

#include "support/bytes.hpp"
#include "support/catch.hpp"
#include "support/temp_dir.hpp"

#include <cstdint>
#include <vector>

#include "fhash/algorithm.hpp"
#include "fhash/engine.hpp"
#include "fhash/hasher.hpp"

using namespace fhash;
using test::pattern;

namespace {

Result<FileDigests> hash_with(const std::filesystem::path& file, ReadOptions options) {
    Result<FileHasher> hasher = FileHasher::create({Algorithm::blake3}, options);
    REQUIRE(hasher.has_value());
    return hasher->hash_file(file);
}

}  // namespace

TEST_CASE("one splitting hasher gets whole mapped windows and the spare cores", "[engine]") {
    Result<std::unique_ptr<Hasher>> probe = make_hasher(Algorithm::blake3);
    REQUIRE(probe);
    const std::size_t min = (*probe)->parallel_update_min();
    REQUIRE(min != 0);
    ReadOptions base;
    base.mmap_window = 2 * min;  // the smallest window the engine splits
    base.mmap_threshold = 1;
    base.algorithm_threads_min_size = 1;
    test::TempDir dir;
    for (const std::size_t size : {min - 1, 3 * min + 7, 5 * min}) {
        INFO("size " << size);
        const auto file = dir.write(test::numbered_name("s", size), pattern(size));
        ReadOptions serial = base;
        serial.algorithm_threads_min_size = 0;
        serial.mode = ReadMode::chunked;
        ReadOptions spare = base;
        spare.cores = 2;
        ReadOptions busy = base;
        busy.cores = 1;  // this file takes the only core: no extra thread
        ReadOptions chunked = spare;
        chunked.mode = ReadMode::chunked;

        Result<FileDigests> plain = hash_with(file, serial);
        Result<FileDigests> split = hash_with(file, spare);
        Result<FileDigests> alone = hash_with(file, busy);
        Result<FileDigests> read_ahead = hash_with(file, chunked);
        REQUIRE(plain);
        REQUIRE(split);
        REQUIRE(alone);
        REQUIRE(read_ahead);
        CHECK(split->extra_threads);
        CHECK(split->read_mode == ReadMode::mmap);  // automatic mode maps it: no reader thread
        CHECK_FALSE(alone->extra_threads);
        CHECK(read_ahead->read_mode == ReadMode::chunked);
        CHECK(split->size == size);
        CHECK(split->digests == plain->digests);
        CHECK(alone->digests == plain->digests);
        CHECK(read_ahead->digests == plain->digests);
    }
}
