// The Windows CNG digest backend (bcrypt.dll): MD5, SHA-1, SHA-256, SHA-384 and SHA-512.
//
// Each algorithm provider is opened once per process, on first use, and kept in a
// function-local static (thread-safe initialisation; vcpkg's BCryptHasher does the same).
// Each Hasher owns one hash object whose memory it allocates itself. BCryptHashData takes a
// ULONG length, so larger spans are fed in pieces.

#include <windows.h>

#include <bcrypt.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "backends/cng/cng_handles.hpp"
#include "backends/provider.hpp"
#include "fhash/hasher.hpp"

namespace fhash {
namespace backends::cng {
namespace {

bool succeeded(NTSTATUS status) noexcept {
    return status >= 0;
}

/// "<call> failed: NTSTATUS 0xC000000D"
Error cng_error(std::string_view call, NTSTATUS status) {
    constexpr char k_digits[] = "0123456789ABCDEF";
    const auto value = static_cast<std::uint32_t>(status);
    std::string detail(call);
    detail += " failed: NTSTATUS 0x";
    for (int shift = 28; shift >= 0; shift -= 4) {
        detail += k_digits[(value >> shift) & 0xFU];
    }
    return make_error(Errc::backend_failure, {}, std::move(detail));
}

/// The CNG algorithm identifier, or nullptr when CNG has no such hash.
LPCWSTR cng_algorithm_id(Algorithm a) noexcept {
    switch (a) {
        case Algorithm::md5:
            return BCRYPT_MD5_ALGORITHM;
        case Algorithm::sha1:
            return BCRYPT_SHA1_ALGORITHM;
        case Algorithm::sha256:
            return BCRYPT_SHA256_ALGORITHM;
        case Algorithm::sha384:
            return BCRYPT_SHA384_ALGORITHM;
        case Algorithm::sha512:
            return BCRYPT_SHA512_ALGORITHM;
        default:
            return nullptr;
    }
}

/// An opened algorithm provider and the sizes its hash objects need. When opening failed,
/// `handle` is empty and `error` says why; the failure is cached like a success, since
/// retrying would not help.
struct Provider {
    AlgorithmHandle handle;
    ULONG object_size = 0;
    ULONG hash_size = 0;
    Error error;
};

Result<ULONG> get_ulong_property(BCRYPT_ALG_HANDLE handle, LPCWSTR property) {
    ULONG value = 0;
    ULONG written = 0;
    const NTSTATUS status = BCryptGetProperty(handle, property, reinterpret_cast<PUCHAR>(&value),
                                              sizeof(value), &written, 0);
    if (!succeeded(status)) {
        return cng_error("BCryptGetProperty", status);
    }
    return value;
}

Provider open_provider(LPCWSTR algorithm_id) {
    Provider provider;
    BCRYPT_ALG_HANDLE raw = nullptr;
    const NTSTATUS status = BCryptOpenAlgorithmProvider(&raw, algorithm_id, nullptr, 0);
    if (!succeeded(status)) {
        provider.error = cng_error("BCryptOpenAlgorithmProvider", status);
        return provider;
    }
    AlgorithmHandle handle(raw);
    Result<ULONG> object_size = get_ulong_property(raw, BCRYPT_OBJECT_LENGTH);
    if (!object_size) {
        provider.error = std::move(object_size).error();
        return provider;
    }
    Result<ULONG> hash_size = get_ulong_property(raw, BCRYPT_HASH_LENGTH);
    if (!hash_size) {
        provider.error = std::move(hash_size).error();
        return provider;
    }
    provider.handle = std::move(handle);
    provider.object_size = *object_size;
    provider.hash_size = *hash_size;
    return provider;
}

/// The process-wide provider of one supported algorithm (precondition: cng_algorithm_id(a)
/// is not null). Opened on first use; never closed before exit.
const Provider& cached_provider(Algorithm a) {
    switch (a) {
        case Algorithm::md5: {
            static const Provider provider = open_provider(BCRYPT_MD5_ALGORITHM);
            return provider;
        }
        case Algorithm::sha1: {
            static const Provider provider = open_provider(BCRYPT_SHA1_ALGORITHM);
            return provider;
        }
        case Algorithm::sha256: {
            static const Provider provider = open_provider(BCRYPT_SHA256_ALGORITHM);
            return provider;
        }
        case Algorithm::sha384: {
            static const Provider provider = open_provider(BCRYPT_SHA384_ALGORITHM);
            return provider;
        }
        default: {
            static const Provider provider = open_provider(BCRYPT_SHA512_ALGORITHM);
            return provider;
        }
    }
}

class CngHasher final : public Hasher {
public:
    /// Makes a hasher with its own hash object; the provider must have opened successfully.
    static Result<std::unique_ptr<Hasher>> create(Algorithm algorithm, const Provider& provider) {
        std::unique_ptr<CngHasher> hasher(new CngHasher(algorithm, provider));
        if (Result<void> started = hasher->start(); !started) {
            return std::move(started).error();
        }
        return std::unique_ptr<Hasher>(std::move(hasher));
    }

    Result<void> update(std::span<const std::uint8_t> data) override {
        if (!m_hash) {
            return make_error(Errc::backend_failure, {}, "update() after finish() without reset()");
        }
        constexpr std::size_t k_max_piece = std::numeric_limits<ULONG>::max();
        while (!data.empty()) {
            const std::size_t piece = data.size() < k_max_piece ? data.size() : k_max_piece;
            // BCryptHashData does not write to its input; the parameter is merely not const.
            const NTSTATUS status = BCryptHashData(m_hash.get(), const_cast<PUCHAR>(data.data()),
                                                   static_cast<ULONG>(piece), 0);
            if (!succeeded(status)) {
                return cng_error("BCryptHashData", status);
            }
            data = data.subspan(piece);
        }
        return {};
    }

    Result<Digest> finish() override {
        if (!m_hash) {
            return make_error(Errc::backend_failure, {}, "finish() called twice without reset()");
        }
        std::array<std::uint8_t, Digest::k_max_size> out{};
        const NTSTATUS status = BCryptFinishHash(m_hash.get(), out.data(), m_hash_size, 0);
        // A finished hash object cannot take more data: release it now, reset() makes a new one.
        m_hash.reset();
        if (!succeeded(status)) {
            return cng_error("BCryptFinishHash", status);
        }
        return Digest(std::span<const std::uint8_t>(out.data(), m_hash_size));
    }

    Result<void> reset() override {
        m_hash.reset();
        return start();
    }

    [[nodiscard]] Algorithm algorithm() const noexcept override { return m_algorithm; }

private:
    CngHasher(Algorithm algorithm, const Provider& provider)
        : m_algorithm(algorithm),
          m_provider(provider.handle.get()),
          m_hash_size(provider.hash_size),
          m_object(provider.object_size) {}

    /// (Re)creates the hash object in the buffer this hasher owns.
    Result<void> start() {
        BCRYPT_HASH_HANDLE raw = nullptr;
        const NTSTATUS status = BCryptCreateHash(
            m_provider, &raw, m_object.data(), static_cast<ULONG>(m_object.size()), nullptr, 0, 0);
        if (!succeeded(status)) {
            return cng_error("BCryptCreateHash", status);
        }
        m_hash.reset(raw);
        return {};
    }

    Algorithm m_algorithm;
    BCRYPT_ALG_HANDLE m_provider;  // owned by the process-wide cache
    ULONG m_hash_size;
    std::vector<UCHAR> m_object;  // the hash object's memory; must outlive m_hash
    HashHandle m_hash;            // declared last: destroyed before m_object
};

}  // namespace
}  // namespace backends::cng

namespace backends {
namespace {

std::string cng_name() {
    return "Windows CNG";
}

bool cng_supports(Algorithm a, std::size_t size) noexcept {
    return cng::cng_algorithm_id(a) != nullptr && size == algorithm_info(a).digest_size;
}

Result<std::unique_ptr<Hasher>> cng_make(Algorithm a, std::size_t size) {
    using namespace cng;
    if (!cng_supports(a, size)) {
        return unsupported(a, size, "the Windows CNG backend");
    }
    const cng::Provider& provider = cached_provider(a);
    if (!provider.handle) {
        return provider.error;
    }
    if (provider.hash_size != size) {
        return make_error(Errc::backend_failure, {},
                          "unexpected digest size from the CNG provider");
    }
    return CngHasher::create(a, provider);
}

}  // namespace

const Provider& classic_provider() noexcept {
    static const Provider provider{&cng_name, &cng_supports, &cng_make};
    return provider;
}

}  // namespace backends
}  // namespace fhash
