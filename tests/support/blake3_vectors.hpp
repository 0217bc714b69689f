#pragma once
// BLAKE3's official test-vector inputs (byte i is i % 251) and b3sum's digests of them at
// 128 bytes of output (testdata/blake3/b3sum_vectors.txt, from make_b3sum_vectors.sh).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "fhash/digest.hpp"
#include "fhash/hasher.hpp"
#include "support/catch.hpp"
#include "support/read_file.hpp"

namespace fhash::test {

struct Blake3Vector {
    std::size_t length;
    std::string hex;  ///< 128 bytes of output; shorter outputs are its prefixes
};

/// The lines of testdata/blake3/b3sum_vectors.txt.
inline std::vector<Blake3Vector> b3sum_vectors() {
    std::istringstream in(
        read_file(std::filesystem::path(FHASH_TESTDATA_DIR) / "blake3" / "b3sum_vectors.txt"));
    std::vector<Blake3Vector> out;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') {
            continue;
        }
        std::istringstream fields(line);
        Blake3Vector v{};
        fields >> v.length >> v.hex;
        out.push_back(v);
    }
    return out;
}

/// The first `length` bytes of the official input (byte i is i % 251).
inline std::span<const std::uint8_t> official_input(std::size_t length) {
    static std::vector<std::uint8_t> bytes;
    if (bytes.size() < length) {
        const std::size_t old = bytes.size();
        bytes.resize(length);
        std::uint8_t value = static_cast<std::uint8_t>(old % 251);
        for (std::size_t i = old; i < length; ++i) {
            bytes[i] = value;
            value = value == 250 ? 0 : static_cast<std::uint8_t>(value + 1);
        }
    }
    return std::span<const std::uint8_t>(bytes).first(length);
}

/// finish() in hex, required to succeed.
inline std::string finish_hex(Hasher& hasher) {
    Result<Digest> digest = hasher.finish();
    REQUIRE(digest);
    return to_hex(*digest);
}

}  // namespace fhash::test
