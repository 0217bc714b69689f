// ISA-L's CRC kernels against the portable ones on large random inputs cut into random
// pieces (1 byte to 8 MiB, starting at every alignment). Built only with ISA-L
// (tests/CMakeLists.txt); the portable kernels are checked on their own by
// crc_portable_test.cpp.

#include "support/catch.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "backends/crc/crc_kernels.hpp"
#include "support/crc_kernel_cases.hpp"
#include "support/random_pieces.hpp"

using fhash::backends::crc::CrcKernels;
using fhash::backends::crc::isal_kernels;
using fhash::backends::crc::portable_kernels;
using fhash::test::CrcKind;

namespace {

std::uint64_t in_pieces(const CrcKernels& kernels, CrcKind kind, std::uint64_t reg,
                        std::span<const std::uint8_t> data, std::uint64_t seed) {
    for (const std::span<const std::uint8_t> piece :
         fhash::test::random_pieces(data, std::size_t{8} << 20, seed)) {
        reg = fhash::test::run_kernel(kernels, kind, reg, piece);
    }
    return reg;
}

}  // namespace

TEST_CASE("ISA-L is found and named", "[crc][isal]") {
    REQUIRE(isal_kernels() != nullptr);
    CHECK(std::string_view(fhash::backends::crc::isal_name()).starts_with("ISA-L"));
}

TEST_CASE("ISA-L's CRCs equal the portable ones on large inputs in random pieces", "[crc][isal]") {
    REQUIRE(isal_kernels() != nullptr);
    const std::vector<std::uint8_t> data =
        fhash::test::random_bytes((std::size_t{20} << 20) + 13, 4);
    const std::span<const std::uint8_t> all(data);
    for (const CrcKind kind : fhash::test::k_crc_kinds) {
        INFO(fhash::test::crc_kind_name(kind));
        for (std::uint64_t seed = 0; seed < 3; ++seed) {
            INFO("seed " << seed);
            // An unaligned start, and a register that is neither 0 nor all ones.
            const std::span<const std::uint8_t> input = all.subspan(seed * 3 + 1);
            const std::uint64_t reg = 0x5a5a5a5aa5a5a5a5u ^ seed;
            const std::uint64_t portable =
                fhash::test::run_kernel(portable_kernels(), kind, reg, input);
            CHECK(in_pieces(*isal_kernels(), kind, reg, input, seed) == portable);
            CHECK(in_pieces(portable_kernels(), kind, reg, input, seed + 100) == portable);
            CHECK(fhash::test::run_kernel(*isal_kernels(), kind, reg, input) == portable);
        }
    }
}

TEST_CASE("ISA-L's CRCs equal the portable ones on every short length", "[crc][isal]") {
    REQUIRE(isal_kernels() != nullptr);
    const std::vector<std::uint8_t> data = fhash::test::random_bytes(600, 5);
    const std::span<const std::uint8_t> all(data);
    for (const CrcKind kind : fhash::test::k_crc_kinds) {
        INFO(fhash::test::crc_kind_name(kind));
        for (std::size_t start = 0; start < 16; ++start) {
            for (std::size_t length = 0; start + length <= all.size(); length += 1 + length / 8) {
                INFO("start " << start << " length " << length);
                const std::span<const std::uint8_t> piece = all.subspan(start, length);
                CHECK(fhash::test::run_kernel(*isal_kernels(), kind, 0xffffffffu, piece) ==
                      fhash::test::run_kernel(portable_kernels(), kind, 0xffffffffu, piece));
            }
        }
    }
}
