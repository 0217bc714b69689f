// ISA-L's CRCs (runtime dispatch to PCLMULQDQ/AVX-512 folding inside the library), fitted to
// the raw-register contract of crc_kernels.hpp:
// - crc32_gzip_refl and crc32_ieee complement the register on entry and on return, so the
//   raw register goes in and comes out complemented;
// - crc32_iscsi works on the raw register already, but takes an int length and a non-const
//   pointer (it only reads): the input goes in pieces of at most 1 GiB.
// ISA-L 2.30 has no CRC-64/NVME (crc64_rocksoft came in 2.31): that one stays portable.
//
// The library is opened (dlopen) the first time a CRC is asked for, not linked: a run that
// hashes with anything else does not map it, relocate it and look its symbols up at every
// start. Without it at run time the portable kernels serve (the package recommends it).

#include <dlfcn.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>

#include <isa-l/crc.h>

#include "backends/crc/crc_kernels.hpp"

namespace fhash::backends::crc {
namespace {

constexpr std::size_t k_iscsi_piece = std::size_t{1} << 30;

/// ISA-L's functions, as the process found them: the library stays open for the process's
/// life (threads may hash with it until the end), and is closed at exit.
class IsalLibrary {
public:
    IsalLibrary() noexcept : m_handle(::dlopen(FHASH_ISAL_SONAME, RTLD_NOW | RTLD_LOCAL)) {
        if (m_handle == nullptr) {
            return;
        }
        gzip_refl = reinterpret_cast<decltype(gzip_refl)>(::dlsym(m_handle, "crc32_gzip_refl"));
        iscsi = reinterpret_cast<decltype(iscsi)>(::dlsym(m_handle, "crc32_iscsi"));
        ieee = reinterpret_cast<decltype(ieee)>(::dlsym(m_handle, "crc32_ieee"));
    }
    ~IsalLibrary() {
        if (m_handle != nullptr) {
            ::dlclose(m_handle);
        }
    }
    IsalLibrary(const IsalLibrary&) = delete;
    IsalLibrary& operator=(const IsalLibrary&) = delete;

    [[nodiscard]] bool complete() const noexcept {
        return gzip_refl != nullptr && iscsi != nullptr && ieee != nullptr;
    }

    decltype(&::crc32_gzip_refl) gzip_refl = nullptr;
    decltype(&::crc32_iscsi) iscsi = nullptr;
    decltype(&::crc32_ieee) ieee = nullptr;

private:
    void* m_handle;
};

/// The library, opened on first use (thread-safe); nullptr where it cannot be opened.
const IsalLibrary* isal() noexcept {
    static const IsalLibrary library;
    return library.complete() ? &library : nullptr;
}

std::uint32_t crc32_update(std::uint32_t reg, std::span<const std::uint8_t> data) noexcept {
    return ~isal()->gzip_refl(~reg, data.data(), data.size());
}

std::uint32_t crc32c_update(std::uint32_t reg, std::span<const std::uint8_t> data) noexcept {
    while (!data.empty()) {
        const std::size_t n = std::min(data.size(), k_iscsi_piece);
        // const_cast: crc32_iscsi's pointer is not const, but it only reads the buffer.
        reg = isal()->iscsi(const_cast<std::uint8_t*>(data.data()), static_cast<int>(n), reg);
        data = data.subspan(n);
    }
    return reg;
}

std::uint32_t cksum_update(std::uint32_t reg, std::span<const std::uint8_t> data) noexcept {
    return ~isal()->ieee(~reg, data.data(), data.size());
}

}  // namespace

const CrcKernels* isal_kernels() noexcept {
    static const CrcKernels kernels{&crc32_update, &crc32c_update, portable_kernels().crc64nvme,
                                    &cksum_update};
    return isal() != nullptr ? &kernels : nullptr;
}

const char* isal_name() noexcept {
    // FHASH_ISAL_VERSION comes from cmake/FindISAL.cmake (isa-l.h or pkg-config).
    if (isal() == nullptr) {
        return "";
    }
    return sizeof(FHASH_ISAL_VERSION) > 1 ? "ISA-L " FHASH_ISAL_VERSION : "ISA-L";
}

}  // namespace fhash::backends::crc
