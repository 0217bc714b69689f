#pragma once
/// @file signature_crypto.hpp
/// Public-key signature checks, from the digest library of the build: OpenSSL EVP on Unix,
/// libgcrypt in the Windows (CNG) build, which has no Ed25519. Never hand-written. Keys and
/// signatures are raw bytes; parsing their file formats is the job of signed_manifest.hpp.

#include <cstdint>
#include <span>
#include <string>

#include "fhash/error.hpp"

namespace fhash {

/// Ed25519 (RFC 8032, pure EdDSA) check of `signature` (64 bytes: R || S) over `message`
/// by `public_key` (32 bytes). true: valid; false: not valid (any forgery, wrong key,
/// non-canonical encoding). An Error (Errc::backend_failure) only when the library itself
/// failed.
Result<bool> verify_ed25519(std::span<const std::uint8_t, 32> public_key,
                            std::span<const std::uint8_t> message,
                            std::span<const std::uint8_t, 64> signature);

/// ECDSA on NIST P-256 with SHA-256 over `message`: `public_key` is the uncompressed point
/// (65 bytes, 0x04 || X || Y), `signature` r || s (64 bytes, big-endian). Same results as
/// verify_ed25519; a point not on the curve is `false`.
Result<bool> verify_ecdsa_p256(std::span<const std::uint8_t, 65> public_key,
                               std::span<const std::uint8_t> message,
                               std::span<const std::uint8_t, 64> signature);

/// The library that checks signatures ("OpenSSL 3.0.x", "libgcrypt 1.10.x").
std::string signature_library_name();

}  // namespace fhash
