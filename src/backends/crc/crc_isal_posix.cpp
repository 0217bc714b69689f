// ISA-L's CRCs (runtime dispatch to PCLMULQDQ/AVX-512 folding inside the library), fitted to
// the raw-register contract of crc_kernels.hpp:
// - crc32_gzip_refl and crc32_ieee complement the register on entry and on return, so the
//   raw register goes in and comes out complemented;
// - crc32_iscsi works on the raw register already, but takes an int length and a non-const
//   pointer (it only reads): the input goes in pieces of at most 1 GiB.
// ISA-L 2.30 has no CRC-64/NVME (crc64_rocksoft came in 2.31): that one stays portable.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>

#include <isa-l/crc.h>

#include "backends/crc/crc_kernels.hpp"

namespace fhash::backends::crc {
namespace {

constexpr std::size_t k_iscsi_piece = std::size_t{1} << 30;

std::uint32_t crc32_update(std::uint32_t reg, std::span<const std::uint8_t> data) noexcept {
    return ~crc32_gzip_refl(~reg, data.data(), data.size());
}

std::uint32_t crc32c_update(std::uint32_t reg, std::span<const std::uint8_t> data) noexcept {
    while (!data.empty()) {
        const std::size_t n = std::min(data.size(), k_iscsi_piece);
        // const_cast: crc32_iscsi's pointer is not const, but it only reads the buffer.
        reg = crc32_iscsi(const_cast<std::uint8_t*>(data.data()), static_cast<int>(n), reg);
        data = data.subspan(n);
    }
    return reg;
}

std::uint32_t cksum_update(std::uint32_t reg, std::span<const std::uint8_t> data) noexcept {
    return ~crc32_ieee(~reg, data.data(), data.size());
}

}  // namespace

const CrcKernels* isal_kernels() noexcept {
    static const CrcKernels kernels{&crc32_update, &crc32c_update, portable_kernels().crc64nvme,
                                    &cksum_update};
    return &kernels;
}

const char* isal_name() noexcept {
    // FHASH_ISAL_VERSION comes from cmake/FindISAL.cmake (isa-l.h or pkg-config).
    return sizeof(FHASH_ISAL_VERSION) > 1 ? "ISA-L " FHASH_ISAL_VERSION : "ISA-L";
}

}  // namespace fhash::backends::crc
