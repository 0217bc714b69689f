// The Windows CNG backend: known answers (docs/formats.md, "Known-answer values": RFC 1321,
// FIPS 180-4), split updates at awkward boundaries, reuse after reset; and which classic
// algorithms CNG serves and which libgcrypt serves for it (backends/gcrypt).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fhash/algorithm.hpp"
#include "fhash/digest.hpp"
#include "fhash/error.hpp"
#include "fhash/hasher.hpp"
#include "support/bytes.hpp"
#include "support/catch.hpp"
#include "support/hashers.hpp"

using namespace fhash;
using test::bytes_of;
using test::must_make;

namespace {

std::string finish_hex(Hasher& hasher) {
    Result<Digest> digest = hasher.finish();
    REQUIRE(digest.has_value());
    return to_hex(*digest);
}

/// Feeds `message` in pieces of the given sizes (cycled), then finishes.
std::string hash_in_pieces(Algorithm a, std::string_view message,
                           const std::vector<std::size_t>& pieces) {
    std::unique_ptr<Hasher> hasher = must_make(a);
    std::size_t next = 0;
    std::size_t offset = 0;
    while (offset < message.size()) {
        const std::size_t size = std::min(pieces[next++ % pieces.size()], message.size() - offset);
        REQUIRE(hasher->update(bytes_of(message.substr(offset, size))).has_value());
        offset += size;
    }
    return finish_hex(*hasher);
}

std::string hash_once(Algorithm a, std::string_view message) {
    std::unique_ptr<Hasher> hasher = must_make(a);
    REQUIRE(hasher->update(bytes_of(message)).has_value());
    return finish_hex(*hasher);
}

struct Vector {
    Algorithm algorithm;
    std::string_view empty;
    std::string_view abc;
    std::string_view bits448;
    std::string_view million_a;
};

constexpr std::string_view k_448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

const Vector k_vectors[] = {
    {Algorithm::md5, "d41d8cd98f00b204e9800998ecf8427e", "900150983cd24fb0d6963f7d28e17f72",
     "8215ef0796a20bcaaae116d3876c664a", "7707d6ae4e027c70eea2a935c2296f21"},
    {Algorithm::sha1, "da39a3ee5e6b4b0d3255bfef95601890afd80709",
     "a9993e364706816aba3e25717850c26c9cd0d89d", "84983e441c3bd26ebaae4aa1f95129e5e54670f1",
     "34aa973cd4c4daa4f61eeb2bdbad27316534016f"},
    {Algorithm::sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
     "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
    {Algorithm::sha384,
     "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b"
     "95b",
     "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c82"
     "5a7",
     "3391fdddfc8dc7393707a65b1b4709397cf8b1d162af05abfe8f450de5f36bc6b0455a8520bc4e6f5fe95b1fe3c84"
     "52b",
     "9d0e1809716474cb086e834e310a4a1ced149e9c00f248527972cec5704c2a5b07b8b3dc38ecc4ebae97ddd87f3d8"
     "985"},
    {Algorithm::sha512,
     "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877ee"
     "c2f63b931bd47417a81a538327af927da3e",
     "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3fee"
     "bbd454d4423643ce80e2a9ac94fa54ca49f",
     "204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c33596fd15c13b1b07f9aa1d3bea57789"
     "ca031ad85c7a71dd70354ec631238ca3445",
     "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973ebde0ff244877ea60a4cb0432ce577c"
     "31beb009c5c2c49aa2e4eadb217ad8cc09b"},
};

}  // namespace

TEST_CASE("CNG backend names itself", "[backend][cng]") {
    CHECK(backend_name() == "Windows CNG");
}

TEST_CASE("CNG known answers: empty, abc, 448-bit, one million a", "[backend][cng]") {
    const std::string million(1'000'000, 'a');
    for (const Vector& v : k_vectors) {
        INFO(algorithm_info(v.algorithm).name);
        CHECK(backend_supports(v.algorithm));
        CHECK(hash_once(v.algorithm, "") == v.empty);
        CHECK(hash_once(v.algorithm, "abc") == v.abc);
        CHECK(hash_once(v.algorithm, k_448) == v.bits448);
        CHECK(hash_once(v.algorithm, million) == v.million_a);
    }
}

TEST_CASE("CNG: a hasher that is fed nothing gives the empty digest", "[backend][cng]") {
    for (const Vector& v : k_vectors) {
        std::unique_ptr<Hasher> hasher = must_make(v.algorithm);
        CHECK(hasher->algorithm() == v.algorithm);
        CHECK(finish_hex(*hasher) == v.empty);
    }
}

TEST_CASE("CNG: split updates give the one-shot digest", "[backend][cng]") {
    // Block sizes are 64 (MD5, SHA-1, SHA-256) and 128 bytes (SHA-384, SHA-512): cut just
    // before, at and after block boundaries, into single bytes, and with empty updates.
    const std::string million(1'000'000, 'a');
    const std::vector<std::vector<std::size_t>> splits = {
        {1},    {0, 1, 0},      {63, 1, 64, 65}, {127, 129, 128}, {55, 56, 57}, {111, 112, 113},
        {4093}, {65535, 65537}, {999'999}};
    for (const Vector& v : k_vectors) {
        INFO(algorithm_info(v.algorithm).name);
        for (const std::vector<std::size_t>& split : splits) {
            CAPTURE(split);
            CHECK(hash_in_pieces(v.algorithm, k_448, split) == v.bits448);
            if (split.front() > 1) {  // byte-by-byte over a million bytes is slow under Wine
                CHECK(hash_in_pieces(v.algorithm, million, split) == v.million_a);
            }
        }
    }
}

TEST_CASE("CNG: reset makes a hasher reusable, also after a partial update", "[backend][cng]") {
    for (const Vector& v : k_vectors) {
        INFO(algorithm_info(v.algorithm).name);
        std::unique_ptr<Hasher> hasher = must_make(v.algorithm);
        REQUIRE(hasher->update(bytes_of("abc")).has_value());
        CHECK(finish_hex(*hasher) == v.abc);

        REQUIRE(hasher->reset().has_value());
        CHECK(finish_hex(*hasher) == v.empty);

        REQUIRE(hasher->reset().has_value());
        REQUIRE(hasher->update(bytes_of("some discarded prefix")).has_value());
        REQUIRE(hasher->reset().has_value());
        REQUIRE(hasher->update(bytes_of(k_448)).has_value());
        CHECK(finish_hex(*hasher) == v.bits448);
    }
}

TEST_CASE("CNG: using a finished hasher without reset is an error", "[backend][cng]") {
    std::unique_ptr<Hasher> hasher = must_make(Algorithm::sha256);
    REQUIRE(hasher->finish().has_value());
    const Result<void> updated = hasher->update(bytes_of("x"));
    REQUIRE_FALSE(updated.has_value());
    CHECK(updated.error().code == make_error_code(Errc::backend_failure));
    CHECK_FALSE(hasher->finish().has_value());
}

TEST_CASE("CNG: hashers of one algorithm are independent", "[backend][cng]") {
    std::unique_ptr<Hasher> a = must_make(Algorithm::sha1);
    std::unique_ptr<Hasher> b = must_make(Algorithm::sha1);
    REQUIRE(a->update(bytes_of("ab")).has_value());
    REQUIRE(b->update(bytes_of(k_448)).has_value());
    REQUIRE(a->update(bytes_of("c")).has_value());
    CHECK(finish_hex(*a) == "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(finish_hex(*b) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
}

TEST_CASE("CNG serves what it has; libgcrypt serves the classic algorithms it lacks",
          "[backend][cng][gcrypt]") {
    for (const AlgorithmInfo& info : all_algorithms()) {
        if (info.family != Family::classic) {
            continue;
        }
        INFO(info.name);
        CHECK(backend_supports(info.id));
        const bool cng = info.id == Algorithm::md5 || info.id == Algorithm::sha1 ||
                         info.id == Algorithm::sha256 || info.id == Algorithm::sha384 ||
                         info.id == Algorithm::sha512;
        if (cng) {
            CHECK(provider_name(info.id) == "Windows CNG");
        } else {
            CHECK(provider_name(info.id).rfind("libgcrypt 1.", 0) == 0);
        }
    }
}

TEST_CASE("libgcrypt: BLAKE2b at its four lengths, SHAKE at any; other lengths refused",
          "[backend][cng][gcrypt]") {
    for (const std::size_t bits : {160U, 256U, 384U, 512U}) {
        INFO(bits);
        CHECK(backend_supports(Algorithm::blake2b, bits / 8));
    }
    for (const std::size_t bytes : {1U, 17U, 64U, 128U}) {
        INFO(bytes);
        CHECK(backend_supports(Algorithm::shake128, bytes));
        CHECK(backend_supports(Algorithm::shake256, bytes));
    }
    for (const std::size_t bits : {8U, 128U, 168U, 504U}) {
        INFO(bits);
        CHECK_FALSE(backend_supports(Algorithm::blake2b, bits / 8));
        const Result<std::unique_ptr<Hasher>> made = make_hasher(Algorithm::blake2b, bits / 8);
        REQUIRE_FALSE(made.has_value());
        CHECK(made.error().code == make_error_code(Errc::unsupported_algorithm));
        CHECK(made.error().detail.find("which has 160, 256, 384 and 512 bits") !=
              std::string::npos);
    }
    // b2sum -l 256 "abc"; SHAKE256 "abc" at 512 bits (Python hashlib).
    std::unique_ptr<Hasher> blake = must_make(Algorithm::blake2b, 32);
    REQUIRE(blake->update(bytes_of("abc")).has_value());
    CHECK(finish_hex(*blake) == "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
    std::unique_ptr<Hasher> shake = must_make(Algorithm::shake256, 64);
    REQUIRE(shake->update(bytes_of("abc")).has_value());
    CHECK(
        finish_hex(*shake) ==
        "483366601360a8771c6863080cc4114d8db44530f8f1e1ee4f94ea37e78b5739d5a15bef186a5386c75744c05"
        "27e1faa9f8726e462a12a4feb06bd8801e751e4");
}

TEST_CASE("libgcrypt: using a finished hasher without reset is an error", "[backend][gcrypt]") {
    std::unique_ptr<Hasher> hasher = must_make(Algorithm::sha3_256);
    REQUIRE(hasher->finish().has_value());
    const Result<void> updated = hasher->update(bytes_of("x"));
    REQUIRE_FALSE(updated.has_value());
    CHECK(updated.error().code == make_error_code(Errc::backend_failure));
    CHECK_FALSE(hasher->finish().has_value());
    REQUIRE(hasher->reset().has_value());
    CHECK(finish_hex(*hasher) ==
          "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a");
}

TEST_CASE("CNG: the algorithm table and the backend agree", "[backend][cng]") {
    for (const AlgorithmInfo& info : all_algorithms()) {
        INFO(info.name);
        CHECK(backend_supports(info.id) == make_hasher(info.id).has_value());
    }
}
