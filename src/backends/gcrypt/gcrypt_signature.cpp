// Signature checks on libgcrypt, for the Windows build (CNG has no Ed25519): keys, data and
// signatures as S-expressions, gcry_pk_verify. libgcrypt's EdDSA takes R and S apart and
// hashes with SHA-512 itself ("(flags eddsa)"); ECDSA takes the SHA-256 of the message.

#include <gcrypt.h>

#include <array>
#include <memory>

#include "backends/gcrypt/gcrypt_init.hpp"
#include "fhash/signature_crypto.hpp"

namespace fhash {
namespace {

struct SexpRelease {
    void operator()(gcry_sexp_t sexp) const noexcept { gcry_sexp_release(sexp); }
};
/// Owns a gcry_sexp_t.
using Sexp = std::unique_ptr<gcry_sexp, SexpRelease>;

Error gcrypt_failure(const char* call, gcry_error_t code) {
    return make_error(Errc::backend_failure, {},
                      std::string(call) + " failed: " + gcry_strerror(code));
}

/// gcry_pk_verify: true for a good signature, false for a bad one (or a key the library
/// refuses: a point off the curve), an Error otherwise.
Result<bool> pk_verify(const Sexp& signature, const Sexp& data, const Sexp& key) {
    const gcry_error_t rc = gcry_pk_verify(signature.get(), data.get(), key.get());
    if (rc == 0) {
        return true;
    }
    const gcry_err_code_t code = gcry_err_code(rc);
    if (code == GPG_ERR_BAD_SIGNATURE || code == GPG_ERR_INV_OBJ || code == GPG_ERR_INV_DATA ||
        code == GPG_ERR_BROKEN_PUBKEY) {
        return false;
    }
    return gcrypt_failure("gcry_pk_verify", rc);
}

/// Builds one S-expression; an empty pointer on failure (`rc` says why).
template <class... Args>
Sexp build(gcry_error_t& rc, const char* format, Args... args) {
    gcry_sexp_t sexp = nullptr;
    rc = gcry_sexp_build(&sexp, nullptr, format, args...);
    return Sexp(rc == 0 ? sexp : nullptr);
}

}  // namespace

Result<bool> verify_ed25519(std::span<const std::uint8_t, 32> public_key,
                            std::span<const std::uint8_t> message,
                            std::span<const std::uint8_t, 64> signature) {
    if (backends::initialised_version() == nullptr) {
        return make_error(Errc::backend_failure, {}, "libgcrypt is older than its header");
    }
    gcry_error_t rc = 0;
    const Sexp key =
        build(rc, "(public-key (ecc (curve Ed25519) (flags eddsa) (q %b)))", 32, public_key.data());
    if (!key) {
        return gcrypt_failure("gcry_sexp_build", rc);
    }
    const Sexp data = build(rc, "(data (flags eddsa) (hash-algo sha512) (value %b))",
                            static_cast<int>(message.size()), message.data());
    const Sexp sig = build(rc, "(sig-val (eddsa (r %b) (s %b)))", 32, signature.data(), 32,
                           signature.data() + 32);
    if (!data || !sig) {
        return gcrypt_failure("gcry_sexp_build", rc);
    }
    return pk_verify(sig, data, key);
}

Result<bool> verify_ecdsa_p256(std::span<const std::uint8_t, 65> public_key,
                               std::span<const std::uint8_t> message,
                               std::span<const std::uint8_t, 64> signature) {
    if (backends::initialised_version() == nullptr) {
        return make_error(Errc::backend_failure, {}, "libgcrypt is older than its header");
    }
    std::array<std::uint8_t, 32> digest{};
    gcry_md_hash_buffer(GCRY_MD_SHA256, digest.data(), message.data(), message.size());
    gcry_error_t rc = 0;
    const Sexp key = build(rc, "(public-key (ecc (curve nistp256) (q %b)))", 65, public_key.data());
    const Sexp data =
        build(rc, "(data (flags raw) (value %b))", static_cast<int>(digest.size()), digest.data());
    const Sexp sig = build(rc, "(sig-val (ecdsa (r %b) (s %b)))", 32, signature.data(), 32,
                           signature.data() + 32);
    if (!key || !data || !sig) {
        return gcrypt_failure("gcry_sexp_build", rc);
    }
    return pk_verify(sig, data, key);
}

std::string signature_library_name() {
    const char* version = backends::initialised_version();
    return std::string("libgcrypt ") + (version != nullptr ? version : "(too old)");
}

}  // namespace fhash
