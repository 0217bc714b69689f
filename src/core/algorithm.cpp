#include "fhash/algorithm.hpp"

#include <array>
#include <string>

#include "fhash/text.hpp"

namespace fhash {
namespace {

using F = Family;
using T = DigestText;

constexpr std::array<AlgorithmInfo, 38> k_algorithms{{
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
    {Algorithm::blake2b, "blake2b", "BLAKE2b", "BLAKE2B", "BLAKE2b-512", 64, F::classic, T::hex, 1,
     64},
    {Algorithm::blake2s, "blake2s", "BLAKE2s", "BLAKE2S", "BLAKE2s-256", 32},
    {Algorithm::blake3, "blake3", "BLAKE3", "BLAKE3", "BLAKE3", 32, F::blake3, T::hex, 1, 128,
     true},
    {Algorithm::xxh32, "xxh32", "XXH32", "XXH32", "XXH32", 4, F::xxhash},
    {Algorithm::xxh64, "xxh64", "XXH64", "XXH64", "XXH64", 8, F::xxhash},
    {Algorithm::xxh3, "xxh3", "XXH3", "XXH3", "XXH3-64", 8, F::xxhash, T::hex, 0, 0, false, true},
    {Algorithm::xxh128, "xxh128", "XXH128", "XXH128", "XXH3-128", 16, F::xxhash},
    {Algorithm::crc32, "crc32", "CRC32", "CRC32", "CRC-32", 4, F::crc},
    {Algorithm::crc32c, "crc32c", "CRC32C", "CRC32C", "CRC-32C", 4, F::crc},
    {Algorithm::crc64nvme, "crc64nvme", "CRC64NVME", "CRC64NVME", "CRC-64/NVME", 8, F::crc},
    {Algorithm::cksum, "cksum", "CKSUM", "CKSUM", "POSIX cksum", 4, F::crc, T::decimal},
    {Algorithm::sm3, "sm3", "SM3", "SM3", "SM3", 32},
    {Algorithm::ripemd160, "ripemd160", "RIPEMD160", "RIPEMD160", "RIPEMD-160", 20},
    {Algorithm::shake128, "shake128", "SHAKE128", "SHAKE128", "SHAKE128", 16, F::classic, T::hex, 1,
     128, true},
    {Algorithm::shake256, "shake256", "SHAKE256", "SHAKE256", "SHAKE256", 32, F::classic, T::hex, 1,
     128, true},
    {Algorithm::sum_bsd, "sum-bsd", "BSD", "BSD", "BSD sum", 2, F::crc, T::decimal},
    {Algorithm::sum_sysv, "sum-sysv", "SYSV", "SYSV", "System V sum", 2, F::crc, T::decimal},
    {Algorithm::s3_etag, "s3-etag", "S3-ETAG", "S3_ETAG", "S3 ETag", 20, F::cloud, T::hex_parts, 0,
     0, false, true},
    {Algorithm::s3_sha256, "s3-sha256", "S3-SHA256", "S3_SHA256", "S3 SHA-256 (composite)", 36,
     F::cloud, T::base64_parts, 0, 0, false, true},
    {Algorithm::s3_sha1, "s3-sha1", "S3-SHA1", "S3_SHA1", "S3 SHA-1 (composite)", 24, F::cloud,
     T::base64_parts, 0, 0, false, true},
    {Algorithm::s3_crc32, "s3-crc32", "S3-CRC32", "S3_CRC32", "S3 CRC-32 (composite)", 8, F::cloud,
     T::base64_parts, 0, 0, false, true},
    {Algorithm::s3_crc32c, "s3-crc32c", "S3-CRC32C", "S3_CRC32C", "S3 CRC-32C (composite)", 8,
     F::cloud, T::base64_parts, 0, 0, false, true},
    {Algorithm::s3_crc64nvme, "s3-crc64nvme", "S3-CRC64NVME", "S3_CRC64NVME", "S3 CRC-64/NVME", 8,
     F::cloud, T::base64, 0, 0, false, true},
    {Algorithm::gcs_crc32c, "gcs-crc32c", "GCS-CRC32C", "GCS_CRC32C", "GCS crc32c", 4, F::cloud,
     T::base64, 0, 0, false, true},
    {Algorithm::azure_md5, "azure-md5", "AZURE-MD5", "AZURE_MD5", "Azure Content-MD5", 16, F::cloud,
     T::base64, 0, 0, false, true},
    {Algorithm::dropbox, "dropbox", "DROPBOX", "DROPBOX", "Dropbox content_hash", 32, F::cloud,
     T::hex, 0, 0, false, true},
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

constexpr std::array<Alias, 76> k_aliases{{
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
    {"blake3", Algorithm::blake3},
    {"b3", Algorithm::blake3},
    {"xxh32", Algorithm::xxh32},
    {"xxhash32", Algorithm::xxh32},
    {"xxh64", Algorithm::xxh64},
    {"xxhash64", Algorithm::xxh64},
    {"xxh3", Algorithm::xxh3},
    {"xxh364", Algorithm::xxh3},
    {"xxh128", Algorithm::xxh128},
    {"xxh3128", Algorithm::xxh128},
    {"xxhash128", Algorithm::xxh128},
    {"crc32", Algorithm::crc32},
    {"crc32b", Algorithm::crc32},
    {"crc32ieee", Algorithm::crc32},
    {"crc32c", Algorithm::crc32c},
    {"crc32castagnoli", Algorithm::crc32c},
    {"crc64nvme", Algorithm::crc64nvme},
    {"cksum", Algorithm::cksum},
    {"crc", Algorithm::cksum},
    {"sm3", Algorithm::sm3},
    {"ripemd160", Algorithm::ripemd160},
    {"rmd160", Algorithm::ripemd160},
    {"shake128", Algorithm::shake128},
    {"shake256", Algorithm::shake256},
    {"sumbsd", Algorithm::sum_bsd},
    {"bsd", Algorithm::sum_bsd},
    {"sysv", Algorithm::sum_sysv},
    {"bsdsum", Algorithm::sum_bsd},
    {"sumsysv", Algorithm::sum_sysv},
    {"sysvsum", Algorithm::sum_sysv},
    {"md5sum", Algorithm::md5},
    {"sha1sum", Algorithm::sha1},
    {"sha224sum", Algorithm::sha224},
    {"sha256sum", Algorithm::sha256},
    {"sha384sum", Algorithm::sha384},
    {"sha512sum", Algorithm::sha512},
    {"b2sum", Algorithm::blake2b},
    {"blake2bsum", Algorithm::blake2b},
    {"b3sum", Algorithm::blake3},
    {"blake3sum", Algorithm::blake3},
    {"xxhsum", Algorithm::xxh64},
    {"s3etag", Algorithm::s3_etag},
    {"etag", Algorithm::s3_etag},
    {"s3sha256", Algorithm::s3_sha256},
    {"s3sha1", Algorithm::s3_sha1},
    {"s3crc32", Algorithm::s3_crc32},
    {"s3crc32c", Algorithm::s3_crc32c},
    {"s3crc64nvme", Algorithm::s3_crc64nvme},
    {"gcscrc32c", Algorithm::gcs_crc32c},
    {"azuremd5", Algorithm::azure_md5},
    {"dropbox", Algorithm::dropbox},
    {"dropboxcontenthash", Algorithm::dropbox},
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

std::uint64_t default_part_size(Algorithm a) noexcept {
    constexpr std::uint64_t k_mib = std::uint64_t{1} << 20;
    if (a == Algorithm::dropbox) {
        return 4 * k_mib;
    }
    return takes_part_size(a) ? 8 * k_mib : 0;
}

bool takes_part_size(Algorithm a) noexcept {
    return a == Algorithm::s3_etag || a == Algorithm::s3_sha256 || a == Algorithm::s3_sha1 ||
           a == Algorithm::s3_crc32 || a == Algorithm::s3_crc32c;
}

Algorithm base_algorithm(Algorithm a) noexcept {
    switch (a) {
        case Algorithm::s3_etag:
        case Algorithm::azure_md5:
            return Algorithm::md5;
        case Algorithm::s3_sha256:
        case Algorithm::dropbox:
            return Algorithm::sha256;
        case Algorithm::s3_sha1:
            return Algorithm::sha1;
        case Algorithm::s3_crc32:
            return Algorithm::crc32;
        case Algorithm::s3_crc32c:
        case Algorithm::gcs_crc32c:
            return Algorithm::crc32c;
        case Algorithm::s3_crc64nvme:
            return Algorithm::crc64nvme;
        default:
            return a;
    }
}

std::size_t digest_value_size(Algorithm a) noexcept {
    const AlgorithmInfo& info = algorithm_info(a);
    const bool parts = info.text == DigestText::hex_parts || info.text == DigestText::base64_parts;
    return parts ? info.digest_size - 4 : info.digest_size;
}

bool valid_digest_size(Algorithm a, std::size_t size) noexcept {
    const AlgorithmInfo& info = algorithm_info(a);
    return size == info.digest_size ||
           (has_variable_length(info) && size >= info.min_size && size <= info.max_size);
}

std::optional<TaggedAlgorithm> algorithm_from_tag(std::string_view tag) noexcept {
    // Tags never carry the "sum" suffixes; otherwise the same spellings apply
    // (coreutils "SHA256", RHash "SHA3-256"/"BLAKE2S", OpenSSL "SHA2-256"/"BLAKE2B-512").
    if (tag.empty() || tag.size() > 32) {
        return std::nullopt;
    }
    const std::string key = normalise(tag);
    if (key.size() > 3 && key.ends_with("sum") && key != "cksum") {
        return std::nullopt;
    }
    if (const std::optional<Algorithm> a = parse_algorithm(tag)) {
        return TaggedAlgorithm{*a, 0};
    }
    // b2sum -l: "BLAKE2b-256", a length in bits, a multiple of 8 up to 512.
    constexpr std::string_view k_blake2b = "blake2b";
    if (key.starts_with(k_blake2b) && key.size() > k_blake2b.size() &&
        key.size() <= k_blake2b.size() + 3 && key[k_blake2b.size()] != '0') {
        std::size_t bits = 0;
        for (const char c : key.substr(k_blake2b.size())) {
            if (c < '0' || c > '9') {
                return std::nullopt;
            }
            bits = bits * 10 + static_cast<std::size_t>(c - '0');
        }
        if (bits % 8 == 0 && valid_digest_size(Algorithm::blake2b, bits / 8)) {
            return TaggedAlgorithm{Algorithm::blake2b, bits / 8};
        }
    }
    return std::nullopt;
}

std::string bsd_tag_for(Algorithm a, std::size_t size) {
    const AlgorithmInfo& info = algorithm_info(a);
    std::string tag(info.bsd_tag);
    if (a == Algorithm::blake2b && size != info.digest_size) {
        tag += '-';
        tag += std::to_string(size * 8);
    }
    return tag;
}

UntaggedConvention untagged_convention_for(std::string_view manifest_name) noexcept {
    const std::size_t slash = manifest_name.find_last_of("/\\");
    const std::string_view base =
        slash == std::string_view::npos ? manifest_name : manifest_name.substr(slash + 1);
    const std::string lower = [&] {
        std::string out;
        for (const char c : base) {
            out += ascii_lower(c);
        }
        return out;
    }();
    const std::size_t dot = lower.rfind('.');
    const std::string_view ext =
        dot == std::string::npos ? std::string_view() : std::string_view(lower).substr(dot + 1);
    if (lower == "b3sums" || ext == "b3" || ext == "b3sum" || ext == "b3sums") {
        return UntaggedConvention::b3sum;
    }
    if ((lower.starts_with("xxh") && lower.ends_with("sums")) || ext.starts_with("xxh")) {
        return UntaggedConvention::xxhsum;
    }
    return UntaggedConvention::gnu;
}

std::optional<Algorithm> default_algorithm_for_size(std::size_t digest_size,
                                                    UntaggedConvention convention) noexcept {
    if (convention == UntaggedConvention::b3sum) {
        return valid_digest_size(Algorithm::blake3, digest_size)
                   ? std::optional<Algorithm>(Algorithm::blake3)
                   : std::nullopt;
    }
    if (convention == UntaggedConvention::xxhsum) {
        switch (digest_size) {
            case 4:
                return Algorithm::xxh32;
            case 8:
                return Algorithm::xxh64;
            case 16:
                return Algorithm::xxh128;
            default:
                return std::nullopt;
        }
    }
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
