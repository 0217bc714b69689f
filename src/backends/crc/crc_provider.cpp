// The crc provider: CRC-32, CRC-32C, CRC-64/NVME and POSIX cksum over the kernels of
// crc_kernels.hpp (ISA-L's where the build has it, the portable ones elsewhere). The
// kernels move the raw shift register; each algorithm's initial value, final complement
// and (for cksum) length suffix are applied here. The two historic 16-bit sums of `sum`
// (BSD and System V) live here too: checksums of the same kind, too simple for a library.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "backends/crc/crc_kernels.hpp"
#include "backends/provider.hpp"

namespace fhash::backends {
namespace {

/// The parameters of one CRC beyond its polynomial (which belongs to its kernel).
struct CrcSpec {
    std::size_t size;  ///< digest bytes
    std::uint64_t init;
    std::uint64_t xorout;
};

bool is_crc(Algorithm a) noexcept {
    return a == Algorithm::crc32 || a == Algorithm::crc32c || a == Algorithm::crc64nvme ||
           a == Algorithm::cksum;
}

CrcSpec spec_of(Algorithm a) noexcept {
    switch (a) {
        case Algorithm::crc64nvme:
            return {8, ~std::uint64_t{0}, ~std::uint64_t{0}};
        case Algorithm::cksum:
            // POSIX: the register starts at 0; the complement comes after the length.
            return {4, 0, 0xffffffffu};
        default:  // crc32, crc32c
            return {4, 0xffffffffu, 0xffffffffu};
    }
}

const crc::CrcKernels& kernels() noexcept {
    const crc::CrcKernels* isal = crc::isal_kernels();
    return isal != nullptr ? *isal : crc::portable_kernels();
}

class CrcHasher final : public Hasher {
public:
    CrcHasher(Algorithm a, const crc::CrcKernels& kernels) noexcept
        : m_algorithm(a), m_spec(spec_of(a)), m_kernels(kernels), m_register(m_spec.init) {}

    Result<void> update(std::span<const std::uint8_t> data) override {
        m_register = feed(m_register, data);
        m_length += data.size();
        return {};
    }

    Result<Digest> finish() override {
        std::uint64_t reg = m_register;
        if (m_algorithm == Algorithm::cksum) {
            reg = feed_length(reg);
        }
        const std::uint64_t value = reg ^ m_spec.xorout;
        std::array<std::uint8_t, 8> bytes{};
        for (std::size_t i = 0; i < m_spec.size; ++i) {
            bytes[i] = static_cast<std::uint8_t>(value >> (8 * (m_spec.size - 1 - i)));
        }
        return Digest(std::span<const std::uint8_t>(bytes.data(), m_spec.size));
    }

    Result<void> reset() override {
        m_register = m_spec.init;
        m_length = 0;
        return {};
    }

    [[nodiscard]] Algorithm algorithm() const noexcept override { return m_algorithm; }

private:
    /// The register after `data`, by the algorithm's kernel.
    [[nodiscard]] std::uint64_t feed(std::uint64_t reg,
                                     std::span<const std::uint8_t> data) const noexcept {
        const auto reg32 = static_cast<std::uint32_t>(reg);
        switch (m_algorithm) {
            case Algorithm::crc32:
                return m_kernels.crc32(reg32, data);
            case Algorithm::crc32c:
                return m_kernels.crc32c(reg32, data);
            case Algorithm::crc64nvme:
                return m_kernels.crc64nvme(reg, data);
            default:  // cksum
                return m_kernels.cksum(reg32, data);
        }
    }

    /// POSIX cksum's suffix: the register after the length in bytes, least significant byte
    /// first, in as many bytes as it needs (none for an empty input).
    [[nodiscard]] std::uint64_t feed_length(std::uint64_t reg) const noexcept {
        std::array<std::uint8_t, 8> suffix{};
        std::size_t n = 0;
        for (std::uint64_t left = m_length; left != 0; left >>= 8) {
            suffix[n++] = static_cast<std::uint8_t>(left & 0xffu);
        }
        return feed(reg, std::span<const std::uint8_t>(suffix.data(), n));
    }

    Algorithm m_algorithm;
    CrcSpec m_spec;
    const crc::CrcKernels& m_kernels;
    std::uint64_t m_register;
    std::uint64_t m_length = 0;
};

std::string crc_name() {
    const char* isal = crc::isal_name();
    return *isal != '\0' ? std::string(isal) : std::string("portable");
}

bool is_sum(Algorithm a) noexcept;

/// ISA-L 2.30 has no CRC-64/NVME: it is always the portable code.
std::string crc_name_of(Algorithm a) {
    return a == Algorithm::crc64nvme || is_sum(a) ? std::string("portable") : crc_name();
}

bool crc_supports(Algorithm a, std::size_t size) noexcept {
    return (is_crc(a) && size == spec_of(a).size) || (is_sum(a) && size == 2);
}

Result<std::unique_ptr<Hasher>> crc_make(Algorithm a, std::size_t size);

/// `sum -r`: each byte is added to the 16-bit checksum rotated right by one bit.
class BsdSumHasher final : public Hasher {
public:
    Result<void> update(std::span<const std::uint8_t> data) override {
        std::uint32_t sum = m_sum;
        for (const std::uint8_t byte : data) {
            sum = ((sum >> 1) | ((sum & 1u) << 15)) + byte;
            sum &= 0xffffu;
        }
        m_sum = sum;
        return {};
    }
    Result<Digest> finish() override { return two_bytes(m_sum); }
    Result<void> reset() override {
        m_sum = 0;
        return {};
    }
    [[nodiscard]] Algorithm algorithm() const noexcept override { return Algorithm::sum_bsd; }

    static Digest two_bytes(std::uint32_t value) {
        const std::array<std::uint8_t, 2> bytes{static_cast<std::uint8_t>(value >> 8),
                                                static_cast<std::uint8_t>(value)};
        return Digest(bytes);
    }

private:
    std::uint32_t m_sum = 0;
};

/// `sum -s`: the bytes summed modulo 2^32, then folded twice into 16 bits.
class SysvSumHasher final : public Hasher {
public:
    Result<void> update(std::span<const std::uint8_t> data) override {
        std::uint32_t sum = m_sum;
        for (const std::uint8_t byte : data) {
            sum += byte;  // wraps modulo 2^32, as System V's sum does
        }
        m_sum = sum;
        return {};
    }
    Result<Digest> finish() override {
        const std::uint32_t once = (m_sum & 0xffffu) + (m_sum >> 16);
        return BsdSumHasher::two_bytes((once & 0xffffu) + (once >> 16));
    }
    Result<void> reset() override {
        m_sum = 0;
        return {};
    }
    [[nodiscard]] Algorithm algorithm() const noexcept override { return Algorithm::sum_sysv; }

private:
    std::uint32_t m_sum = 0;
};

bool is_sum(Algorithm a) noexcept {
    return a == Algorithm::sum_bsd || a == Algorithm::sum_sysv;
}

Result<std::unique_ptr<Hasher>> crc_make(Algorithm a, std::size_t size) {
    if (!crc_supports(a, size)) {
        return unsupported(a, size, crc_name());
    }
    if (a == Algorithm::sum_bsd) {
        return std::unique_ptr<Hasher>(std::make_unique<BsdSumHasher>());
    }
    if (a == Algorithm::sum_sysv) {
        return std::unique_ptr<Hasher>(std::make_unique<SysvSumHasher>());
    }
    return std::unique_ptr<Hasher>(std::make_unique<CrcHasher>(a, kernels()));
}

}  // namespace

const Provider& crc_provider() noexcept {
    static const Provider provider{&crc_name, &crc_supports, &crc_make, &crc_name_of};
    return provider;
}

}  // namespace fhash::backends
