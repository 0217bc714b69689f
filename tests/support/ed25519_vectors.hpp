#pragma once
// RFC 8032 §7.1 Ed25519 test vectors (TEST 1: empty message, TEST 2: one byte), and the
// signify / minisign files built around them, for tests that need a real signature
// without a secret key.

#include <string>
#include <string_view>

#include "fhash/base64.hpp"

namespace fhash::test {

inline std::string unhex(std::string_view hex) {
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
        out += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
    }
    return out;
}

struct Ed25519Vector {
    std::string_view public_key;  // hex, 32 bytes
    std::string_view message;     // hex
    std::string_view signature;   // hex, 64 bytes
};

inline constexpr Ed25519Vector k_rfc8032_test1 = {
    "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b4"
    "6bd25bf5f0595bbe24655141438e7a100b"};
inline constexpr Ed25519Vector k_rfc8032_test2 = {
    "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
    "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d"
    "8c387b2eaeb4302aeeb00d291612bb0c00"};

inline constexpr std::string_view k_key_id = "\x01\x02\x03\x04\x05\x06\x07\x08";

/// A signify/minisign public key file for `v`'s key under k_key_id.
inline std::string signify_public_key(const Ed25519Vector& v) {
    return "untrusted comment: test key\n" +
           base64_encode("Ed" + std::string(k_key_id) + unhex(v.public_key)) + "\n";
}

/// A signify signature file of `v` with `message` embedded after it.
inline std::string signify_embedded(const Ed25519Vector& v, std::string_view message) {
    return "untrusted comment: verify with test.pub\n" +
           base64_encode("Ed" + std::string(k_key_id) + unhex(v.signature)) + "\n" +
           std::string(message);
}

}  // namespace fhash::test
