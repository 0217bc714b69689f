#include "support/catch.hpp"

#include <string>

#include "fhash/signature_crypto.hpp"
#include "fhash/signed_manifest.hpp"
#include "support/bytes.hpp"
#include "support/ed25519_vectors.hpp"

using namespace fhash;
using fhash::test::bytes_of;
using fhash::test::k_rfc8032_test1;
using fhash::test::k_rfc8032_test2;
using fhash::test::unhex;

namespace {

Result<bool> check_vector(const test::Ed25519Vector& v, std::string message) {
    const std::string key = unhex(v.public_key);
    const std::string sig = unhex(v.signature);
    return verify_ed25519(std::span<const std::uint8_t, 32>(bytes_of(key).first<32>()),
                          bytes_of(message),
                          std::span<const std::uint8_t, 64>(bytes_of(sig).first<64>()));
}

Ed25519PublicKey key_of(const test::Ed25519Vector& v) {
    return *parse_ed25519_public_key(test::signify_public_key(v));
}

}  // namespace

TEST_CASE("Ed25519: RFC 8032 vectors pass, any change fails", "[signature]") {
    CHECK(*check_vector(k_rfc8032_test1, ""));
    CHECK(*check_vector(k_rfc8032_test2, unhex(k_rfc8032_test2.message)));
    CHECK_FALSE(*check_vector(k_rfc8032_test1, "x"));
    CHECK_FALSE(*check_vector(k_rfc8032_test2, ""));
    test::Ed25519Vector swapped = k_rfc8032_test1;
    swapped.public_key = k_rfc8032_test2.public_key;
    CHECK_FALSE(*check_vector(swapped, ""));
}

TEST_CASE("signify: the embedded text is what is signed and returned", "[signature]") {
    // RFC 8032 TEST 1 signs the empty message: an embedded signature with no text.
    Result<TrustedManifest> trusted = verify_signify(test::signify_embedded(k_rfc8032_test1, ""),
                                                     std::nullopt, key_of(k_rfc8032_test1));
    REQUIRE(trusted);
    CHECK(trusted->text.empty());
    CHECK(trusted->signer == "key ID 807060504030201");
    // A detached signature of the one-byte message of TEST 2.
    trusted = verify_signify(test::signify_embedded(k_rfc8032_test2, ""),
                             unhex(k_rfc8032_test2.message), key_of(k_rfc8032_test2));
    REQUIRE(trusted);
    CHECK(trusted->text == unhex(k_rfc8032_test2.message));
}

TEST_CASE("signify: text added, wrong key or key id are refused", "[signature]") {
    const Result<TrustedManifest> added =
        verify_signify(test::signify_embedded(k_rfc8032_test1, "SHA256 (x) = 00\n"), std::nullopt,
                       key_of(k_rfc8032_test1));
    REQUIRE_FALSE(added);
    CHECK(added.error().code == Errc::bad_signature);
    Ed25519PublicKey other = key_of(k_rfc8032_test2);
    const Result<TrustedManifest> wrong_key =
        verify_signify(test::signify_embedded(k_rfc8032_test1, ""), std::nullopt, other);
    REQUIRE_FALSE(wrong_key);
    CHECK(wrong_key.error().code == Errc::bad_signature);
    other.key_id[0] = 9;
    const Result<TrustedManifest> wrong_id =
        verify_signify(test::signify_embedded(k_rfc8032_test1, ""), std::nullopt, other);
    REQUIRE_FALSE(wrong_id);
    CHECK(wrong_id.error().detail ==
          "signed by key ID 807060504030201, not by the given key ID 807060504030209");
}

TEST_CASE("minisign: a malformed file is refused before any check", "[signature]") {
    const Result<TrustedManifest> trusted =
        verify_minisign("untrusted comment: x\n", "data", key_of(k_rfc8032_test1));
    REQUIRE_FALSE(trusted);
    CHECK(trusted.error().code == Errc::malformed);
}

TEST_CASE("ECDSA P-256: a signature made by OpenSSL passes, any change fails", "[signature]") {
    // openssl ecparam -name prime256v1 -genkey; openssl dgst -sha256 -sign over "fhash".
    const std::string point = unhex(
        "04bcaa5c15fd029606a45835ee2842bde1ac7edd754144673f6bcbd77a4e69554e6ed3d587f5a3548f54ed2f"
        "e8c2430c0b14ee4941e6d14b7fe31c2d1dc720209a");
    std::string signature = unhex(
        "ff574f2ae436c9a85bbe8e1e95c5bb0cd379c8c176e3b0d7d0bb5510837f5228"
        "4908df554aea1c4495826e1ba4360577eea3cdff8a01d39818a1a46d3762185b");
    const auto check = [&](std::string_view message) {
        const Result<bool> good = verify_ecdsa_p256(
            std::span<const std::uint8_t, 65>(bytes_of(point).first<65>()), bytes_of(message),
            std::span<const std::uint8_t, 64>(bytes_of(signature).first<64>()));
        INFO((good ? std::string() : good.error().detail));
        REQUIRE(good);
        return *good;
    };
    CHECK(check("fhash"));
    CHECK_FALSE(check("fhasH"));
    signature[63] = static_cast<char>(signature[63] ^ 1);
    CHECK_FALSE(check("fhash"));
}
