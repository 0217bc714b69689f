#include "support/catch.hpp"

#include "fhash/algorithm.hpp"
#include "fhash/digest.hpp"

using namespace fhash;

TEST_CASE("hex round trip, both cases accepted, lower-case written", "[digest]") {
    const auto d = digest_from_hex("900150983CD24FB0D6963F7D28E17F72");
    REQUIRE(d.has_value());
    CHECK(d->size() == 16);
    CHECK(to_hex(*d) == "900150983cd24fb0d6963f7d28e17f72");
    CHECK(to_hex_upper(*d) == "900150983CD24FB0D6963F7D28E17F72");
}

TEST_CASE("hex rejects odd length, bad digits, empty and oversize", "[digest]") {
    CHECK_FALSE(digest_from_hex("abc").has_value());
    CHECK_FALSE(digest_from_hex("zz").has_value());
    CHECK_FALSE(digest_from_hex("").has_value());
    CHECK_FALSE(digest_from_hex(std::string(258, 'a')).has_value());
    CHECK(digest_from_hex(std::string(128, 'a')).has_value());
}

TEST_CASE("base64 of FCIV digests", "[digest]") {
    // docs/formats.md, "Known-answer values": base64 of MD5("abc"), SHA-1("abc"), MD5("").
    const auto md5_abc = digest_from_hex("900150983cd24fb0d6963f7d28e17f72");
    CHECK(to_base64(*md5_abc) == "kAFQmDzST7DWlj99KOF/cg==");
    const auto sha1_abc = digest_from_hex("a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(to_base64(*sha1_abc) == "qZk+NkcGgWq6PiVxeFDCbJzQ2J0=");
    const auto fciv = digest_from_base64("I8/JcR4TUoo1GLB6gXmAsQ==");
    REQUIRE(fciv.has_value());
    CHECK(to_hex(*fciv) == "23cfc9711e13528a3518b07a817980b1");
    const auto sha256 = digest_from_base64("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
    REQUIRE(sha256.has_value());
    CHECK(to_hex(*sha256) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("base64 rejects bad padding, bad characters, stray bits", "[digest]") {
    CHECK_FALSE(digest_from_base64("kAFQmDzST7DWlj99KOF/cg=").has_value());
    CHECK_FALSE(digest_from_base64("kAFQmDzST7DWlj99KOF/c===").has_value());
    CHECK_FALSE(digest_from_base64("kAFQmDzST7DWlj99KOF/cg!=").has_value());
    CHECK_FALSE(digest_from_base64("kA=QmDzST7DWlj99KOF/cg==").has_value());
    CHECK_FALSE(digest_from_base64("kAFQmDzST7DWlj99KOF/ch==").has_value());
    CHECK_FALSE(digest_from_base64("").has_value());
}

TEST_CASE("digest equality compares size and bytes", "[digest]") {
    const auto a = digest_from_hex("00ff");
    const auto b = digest_from_hex("00fe");
    const auto c = digest_from_hex("00ff00");
    CHECK(*a == *digest_from_hex("00FF"));
    CHECK_FALSE(*a == *b);
    CHECK_FALSE(*a == *c);
}

TEST_CASE("algorithm names parse case-insensitively in common spellings", "[algorithm]") {
    CHECK(parse_algorithm("sha256") == Algorithm::sha256);
    CHECK(parse_algorithm("SHA-256") == Algorithm::sha256);
    CHECK(parse_algorithm("Sha2-256") == Algorithm::sha256);
    CHECK(parse_algorithm("SHA512/224") == Algorithm::sha512_224);
    CHECK(parse_algorithm("sha512-256") == Algorithm::sha512_256);
    CHECK(parse_algorithm("SHA3_256") == Algorithm::sha3_256);
    CHECK(parse_algorithm("blake2b512") == Algorithm::blake2b);
    CHECK(parse_algorithm("BLAKE2s-256") == Algorithm::blake2s);
    CHECK_FALSE(parse_algorithm("sha257").has_value());
    CHECK_FALSE(parse_algorithm("").has_value());
    for (const AlgorithmInfo& info : all_algorithms()) {
        CHECK(parse_algorithm(info.name) == info.id);
        const std::optional<TaggedAlgorithm> tagged = algorithm_from_tag(info.bsd_tag);
        REQUIRE(tagged.has_value());
        CHECK(tagged->algorithm == info.id);
        CHECK(tagged->size == 0);
        CHECK(algorithm_info(info.id).id == info.id);
    }
}

TEST_CASE("default algorithm by digest size", "[algorithm]") {
    CHECK(default_algorithm_for_size(16) == Algorithm::md5);
    CHECK(default_algorithm_for_size(32) == Algorithm::sha256);
    CHECK(default_algorithm_for_size(64) == Algorithm::sha512);
    CHECK_FALSE(default_algorithm_for_size(17).has_value());
    CHECK(default_algorithm_for_size(32, UntaggedConvention::b3sum) == Algorithm::blake3);
    CHECK(default_algorithm_for_size(64, UntaggedConvention::b3sum) == Algorithm::blake3);
    CHECK(default_algorithm_for_size(4, UntaggedConvention::xxhsum) == Algorithm::xxh32);
    CHECK(default_algorithm_for_size(8, UntaggedConvention::xxhsum) == Algorithm::xxh64);
    CHECK(default_algorithm_for_size(16, UntaggedConvention::xxhsum) == Algorithm::xxh128);
    CHECK_FALSE(default_algorithm_for_size(32, UntaggedConvention::xxhsum).has_value());
}

TEST_CASE("new algorithm spellings and b2sum's length tags", "[algorithm]") {
    CHECK(parse_algorithm("BLAKE3") == Algorithm::blake3);
    CHECK(parse_algorithm("XXH3_64") == Algorithm::xxh3);
    CHECK(parse_algorithm("xxh3-128") == Algorithm::xxh128);
    CHECK(parse_algorithm("CRC-32C") == Algorithm::crc32c);
    CHECK(parse_algorithm("crc32b") == Algorithm::crc32);
    CHECK(parse_algorithm("CRC-64/NVME") == Algorithm::crc64nvme);
    CHECK(parse_algorithm("RIPEMD-160") == Algorithm::ripemd160);
    const std::optional<TaggedAlgorithm> b256 = algorithm_from_tag("BLAKE2b-256");
    REQUIRE(b256.has_value());
    CHECK(b256->algorithm == Algorithm::blake2b);
    CHECK(b256->size == 32);
    CHECK_FALSE(algorithm_from_tag("BLAKE2b-260").has_value());  // not a multiple of 8
    CHECK_FALSE(algorithm_from_tag("BLAKE2b-520").has_value());  // over 512
    CHECK_FALSE(algorithm_from_tag("BLAKE2b-0256").has_value());
    CHECK_FALSE(algorithm_from_tag("b3sum").has_value());
    CHECK(bsd_tag_for(Algorithm::blake2b, 32) == "BLAKE2b-256");
    CHECK(bsd_tag_for(Algorithm::blake2b, 64) == "BLAKE2b");
    CHECK(bsd_tag_for(Algorithm::blake3, 64) == "BLAKE3");
}

TEST_CASE("a manifest's name picks the untagged convention", "[algorithm]") {
    CHECK(untagged_convention_for("B3SUMS") == UntaggedConvention::b3sum);
    CHECK(untagged_convention_for("dir/release.b3") == UntaggedConvention::b3sum);
    CHECK(untagged_convention_for("C:\\x\\XXH64SUMS") == UntaggedConvention::xxhsum);
    CHECK(untagged_convention_for("files.xxh128") == UntaggedConvention::xxhsum);
    CHECK(untagged_convention_for("SHA256SUMS") == UntaggedConvention::gnu);
    CHECK(untagged_convention_for("b3/SHA256SUMS") == UntaggedConvention::gnu);
}

TEST_CASE("cksum digests are written and read in decimal", "[digest]") {
    const std::optional<Digest> d = digest_from_text(Algorithm::cksum, "930766865");
    REQUIRE(d.has_value());
    CHECK(to_hex(*d) == "377a6011");
    CHECK(digest_text(Algorithm::cksum, *d) == "930766865");
    CHECK(digest_text(Algorithm::crc32, *d) == "377a6011");
    CHECK_FALSE(digest_from_text(Algorithm::cksum, "4294967296").has_value());
    CHECK_FALSE(digest_from_text(Algorithm::cksum, "12a").has_value());
    CHECK_FALSE(digest_from_text(Algorithm::cksum, "").has_value());
}
