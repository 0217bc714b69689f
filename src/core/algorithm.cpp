#include "fhash/algorithm.hpp"

#include <array>
#include <string>

#include "fhash/text.hpp"

namespace fhash {
namespace {

constexpr std::array<AlgorithmInfo, 14> k_algorithms{{
    {Algorithm::md5, "md5", "MD5", "MD5", "MD5", 16},
    {Algorithm::sha1, "sha1", "SHA1", "SHA1", "SHA-1", 20},
    {Algorithm::sha224, "sha224", "SHA224", "SHA224", "SHA-224", 28},
    {Algorithm::sha256, "sha256", "SHA256", "SHA256", "SHA-256", 32},
    {Algorithm::sha384, "sha384", "SHA384", "SHA384", "SHA-384", 48},
    {Algorithm::sha512, "sha512", "SHA512", "SHA512", "SHA-512", 64},
    {Algorithm::sha512_224, "sha512-224", "SHA512-224", "SHA512_224", "SHA-512/224", 28},
    {Algorithm::sha512_256, "sha512-256", "SHA512-256", "SHA512_256", "SHA-512/256", 32},
    {Algorithm::sha3_224, "sha3-224", "SHA3-224", "SHA3_224", "SHA3-224", 28},
    {Algorithm::sha3_256, "sha3-256", "SHA3-256", "SHA3_256", "SHA3-256", 32},
    {Algorithm::sha3_384, "sha3-384", "SHA3-384", "SHA3_384", "SHA3-384", 48},
    {Algorithm::sha3_512, "sha3-512", "SHA3-512", "SHA3_512", "SHA3-512", 64},
    {Algorithm::blake2b, "blake2b", "BLAKE2b", "BLAKE2B", "BLAKE2b-512", 64},
    {Algorithm::blake2s, "blake2s", "BLAKE2s", "BLAKE2S", "BLAKE2s-256", 32},
}};

// Lower-cases ASCII and drops '-', '_', '/' and ' ' so that "SHA-256", "sha_256",
// "SHA512/224" and "sha 256" all compare as "sha256" / "sha512224".
std::string normalise(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        if (c == '-' || c == '_' || c == '/' || c == ' ') {
            continue;
        }
        out += ascii_lower(c);
    }
    return out;
}

struct Alias {
    std::string_view key;  // normalised spelling
    Algorithm id;
};

constexpr std::array<Alias, 32> k_aliases{{
    {"md5", Algorithm::md5},
    {"sha1", Algorithm::sha1},
    {"sha", Algorithm::sha1},
    {"sha224", Algorithm::sha224},
    {"sha2224", Algorithm::sha224},
    {"sha256", Algorithm::sha256},
    {"sha2256", Algorithm::sha256},
    {"sha384", Algorithm::sha384},
    {"sha2384", Algorithm::sha384},
    {"sha512", Algorithm::sha512},
    {"sha2512", Algorithm::sha512},
    {"sha512224", Algorithm::sha512_224},
    {"sha2512224", Algorithm::sha512_224},
    {"sha512256", Algorithm::sha512_256},
    {"sha2512256", Algorithm::sha512_256},
    {"sha3224", Algorithm::sha3_224},
    {"sha3256", Algorithm::sha3_256},
    {"sha3384", Algorithm::sha3_384},
    {"sha3512", Algorithm::sha3_512},
    {"blake2b", Algorithm::blake2b},
    {"blake2b512", Algorithm::blake2b},
    {"b2", Algorithm::blake2b},
    {"blake2s", Algorithm::blake2s},
    {"blake2s256", Algorithm::blake2s},
    {"md5sum", Algorithm::md5},
    {"sha1sum", Algorithm::sha1},
    {"sha224sum", Algorithm::sha224},
    {"sha256sum", Algorithm::sha256},
    {"sha384sum", Algorithm::sha384},
    {"sha512sum", Algorithm::sha512},
    {"b2sum", Algorithm::blake2b},
    {"blake2bsum", Algorithm::blake2b},
}};

}  // namespace

std::span<const AlgorithmInfo> all_algorithms() noexcept {
    return k_algorithms;
}

const AlgorithmInfo& algorithm_info(Algorithm a) noexcept {
    return k_algorithms[static_cast<std::size_t>(a)];
}

std::optional<Algorithm> parse_algorithm(std::string_view name) noexcept {
    if (name.empty() || name.size() > 32) {
        return std::nullopt;
    }
    const std::string key = normalise(name);
    for (const Alias& alias : k_aliases) {
        if (alias.key == key) {
            return alias.id;
        }
    }
    return std::nullopt;
}

std::optional<Algorithm> algorithm_from_tag(std::string_view tag) noexcept {
    // Tags never carry the "sum" suffixes; otherwise the same spellings apply
    // (coreutils "SHA256", RHash "SHA3-256"/"BLAKE2S", OpenSSL "SHA2-256"/"BLAKE2B-512").
    if (tag.size() > 3 && normalise(tag).ends_with("sum")) {
        return std::nullopt;
    }
    return parse_algorithm(tag);
}

std::optional<Algorithm> default_algorithm_for_size(std::size_t digest_size) noexcept {
    switch (digest_size) {
        case 16:
            return Algorithm::md5;
        case 20:
            return Algorithm::sha1;
        case 28:
            return Algorithm::sha224;
        case 32:
            return Algorithm::sha256;
        case 48:
            return Algorithm::sha384;
        case 64:
            return Algorithm::sha512;
        default:
            return std::nullopt;
    }
}

}  // namespace fhash
