#pragma once
#include <optional>
#include <string_view>

#include "cli/exit_code.hpp"
#include "cli/options.hpp"
#include "cli/report.hpp"
#include "fhash/algorithm.hpp"
#include "fhash/digest.hpp"

namespace fhash::cli {

/// A digest given on the command line, with the algorithm it was read as.
struct ExpectedDigest {
    Algorithm algorithm = Algorithm::sha256;
    Digest digest;
};

/// Reads DIGEST as given to --expect: an optional "ALGORITHM:" prefix (as in GitHub's
/// "sha256:<hex>"), then hex of either case or base64. The algorithm is the prefix's, else
/// `forced` (-a), else the one the digest length implies (16 bytes md5, 20 sha1, 28 sha224,
/// 32 sha256, 48 sha384, 64 sha512). Hex is tried first. nullopt if nothing fits.
std::optional<ExpectedDigest> parse_expected_digest(std::string_view text, std::optional<Algorithm> forced);

/// --expect DIGEST [FILE]: hashes FILE (standard input when absent or -) and prints
/// "FILE: OK" or "FILE: FAILED". Exit 0 on a match, 1 on a mismatch or read failure,
/// 2 on a digest that fits no algorithm.
ExitCode run_expect(const Options& options, Console& console);

}  // namespace fhash::cli
