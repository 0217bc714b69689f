// Signature checks on OpenSSL 3 EVP: Ed25519 as a raw public key (EVP_DigestVerify in one
// shot: EdDSA has no streaming form), ECDSA P-256 with the key built from its encoded point
// (EVP_PKEY_fromdata) and r || s turned into the DER form OpenSSL takes. The error queue is
// drained on every path, as the hashers do.

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/opensslv.h>
#include <openssl/param_build.h>

#include <memory>
#include <vector>

#include "backends/openssl/openssl_handles.hpp"
#include "fhash/signature_crypto.hpp"

namespace fhash {
namespace {

using backends::openssl::EvpMdCtxPtr;
using backends::openssl::FunctionDeleter;
using backends::openssl::init_openssl;
using PkeyPtr = std::unique_ptr<EVP_PKEY, FunctionDeleter<EVP_PKEY, EVP_PKEY_free>>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, FunctionDeleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using SigPtr = std::unique_ptr<ECDSA_SIG, FunctionDeleter<ECDSA_SIG, ECDSA_SIG_free>>;

/// Leaves OpenSSL's error queue empty however the check ends.
struct ClearErrors {
    ~ClearErrors() { ERR_clear_error(); }
};

/// EVP_DigestVerify of `message` by `key` with `md` (nullptr for EdDSA).
Result<bool> digest_verify(EVP_PKEY* key, const EVP_MD* md, std::span<const std::uint8_t> message,
                           std::span<const std::uint8_t> signature) {
    const EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, md, nullptr, key) != 1) {
        return make_error(Errc::backend_failure, {}, "EVP_DigestVerifyInit failed");
    }
    // 1: valid; 0: invalid; below 0: a malformed signature, which is invalid too.
    return EVP_DigestVerify(ctx.get(), signature.data(), signature.size(), message.data(),
                            message.size()) == 1;
}

/// The P-256 key of an encoded point; empty when the point is not on the curve.
PkeyPtr p256_key(std::span<const std::uint8_t, 65> point) {
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME,
                                         const_cast<char*>("prime256v1"), 0),
        OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY,
                                          const_cast<std::uint8_t*>(point.data()), point.size()),
        OSSL_PARAM_construct_end()};
    const PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    EVP_PKEY* key = nullptr;
    if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params) != 1) {
        return PkeyPtr();
    }
    return PkeyPtr(key);
}

/// r || s as the DER ECDSA-Sig-Value OpenSSL verifies.
std::vector<std::uint8_t> der_signature(std::span<const std::uint8_t, 64> signature) {
    SigPtr sig(ECDSA_SIG_new());
    BIGNUM* r = BN_bin2bn(signature.data(), 32, nullptr);
    BIGNUM* s = BN_bin2bn(signature.data() + 32, 32, nullptr);
    if (!sig || r == nullptr || s == nullptr || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
        BN_free(r);
        BN_free(s);
        return {};
    }
    const int length = i2d_ECDSA_SIG(sig.get(), nullptr);
    if (length <= 0) {
        return {};
    }
    std::vector<std::uint8_t> der(static_cast<std::size_t>(length));
    std::uint8_t* out = der.data();
    i2d_ECDSA_SIG(sig.get(), &out);
    return der;
}

}  // namespace

Result<bool> verify_ed25519(std::span<const std::uint8_t, 32> public_key,
                            std::span<const std::uint8_t> message,
                            std::span<const std::uint8_t, 64> signature) {
    init_openssl();
    const ClearErrors clear;
    const PkeyPtr key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, public_key.data(),
                                                  public_key.size()));
    if (!key) {
        return make_error(Errc::backend_failure, {}, "EVP_PKEY_new_raw_public_key failed");
    }
    return digest_verify(key.get(), nullptr, message, signature);
}

Result<bool> verify_ecdsa_p256(std::span<const std::uint8_t, 65> public_key,
                               std::span<const std::uint8_t> message,
                               std::span<const std::uint8_t, 64> signature) {
    init_openssl();
    const ClearErrors clear;
    const PkeyPtr key = p256_key(public_key);
    if (!key) {
        return false;
    }
    const std::vector<std::uint8_t> der = der_signature(signature);
    if (der.empty()) {
        return make_error(Errc::backend_failure, {}, "i2d_ECDSA_SIG failed");
    }
    return digest_verify(key.get(), EVP_sha256(), message, der);
}

std::string signature_library_name() {
    return OpenSSL_version(OPENSSL_VERSION);
}

}  // namespace fhash
