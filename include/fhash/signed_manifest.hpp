#pragma once
/// @file signed_manifest.hpp
/// Checking the signature of a manifest before any of it is trusted. Each check takes the
/// bytes that were read once (so what is checked is what will be parsed: the file cannot
/// change in between) and returns the *signed* text, the only text the caller may parse,
/// with who signed it. A failure is an Error with Errc::bad_signature (bad, wrong key,
/// expired, revoked, unknown key), Errc::malformed (the signature or key file cannot be
/// read), or the error of running gpgv; its detail is worded for a person.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "fhash/error.hpp"
#include "fhash/intoto_format.hpp"
#include "fhash/signature_formats.hpp"

namespace fhash {

/// What a good signature vouches for.
struct TrustedManifest {
    std::string text;  ///< the signed bytes: parse these, never the file again
    SignatureFormat format = SignatureFormat::unknown;
    /// Who signed, for the report: "key ID 0123456789ABCDEF" (signify, minisign) or
    /// "key 40-HEX-FINGERPRINT" (OpenPGP; several joined by ", ").
    std::string signer;
    std::string trusted_comment;  ///< minisign's trusted comment
    /// Clearsigned: non-blank lines outside the signed block, which are never parsed.
    std::size_t unsigned_lines_before = 0;
    std::size_t unsigned_lines_after = 0;
};

/// signify: `signature_file` holds the signature and, when `data` is nullopt, the signed
/// text after its two lines (signify -S -e, as OpenBSD's SHA256.sig). With `data`, the
/// signature is detached and covers `data`. The key ids must match.
Result<TrustedManifest> verify_signify(std::string_view signature_file,
                                       std::optional<std::string> data,
                                       const Ed25519PublicKey& key);

/// minisign: `signature_file` (.minisig) covers `data` ("Ed": the bytes; "ED": their
/// BLAKE2b-512), and its global signature covers the signature and the trusted comment.
Result<TrustedManifest> verify_minisign(std::string_view signature_file, std::string data,
                                        const Ed25519PublicKey& key);

/// DSSE (in-toto attestations): every envelope of `document` (one JSON value or JSON Lines)
/// must carry a signature by `key` over PAE(payloadType, payload) (Ed25519, or ECDSA
/// P-256 with SHA-256 and a DER signature); other signatures of an envelope are ignored. The
/// trusted text is the envelopes' Statements, one per line. A plain Statement (no envelope)
/// is refused: it carries no signature.
Result<TrustedManifest> verify_dsse(std::string_view document, const DssePublicKey& key);

/// What gpgv is given. The keyring is binary or armoured (armour is taken off, since gpgv
/// reads only binary keyrings).
struct GpgvRequest {
    std::string program = "gpgv";  ///< a name looked up in PATH, or a path
    std::string keyring;           ///< the bytes of the --keyring file
    std::string signature;         ///< a detached signature, or the clearsigned file
    /// The signed data of a detached signature; nullopt for a clearsigned file, whose
    /// signed text gpgv writes out (--output) and which alone is returned.
    std::optional<std::string> data;
};

/// OpenPGP through GnuPG's gpgv, run in a private scratch folder (its --homedir: the user's
/// keyrings and options are never read) on copies of the bytes given. Trusted only when its
/// status lines (--status-fd) are (GpgvVerdict::trusted: a good signature by a valid key,
/// none bad, signatures by keys not in the keyring set aside) and gpgv exits 0, or 2 for
/// such a set-aside signature. A clearsigned file must hold exactly one signed block. An armoured
/// keyring that cannot be read is Errc::malformed with the path "keyring"; a gpgv that cannot be
/// run is the system's error with the path `request.program`.
Result<TrustedManifest> verify_openpgp(const GpgvRequest& request);

}  // namespace fhash
