// The blake3 provider: b3sum's answers on the official test-vector inputs at every output
// length. Updates spread over threads: blake3_split_test.cpp.

#include "support/catch.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "fhash/algorithm.hpp"
#include "fhash/digest.hpp"
#include "fhash/hasher.hpp"
#include "support/blake3_vectors.hpp"

using namespace fhash;

TEST_CASE("BLAKE3 is provided at every length from 1 to 128 bytes", "[backend][blake3]") {
    CHECK(provider_name(Algorithm::blake3).rfind("BLAKE3 1.", 0) == 0);
    for (std::size_t size = 1; size <= 128; ++size) {
        CHECK(backend_supports(Algorithm::blake3, size));
    }
    CHECK_FALSE(backend_supports(Algorithm::blake3, 129));
    Result<std::unique_ptr<Hasher>> hasher = make_hasher(Algorithm::blake3);
    REQUIRE(hasher);
    CHECK((*hasher)->algorithm() == Algorithm::blake3);
}

TEST_CASE("BLAKE3 gives b3sum's digests of the official inputs, every output a prefix",
          "[backend][blake3][kat]") {
    const std::vector<test::Blake3Vector> vectors = test::b3sum_vectors();
    REQUIRE(vectors.size() == 22);
    for (const test::Blake3Vector& v : vectors) {
        INFO("length " << v.length);
        REQUIRE(v.hex.size() == 256);
        for (const std::size_t size : {1u, 32u, 64u, 128u}) {
            INFO("output " << size);
            Result<std::unique_ptr<Hasher>> hasher = make_hasher(Algorithm::blake3, size);
            REQUIRE(hasher);
            REQUIRE((*hasher)->update(test::official_input(v.length)));
            CHECK(test::finish_hex(**hasher) == v.hex.substr(0, 2 * size));
            // Reused after reset, fed byte by byte across the first chunks.
            REQUIRE((*hasher)->reset());
            const std::span<const std::uint8_t> input = test::official_input(v.length);
            const std::size_t head = std::min<std::size_t>(input.size(), 1100);
            for (std::size_t i = 0; i < head; ++i) {
                REQUIRE((*hasher)->update(input.subspan(i, 1)));
            }
            REQUIRE((*hasher)->update(input.subspan(head)));
            CHECK(test::finish_hex(**hasher) == v.hex.substr(0, 2 * size));
        }
    }
}
