#include "support/catch.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "fhash/digest.hpp"
#include "fhash/hasher.hpp"

using namespace fhash;  // NOLINT: test file

namespace {

std::vector<std::uint8_t> bytes_of(std::size_t n) {
    std::vector<std::uint8_t> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        out[i] = static_cast<std::uint8_t>((i * 131 + 7) & 0xffu);
    }
    return out;
}

Digest one_shot(Algorithm a, std::span<const std::uint8_t> data) {
    Result<std::unique_ptr<Hasher>> hasher = make_hasher(a);
    REQUIRE(hasher);
    REQUIRE((*hasher)->update(data));
    Result<Digest> digest = (*hasher)->finish();
    REQUIRE(digest);
    return *digest;
}

/// The S3 rule written out: the digest of each part, then the digest of their bytes.
std::string composed(Algorithm part, Algorithm combine, std::span<const std::uint8_t> data,
                     std::size_t part_size) {
    std::vector<std::uint8_t> joined;
    std::size_t parts = 0;
    for (std::size_t at = 0; at < data.size(); at += part_size, ++parts) {
        const Digest d = one_shot(part, data.subspan(at, std::min(part_size, data.size() - at)));
        joined.insert(joined.end(), d.bytes().begin(), d.bytes().end());
    }
    return to_hex(one_shot(combine, joined)) + "-" + std::to_string(parts);
}

std::string cloud_text(HashSpec spec, std::span<const std::uint8_t> data, std::size_t piece) {
    Result<std::unique_ptr<Hasher>> hasher = make_hasher(spec);
    REQUIRE(hasher);
    for (std::size_t at = 0; at < data.size(); at += piece) {
        REQUIRE((*hasher)->update(data.subspan(at, std::min(piece, data.size() - at))));
    }
    Result<Digest> digest = (*hasher)->finish();
    REQUIRE(digest);
    CHECK((*hasher)->algorithm() == spec.algorithm);
    return digest_text(spec.algorithm, *digest);
}

}  // namespace

TEST_CASE("s3-etag: parts cut at the part size, whatever the updates", "[backend][cloud]") {
    const std::vector<std::uint8_t> data = bytes_of(1000);
    for (const std::size_t piece : {1ul, 7ul, 100ul, 333ul, 1000ul}) {
        INFO("piece " << piece);
        // 1000 bytes in parts of 300: 4 parts; of 250: exactly 4, no empty fifth.
        CHECK(cloud_text({Algorithm::s3_etag, 0, 300}, data, piece) ==
              composed(Algorithm::md5, Algorithm::md5, data, 300));
        CHECK(cloud_text({Algorithm::s3_etag, 0, 250}, data, piece) ==
              composed(Algorithm::md5, Algorithm::md5, data, 250));
        // At least one part's size: one part, "-1"; smaller: the plain MD5.
        CHECK(cloud_text({Algorithm::s3_etag, 0, 1000}, data, piece) ==
              composed(Algorithm::md5, Algorithm::md5, data, 1000));
        CHECK(cloud_text({Algorithm::s3_etag, 0, 1001}, data, piece) ==
              to_hex(one_shot(Algorithm::md5, data)));
    }
}

TEST_CASE("composite checksums and dropbox combine with their own algorithm", "[backend][cloud]") {
    const std::vector<std::uint8_t> data = bytes_of(5000);
    const std::string sha = composed(Algorithm::sha256, Algorithm::sha256, data, 2000);
    const std::string text = cloud_text({Algorithm::s3_sha256, 0, 2000}, data, 999);
    // base64 then -N: compare through the parser
    const std::optional<Digest> parsed = digest_from_text(Algorithm::s3_sha256, text);
    REQUIRE(parsed);
    CHECK(to_hex(Digest(parsed->bytes().first(32))) + "-3" == sha);
    CHECK(text.ends_with("-3"));
    // Dropbox: 4 MiB blocks, no count, always combined (even one block, even none).
    const std::vector<std::uint8_t> small = bytes_of(10);
    CHECK(cloud_text({Algorithm::dropbox}, small, 3) ==
          to_hex(one_shot(Algorithm::sha256, one_shot(Algorithm::sha256, small).bytes())));
    CHECK(cloud_text({Algorithm::dropbox}, {}, 1) ==
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("plain cloud digests are base64 of their base algorithm", "[backend][cloud]") {
    const std::string data = "data";
    const std::span<const std::uint8_t> bytes(reinterpret_cast<const std::uint8_t*>(data.data()),
                                              data.size());
    CHECK(cloud_text({Algorithm::gcs_crc32c}, bytes, 1) == "rth90Q==");  // GCS's own example
    CHECK(cloud_text({Algorithm::azure_md5}, bytes, 2) ==
          to_base64(one_shot(Algorithm::md5, bytes)));
    CHECK(cloud_text({Algorithm::s3_crc64nvme}, bytes, 3) ==
          to_base64(one_shot(Algorithm::crc64nvme, bytes)));
}

TEST_CASE("texts with parts read back", "[digest][cloud]") {
    const std::optional<Digest> etag =
        digest_from_text(Algorithm::s3_etag, "0123456789abcdef0123456789abcdef-12");
    REQUIRE(etag);
    CHECK(etag->size() == 20);
    CHECK(digest_text(Algorithm::s3_etag, *etag) == "0123456789abcdef0123456789abcdef-12");
    const std::optional<Digest> whole =
        digest_from_text(Algorithm::s3_etag, "0123456789ABCDEF0123456789abcdef");
    REQUIRE(whole);
    CHECK(digest_text(Algorithm::s3_etag, *whole) == "0123456789abcdef0123456789abcdef");
    CHECK_FALSE(digest_from_text(Algorithm::s3_etag, "0123456789abcdef0123456789abcdef-0"));
    CHECK_FALSE(digest_from_text(Algorithm::s3_etag, "0123456789abcdef0123456789abcdef-"));
    CHECK_FALSE(digest_from_text(Algorithm::s3_etag, "0123456789abcdef-2"));
    CHECK(digest_from_text(Algorithm::s3_crc32c, "rth90Q==-2"));
    CHECK_FALSE(digest_from_text(Algorithm::s3_crc32c, "rth90Q=-2"));
}
