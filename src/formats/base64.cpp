// Standard base64 (RFC 4648): the JSON format's "path_b64", signify and minisign keys and
// signatures, DSSE payloads, SLSA's base64 subjects.

#include "fhash/base64.hpp"

#include <cstdint>

namespace fhash {
namespace {

constexpr std::string_view k_b64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

}  // namespace

std::string base64_encode(std::string_view bytes) {
    std::string out;
    std::size_t i = 0;
    while (i + 3 <= bytes.size()) {
        const auto n = (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16) |
                       (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8) |
                       static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 2]));
        out += k_b64[(n >> 18) & 63];
        out += k_b64[(n >> 12) & 63];
        out += k_b64[(n >> 6) & 63];
        out += k_b64[n & 63];
        i += 3;
    }
    const std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        std::uint32_t n = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
        if (rest == 2) {
            n |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
        }
        out += k_b64[(n >> 18) & 63];
        out += k_b64[(n >> 12) & 63];
        out += rest == 2 ? k_b64[(n >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
    if (text.size() % 4 != 0) {
        return std::nullopt;
    }
    std::string out;
    std::uint32_t acc = 0;
    int bits = 0;
    std::size_t padding = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '=') {
            if (i + 2 < text.size()) {
                return std::nullopt;
            }
            ++padding;
            continue;
        }
        if (padding != 0) {
            return std::nullopt;
        }
        const std::size_t v = k_b64.find(c);
        if (v == std::string_view::npos) {
            return std::nullopt;
        }
        acc = (acc << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((acc >> bits) & 0xFF);
        }
    }
    return out;
}

}  // namespace fhash
