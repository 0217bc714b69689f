#pragma once
// Test inputs as bytes: a view of a string's bytes, and a reproducible pseudo-random content.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace fhash::test {

/// The bytes of `s`, as the hashers, splitters and fuzz targets take them (no copy).
inline std::span<const std::uint8_t> bytes_of(std::string_view s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

/// A pseudo-random but reproducible content of `size` bytes (xorshift32, fixed seed): the
/// same size always gives the same bytes.
inline std::string pattern(std::size_t size) {
    std::string out(size, '\0');
    std::uint32_t x = 2463534242u;
    for (char& c : out) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        c = static_cast<char>(x & 0xffu);
    }
    return out;
}

}  // namespace fhash::test
