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
    CHECK_FALSE(digest_from_hex(std::string(130, 'a')).has_value());
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
        CHECK(algorithm_from_tag(info.bsd_tag) == info.id);
        CHECK(algorithm_info(info.id).id == info.id);
    }
}

TEST_CASE("default algorithm by digest size", "[algorithm]") {
    CHECK(default_algorithm_for_size(16) == Algorithm::md5);
    CHECK(default_algorithm_for_size(32) == Algorithm::sha256);
    CHECK(default_algorithm_for_size(64) == Algorithm::sha512);
    CHECK_FALSE(default_algorithm_for_size(17).has_value());
}
