#pragma once
/// @file intoto_format.hpp
/// in-toto attestations as manifests: Statements (their `subject` list: a name and a
/// DigestSet), alone or in DSSE envelopes, one JSON document or JSON Lines of them
/// (*.intoto.jsonl); writing a Statement v1 (-f intoto) and SLSA's base64 subjects
/// (-f slsa-subjects). Pure text transforms on nlohmann-json, with a document cap.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fhash/algorithm.hpp"
#include "fhash/error.hpp"
#include "fhash/manifest.hpp"

namespace fhash {

/// An in-toto document is read whole, and refused past this size.
inline constexpr std::size_t k_max_intoto_document = std::size_t{64} << 20;

/// The in-toto DigestSet name of `a` ("sha256", "sha512_256", "sha3_256", "blake2b", ...),
/// or nullopt for algorithms the DigestSet does not name (BLAKE3, xxHash, CRCs).
std::optional<std::string_view> intoto_digest_name(Algorithm a) noexcept;

/// One DSSE signature: its key id (may be empty) and the decoded signature bytes.
struct DsseSignature {
    std::string keyid;
    std::string signature;
};

/// A DSSE envelope: payloadType, the decoded payload and its signatures.
struct DsseEnvelope {
    std::string payload_type;
    std::string payload;
    std::vector<DsseSignature> signatures;
};

/// One record of an in-toto document: the subjects of its Statement (entries with `line`
/// set to the record's number; digests the DigestSet names that fhash knows, lower- or
/// upper-case hex; names fhash does not know are skipped, and a subject with none is
/// malformed) and, when it came in an envelope, the envelope.
struct IntotoRecord {
    std::vector<ManifestEntry> subjects;
    std::size_t malformed_subjects = 0;
    std::optional<DsseEnvelope> envelope;
};

/// True if `head` (the first bytes of a manifest) starts an in-toto document: a JSON object
/// whose text names "_type" with an in-toto Statement, or "payloadType" (a DSSE envelope).
bool looks_like_intoto(std::string_view head) noexcept;

/// Parses a whole document: one JSON value (pretty-printed or not), or one per line.
/// Errc::malformed (the detail names the record) for invalid JSON, an object that is
/// neither a Statement nor an envelope, a payload that is not base64 or not in-toto JSON.
Result<std::vector<IntotoRecord>> parse_intoto(std::string_view document);

/// An in-toto Statement v1 (one line, LF-terminated) whose subjects are `entries` (name and
/// every digest under its DigestSet name; each digest's algorithm must have one), with
/// `predicate_type` and an empty predicate.
std::string format_intoto_statement(std::span<const ManifestEntry> entries,
                                    std::string_view predicate_type);

/// The predicate type -f intoto writes: in-toto's Null predicate ("the absence of a
/// predicate"), for a Statement that only names its subjects; tools that add a predicate
/// replace it.
inline constexpr std::string_view k_intoto_predicate_type = "https://in-toto.io/Null";

}  // namespace fhash
