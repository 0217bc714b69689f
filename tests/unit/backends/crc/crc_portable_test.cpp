// The portable CRC kernels against bit-at-a-time models of each CRC: every short length at
// every alignment (the slice-by-8 loop and its byte-wise tail), and random inputs fed in
// random pieces from arbitrary registers.

#include "support/catch.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "backends/crc/crc_kernels.hpp"
#include "support/crc_kernel_cases.hpp"
#include "support/random_pieces.hpp"

using fhash::backends::crc::portable_kernels;
using fhash::test::CrcKind;

TEST_CASE("portable CRCs equal the bitwise definition at every short length and alignment",
          "[crc]") {
    const std::vector<std::uint8_t> data = fhash::test::random_bytes(80, 1);
    const std::span<const std::uint8_t> all(data);
    for (const CrcKind kind : fhash::test::k_crc_kinds) {
        INFO(fhash::test::crc_kind_name(kind));
        for (std::size_t start = 0; start < 8; ++start) {
            for (std::size_t length = 0; start + length <= 72; ++length) {
                INFO("start " << start << " length " << length);
                const std::span<const std::uint8_t> piece = all.subspan(start, length);
                const std::uint64_t reg = 0x0123456789abcdefu + length;
                const std::uint64_t expected = fhash::test::run_bitwise(kind, reg, piece);
                const std::uint64_t got =
                    fhash::test::run_kernel(portable_kernels(), kind, reg, piece);
                REQUIRE(got == expected);
            }
        }
    }
}

TEST_CASE("portable CRCs equal the bitwise definition on random pieces", "[crc]") {
    const std::vector<std::uint8_t> data = fhash::test::random_bytes((1u << 19) + 5, 2);
    for (const CrcKind kind : fhash::test::k_crc_kinds) {
        INFO(fhash::test::crc_kind_name(kind));
        const std::uint64_t expected = fhash::test::run_bitwise(kind, ~std::uint64_t{0}, data);
        // All ones: the 32-bit kernels take the low half.
        std::uint64_t reg = ~std::uint64_t{0};
        for (const std::span<const std::uint8_t> piece :
             fhash::test::random_pieces(data, 1u << 17, 3)) {
            reg = fhash::test::run_kernel(portable_kernels(), kind, reg, piece);
        }
        CHECK(reg == expected);
    }
}
