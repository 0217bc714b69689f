// DSSE envelopes (signed_manifest.hpp, verify_dsse): the signature covers the
// pre-authentication encoding of the payload, never the JSON around it, so the Statements
// handed on are the decoded payloads that were checked, not the envelope's text.

#include <nlohmann/json.hpp>

#include <span>

#include "fhash/signature_crypto.hpp"
#include "fhash/signed_manifest.hpp"

namespace fhash {
namespace {

std::span<const std::uint8_t> as_bytes(std::string_view text) noexcept {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

/// Whether `signature` is `key`'s over `message`.
Result<bool> signed_by(const DssePublicKey& key, std::string_view message,
                       std::string_view signature) {
    if (key.kind == DssePublicKey::Kind::ed25519) {
        if (signature.size() != 64) {
            return false;
        }
        return verify_ed25519(std::span<const std::uint8_t, 32>(as_bytes(key.key).first<32>()),
                              as_bytes(message),
                              std::span<const std::uint8_t, 64>(as_bytes(signature).first<64>()));
    }
    const std::optional<std::array<std::uint8_t, 64>> raw = ecdsa_der_to_raw(signature);
    if (!raw) {
        return false;
    }
    return verify_ecdsa_p256(std::span<const std::uint8_t, 65>(as_bytes(key.key).first<65>()),
                             as_bytes(message), *raw);
}

/// Whether one of the envelope's signatures is the key's.
Result<bool> envelope_signed(const DsseEnvelope& envelope, const DssePublicKey& key) {
    const std::string pae = dsse_pae(envelope.payload_type, envelope.payload);
    for (const DsseSignature& sig : envelope.signatures) {
        Result<bool> good = signed_by(key, pae, sig.signature);
        if (!good || *good) {
            return good;
        }
    }
    return false;
}

}  // namespace

Result<TrustedManifest> verify_dsse(std::string_view document, const DssePublicKey& key) {
    Result<std::vector<IntotoRecord>> records = parse_intoto(document);
    if (!records) {
        return std::move(records).error();
    }
    TrustedManifest trusted;
    for (std::size_t i = 0; i < records->size(); ++i) {
        const std::optional<DsseEnvelope>& envelope = (*records)[i].envelope;
        const std::string record = "record " + std::to_string(i + 1);
        if (!envelope) {
            return make_error(Errc::bad_signature, {}, record + " is a bare Statement, not signed");
        }
        Result<bool> good = envelope_signed(*envelope, key);
        if (!good) {
            return std::move(good).error();
        }
        if (!*good) {
            return make_error(Errc::bad_signature, {},
                              record + ": no signature by the given key matches");
        }
        // One Statement per line: a pretty-printed payload is made compact (parse_intoto
        // has parsed it already, so it is valid JSON and means the same).
        trusted.text += nlohmann::json::parse(envelope->payload, nullptr, false)
                            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        trusted.text += '\n';
    }
    if (records->empty()) {
        return make_error(Errc::bad_signature, {}, "no DSSE envelope found");
    }
    trusted.format = SignatureFormat::dsse;
    trusted.signer = key.kind == DssePublicKey::Kind::ed25519 ? "the given Ed25519 key"
                                                              : "the given ECDSA P-256 key";
    return trusted;
}

}  // namespace fhash
