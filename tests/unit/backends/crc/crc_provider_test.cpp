// The crc provider through make_hasher: check values, the empty input, cksum's length suffix
// at lengths of one to four bytes, reuse after reset, and what it refuses.

#include "support/catch.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "fhash/digest.hpp"
#include "fhash/hasher.hpp"
#include "support/bytes.hpp"
#include "support/hashers.hpp"

using namespace fhash;
using test::bytes_of;
using test::must_make;

namespace {

std::string hex_of(Hasher& hasher, std::string_view input) {
    REQUIRE(hasher.update(bytes_of(input)));
    Result<Digest> digest = hasher.finish();
    REQUIRE(digest);
    return to_hex(*digest);
}

}  // namespace

TEST_CASE("the crc provider names ISA-L or the portable code", "[crc]") {
    const std::string name = provider_name(Algorithm::crc32);
    CHECK((name.starts_with("ISA-L") || name == "portable"));
    CHECK(provider_name(Algorithm::cksum) == name);
}

TEST_CASE("CRC check values and the empty input", "[crc]") {
    struct Case {
        Algorithm algorithm;
        std::string_view check;  // of "123456789"
        std::string_view empty;
    };
    const Case cases[] = {
        {Algorithm::crc32, "cbf43926", "00000000"},
        {Algorithm::crc32c, "e3069283", "00000000"},
        {Algorithm::crc64nvme, "ae8b14860a799888", "0000000000000000"},
        {Algorithm::cksum, "377a6011", "ffffffff"},
    };
    for (const Case& c : cases) {
        INFO(algorithm_info(c.algorithm).name);
        const std::unique_ptr<Hasher> hasher = must_make(c.algorithm);
        CHECK(hex_of(*hasher, "123456789") == c.check);
        REQUIRE(hasher->reset());
        CHECK(hex_of(*hasher, "") == c.empty);
    }
}

TEST_CASE("cksum folds in lengths of one to four bytes as coreutils does", "[crc]") {
    // `head -c N /dev/zero | tr '\0' a | cksum` (coreutils 9.1).
    struct Case {
        std::size_t length;
        std::string_view decimal;
    };
    const Case cases[] = {
        {3, "3929084708"},     {255, "325133292"},   {256, "3916537103"},
        {65535, "3538131380"}, {65536, "107332168"}, {16777216, "3144874115"},
    };
    const std::unique_ptr<Hasher> hasher = must_make(Algorithm::cksum);
    for (const Case& c : cases) {
        INFO("length " << c.length);
        const std::string input(c.length, 'a');
        REQUIRE(hasher->reset());
        REQUIRE(hasher->update(bytes_of(input)));
        Result<Digest> digest = hasher->finish();
        REQUIRE(digest);
        CHECK(digest_text(Algorithm::cksum, *digest) == c.decimal);
    }
}

TEST_CASE("a CRC hasher is reused after reset, also in the middle of a computation", "[crc]") {
    for (const Algorithm a :
         {Algorithm::crc32, Algorithm::crc32c, Algorithm::crc64nvme, Algorithm::cksum}) {
        INFO(algorithm_info(a).name);
        const std::unique_ptr<Hasher> hasher = must_make(a);
        const std::string first = hex_of(*hasher, "123456789");
        REQUIRE(hasher->reset());
        REQUIRE(hasher->update(bytes_of("bytes and a length that reset must forget")));
        REQUIRE(hasher->reset());
        CHECK(hex_of(*hasher, "123456789") == first);
        CHECK(hasher->algorithm() == a);
    }
}

TEST_CASE("the crc provider refuses other lengths and other families", "[crc]") {
    CHECK(backend_supports(Algorithm::crc64nvme));
    CHECK_FALSE(backend_supports(Algorithm::crc32, 8));
    Result<std::unique_ptr<Hasher>> wrong = make_hasher(Algorithm::crc32, 8);
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().code == make_error_code(Errc::unsupported_algorithm));
}
