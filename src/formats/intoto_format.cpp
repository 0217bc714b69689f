// in-toto Statements and DSSE envelopes (intoto_format.hpp) on nlohmann-json. A document is
// one JSON value or JSON Lines of them; each value is a Statement ("_type" of in-toto's
// Statement, v0.1 or v1) or a DSSE envelope whose payload is one. Subjects become manifest
// entries: the DigestSet names fhash knows map to algorithms, other names are skipped.

#include <nlohmann/json.hpp>

#include <array>
#include <utility>

#include "fhash/base64.hpp"
#include "fhash/digest.hpp"
#include "fhash/intoto_format.hpp"

namespace fhash {
namespace {

using Json = nlohmann::json;

constexpr std::string_view k_statement_prefix = "https://in-toto.io/Statement/";

/// The DigestSet names (in-toto attestation spec, digest_set.md) of fhash's algorithms.
constexpr std::array<std::pair<Algorithm, std::string_view>, 18> k_names = {{
    {Algorithm::sha256, "sha256"},
    {Algorithm::sha224, "sha224"},
    {Algorithm::sha384, "sha384"},
    {Algorithm::sha512, "sha512"},
    {Algorithm::sha512_224, "sha512_224"},
    {Algorithm::sha512_256, "sha512_256"},
    {Algorithm::sha3_224, "sha3_224"},
    {Algorithm::sha3_256, "sha3_256"},
    {Algorithm::sha3_384, "sha3_384"},
    {Algorithm::sha3_512, "sha3_512"},
    {Algorithm::shake128, "shake128"},
    {Algorithm::shake256, "shake256"},
    {Algorithm::blake2b, "blake2b"},
    {Algorithm::blake2s, "blake2s"},
    {Algorithm::ripemd160, "ripemd160"},
    {Algorithm::sm3, "sm3"},
    {Algorithm::sha1, "sha1"},
    {Algorithm::md5, "md5"},
}};

std::optional<Algorithm> algorithm_named(std::string_view name) noexcept {
    for (const auto& [algorithm, spelling] : k_names) {
        if (spelling == name) {
            return algorithm;
        }
    }
    return std::nullopt;
}

Error malformed(std::size_t record, const std::string& what) {
    return make_error(Errc::malformed, {},
                      "in-toto record " + std::to_string(record) + ": " + what);
}

/// One subject as an entry; false when it has no name or no digest fhash can check.
bool subject_entry(const Json& subject, ManifestEntry& entry) {
    const auto name = subject.find("name");
    const auto digests = subject.find("digest");
    if (!subject.is_object() || name == subject.end() || !name->is_string() ||
        name->get_ref<const std::string&>().empty() || digests == subject.end() ||
        !digests->is_object()) {
        return false;
    }
    entry.name = name->get<std::string>();
    for (const auto& [key, value] : digests->items()) {
        const std::optional<Algorithm> algorithm = algorithm_named(key);
        if (!algorithm || !value.is_string()) {
            continue;  // gitCommit, dirHash, ...: not a file digest fhash computes
        }
        const std::optional<Digest> digest = digest_from_hex(value.get_ref<const std::string&>());
        if (!digest || !valid_digest_size(*algorithm, digest->size())) {
            return false;
        }
        entry.digests.emplace_back(*algorithm, *digest);
    }
    return entry.name.find('\0') == std::string::npos && !entry.digests.empty();
}

Result<void> read_statement(const Json& statement, std::size_t record, IntotoRecord& out) {
    const auto type = statement.find("_type");
    const auto subjects = statement.find("subject");
    if (type == statement.end() || !type->is_string() ||
        type->get_ref<const std::string&>().rfind(k_statement_prefix, 0) != 0) {
        return malformed(record, "not an in-toto Statement");
    }
    if (subjects == statement.end() || !subjects->is_array()) {
        return malformed(record, "no subject list");
    }
    for (const Json& subject : *subjects) {
        ManifestEntry entry;
        entry.line = record;
        if (subject_entry(subject, entry)) {
            out.subjects.push_back(std::move(entry));
        } else {
            ++out.malformed_subjects;
        }
    }
    return {};
}

Result<DsseEnvelope> read_envelope(const Json& value, std::size_t record) {
    const auto type = value.find("payloadType");
    const auto payload = value.find("payload");
    const auto signatures = value.find("signatures");
    if (!type->is_string() || payload == value.end() || !payload->is_string()) {
        return malformed(record, "a DSSE envelope without payloadType or payload");
    }
    DsseEnvelope envelope;
    envelope.payload_type = type->get<std::string>();
    std::optional<std::string> decoded = base64_decode(payload->get_ref<const std::string&>());
    if (!decoded) {
        return malformed(record, "the DSSE payload is not base64");
    }
    envelope.payload = std::move(*decoded);
    if (signatures != value.end() && signatures->is_array()) {
        for (const Json& sig : *signatures) {
            const auto text = sig.is_object() ? sig.find("sig") : sig.end();
            std::optional<std::string> bytes =
                text != sig.end() && text->is_string()
                    ? base64_decode(text->get_ref<const std::string&>())
                    : std::nullopt;
            if (!bytes) {
                return malformed(record, "a DSSE signature is not base64");
            }
            const auto keyid = sig.find("keyid");
            envelope.signatures.push_back(
                {keyid != sig.end() && keyid->is_string() ? keyid->get<std::string>() : "",
                 std::move(*bytes)});
        }
    }
    return envelope;
}

Result<IntotoRecord> read_record(const Json& value, std::size_t record) {
    if (!value.is_object()) {
        return malformed(record, "not a JSON object");
    }
    IntotoRecord out;
    if (value.contains("payloadType")) {
        Result<DsseEnvelope> envelope = read_envelope(value, record);
        if (!envelope) {
            return std::move(envelope).error();
        }
        const Json statement = Json::parse(envelope->payload, nullptr, false);
        if (statement.is_discarded() || !statement.is_object()) {
            return malformed(record, "the DSSE payload is not JSON");
        }
        out.envelope = std::move(*envelope);
        if (Result<void> read = read_statement(statement, record, out); !read) {
            return std::move(read).error();
        }
        return out;
    }
    if (Result<void> read = read_statement(value, record, out); !read) {
        return std::move(read).error();
    }
    return out;
}

}  // namespace

std::optional<std::string_view> intoto_digest_name(Algorithm a) noexcept {
    for (const auto& [algorithm, spelling] : k_names) {
        if (algorithm == a) {
            return spelling;
        }
    }
    return std::nullopt;
}

bool looks_like_intoto(std::string_view head) noexcept {
    const std::size_t start = head.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos || head[start] != '{') {
        return false;
    }
    return head.find("\"payloadType\"") != std::string_view::npos ||
           (head.find("\"_type\"") != std::string_view::npos &&
            head.find(k_statement_prefix) != std::string_view::npos);
}

Result<std::vector<IntotoRecord>> parse_intoto(std::string_view document) {
    if (document.size() > k_max_intoto_document) {
        return make_error(Errc::malformed, {}, "in-toto document larger than 64 MiB");
    }
    const Json whole = Json::parse(document, nullptr, false);
    std::vector<Json> parsed;
    if (!whole.is_discarded()) {
        parsed.push_back(whole);
    } else {  // JSON Lines: one value per non-blank line
        std::size_t at = 0;
        while (at < document.size()) {
            const std::size_t end = std::min(document.find('\n', at), document.size());
            const std::string_view line = document.substr(at, end - at);
            at = end + 1;
            if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
                continue;
            }
            Json value = Json::parse(line, nullptr, false);
            if (value.is_discarded()) {
                return malformed(parsed.size() + 1, "not valid JSON");
            }
            parsed.push_back(std::move(value));
        }
    }
    std::vector<IntotoRecord> records;
    for (std::size_t i = 0; i < parsed.size(); ++i) {
        Result<IntotoRecord> record = read_record(parsed[i], i + 1);
        if (!record) {
            return std::move(record).error();
        }
        records.push_back(std::move(*record));
    }
    return records;
}

std::string format_intoto_statement(std::span<const ManifestEntry> entries,
                                    std::string_view predicate_type) {
    nlohmann::ordered_json statement;
    statement["_type"] = "https://in-toto.io/Statement/v1";
    statement["subject"] = nlohmann::ordered_json::array();
    for (const ManifestEntry& entry : entries) {
        nlohmann::ordered_json subject;
        subject["name"] = entry.name;
        subject["digest"] = nlohmann::ordered_json::object();
        for (const auto& [algorithm, digest] : entry.digests) {
            if (const std::optional<std::string_view> name = intoto_digest_name(algorithm)) {
                subject["digest"][std::string(*name)] = to_hex(digest);
            }
        }
        statement["subject"].push_back(std::move(subject));
    }
    statement["predicateType"] = predicate_type;
    return statement.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace fhash
