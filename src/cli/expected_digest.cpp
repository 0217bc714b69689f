#include "cli/expected_digest.hpp"

#include "fhash/text.hpp"

namespace fhash::cli {
namespace {

std::optional<ExpectedDigest> fit(const std::optional<Digest>& digest,
                                  std::optional<Algorithm> forced) {
    if (!digest || digest->empty()) {
        return std::nullopt;
    }
    if (forced) {
        if (!valid_digest_size(*forced, digest->size())) {
            return std::nullopt;
        }
        return ExpectedDigest{*forced, *digest};
    }
    const std::optional<Algorithm> implied = default_algorithm_for_size(digest->size());
    if (!implied) {
        return std::nullopt;
    }
    return ExpectedDigest{*implied, *digest};
}

}  // namespace

std::optional<ExpectedDigest> parse_expected_digest(std::string_view text,
                                                    std::optional<Algorithm> forced) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' ||
                             text.back() == '\n')) {
        text.remove_suffix(1);
    }
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
        text = text.substr(1, text.size() - 2);  // an ETag as S3 shows it, quoted
    }
    if (const std::size_t colon = text.find(':'); colon != std::string_view::npos) {
        const std::optional<Algorithm> named = parse_algorithm(text.substr(0, colon));
        if (!named || (forced && *forced != *named)) {
            return std::nullopt;
        }
        forced = named;
        text.remove_prefix(colon + 1);
    }
    if (forced && algorithm_info(*forced).text != DigestText::hex) {
        return fit(digest_from_text(*forced, text), forced);  // cksum:930766865, gcs-crc32c
    }
    // "<32 hex digits>-N" is an S3 multipart ETag; nothing else has that form.
    if (!forced && text.find('-') == 32 && all_hex(text.substr(0, 32))) {
        return fit(digest_from_text(Algorithm::s3_etag, text), Algorithm::s3_etag);
    }
    // Hex digits only: hex, never base64 (64 hex digits are also valid base64 of 48 bytes,
    // and a SHA-256 typed with -a sha384 must be refused, not read as another digest).
    if (all_hex(text)) {
        return fit(digest_from_hex(text), forced);
    }
    return fit(digest_from_base64(text), forced);
}

}  // namespace fhash::cli
