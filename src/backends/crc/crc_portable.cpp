// Portable CRCs: slice-by-8 (eight 256-entry tables, eight bytes per step), the tables built
// at compile time. The byte order of the loads is spelled out byte by byte, so the code is
// correct on any host; compilers turn the shifts into one load on little-endian machines.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "backends/crc/crc_kernels.hpp"

namespace fhash::backends::crc {
namespace {

template <class T>
using Tables = std::array<std::array<T, 256>, 8>;

/// Tables of a reflected CRC (bits enter least significant first) of polynomial `poly`
/// (written reflected): table[0] is the CRC of one byte; table[k][i] that of byte i followed
/// by k zero bytes.
template <class T>
constexpr Tables<T> reflected_tables(T poly) {
    Tables<T> t{};
    for (std::size_t i = 0; i < 256; ++i) {
        T crc = static_cast<T>(i);
        for (int bit = 0; bit < 8; ++bit) {
            crc = (crc & 1u) != 0 ? static_cast<T>((crc >> 1) ^ poly) : static_cast<T>(crc >> 1);
        }
        t[0][i] = crc;
    }
    for (std::size_t k = 1; k < 8; ++k) {
        for (std::size_t i = 0; i < 256; ++i) {
            const T prev = t[k - 1][i];
            t[k][i] = static_cast<T>((prev >> 8) ^ t[0][prev & 0xffu]);
        }
    }
    return t;
}

/// Tables of the 32-bit CRC that takes the most significant bit first (POSIX cksum).
constexpr Tables<std::uint32_t> msb_first_tables(std::uint32_t poly) {
    Tables<std::uint32_t> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t crc = i << 24;
        for (int bit = 0; bit < 8; ++bit) {
            crc = (crc & 0x80000000u) != 0 ? (crc << 1) ^ poly : crc << 1;
        }
        t[0][i] = crc;
    }
    for (std::size_t k = 1; k < 8; ++k) {
        for (std::size_t i = 0; i < 256; ++i) {
            const std::uint32_t prev = t[k - 1][i];
            t[k][i] = (prev << 8) ^ t[0][prev >> 24];
        }
    }
    return t;
}

constexpr Tables<std::uint32_t> k_crc32 = reflected_tables<std::uint32_t>(0xEDB88320u);
constexpr Tables<std::uint32_t> k_crc32c = reflected_tables<std::uint32_t>(0x82F63B78u);
constexpr Tables<std::uint64_t> k_crc64nvme = reflected_tables<std::uint64_t>(0x9A6C9329AC4BC9B5u);
constexpr Tables<std::uint32_t> k_cksum = msb_first_tables(0x04C11DB7u);

// The tables against the catalogue's first entries (reveng.sourceforge.io's CRC catalogue
// tables: CRC-32 of 0x01 is 0x77073096, CRC-32C 0xF26B8303, cksum's 0x04C11DB7).
static_assert(k_crc32[0][1] == 0x77073096u);
static_assert(k_crc32c[0][1] == 0xF26B8303u);
static_assert(k_cksum[0][1] == 0x04C11DB7u);
static_assert(k_crc64nvme[0][128] == 0x9A6C9329AC4BC9B5u);

std::uint64_t load_le64(const std::uint8_t* p) noexcept {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) {
        v = (v << 8) | p[i];
    }
    return v;
}

std::uint32_t load_be32(const std::uint8_t* p) noexcept {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
           std::uint32_t{p[3]};
}

/// Reflected CRC, 32 or 64 bits: eight bytes per step, then byte by byte.
template <class T>
T reflected_update(const Tables<T>& t, T reg, std::span<const std::uint8_t> data) noexcept {
    const std::uint8_t* p = data.data();
    std::size_t n = data.size();
    for (; n >= 8; n -= 8, p += 8) {
        const std::uint64_t w = load_le64(p) ^ reg;
        reg = static_cast<T>(t[7][w & 0xffu] ^ t[6][(w >> 8) & 0xffu] ^ t[5][(w >> 16) & 0xffu] ^
                             t[4][(w >> 24) & 0xffu] ^ t[3][(w >> 32) & 0xffu] ^
                             t[2][(w >> 40) & 0xffu] ^ t[1][(w >> 48) & 0xffu] ^ t[0][w >> 56]);
    }
    for (; n > 0; --n, ++p) {
        reg = static_cast<T>((reg >> 8) ^ t[0][(reg ^ *p) & 0xffu]);
    }
    return reg;
}

std::uint32_t crc32_update(std::uint32_t reg, std::span<const std::uint8_t> data) noexcept {
    return reflected_update(k_crc32, reg, data);
}

std::uint32_t crc32c_update(std::uint32_t reg, std::span<const std::uint8_t> data) noexcept {
    return reflected_update(k_crc32c, reg, data);
}

std::uint64_t crc64nvme_update(std::uint64_t reg, std::span<const std::uint8_t> data) noexcept {
    return reflected_update(k_crc64nvme, reg, data);
}

std::uint32_t cksum_update(std::uint32_t reg, std::span<const std::uint8_t> data) noexcept {
    const Tables<std::uint32_t>& t = k_cksum;
    const std::uint8_t* p = data.data();
    std::size_t n = data.size();
    for (; n >= 8; n -= 8, p += 8) {
        const std::uint32_t hi = load_be32(p) ^ reg;
        const std::uint32_t lo = load_be32(p + 4);
        reg = t[7][hi >> 24] ^ t[6][(hi >> 16) & 0xffu] ^ t[5][(hi >> 8) & 0xffu] ^
              t[4][hi & 0xffu] ^ t[3][lo >> 24] ^ t[2][(lo >> 16) & 0xffu] ^
              t[1][(lo >> 8) & 0xffu] ^ t[0][lo & 0xffu];
    }
    for (; n > 0; --n, ++p) {
        reg = (reg << 8) ^ t[0][(reg >> 24) ^ *p];
    }
    return reg;
}

}  // namespace

const CrcKernels& portable_kernels() noexcept {
    static constexpr CrcKernels kernels{&crc32_update, &crc32c_update, &crc64nvme_update,
                                        &cksum_update};
    return kernels;
}

}  // namespace fhash::backends::crc
