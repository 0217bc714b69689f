#pragma once
/// @file expected_digest.hpp
/// A digest typed on the command line (--expect).

#include <optional>
#include <string_view>

#include "fhash/algorithm.hpp"
#include "fhash/digest.hpp"

namespace fhash::cli {

/// A digest given on the command line, with the algorithm it was read as.
struct ExpectedDigest {
    Algorithm algorithm = Algorithm::sha256;
    Digest digest;
};

/// Reads DIGEST as given to --expect: an optional pair of double quotes (S3 shows its
/// ETags quoted), an optional "ALGORITHM:" prefix (as in GitHub's "sha256:<hex>"), then hex
/// of either case or base64, or the algorithm's own text (digest_text()); "<hex>-N" with
/// 32 hex digits is an S3 multipart ETag. The algorithm is the prefix's, else
/// `forced` (-a), else the one the digest length implies (16 bytes md5, 20 sha1, 28 sha224,
/// 32 sha256, 48 sha384, 64 sha512). Text of hex digits only is read as hex, anything else
/// as base64. nullopt if nothing fits.
std::optional<ExpectedDigest> parse_expected_digest(std::string_view text,
                                                    std::optional<Algorithm> forced);

}  // namespace fhash::cli
