// signify and minisign checks (signed_manifest.hpp): the signature files are parsed by
// formats/signature_formats.cpp, Ed25519 and BLAKE2b-512 come from the digest library
// (signature_crypto.hpp, hasher.hpp). A key id that differs from the key's is refused
// before any curve arithmetic, with both ids named, as signify and minisign do.

#include <span>

#include "fhash/hasher.hpp"
#include "fhash/signature_crypto.hpp"
#include "fhash/signed_manifest.hpp"

namespace fhash {
namespace {

std::span<const std::uint8_t> as_bytes(std::string_view text) noexcept {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

Error bad(std::string detail) {
    return make_error(Errc::bad_signature, {}, std::move(detail));
}

Result<void> check_key_id(const Ed25519Signature& sig, const Ed25519PublicKey& key) {
    if (sig.key_id != key.key_id) {
        return bad("signed by key ID " + key_id_text(sig.key_id) + ", not by the given key ID " +
                   key_id_text(key.key_id));
    }
    return {};
}

/// Ed25519 over `message`; a bad signature becomes `failure`.
Result<void> check(const Ed25519PublicKey& key, std::string_view message,
                   const std::array<std::uint8_t, 64>& signature, const char* failure) {
    Result<bool> good = verify_ed25519(key.key, as_bytes(message), signature);
    if (!good) {
        return std::move(good).error();
    }
    if (!*good) {
        return bad(failure);
    }
    return {};
}

/// BLAKE2b-512 of `data`, what minisign's "ED" signatures cover.
Result<std::string> blake2b_512(std::string_view data) {
    Result<std::unique_ptr<Hasher>> hasher = make_hasher(Algorithm::blake2b, 64);
    if (!hasher) {
        return std::move(hasher).error();
    }
    if (Result<void> fed = (*hasher)->update(as_bytes(data)); !fed) {
        return std::move(fed).error();
    }
    Result<Digest> digest = (*hasher)->finish();
    if (!digest) {
        return std::move(digest).error();
    }
    const std::span<const std::uint8_t> bytes = digest->bytes();
    return std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

}  // namespace

Result<TrustedManifest> verify_signify(std::string_view signature_file,
                                       std::optional<std::string> data,
                                       const Ed25519PublicKey& key) {
    Result<Ed25519Signature> sig = parse_signify_signature(signature_file);
    if (!sig) {
        return std::move(sig).error();
    }
    if (Result<void> same = check_key_id(*sig, key); !same) {
        return std::move(same).error();
    }
    TrustedManifest trusted;
    trusted.text =
        data ? std::move(*data) : std::string(signature_file.substr(sig->message_offset));
    if (Result<void> good = check(key, trusted.text, sig->signature,
                                  "the signature does not match the signed text");
        !good) {
        return std::move(good).error();
    }
    trusted.format = SignatureFormat::signify;
    trusted.signer = "key ID " + key_id_text(key.key_id);
    return trusted;
}

Result<TrustedManifest> verify_minisign(std::string_view signature_file, std::string data,
                                        const Ed25519PublicKey& key) {
    Result<Ed25519Signature> sig = parse_minisign_signature(signature_file);
    if (!sig) {
        return std::move(sig).error();
    }
    if (Result<void> same = check_key_id(*sig, key); !same) {
        return std::move(same).error();
    }
    Result<std::string> prehash = sig->prehashed ? blake2b_512(data) : Result<std::string>("");
    if (!prehash) {
        return std::move(prehash).error();
    }
    const std::string_view message = sig->prehashed ? std::string_view(*prehash) : data;
    if (Result<void> good =
            check(key, message, sig->signature, "the signature does not match the manifest");
        !good) {
        return std::move(good).error();
    }
    std::string global(reinterpret_cast<const char*>(sig->signature.data()), 64);
    global += sig->trusted_comment;
    if (Result<void> good = check(key, global, sig->global_signature,
                                  "the trusted comment's signature does not match");
        !good) {
        return std::move(good).error();
    }
    TrustedManifest trusted;
    trusted.text = std::move(data);
    trusted.format = SignatureFormat::minisign;
    trusted.signer = "key ID " + key_id_text(key.key_id);
    trusted.trusted_comment = sig->trusted_comment;
    return trusted;
}

}  // namespace fhash
