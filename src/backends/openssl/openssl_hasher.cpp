// The OpenSSL EVP backend. Each EVP_MD is fetched once per process (explicit fetching, as
// OpenSSL 3 recommends: implicit lookups per context cost measurable time), each Hasher owns
// one EVP_MD_CTX reused with EVP_DigestInit_ex2, and every return value is checked.

#include <array>
#include <mutex>
#include <string>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include "backends/openssl/openssl_handles.hpp"
#include "fhash/hasher.hpp"

namespace fhash {
namespace {

using backends::openssl::EvpMdCtxPtr;
using backends::openssl::EvpMdPtr;

const char* openssl_name(Algorithm a) noexcept {
    switch (a) {
        case Algorithm::md5:
            return "MD5";
        case Algorithm::sha1:
            return "SHA1";
        case Algorithm::sha224:
            return "SHA224";
        case Algorithm::sha256:
            return "SHA256";
        case Algorithm::sha384:
            return "SHA384";
        case Algorithm::sha512:
            return "SHA512";
        case Algorithm::sha512_224:
            return "SHA512-224";
        case Algorithm::sha512_256:
            return "SHA512-256";
        case Algorithm::sha3_224:
            return "SHA3-224";
        case Algorithm::sha3_256:
            return "SHA3-256";
        case Algorithm::sha3_384:
            return "SHA3-384";
        case Algorithm::sha3_512:
            return "SHA3-512";
        case Algorithm::blake2b:
            return "BLAKE2B-512";
        case Algorithm::blake2s:
            return "BLAKE2S-256";
    }
    return "";
}

/// Takes the thread's OpenSSL error queue into an Error (and leaves the queue empty).
Error openssl_error(const char* what) {
    std::string detail = what;
    unsigned long code = 0;
    while ((code = ERR_get_error()) != 0) {
        std::array<char, 256> text{};
        ERR_error_string_n(code, text.data(), text.size());
        detail += ": ";
        detail += text.data();
    }
    return make_error(Errc::backend_failure, {}, detail);
}

/// The process-wide cache of fetched algorithms: immutable once fetched, fetched lazily.
class MdCache {
public:
    const EVP_MD* get(Algorithm a) {
        const auto index = static_cast<std::size_t>(a);
        std::call_once(m_once[index], [&] {
            m_mds[index].reset(EVP_MD_fetch(nullptr, openssl_name(a), nullptr));
            ERR_clear_error();  // a failed fetch is reported as "unsupported", not as noise
        });
        return m_mds[index].get();
    }

private:
    static constexpr std::size_t k_count = 14;
    std::array<std::once_flag, k_count> m_once;
    std::array<EvpMdPtr, k_count> m_mds;
};

MdCache& md_cache() {
    static MdCache cache;
    return cache;
}

class OpensslHasher final : public Hasher {
public:
    OpensslHasher(Algorithm algorithm, const EVP_MD* md, EvpMdCtxPtr ctx) noexcept
        : m_algorithm(algorithm), m_md(md), m_ctx(std::move(ctx)) {}

    Result<void> update(std::span<const std::uint8_t> data) override {
        if (EVP_DigestUpdate(m_ctx.get(), data.data(), data.size()) != 1) {
            return openssl_error("EVP_DigestUpdate failed");
        }
        return {};
    }

    Result<Digest> finish() override {
        std::array<std::uint8_t, EVP_MAX_MD_SIZE> out{};
        unsigned int size = 0;
        if (EVP_DigestFinal_ex(m_ctx.get(), out.data(), &size) != 1) {
            return openssl_error("EVP_DigestFinal_ex failed");
        }
        return Digest(std::span<const std::uint8_t>(out.data(), size));
    }

    Result<void> reset() override {
        if (EVP_DigestInit_ex2(m_ctx.get(), m_md, nullptr) != 1) {
            return openssl_error("EVP_DigestInit_ex2 failed");
        }
        return {};
    }

    [[nodiscard]] Algorithm algorithm() const noexcept override { return m_algorithm; }

private:
    Algorithm m_algorithm;
    const EVP_MD* m_md;
    EvpMdCtxPtr m_ctx;
};

}  // namespace

Result<std::unique_ptr<Hasher>> make_hasher(Algorithm a) {
    const EVP_MD* md = md_cache().get(a);
    if (md == nullptr) {
        return make_error(
            Errc::unsupported_algorithm, {},
            std::string(algorithm_info(a).name) + " is not available in " + backend_name());
    }
    EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx) {
        return openssl_error("EVP_MD_CTX_new failed");
    }
    auto hasher = std::make_unique<OpensslHasher>(a, md, std::move(ctx));
    if (Result<void> init = hasher->reset(); !init) {
        return std::move(init).error();
    }
    return std::unique_ptr<Hasher>(std::move(hasher));
}

bool backend_supports(Algorithm a) noexcept {
    return md_cache().get(a) != nullptr;
}

std::string backend_name() {
    return std::string("OpenSSL ") + OpenSSL_version(OPENSSL_VERSION_STRING);
}

}  // namespace fhash
