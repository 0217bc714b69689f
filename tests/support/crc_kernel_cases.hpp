#pragma once
// The four CRC kernels of backends/crc/crc_kernels.hpp as one table, so that a test runs the
// same comparison on each; and bit-at-a-time models of them, straight from the definitions.

#include <array>
#include <cstdint>
#include <span>

#include "backends/crc/crc_kernels.hpp"

namespace fhash::test {

enum class CrcKind { crc32, crc32c, crc64nvme, cksum };

inline constexpr std::array<CrcKind, 4> k_crc_kinds{CrcKind::crc32, CrcKind::crc32c,
                                                    CrcKind::crc64nvme, CrcKind::cksum};

inline const char* crc_kind_name(CrcKind kind) {
    switch (kind) {
        case CrcKind::crc32:
            return "crc32";
        case CrcKind::crc32c:
            return "crc32c";
        case CrcKind::crc64nvme:
            return "crc64nvme";
        default:
            return "cksum";
    }
}

/// The register after `data` by the kernel of `kind` in `kernels`.
inline std::uint64_t run_kernel(const backends::crc::CrcKernels& kernels, CrcKind kind,
                                std::uint64_t reg, std::span<const std::uint8_t> data) {
    const auto reg32 = static_cast<std::uint32_t>(reg);
    switch (kind) {
        case CrcKind::crc32:
            return kernels.crc32(reg32, data);
        case CrcKind::crc32c:
            return kernels.crc32c(reg32, data);
        case CrcKind::crc64nvme:
            return kernels.crc64nvme(reg, data);
        default:
            return kernels.cksum(reg32, data);
    }
}

/// The same register by shifting one bit at a time (slow; the definition of each CRC).
inline std::uint64_t run_bitwise(CrcKind kind, std::uint64_t reg,
                                 std::span<const std::uint8_t> data) {
    if (kind == CrcKind::cksum) {
        auto r = static_cast<std::uint32_t>(reg);
        for (const std::uint8_t byte : data) {
            r ^= std::uint32_t{byte} << 24;
            for (int bit = 0; bit < 8; ++bit) {
                r = (r & 0x80000000u) != 0 ? (r << 1) ^ 0x04C11DB7u : r << 1;
            }
        }
        return r;
    }
    if (kind != CrcKind::crc64nvme) {
        reg &= 0xffffffffu;
    }
    const std::uint64_t poly = kind == CrcKind::crc32    ? 0xEDB88320u
                               : kind == CrcKind::crc32c ? 0x82F63B78u
                                                         : 0x9A6C9329AC4BC9B5u;
    for (const std::uint8_t byte : data) {
        reg ^= byte;
        for (int bit = 0; bit < 8; ++bit) {
            reg = (reg & 1u) != 0 ? (reg >> 1) ^ poly : reg >> 1;
        }
    }
    return reg;
}

}  // namespace fhash::test
