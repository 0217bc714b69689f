// BLAKE3 updates spread over threads (the engine's LentThreads) against b3sum's answers and
// against plain updates around every power-of-two subtree size. Built only where updates
// are split (BLAKE3 built from its sources: tests/CMakeLists.txt).

#include "support/catch.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <memory>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "backends/blake3/blake3_hasher.hpp"
#include "core/lent_threads.hpp"
#include "fhash/algorithm.hpp"
#include "fhash/digest.hpp"
#include "fhash/hasher.hpp"
#include "support/blake3_vectors.hpp"

using namespace fhash;

namespace {

/// The digest of `input` in one plain update.
std::string serial_hex(std::span<const std::uint8_t> input, std::size_t size = 32) {
    const std::unique_ptr<Hasher> hasher = backends::make_blake3_hasher(size);
    REQUIRE(hasher->update(input));
    return test::finish_hex(*hasher);
}

/// The digest of `input` through update_parallel() on `threads`, in updates of `sizes`
/// (cycled; the last one takes what is left), splitting every subtree of `min_split` bytes
/// or more (2 KiB: two chunks, the least).
std::string parallel_hex(std::span<const std::uint8_t> input, UpdateThreads& threads,
                         const std::vector<std::size_t>& sizes, std::size_t min_split = 2048) {
    const std::unique_ptr<Hasher> hasher = backends::make_blake3_hasher(32, min_split);
    std::size_t position = 0;
    for (std::size_t i = 0; position < input.size(); ++i) {
        const std::size_t n = std::min(sizes[i % sizes.size()], input.size() - position);
        REQUIRE(hasher->update_parallel(input.subspan(position, n), threads));
        position += n;
    }
    return test::finish_hex(*hasher);
}

/// Threads that always fail, as when a mapped file shrinks under the tasks.
class FailingThreads final : public UpdateThreads {
public:
    [[nodiscard]] unsigned count() const noexcept override { return 2; }
    Result<void> run(std::size_t, void (*)(void*, std::size_t), void*) override {
        return make_error(Errc::changed_while_reading);
    }
};

}  // namespace

TEST_CASE("BLAKE3 on two threads gives b3sum's digests", "[backend][blake3][kat]") {
    REQUIRE(backends::blake3_splits_updates());
    detail::LentThreads threads(2);
    for (const test::Blake3Vector& v : test::b3sum_vectors()) {
        INFO("length " << v.length);
        CHECK(parallel_hex(test::official_input(v.length), threads, {v.length + 1}) ==
              v.hex.substr(0, 64));
    }
}

TEST_CASE("BLAKE3 on several threads equals one thread at every subtree boundary",
          "[backend][blake3][threads]") {
    REQUIRE(backends::blake3_splits_updates());
    detail::LentThreads two(2);
    detail::LentThreads three(3);
    std::mt19937 random(251);
    for (std::size_t power = std::size_t{1} << 10; power <= (std::size_t{1} << 26); power *= 2) {
        for (const std::size_t length : {power - 1, power, power + 1}) {
            INFO("length " << length);
            const std::span<const std::uint8_t> input = test::official_input(length);
            const std::string expected = serial_hex(input);
            // One update (the largest subtrees, every one split), and random updates of 1
            // byte to 4 MiB, splitting the larger subtrees only (fewer thread handoffs:
            // the sanitizer build stays fast).
            CHECK(parallel_hex(input, two, {length}) == expected);
            std::vector<std::size_t> sizes;
            for (int i = 0; i < 16; ++i) {
                const std::size_t limit = std::size_t{1}
                                          << std::uniform_int_distribution(0, 22)(random);
                sizes.push_back(std::uniform_int_distribution<std::size_t>(1, limit)(random));
            }
            const std::size_t min_split = std::max<std::size_t>(2048, std::bit_floor(length / 64));
            CHECK(parallel_hex(input, three, sizes, min_split) == expected);
        }
    }
}

TEST_CASE("BLAKE3 with the default split size and 128 bytes of output",
          "[backend][blake3][threads]") {
    detail::LentThreads threads(2);
    const std::span<const std::uint8_t> input = test::official_input((std::size_t{8} << 20) + 3);
    const std::unique_ptr<Hasher> hasher = backends::make_blake3_hasher(128);
    CHECK(hasher->parallel_update_min() == backends::k_blake3_min_split);
    REQUIRE(hasher->update_parallel(input.first(12345), threads));
    REQUIRE(hasher->update_parallel(input.subspan(12345), threads));
    CHECK(test::finish_hex(*hasher) == serial_hex(input, 128));
}

TEST_CASE("a failed parallel update is reported, and reset makes the hasher whole again",
          "[backend][blake3][threads]") {
    REQUIRE(backends::blake3_splits_updates());
    FailingThreads failing;
    const std::unique_ptr<Hasher> hasher = backends::make_blake3_hasher(32, 2048);
    const std::span<const std::uint8_t> input = test::official_input(8192);
    Result<void> updated = hasher->update_parallel(input, failing);
    REQUIRE_FALSE(updated);
    CHECK(updated.error().code == make_error_code(Errc::changed_while_reading));
    REQUIRE(hasher->reset());
    REQUIRE(hasher->update(input));
    CHECK(test::finish_hex(*hasher) == serial_hex(input));
}
