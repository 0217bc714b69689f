#pragma once
/// @file algorithm.hpp
/// The digest algorithms fhash knows, with their names in every format we read or write.

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace fhash {

/// Every algorithm fhash can name. Whether a backend computes it is a separate question:
/// see backend_supports() in hasher.hpp.
enum class Algorithm {
    md5,
    sha1,
    sha224,
    sha256,
    sha384,
    sha512,
    sha512_224,
    sha512_256,
    sha3_224,
    sha3_256,
    sha3_384,
    sha3_512,
    blake2b,  ///< BLAKE2b-512
    blake2s,  ///< BLAKE2s-256
};

/// Immutable facts about one algorithm.
struct AlgorithmInfo {
    Algorithm id;
    std::string_view name;  ///< canonical CLI name, lower-case: "sha256", "sha512-224"
    std::string_view
        bsd_tag;  ///< tag in BSD/--tag lines, as coreutils writes it: "SHA256", "BLAKE2b"
    std::string_view
        fciv_element;  ///< FCIV-XML element name: "MD5", "SHA1", "SHA256" (PsFCIV style)
    std::string_view display_name;  ///< human name: "SHA-256", "BLAKE2b-512"
    std::size_t digest_size;        ///< bytes
};

/// All algorithms, in a stable order (the order --list-algorithms prints).
std::span<const AlgorithmInfo> all_algorithms() noexcept;

/// Facts about one algorithm.
const AlgorithmInfo& algorithm_info(Algorithm a) noexcept;

/// Parses a user-given name, case-insensitively. Accepts the canonical name and the common
/// spellings: "SHA-256", "sha2-256", "SHA512/224", "sha3_256", "blake2b512", "BLAKE2b-512", ...
/// Returns nullopt for anything else.
std::optional<Algorithm> parse_algorithm(std::string_view name) noexcept;

/// Parses the tag of a BSD-style line ("SHA256", RHash's "SHA3-256", OpenSSL's "SHA2-256",
/// "BLAKE2b", "BLAKE2B-512", ...). Case-insensitive. nullopt if unknown.
std::optional<Algorithm> algorithm_from_tag(std::string_view tag) noexcept;

/// The algorithm fhash assumes for an untagged hex digest of the given byte length when the
/// user named none: 16 md5, 20 sha1, 28 sha224, 32 sha256, 48 sha384, 64 sha512.
std::optional<Algorithm> default_algorithm_for_size(std::size_t digest_size) noexcept;

}  // namespace fhash
