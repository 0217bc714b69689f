// The same known answers, split-update equivalence and reset reuse for whichever backend
// this build compiled.

#include "support/catch.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "fhash/algorithm.hpp"
#include "fhash/digest.hpp"
#include "fhash/hasher.hpp"
#include "support/bytes.hpp"
#include "support/hashers.hpp"
#include "support/kat_vectors.hpp"

using namespace fhash;
using test::bytes_of;
using test::must_make;

namespace {

// Feeds `input` in pieces whose sizes cycle through `pieces`, then finishes.
std::string digest_hex(Hasher& hasher, std::string_view input,
                       std::span<const std::size_t> pieces) {
    std::size_t position = 0;
    std::size_t index = 0;
    while (position < input.size()) {
        const std::size_t length =
            std::min(pieces[index++ % pieces.size()], input.size() - position);
        REQUIRE(hasher.update(bytes_of(input.substr(position, length))));
        position += length;
    }
    Result<Digest> digest = hasher.finish();
    REQUIRE(digest);
    return to_hex(*digest);
}

}  // namespace

TEST_CASE("the backend names itself and makes exactly the algorithms it lists", "[backend]") {
    CHECK_FALSE(backend_name().empty());
    // Every build computes every algorithm at its default length: OpenSSL has all the
    // classic ones; on Windows, CNG has five and libgcrypt the rest (backends/gcrypt).
    for (const AlgorithmInfo& info : all_algorithms()) {
        INFO(info.name);
        CHECK(backend_supports(info.id));
        Result<std::unique_ptr<Hasher>> hasher = make_hasher(info.id);
        if (backend_supports(info.id)) {
            REQUIRE(hasher);
            CHECK((*hasher)->algorithm() == info.id);
        } else {
            REQUIRE_FALSE(hasher);
            CHECK(hasher.error().code == make_error_code(Errc::unsupported_algorithm));
        }
    }
}

TEST_CASE("the known-answer table is checked whole: no row is skipped", "[backend][kat]") {
    // supported_kat_rows() leaves out what a build lacks; here a lacking build fails.
    CHECK(test::supported_kat_rows().size() == test::k_kat_rows.size());
    for (const test::KatRow& row : test::k_kat_rows) {
        INFO(algorithm_info(row.algorithm).name);
        CHECK(backend_supports(row.algorithm));
    }
}

TEST_CASE("known answers for every algorithm, in one update", "[backend][kat]") {
    const auto inputs = test::kat_inputs();
    for (const test::KatRow& row : test::supported_kat_rows()) {
        INFO(algorithm_info(row.algorithm).name);
        const std::unique_ptr<Hasher> hasher = must_make(row.algorithm);
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            INFO("input " << i);
            const std::size_t whole[] = {inputs[i].size() + 1};
            CHECK(digest_hex(*hasher, inputs[i], whole) == row.hex[i]);
            // The rows hold the digest's bytes in hex; cksum's text is the same number in
            // decimal, as coreutils cksum prints it.
            const std::optional<Digest> expected = digest_from_hex(row.hex[i]);
            REQUIRE(expected);
            const DigestText kind = algorithm_info(row.algorithm).text;
            const std::string text =
                kind == DigestText::decimal
                    ? std::to_string(std::stoull(std::string(row.hex[i]), nullptr, 16))
                    : std::string(row.hex[i]);
            if (kind == DigestText::hex || kind == DigestText::decimal) {
                CHECK(digest_text(row.algorithm, *expected) == text);
            } else {  // base64, "-N": the text reads back to the same bytes
                CHECK(digest_from_text(row.algorithm, digest_text(row.algorithm, *expected)) ==
                      *expected);
            }
            CHECK(algorithm_info(row.algorithm).digest_size * 2 == row.hex[i].size());
            REQUIRE(hasher->reset());
        }
    }
}

TEST_CASE("the digest does not depend on how updates are split", "[backend][split]") {
    const auto inputs = test::kat_inputs();
    const std::size_t ones[] = {1};
    const std::size_t odd[] = {1, 63, 64, 65, 127, 128, 129, 7};
    const std::size_t big[] = {4093, 65536, 1};
    for (const test::KatRow& row : test::supported_kat_rows()) {
        INFO(algorithm_info(row.algorithm).name);
        const std::unique_ptr<Hasher> hasher = must_make(row.algorithm);
        for (std::size_t i = 0; i < 3; ++i) {
            CHECK(digest_hex(*hasher, inputs[i], ones) == row.hex[i]);
            REQUIRE(hasher->reset());
            CHECK(digest_hex(*hasher, inputs[i], odd) == row.hex[i]);
            REQUIRE(hasher->reset());
        }
        CHECK(digest_hex(*hasher, inputs[3], odd) == row.hex[3]);
        REQUIRE(hasher->reset());
        CHECK(digest_hex(*hasher, inputs[3], big) == row.hex[3]);
    }
}

TEST_CASE("reset reuses a hasher, also in the middle of a computation", "[backend][reset]") {
    for (const test::KatRow& row : test::supported_kat_rows()) {
        INFO(algorithm_info(row.algorithm).name);
        const std::unique_ptr<Hasher> hasher = must_make(row.algorithm);
        const std::size_t whole[] = {1 << 20};
        CHECK(digest_hex(*hasher, "abc", whole) == row.hex[1]);
        REQUIRE(hasher->reset());
        CHECK(digest_hex(*hasher, "", whole) == row.hex[0]);
        REQUIRE(hasher->reset());
        REQUIRE(hasher->update(bytes_of("garbage that reset must forget")));
        REQUIRE(hasher->reset());
        CHECK(digest_hex(*hasher, "abc", whole) == row.hex[1]);
    }
}

TEST_CASE("check values of the non-cryptographic algorithms, whole and split", "[backend][kat]") {
    const std::size_t whole[] = {64};
    const std::size_t ones[] = {1};
    const std::size_t odd[] = {2, 7};
    for (const test::CheckRow& row : test::supported_check_rows()) {
        INFO(algorithm_info(row.algorithm).name);
        const std::unique_ptr<Hasher> hasher = must_make(row.algorithm);
        CHECK(digest_hex(*hasher, test::k_check_input, whole) == row.hex);
        REQUIRE(hasher->reset());
        CHECK(digest_hex(*hasher, test::k_check_input, ones) == row.hex);
        REQUIRE(hasher->reset());
        CHECK(digest_hex(*hasher, test::k_check_input, odd) == row.hex);
        CHECK(algorithm_info(row.algorithm).digest_size * 2 == row.hex.size());
    }
}
