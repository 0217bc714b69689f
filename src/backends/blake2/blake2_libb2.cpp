// BLAKE2b at any length from 8 to 512 bits (b2sum -l), from libb2, the BLAKE2 authors'
// library. Used only for the lengths the classic backend lacks: OpenSSL before 3.2 has no
// "size" parameter for BLAKE2B-512.

#include <array>
#include <cstdint>
#include <memory>
#include <string>

#include <blake2.h>

#include "backends/provider.hpp"

namespace fhash::backends {
namespace {

class Blake2bHasher final : public Hasher {
public:
    explicit Blake2bHasher(std::size_t size) noexcept : m_size(size) {}

    Result<void> update(std::span<const std::uint8_t> data) override {
        if (blake2b_update(&m_state, data.data(), data.size()) != 0) {
            return make_error(Errc::backend_failure, {}, "blake2b_update failed");
        }
        return {};
    }

    Result<Digest> finish() override {
        std::array<std::uint8_t, BLAKE2B_OUTBYTES> out{};
        if (blake2b_final(&m_state, out.data(), m_size) != 0) {
            return make_error(Errc::backend_failure, {}, "blake2b_final failed");
        }
        return Digest(std::span<const std::uint8_t>(out.data(), m_size));
    }

    Result<void> reset() override {
        if (blake2b_init(&m_state, m_size) != 0) {
            return make_error(Errc::backend_failure, {}, "blake2b_init failed");
        }
        return {};
    }

    [[nodiscard]] Algorithm algorithm() const noexcept override { return Algorithm::blake2b; }

private:
    std::size_t m_size;
    blake2b_state m_state{};
};

std::string libb2_name() {
    return "libb2";
}

bool libb2_supports(Algorithm a, std::size_t size) noexcept {
    return a == Algorithm::blake2b && size >= 1 && size <= BLAKE2B_OUTBYTES;
}

Result<std::unique_ptr<Hasher>> libb2_make(Algorithm a, std::size_t size) {
    if (!libb2_supports(a, size)) {
        return unsupported(a, size, libb2_name());
    }
    auto hasher = std::make_unique<Blake2bHasher>(size);
    if (Result<void> init = hasher->reset(); !init) {
        return std::move(init).error();
    }
    return std::unique_ptr<Hasher>(std::move(hasher));
}

}  // namespace

const Provider* blake2_length_provider() noexcept {
    static const Provider provider{&libb2_name, &libb2_supports, &libb2_make};
    return &provider;
}

}  // namespace fhash::backends
