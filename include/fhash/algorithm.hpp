#pragma once
/// @file algorithm.hpp
/// The digest algorithms fhash knows, with their names in every format we read or write.

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace fhash {

/// Every algorithm fhash can name. Whether this build computes it is a separate question:
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
    blake2b,  ///< BLAKE2b, 512 bits unless a length is given
    blake2s,  ///< BLAKE2s-256
    blake3,   ///< BLAKE3, 256 bits unless a length is given (extendable output)
    xxh32,
    xxh64,
    xxh3,       ///< XXH3, 64 bits
    xxh128,     ///< XXH3, 128 bits
    crc32,      ///< CRC-32 of zlib, gzip, zip and PNG (IEEE 802.3, reflected)
    crc32c,     ///< CRC-32C (Castagnoli): iSCSI, ext4, GCS, S3
    crc64nvme,  ///< CRC-64/NVME: NVMe, S3's and Azure's CRC64
    cksum,      ///< POSIX cksum: CRC-32 (MSB first) with the length folded in
    sm3,
    ripemd160,
    shake128,  ///< SHAKE128, 128 bits unless a length is given (as OpenSSL)
    shake256,  ///< SHAKE256, 256 bits unless a length is given (as OpenSSL)
    sum_bsd,   ///< BSD sum (sum -r): 16-bit rotating checksum
    sum_sysv,  ///< System V sum (sum -s): the byte sum folded to 16 bits
    // What cloud object stores show (Family::cloud). Those with parts depend on the part
    // size (HashSpec::part_size); their digest is the value and, in 4 more bytes (big-endian),
    // the number of parts, 0 for an object uploaded whole (no "-N" written).
    s3_etag,       ///< S3 ETag: MD5, or MD5 of the parts' MD5s then "-N"; hex
    s3_sha256,     ///< S3 composite SHA-256: of the parts' SHA-256s, base64 then "-N"
    s3_sha1,       ///< S3 composite SHA-1, as s3_sha256
    s3_crc32,      ///< S3 composite CRC-32, as s3_sha256
    s3_crc32c,     ///< S3 composite CRC-32C, as s3_sha256
    s3_crc64nvme,  ///< S3 full-object CRC-64/NVME, base64 of the big-endian value
    gcs_crc32c,    ///< Google Cloud Storage crc32c, base64 of the big-endian value
    azure_md5,     ///< Azure Blob Storage Content-MD5, base64
    dropbox,       ///< Dropbox content_hash: SHA-256 of the SHA-256s of 4 MiB blocks; hex
};

/// Which library family computes an algorithm (hasher.hpp maps each to a provider).
enum class Family {
    classic,  ///< OpenSSL EVP on Unix, Windows CNG on Windows
    blake3,   ///< the official BLAKE3 C implementation
    xxhash,   ///< libxxhash
    crc,      ///< ISA-L where available, portable code elsewhere
    cloud,    ///< digests of parts or re-encodings, built on the algorithms above
};

/// How a digest is written as text in manifests and machine-readable output.
enum class DigestText {
    hex,      ///< lower-case hex of the bytes (big-endian for the integer digests)
    decimal,  ///< the digest as an unsigned big-endian integer in decimal (POSIX cksum)
    base64,   ///< standard base64 of the bytes (GCS, Azure, S3 checksums)
    /// hex of the value, then "-N" for N parts (S3 ETag); the digest ends with the count
    hex_parts,
    /// base64 of the value, then "-N" for N parts (S3 composite checksums)
    base64_parts,
};

/// Immutable facts about one algorithm.
struct AlgorithmInfo {
    Algorithm id;
    std::string_view name;  ///< canonical CLI name, lower-case: "sha256", "sha512-224"
    std::string_view
        bsd_tag;  ///< tag in BSD/--tag lines, as the peers write it: "SHA256", "BLAKE2b", "XXH3"
    std::string_view
        fciv_element;  ///< FCIV-XML element name: "MD5", "SHA1", "SHA256" (PsFCIV style)
    std::string_view display_name;  ///< human name: "SHA-256", "BLAKE2b-512"
    std::size_t digest_size;        ///< bytes, by default
    Family family = Family::classic;
    DigestText text = DigestText::hex;
    /// Other output lengths the algorithm takes (-l), in bytes; both 0 for a fixed length.
    std::size_t min_size = 0;
    std::size_t max_size = 0;
    /// True if a shorter output is a prefix of a longer one (BLAKE3, SHAKE); false for
    /// BLAKE2b, where the length is a parameter that changes every byte.
    bool extendable = false;
    /// GNU-format lines of this algorithm are written tagged ("XXH3 (name) = hex"), as
    /// xxhsum does for XXH3-64, whose untagged line could not be told from XXH64's.
    bool always_tagged = false;
};

/// BLAKE3's modes besides plain hashing (b3sum --keyed, --derive-key).
enum class KeyUse : std::uint8_t {
    none,        ///< plain hashing
    keyed,       ///< keyed hashing: HashSpec::key is the 32-byte key
    derive_key,  ///< key derivation: HashSpec::key is the context string
};

/// An algorithm with its parameters: what a hasher is made for.
struct HashSpec {
    Algorithm algorithm;
    std::size_t size = 0;  ///< bytes; 0 = the algorithm's default size
    /// Bytes per part of the algorithms with parts (S3); 0 = default_part_size().
    std::uint64_t part_size = 0;
    /// BLAKE3 only: keyed hashing or key derivation, with `key`.
    KeyUse key_use = KeyUse::none;
    std::string key{};
    friend auto operator<=>(const HashSpec&, const HashSpec&) = default;
};

/// The part size an algorithm uses when none is given: 8 MiB for the S3 ones (the AWS
/// CLI's multipart_chunksize and multipart_threshold), 4 MiB for Dropbox's blocks (fixed),
/// 0 for algorithms without parts.
std::uint64_t default_part_size(Algorithm a) noexcept;

/// True if the algorithm's digest depends on a part size the user chooses (s3-etag and the
/// S3 composite checksums).
bool takes_part_size(Algorithm a) noexcept;

/// The algorithm a cloud digest is computed with (md5 for s3-etag and azure-md5, sha256 for
/// s3-sha256 and dropbox, crc32c for gcs-crc32c ...); `a` itself for the others.
Algorithm base_algorithm(Algorithm a) noexcept;

/// Bytes of an algorithm's value without the part count of DigestText::hex_parts and
/// base64_parts (the digest's size otherwise).
std::size_t digest_value_size(Algorithm a) noexcept;

/// All algorithms, in a stable order (the order --list-algorithms prints).
std::span<const AlgorithmInfo> all_algorithms() noexcept;

/// Facts about one algorithm.
const AlgorithmInfo& algorithm_info(Algorithm a) noexcept;

/// True if the algorithm takes an output length other than its default.
[[nodiscard]] inline bool has_variable_length(const AlgorithmInfo& info) noexcept {
    return info.max_size != 0;
}

/// True if `size` bytes is an output length the algorithm can give (its default size, or
/// any size in [min_size, max_size] for those with a variable length).
bool valid_digest_size(Algorithm a, std::size_t size) noexcept;

/// Parses a user-given name, case-insensitively. Accepts the canonical name and the common
/// spellings: "SHA-256", "sha2-256", "SHA512/224", "sha3_256", "blake2b512", "BLAKE2b-512",
/// "XXH3_64", "CRC-32C", ... Returns nullopt for anything else.
std::optional<Algorithm> parse_algorithm(std::string_view name) noexcept;

/// An algorithm named by a tag, with the output length the tag states (b2sum's
/// "BLAKE2b-256"); size 0 when the tag states none.
struct TaggedAlgorithm {
    Algorithm algorithm;
    std::size_t size = 0;
};

/// Parses the tag of a BSD-style line ("SHA256", RHash's "SHA3-256", OpenSSL's "SHA2-256",
/// "BLAKE2b", "BLAKE2B-512", b2sum's "BLAKE2b-256", "XXH128", "CRC32C", ...).
/// Case-insensitive. nullopt if unknown.
std::optional<TaggedAlgorithm> algorithm_from_tag(std::string_view tag) noexcept;

/// The tag to write for `a` with an output of `size` bytes: bsd_tag, except BLAKE2b at a
/// length other than 512 bits, which b2sum writes as "BLAKE2b-256".
std::string bsd_tag_for(Algorithm a, std::size_t size);

/// Which tool's conventions an untagged manifest follows, judged from its file name.
enum class UntaggedConvention {
    gnu,     ///< md5sum and the sha*sum family: the length decides (16 md5 ... 64 sha512)
    b3sum,   ///< "B3SUMS", "*.b3": every untagged digest is BLAKE3
    xxhsum,  ///< "XXH*SUMS", "*.xxh*": 4 bytes XXH32, 8 XXH64, 16 XXH128
};

/// The convention a manifest's file name suggests ("B3SUMS", "x.b3", "XXH64SUMS",
/// "x.xxh128" ...); gnu for every other name. Only the last component is looked at.
UntaggedConvention untagged_convention_for(std::string_view manifest_name) noexcept;

/// The algorithm fhash assumes for an untagged hex digest of the given byte length when the
/// user named none: under the gnu convention 16 md5, 20 sha1, 28 sha224, 32 sha256,
/// 48 sha384, 64 sha512.
std::optional<Algorithm> default_algorithm_for_size(
    std::size_t digest_size, UntaggedConvention convention = UntaggedConvention::gnu) noexcept;

}  // namespace fhash
