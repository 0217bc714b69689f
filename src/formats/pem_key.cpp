// The DSSE signer's public key (PEM SubjectPublicKeyInfo of Ed25519 or ECDSA P-256) and
// ECDSA's DER signatures, read without an ASN.1 library: both key kinds have a fixed DER
// prefix (RFC 8410 §4, RFC 5480 §2), and an ECDSA-Sig-Value is two short INTEGERs.

#include <algorithm>

#include "fhash/base64.hpp"
#include "fhash/signature_formats.hpp"

namespace fhash {
namespace {

using namespace std::string_view_literals;  // the prefixes hold NUL bytes

// SEQUENCE { SEQUENCE { OID 1.3.101.112 } BIT STRING (33 bytes) }
constexpr std::string_view k_ed25519_prefix = "\x30\x2a\x30\x05\x06\x03\x2b\x65\x70\x03\x21\x00"sv;
// SEQUENCE { SEQUENCE { OID ecPublicKey, OID prime256v1 } BIT STRING (66 bytes) }
constexpr std::string_view k_p256_prefix =
    "\x30\x59\x30\x13\x06\x07\x2a\x86\x48\xce\x3d\x02\x01\x06\x08\x2a\x86\x48\xce\x3d\x03\x01\x07"
    "\x03\x42\x00"sv;
constexpr std::string_view k_begin = "-----BEGIN PUBLIC KEY-----";
constexpr std::string_view k_end = "-----END PUBLIC KEY-----";

/// One DER INTEGER at `at` (advanced past it) as 32 big-endian bytes; false if it is not
/// a positive integer of at most 32 significant bytes.
bool read_integer(std::string_view der, std::size_t& at, std::uint8_t* out) {
    if (at + 2 > der.size() || der[at] != 0x02) {
        return false;
    }
    std::size_t length = static_cast<unsigned char>(der[at + 1]);
    at += 2;
    if (length == 0 || length > 33 || at + length > der.size()) {
        return false;
    }
    std::string_view value = der.substr(at, length);
    at += length;
    if ((static_cast<unsigned char>(value[0]) & 0x80) != 0) {
        return false;  // negative
    }
    while (value.size() > 1 && value[0] == 0) {
        value.remove_prefix(1);
    }
    if (value.size() > 32) {
        return false;
    }
    std::fill_n(out, 32 - value.size(), 0);
    std::copy(value.begin(), value.end(), out + (32 - value.size()));
    return true;
}

}  // namespace

Result<DssePublicKey> parse_pem_public_key(std::string_view pem) {
    const std::size_t begin = pem.find(k_begin);
    const std::size_t end = pem.find(k_end);
    if (begin == std::string_view::npos || end == std::string_view::npos || end < begin) {
        return make_error(Errc::malformed, {}, "no PEM PUBLIC KEY block");
    }
    std::string body;
    for (const char c : pem.substr(begin + k_begin.size(), end - begin - k_begin.size())) {
        if (c != '\n' && c != '\r' && c != ' ' && c != '\t') {
            body += c;
        }
    }
    const std::optional<std::string> der = base64_decode(body);
    if (!der) {
        return make_error(Errc::malformed, {}, "the PEM body is not base64");
    }
    DssePublicKey key;
    if (der->size() == k_ed25519_prefix.size() + 32 && der->rfind(k_ed25519_prefix, 0) == 0) {
        key.key = der->substr(k_ed25519_prefix.size());
        return key;
    }
    if (der->size() == k_p256_prefix.size() + 65 && der->rfind(k_p256_prefix, 0) == 0 &&
        (*der)[k_p256_prefix.size()] == 0x04) {
        key.kind = DssePublicKey::Kind::ecdsa_p256;
        key.key = der->substr(k_p256_prefix.size());
        return key;
    }
    return make_error(Errc::malformed, {}, "not an Ed25519 or ECDSA P-256 public key");
}

std::optional<std::array<std::uint8_t, 64>> ecdsa_der_to_raw(std::string_view der) {
    if (der.size() < 8 || der[0] != 0x30 ||
        std::size_t{static_cast<unsigned char>(der[1])} != der.size() - 2) {
        return std::nullopt;
    }
    std::array<std::uint8_t, 64> raw{};
    std::size_t at = 2;
    if (!read_integer(der, at, raw.data()) || !read_integer(der, at, raw.data() + 32) ||
        at != der.size()) {
        return std::nullopt;
    }
    return raw;
}

}  // namespace fhash
