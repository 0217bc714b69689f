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
#include "backends/provider.hpp"
#include "fhash/hasher.hpp"

namespace fhash {
namespace {

using backends::openssl::EvpMdCtxPtr;
using backends::openssl::EvpMdPtr;
using backends::openssl::init_openssl;

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
        case Algorithm::sm3:
            return "SM3";
        case Algorithm::ripemd160:
            return "RIPEMD-160";
        case Algorithm::shake128:
            return "SHAKE128";
        case Algorithm::shake256:
            return "SHAKE256";
        default:
            return nullptr;  // not a classic algorithm
    }
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
    MdCache() noexcept { init_openssl(); }

    const EVP_MD* get(Algorithm a) {
        const auto index = static_cast<std::size_t>(a);
        std::call_once(m_once[index], [&] {
            const char* name = openssl_name(a);
            if (name == nullptr) {
                return;
            }
            m_mds[index].reset(EVP_MD_fetch(nullptr, name, nullptr));
            ERR_clear_error();  // a failed fetch is reported as "unsupported", not as noise
        });
        return m_mds[index].get();
    }

private:
    static constexpr std::size_t k_count = static_cast<std::size_t>(Algorithm::shake256) + 1;
    std::array<std::once_flag, k_count> m_once;
    std::array<EvpMdPtr, k_count> m_mds;
};

MdCache& md_cache() {
    static MdCache cache;
    return cache;
}

class OpensslHasher final : public Hasher {
public:
    OpensslHasher(Algorithm algorithm, std::size_t size, const EVP_MD* md, EvpMdCtxPtr ctx) noexcept
        : m_algorithm(algorithm),
          m_size(size),
          m_xof(algorithm_info(algorithm).extendable),
          m_md(md),
          m_ctx(std::move(ctx)) {}

    Result<void> update(std::span<const std::uint8_t> data) override {
        if (EVP_DigestUpdate(m_ctx.get(), data.data(), data.size()) != 1) {
            return openssl_error("EVP_DigestUpdate failed");
        }
        return {};
    }

    Result<Digest> finish() override {
        if (m_xof) {
            std::array<std::uint8_t, Digest::k_max_size> out{};
            if (EVP_DigestFinalXOF(m_ctx.get(), out.data(), m_size) != 1) {
                return openssl_error("EVP_DigestFinalXOF failed");
            }
            return Digest(std::span<const std::uint8_t>(out.data(), m_size));
        }
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
    std::size_t m_size;
    bool m_xof;
    const EVP_MD* m_md;
    EvpMdCtxPtr m_ctx;
};

std::string openssl_provider_name() {
    return std::string("OpenSSL ") + OpenSSL_version(OPENSSL_VERSION_STRING);
}

/// SHAKE at any length (an XOF); the rest at their fixed size. BLAKE2b at other lengths
/// needs OpenSSL 3.2's "size" parameter, which 3.0 lacks: unsupported here.
bool openssl_supports(Algorithm a, std::size_t size) noexcept {
    const AlgorithmInfo& info = algorithm_info(a);
    if (size != info.digest_size && !info.extendable) {
        return false;
    }
    return md_cache().get(a) != nullptr;
}

Result<std::unique_ptr<Hasher>> openssl_make(Algorithm a, std::size_t size) {
    const EVP_MD* md = md_cache().get(a);
    if (md == nullptr || !openssl_supports(a, size)) {
        return backends::unsupported(a, size, openssl_provider_name());
    }
    EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx) {
        return openssl_error("EVP_MD_CTX_new failed");
    }
    auto hasher = std::make_unique<OpensslHasher>(a, size, md, std::move(ctx));
    if (Result<void> init = hasher->reset(); !init) {
        return std::move(init).error();
    }
    return std::unique_ptr<Hasher>(std::move(hasher));
}

}  // namespace

namespace backends {

const Provider& classic_provider() noexcept {
    static const Provider provider{&openssl_provider_name, &openssl_supports, &openssl_make};
    return provider;
}

}  // namespace backends
}  // namespace fhash
