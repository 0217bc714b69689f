#pragma once
// Random inputs and random ways of cutting them, reproducible from a seed: for comparing two
// implementations of one streaming computation on the same bytes.

#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace fhash::test {

/// `size` pseudo-random bytes from `seed` (the same seed always gives the same bytes).
inline std::vector<std::uint8_t> random_bytes(std::size_t size, std::uint64_t seed) {
    std::mt19937_64 random(seed);
    std::vector<std::uint8_t> out(size);
    for (std::uint8_t& byte : out) {
        byte = static_cast<std::uint8_t>(random() >> 56);
    }
    return out;
}

/// Cuts `data` into consecutive pieces whose sizes are spread over every scale from 1 byte
/// to `max_piece` (the size's bit length is drawn first, uniformly), so that short pieces,
/// odd lengths and multi-MiB pieces all occur, and pieces start at every alignment.
inline std::vector<std::span<const std::uint8_t>> random_pieces(std::span<const std::uint8_t> data,
                                                                std::size_t max_piece,
                                                                std::uint64_t seed) {
    std::mt19937_64 random(seed);
    std::size_t max_bits = 0;
    while ((std::size_t{1} << max_bits) < max_piece) {
        ++max_bits;
    }
    std::uniform_int_distribution<std::size_t> bits(0, max_bits);
    std::vector<std::span<const std::uint8_t>> pieces;
    while (!data.empty()) {
        const std::size_t scale = std::size_t{1} << bits(random);
        std::uniform_int_distribution<std::size_t> within(scale / 2 + 1, scale);
        const std::size_t size = std::min({within(random), max_piece, data.size()});
        pieces.push_back(data.first(size));
        data = data.subspan(size);
    }
    return pieces;
}

}  // namespace fhash::test
