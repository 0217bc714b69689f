// The classic algorithms Windows CNG lacks, from libgcrypt (linked statically, so fhash.exe
// needs no DLL beyond the system's): SHA-224, SHA-512/224, SHA-512/256, SHA3-224/256/384/512,
// BLAKE2b, BLAKE2s, SM3, RIPEMD-160, and SHAKE128/256 at any length (gcry_md_extract).
//
// libgcrypt has BLAKE2 only at fixed lengths, one algorithm id each: BLAKE2b at 160, 256,
// 384 and 512 bits (other -l lengths are refused, naming those four) and BLAKE2s at 256.
//
// The library is initialised once per process, on first use, in a function-local static
// (thread-safe initialisation): the version check that libgcrypt requires before any other
// call, no secure memory (digests of files hold no secrets, and secure memory would need
// locked pages), then "initialisation finished".

#include <gcrypt.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "backends/gcrypt/gcrypt_init.hpp"
#include "backends/provider.hpp"
#include "fhash/hasher.hpp"

namespace fhash::backends {
namespace {

/// Closes a digest handle opened by gcry_md_open.
struct MdCloser {
    void operator()(gcry_md_hd_t handle) const noexcept { gcry_md_close(handle); }
};

/// Owns a gcry_md_hd_t (move-only, one pointer wide).
using MdHandle = std::unique_ptr<gcry_md_handle, MdCloser>;

/// "<call> failed: <libgcrypt's text>"
Error gcrypt_error(const char* call, gcry_error_t code) {
    return make_error(Errc::backend_failure, {},
                      std::string(call) + " failed: " + gcry_strerror(code));
}

}  // namespace

const char* initialised_version() noexcept {
    static const char* const version = [] {
        const char* found = gcry_check_version(GCRYPT_VERSION);
        if (found == nullptr) {
            return found;
        }
        gcry_control(GCRYCTL_DISABLE_SECMEM, 0);
        gcry_control(GCRYCTL_INITIALIZATION_FINISHED, 0);
        return found;
    }();
    return version;
}

namespace {

/// libgcrypt's algorithm id for `a` at `size` bytes, or GCRY_MD_NONE when it has none.
int gcrypt_algorithm(Algorithm a, std::size_t size) noexcept {
    const bool default_size = size == algorithm_info(a).digest_size;
    switch (a) {
        case Algorithm::sha224:
            return GCRY_MD_SHA224;
        case Algorithm::sha512_224:
            return GCRY_MD_SHA512_224;
        case Algorithm::sha512_256:
            return GCRY_MD_SHA512_256;
        case Algorithm::sha3_224:
            return GCRY_MD_SHA3_224;
        case Algorithm::sha3_256:
            return GCRY_MD_SHA3_256;
        case Algorithm::sha3_384:
            return GCRY_MD_SHA3_384;
        case Algorithm::sha3_512:
            return GCRY_MD_SHA3_512;
        case Algorithm::blake2b:
            switch (size * 8) {
                case 160:
                    return GCRY_MD_BLAKE2B_160;
                case 256:
                    return GCRY_MD_BLAKE2B_256;
                case 384:
                    return GCRY_MD_BLAKE2B_384;
                case 512:
                    return GCRY_MD_BLAKE2B_512;
                default:
                    return GCRY_MD_NONE;
            }
        case Algorithm::blake2s:
            return default_size ? GCRY_MD_BLAKE2S_256 : GCRY_MD_NONE;
        case Algorithm::sm3:
            return GCRY_MD_SM3;
        case Algorithm::ripemd160:
            return GCRY_MD_RMD160;
        case Algorithm::shake128:
            return GCRY_MD_SHAKE128;  // an XOF: any length
        case Algorithm::shake256:
            return GCRY_MD_SHAKE256;
        default:
            return GCRY_MD_NONE;  // CNG's (MD5, SHA-1, SHA-256/384/512) and other families
    }
}

class GcryptHasher final : public Hasher {
public:
    GcryptHasher(Algorithm algorithm, int id, std::size_t size, MdHandle handle) noexcept
        : m_algorithm(algorithm),
          m_id(id),
          m_size(size),
          m_xof(algorithm_info(algorithm).extendable),
          m_handle(std::move(handle)) {}

    Result<void> update(std::span<const std::uint8_t> data) override {
        if (m_finished) {
            return make_error(Errc::backend_failure, {}, "update() after finish() without reset()");
        }
        gcry_md_write(m_handle.get(), data.data(), data.size());  // reports nothing
        return {};
    }

    Result<Digest> finish() override {
        if (m_finished) {
            return make_error(Errc::backend_failure, {}, "finish() called twice without reset()");
        }
        m_finished = true;
        if (m_xof) {
            std::array<std::uint8_t, Digest::k_max_size> out{};
            const gcry_error_t code = gcry_md_extract(m_handle.get(), m_id, out.data(), m_size);
            if (code != 0) {
                return gcrypt_error("gcry_md_extract", code);
            }
            return Digest(std::span<const std::uint8_t>(out.data(), m_size));
        }
        const unsigned char* out = gcry_md_read(m_handle.get(), m_id);
        if (out == nullptr) {
            return make_error(Errc::backend_failure, {}, "gcry_md_read failed");
        }
        return Digest(std::span<const std::uint8_t>(out, m_size));
    }

    Result<void> reset() override {
        gcry_md_reset(m_handle.get());
        m_finished = false;
        return {};
    }

    [[nodiscard]] Algorithm algorithm() const noexcept override { return m_algorithm; }

private:
    Algorithm m_algorithm;
    int m_id;
    std::size_t m_size;
    bool m_xof;
    MdHandle m_handle;
    bool m_finished = false;
};

std::string gcrypt_name() {
    const char* version = initialised_version();
    return std::string("libgcrypt ") + (version != nullptr ? version : "(unusable)");
}

std::string gcrypt_name_of(Algorithm a) {
    if (a == Algorithm::blake2b) {
        return gcrypt_name() + ", at 160, 256, 384 or 512 bits";
    }
    return gcrypt_name();
}

bool gcrypt_supports(Algorithm a, std::size_t size) noexcept {
    const AlgorithmInfo& info = algorithm_info(a);
    const int id = gcrypt_algorithm(a, size);
    if (id == GCRY_MD_NONE || initialised_version() == nullptr) {
        return false;
    }
    if (info.extendable) {
        return size >= 1 && size <= Digest::k_max_size;
    }
    return gcry_md_test_algo(id) == 0 && gcry_md_get_algo_dlen(id) == size;
}

Result<std::unique_ptr<Hasher>> gcrypt_make(Algorithm a, std::size_t size) {
    if (!gcrypt_supports(a, size)) {
        if (a == Algorithm::blake2b) {
            return make_error(Errc::unsupported_algorithm, {},
                              "blake2b with a length of " + std::to_string(size * 8) +
                                  " bits is not available in " + gcrypt_name() +
                                  ", which has 160, 256, 384 and 512 bits");
        }
        return unsupported(a, size, gcrypt_name());
    }
    const int id = gcrypt_algorithm(a, size);
    gcry_md_hd_t raw = nullptr;
    if (const gcry_error_t code = gcry_md_open(&raw, id, 0); code != 0) {
        return gcrypt_error("gcry_md_open", code);
    }
    return std::unique_ptr<Hasher>(std::make_unique<GcryptHasher>(a, id, size, MdHandle(raw)));
}

}  // namespace

const Provider* classic_gap_provider() noexcept {
    static const Provider provider{&gcrypt_name, &gcrypt_supports, &gcrypt_make, &gcrypt_name_of};
    return &provider;
}

}  // namespace fhash::backends
