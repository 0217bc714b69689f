#pragma once
/// @file crc_kernels.hpp
/// The CRC update functions behind the crc provider (crc_provider.cpp), private to
/// backends/crc and the unit tests. Two sets exist: the portable one (crc_portable.cpp,
/// slice-by-8 tables built at compile time), always compiled, and ISA-L's (crc_isal_posix.cpp),
/// compiled when the library is found. Keeping both reachable lets the tests compare them on
/// the same bytes on any machine that has ISA-L.

#include <cstdint>
#include <span>

namespace fhash::backends::crc {

/// Feeds `data` into a 32-bit CRC shift register and returns the new register.
using Crc32Update = std::uint32_t (*)(std::uint32_t reg,
                                      std::span<const std::uint8_t> data) noexcept;
/// Feeds `data` into a 64-bit CRC shift register and returns the new register.
using Crc64Update = std::uint64_t (*)(std::uint64_t reg,
                                      std::span<const std::uint8_t> data) noexcept;

/// One update function per CRC. Each works on the raw shift register: no initial value and
/// no final complement are applied, so that a computation can be fed in any number of pieces
/// and the caller (CrcHasher) owns the algorithm's init and xorout.
struct CrcKernels {
    Crc32Update crc32;      ///< reflected, poly 0xEDB88320 (zlib, gzip, zip, PNG)
    Crc32Update crc32c;     ///< reflected, poly 0x82F63B78 (Castagnoli)
    Crc64Update crc64nvme;  ///< reflected, poly 0x9A6C9329AC4BC9B5 (NVMe)
    Crc32Update cksum;      ///< most significant bit first, poly 0x04C11DB7 (POSIX cksum)
};

/// The portable kernels (slice-by-8): every platform has them.
const CrcKernels& portable_kernels() noexcept;

/// ISA-L's kernels (CRC-64/NVME, which ISA-L 2.30 lacks, is the portable one), or nullptr
/// in a build without ISA-L or where its library cannot be opened at run time. The first
/// call opens the library.
const CrcKernels* isal_kernels() noexcept;

/// "ISA-L 2.30" (the version as the build found it; just "ISA-L" if it found none), or
/// empty where isal_kernels() is nullptr.
const char* isal_name() noexcept;

}  // namespace fhash::backends::crc
