#pragma once
/// @file signature_formats.hpp
/// The files of signed manifests, as data: which kind of signature a file holds, signify
/// and minisign keys and signatures, OpenPGP ASCII armour (keyrings given armoured), the
/// clearsigned layout, and the status lines of gpgv. Pure text transforms over untrusted
/// bytes: no file access, no printing; every size is capped.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fhash/error.hpp"

namespace fhash {

/// A detached signature file is refused past this size (a real one is under 1 KiB; an
/// armoured OpenPGP signature with many signers a few KiB).
inline constexpr std::size_t k_max_signature_file = std::size_t{1} << 20;
/// A signed manifest (clearsigned, signify-embedded, or the data of a detached signature)
/// is read whole before it is checked, and refused past this size.
inline constexpr std::size_t k_max_signed_manifest = std::size_t{256} << 20;
/// A key file (--pubkey, --keyring) is refused past this size.
inline constexpr std::size_t k_max_key_file = std::size_t{16} << 20;

/// What a signature file (or a manifest that carries its signature) holds.
enum class SignatureFormat {
    unknown,
    openpgp,      ///< an OpenPGP signature: armoured ("-----BEGIN PGP SIGNATURE-----") or binary
    clearsigned,  ///< "-----BEGIN PGP SIGNED MESSAGE-----": the text and its signature
    signify,      ///< "untrusted comment:" + base64 "Ed" signature, then the signed text if any
    minisign,     ///< the same two lines, then "trusted comment:" and the global signature
    dsse,         ///< an in-toto attestation in DSSE envelopes (JSON; not told by sniff_signature)
};

/// Decides from the first bytes (leading blank lines skipped). A binary OpenPGP signature
/// starts with a packet tag byte (bit 7 set) of a signature packet (tag 2).
SignatureFormat sniff_signature(std::string_view head) noexcept;

/// A signify or minisign Ed25519 public key.
struct Ed25519PublicKey {
    std::array<std::uint8_t, 8> key_id{};  ///< as stored (little-endian in minisign)
    std::array<std::uint8_t, 32> key{};
};

/// The key id as minisign prints it (its public key's comment, minisign -V): the stored
/// bytes read as a little-endian 64-bit number, in upper-case hex without leading zeros.
std::string key_id_text(const std::array<std::uint8_t, 8>& key_id);

/// Parses a public key given as a key file ("untrusted comment: ..." then the base64 line,
/// as signify and minisign write them) or as the base64 text alone (minisign -P). The
/// decoded key is "Ed" || key id (8) || key (32). Errc::malformed with a detail otherwise.
Result<Ed25519PublicKey> parse_ed25519_public_key(std::string_view text);

/// A signify or minisign signature.
struct Ed25519Signature {
    std::array<std::uint8_t, 8> key_id{};
    std::array<std::uint8_t, 64> signature{};
    /// minisign "ED": the signature covers BLAKE2b-512 of the data; "Ed": the data itself.
    bool prehashed = false;
    /// signify: where the embedded text begins (after the second line); the file's size
    /// when there is none (a detached signature).
    std::size_t message_offset = 0;
    /// minisign: the trusted comment (after "trusted comment: ") and its global signature,
    /// over signature || trusted comment.
    std::string trusted_comment;
    std::array<std::uint8_t, 64> global_signature{};
};

/// Parses a signify signature: "untrusted comment: <text>\n" then base64 of "Ed" || key id
/// || signature (64) and "\n"; what follows is the embedded text (signify -e). The comment
/// line is capped at 1 KiB (signify's COMMENTMAXLEN). Errc::malformed with a detail.
Result<Ed25519Signature> parse_signify_signature(std::string_view text);

/// Parses a minisign signature: the two lines above ("Ed" or "ED" algorithm), then
/// "trusted comment: <text>" and the base64 global signature (64 bytes); CRLF accepted.
/// Comments are capped at 8 KiB; nothing but blank lines may follow.
Result<Ed25519Signature> parse_minisign_signature(std::string_view text);

/// The body of OpenPGP ASCII armour (RFC 4880 §6.2: header lines, a blank line, base64 lines,
/// an optional "=XXXX" CRC-24 line, the END line): the binary packets. The CRC-24, when
/// present, must match. Errc::malformed otherwise. Used to hand gpgv an armoured keyring
/// (gpgv reads only binary keyrings).
Result<std::string> dearmor_openpgp(std::string_view armoured);

/// True if `text` starts (after blank lines) with an OpenPGP armour header line.
bool is_armoured_openpgp(std::string_view text) noexcept;

/// Where a clearsigned file's signed part is, by its armour lines: how many non-blank lines
/// come before "-----BEGIN PGP SIGNED MESSAGE-----" and after "-----END PGP SIGNATURE-----"
/// (those lines are not signed: gpgv ignores them), and how many signed blocks the file holds.
struct ClearsignedLayout {
    std::size_t blocks = 0;
    std::size_t lines_before = 0;
    std::size_t lines_after = 0;
};
ClearsignedLayout clearsigned_layout(std::string_view text) noexcept;

/// What gpgv's status lines (--status-fd, "[GNUPG:] KEYWORD args") say about the signatures.
/// As apt judges them: a signature by a key that is not in the keyring (ERRSIG with code 9,
/// as in a release file signed by several people) is set aside, not a failure, as long as
/// another signature is good; anything else that is not good fails.
struct GpgvVerdict {
    /// Signatures seen (NEWSIG lines, or result lines where gpgv printed no NEWSIG).
    std::size_t signatures = 0;
    /// Good signatures (GOODSIG).
    std::size_t good = 0;
    /// Fingerprints of good signatures by valid keys (VALIDSIG, primary key's fingerprint).
    std::vector<std::string> valid_fingerprints;
    /// Key ids of the signatures made by keys that are not in the keyring.
    std::vector<std::string> unknown_keys;
    /// The first problem, worded for a person: "BAD signature by key 0123...", "the signing
    /// key 0123... has expired", "... is revoked", "... is not in the keyring" (when no
    /// signature is good), "the signature ... has expired", "no OpenPGP signature found",
    /// "the signature by key ... cannot be checked". Empty when none.
    std::string problem;
    /// True if at least one signature is good by a valid key, every other one is by a key
    /// not in the keyring, and nothing is bad.
    [[nodiscard]] bool trusted() const noexcept {
        return problem.empty() && good > 0 && valid_fingerprints.size() == good &&
               signatures == good + unknown_keys.size();
    }
};

/// Reads gpgv's status output (capped by the caller; lines that are not status lines are
/// ignored, so status lines mixed into other output cannot be forged by a key's user id,
/// which gpgv escapes).
GpgvVerdict parse_gpgv_status(std::string_view status);

/// A public key of a DSSE signer, from a PEM "PUBLIC KEY" (SubjectPublicKeyInfo) block.
struct DssePublicKey {
    enum class Kind { ed25519, ecdsa_p256 } kind = Kind::ed25519;
    std::string key;  ///< 32 bytes (Ed25519) or the 65-byte uncompressed point (P-256)
};

/// Parses a PEM public key of an Ed25519 or ECDSA P-256 key (the fixed DER prefixes of
/// their SubjectPublicKeyInfo); Errc::malformed for anything else.
Result<DssePublicKey> parse_pem_public_key(std::string_view pem);

/// An ECDSA signature in DER (ECDSA-Sig-Value: SEQUENCE of two INTEGERs, as DSSE and
/// Sigstore carry them) as r || s of 32 bytes each; nullopt when it is not one for P-256.
std::optional<std::array<std::uint8_t, 64>> ecdsa_der_to_raw(std::string_view der);

/// DSSE's pre-authentication encoding (PAE): "DSSEv1" SP len(type) SP type SP len(body) SP
/// body, lengths in ASCII decimal.
std::string dsse_pae(std::string_view payload_type, std::string_view payload);

}  // namespace fhash
