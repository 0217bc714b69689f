#include "support/catch.hpp"

#include <optional>
#include <string>

#include "cli/expected_digest.hpp"

using fhash::Algorithm;
using fhash::digest_from_hex;
using fhash::cli::ExpectedDigest;
using fhash::cli::parse_expected_digest;

namespace {

constexpr const char* k_md5_abc = "900150983cd24fb0d6963f7d28e17f72";
constexpr const char* k_sha256_abc =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

std::optional<Algorithm> algorithm_of(std::string_view text,
                                      std::optional<Algorithm> forced = std::nullopt) {
    const std::optional<ExpectedDigest> parsed = parse_expected_digest(text, forced);
    if (!parsed) {
        return std::nullopt;
    }
    return parsed->algorithm;
}

}  // namespace

TEST_CASE("expected digest: hex of either case gives the digest's bytes", "[cli][expect]") {
    const std::optional<ExpectedDigest> lower = parse_expected_digest(k_md5_abc, std::nullopt);
    REQUIRE(lower);
    CHECK(lower->algorithm == Algorithm::md5);
    CHECK(lower->digest == *digest_from_hex(k_md5_abc));

    const std::optional<ExpectedDigest> upper =
        parse_expected_digest("900150983CD24FB0D6963F7D28E17F72", std::nullopt);
    REQUIRE(upper);
    CHECK(upper->algorithm == Algorithm::md5);
    CHECK(upper->digest == lower->digest);
}

TEST_CASE("expected digest: the length of a bare digest implies the algorithm", "[cli][expect]") {
    CHECK(algorithm_of(k_md5_abc) == Algorithm::md5);
    CHECK(algorithm_of("a9993e364706816aba3e25717850c26c9cd0d89d") == Algorithm::sha1);
    CHECK(algorithm_of("23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7") ==
          Algorithm::sha224);
    CHECK(algorithm_of(k_sha256_abc) == Algorithm::sha256);
    CHECK(algorithm_of("cb00753f45a35e8bb5a03d699ac65007272c32ab0eded163"
                       "1a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7") == Algorithm::sha384);
    CHECK(algorithm_of("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                       "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f") ==
          Algorithm::sha512);
    // 24 bytes of hex: no algorithm has that size.
    CHECK_FALSE(algorithm_of("000102030405060708090a0b0c0d0e0f1011121314151617"));
}

TEST_CASE("expected digest: base64 digests, sized like hex ones", "[cli][expect]") {
    const std::optional<ExpectedDigest> md5 =
        parse_expected_digest("kAFQmDzST7DWlj99KOF/cg==", std::nullopt);
    REQUIRE(md5);
    CHECK(md5->algorithm == Algorithm::md5);
    CHECK(md5->digest == *digest_from_hex(k_md5_abc));

    const std::optional<ExpectedDigest> sha256 =
        parse_expected_digest("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=", std::nullopt);
    REQUIRE(sha256);
    CHECK(sha256->algorithm == Algorithm::sha256);
    CHECK(sha256->digest == *digest_from_hex(k_sha256_abc));

    CHECK(algorithm_of("qZk+NkcGgWq6PiVxeFDCbJzQ2J0=") == Algorithm::sha1);
    CHECK_FALSE(algorithm_of("kAFQmDzST7DWlj99KOF/cg"));  // padding missing
}

TEST_CASE("expected digest: an ALGORITHM: prefix names the algorithm", "[cli][expect]") {
    const std::string sha256 = std::string("sha256:") + k_sha256_abc;
    const std::optional<ExpectedDigest> prefixed = parse_expected_digest(sha256, std::nullopt);
    REQUIRE(prefixed);
    CHECK(prefixed->algorithm == Algorithm::sha256);
    CHECK(prefixed->digest == *digest_from_hex(k_sha256_abc));

    // Any spelling parse_algorithm accepts, in any case.
    CHECK(algorithm_of(std::string("SHA-256:") + k_sha256_abc) == Algorithm::sha256);
    CHECK(algorithm_of(std::string("Sha2-256:") + k_sha256_abc) == Algorithm::sha256);
    CHECK(algorithm_of(std::string("MD5:") + k_md5_abc) == Algorithm::md5);
    CHECK(algorithm_of("sha1:qZk+NkcGgWq6PiVxeFDCbJzQ2J0=") == Algorithm::sha1);

    // The prefix wins over what the length alone would imply.
    CHECK(algorithm_of(std::string("sha3-256:") + k_sha256_abc) == Algorithm::sha3_256);
    CHECK(algorithm_of(std::string("SHA-512/256:") + k_sha256_abc) == Algorithm::sha512_256);
    CHECK(algorithm_of(std::string("blake2s:") + k_sha256_abc) == Algorithm::blake2s);

    // A prefix whose size the digest does not have, or an unknown prefix.
    CHECK_FALSE(algorithm_of(std::string("md5:") + k_sha256_abc));
    CHECK_FALSE(algorithm_of(std::string("sha1:") + k_md5_abc));
    CHECK_FALSE(algorithm_of(std::string("whirlpool:") + k_sha256_abc));
    CHECK_FALSE(algorithm_of(std::string(":") + k_sha256_abc));
    CHECK_FALSE(algorithm_of("sha256:"));
}

TEST_CASE("expected digest with -a: the forced algorithm must fit", "[cli][expect]") {
    // A forced algorithm decides between those of one size.
    CHECK(algorithm_of(k_sha256_abc, Algorithm::sha3_256) == Algorithm::sha3_256);
    CHECK(algorithm_of(k_sha256_abc, Algorithm::sha256) == Algorithm::sha256);
    CHECK(algorithm_of("kAFQmDzST7DWlj99KOF/cg==", Algorithm::md5) == Algorithm::md5);
    // ... but does not stretch a digest of another size.
    CHECK_FALSE(algorithm_of(k_sha256_abc, Algorithm::md5));
    CHECK_FALSE(algorithm_of(k_md5_abc, Algorithm::sha1));
    CHECK_FALSE(algorithm_of("kAFQmDzST7DWlj99KOF/cg==", Algorithm::sha256));
    // 64 hex digits are also valid base64 of 48 bytes: typed with -a sha384 (or a sha384:
    // prefix), a SHA-256 in hex is refused, not decoded as a SHA-384 in base64.
    CHECK_FALSE(algorithm_of(k_sha256_abc, Algorithm::sha384));
    CHECK_FALSE(algorithm_of(std::string("sha384:") + k_sha256_abc));

    // A prefix agreeing with -a, in another spelling, is fine; one disagreeing is refused.
    CHECK(algorithm_of(std::string("SHA-256:") + k_sha256_abc, Algorithm::sha256) ==
          Algorithm::sha256);
    CHECK_FALSE(algorithm_of(std::string("sha256:") + k_sha256_abc, Algorithm::sha3_256));
    CHECK_FALSE(algorithm_of(std::string("sha3-256:") + k_sha256_abc, Algorithm::sha256));
}

TEST_CASE("expected digest: blanks and a pasted line end are trimmed", "[cli][expect]") {
    const std::string padded = std::string(" \t") + k_md5_abc + " \t\r\n";
    const std::optional<ExpectedDigest> parsed = parse_expected_digest(padded, std::nullopt);
    REQUIRE(parsed);
    CHECK(parsed->algorithm == Algorithm::md5);
    CHECK(parsed->digest == *digest_from_hex(k_md5_abc));
    CHECK(algorithm_of(std::string(k_sha256_abc) + "\r\n") == Algorithm::sha256);
    CHECK(algorithm_of(std::string("  sha256:") + k_sha256_abc + "\n") == Algorithm::sha256);
    CHECK(algorithm_of("kAFQmDzST7DWlj99KOF/cg==\r\n") == Algorithm::md5);
}

TEST_CASE("expected digest: empty text and garbage give nothing", "[cli][expect]") {
    CHECK_FALSE(parse_expected_digest("", std::nullopt));
    CHECK_FALSE(parse_expected_digest(" \t\r\n", std::nullopt));
    CHECK_FALSE(parse_expected_digest("", Algorithm::md5));
    CHECK_FALSE(parse_expected_digest("not a digest", std::nullopt));
    CHECK_FALSE(parse_expected_digest("900150983cd24fb0d6963f7d28e17f7", std::nullopt));  // odd
    CHECK_FALSE(parse_expected_digest("900150983cd24fb0d6963f7d28e17f7g", std::nullopt));
    CHECK_FALSE(parse_expected_digest("9001 50983cd24fb0d6963f7d28e17f72", std::nullopt));
    CHECK_FALSE(parse_expected_digest("====", std::nullopt));
    CHECK_FALSE(parse_expected_digest("sha256::", std::nullopt));
}

TEST_CASE("expected digest: an S3 ETag, quoted as S3 shows it, and the cloud texts",
          "[cli][expect]") {
    CHECK(algorithm_of("\"900150983cd24fb0d6963f7d28e17f72-3\"") == Algorithm::s3_etag);
    CHECK(algorithm_of("900150983cd24fb0d6963f7d28e17f72-10000") == Algorithm::s3_etag);
    CHECK_FALSE(algorithm_of("900150983cd24fb0d6963f7d28e17f72-0"));
    CHECK_FALSE(algorithm_of("900150983cd24fb0d6963f7d28e17f7-3"));
    // Quoted plain MD5 (a single-part ETag): MD5 by its length.
    CHECK(algorithm_of("\"900150983cd24fb0d6963f7d28e17f72\"") == Algorithm::md5);
    CHECK(algorithm_of("gcs-crc32c:rth90Q==") == Algorithm::gcs_crc32c);
    CHECK(algorithm_of("rth90Q==", Algorithm::gcs_crc32c) == Algorithm::gcs_crc32c);
    CHECK(algorithm_of("s3-crc32c:rth90Q==-2") == Algorithm::s3_crc32c);
    CHECK_FALSE(algorithm_of("azure-md5:rth90Q=="));  // base64 of the wrong size
}
