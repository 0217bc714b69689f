#include "fhash/digest.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <span>
#include <system_error>

namespace fhash {
namespace {

constexpr char k_hex_lower[] = "0123456789abcdef";
constexpr char k_hex_upper[] = "0123456789ABCDEF";
constexpr char k_b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int hex_value(char c) noexcept {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

int b64_value(char c) noexcept {
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
        return c - '0' + 52;
    }
    if (c == '+') {
        return 62;
    }
    if (c == '/') {
        return 63;
    }
    return -1;
}

std::string hex_with(const Digest& d, const char* table) {
    std::string out;
    out.reserve(d.size() * 2);
    for (const std::uint8_t b : d.bytes()) {
        out += table[b >> 4];
        out += table[b & 0x0f];
    }
    return out;
}

}  // namespace

Digest::Digest(std::span<const std::uint8_t> bytes) noexcept
    : m_size(std::min(bytes.size(), k_max_size)) {
    std::copy_n(bytes.begin(), m_size, m_bytes.begin());
}

bool operator==(const Digest& a, const Digest& b) noexcept {
    if (a.m_size != b.m_size) {
        return false;
    }
    unsigned diff = 0;
    for (std::size_t i = 0; i < a.m_size; ++i) {
        diff |= static_cast<unsigned>(a.m_bytes[i] ^ b.m_bytes[i]);
    }
    return diff == 0;
}

std::string to_hex(const Digest& d) {
    return hex_with(d, k_hex_lower);
}
std::string to_hex_upper(const Digest& d) {
    return hex_with(d, k_hex_upper);
}

std::optional<Digest> digest_from_hex(std::string_view hex) noexcept {
    if (hex.empty() || hex.size() % 2 != 0 || hex.size() / 2 > Digest::k_max_size) {
        return std::nullopt;
    }
    std::array<std::uint8_t, Digest::k_max_size> bytes{};
    for (std::size_t i = 0; i < hex.size() / 2; ++i) {
        const int hi = hex_value(hex[2 * i]);
        const int lo = hex_value(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) {
            return std::nullopt;
        }
        bytes[i] = static_cast<std::uint8_t>((hi << 4) | lo);
    }
    return Digest(std::span<const std::uint8_t>(bytes.data(), hex.size() / 2));
}

std::string to_base64(const Digest& d) {
    const auto bytes = d.bytes();
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const unsigned v =
            (unsigned{bytes[i]} << 16) | (unsigned{bytes[i + 1]} << 8) | bytes[i + 2];
        out += k_b64[(v >> 18) & 63];
        out += k_b64[(v >> 12) & 63];
        out += k_b64[(v >> 6) & 63];
        out += k_b64[v & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest == 1) {
        const unsigned v = unsigned{bytes[i]} << 16;
        out += k_b64[(v >> 18) & 63];
        out += k_b64[(v >> 12) & 63];
        out += "==";
    } else if (rest == 2) {
        const unsigned v = (unsigned{bytes[i]} << 16) | (unsigned{bytes[i + 1]} << 8);
        out += k_b64[(v >> 18) & 63];
        out += k_b64[(v >> 12) & 63];
        out += k_b64[(v >> 6) & 63];
        out += '=';
    }
    return out;
}

std::optional<Digest> digest_from_base64(std::string_view b64) noexcept {
    if (b64.empty() || b64.size() % 4 != 0) {
        return std::nullopt;
    }
    std::size_t padding = 0;
    if (b64.ends_with("==")) {
        padding = 2;
    } else if (b64.ends_with('=')) {
        padding = 1;
    }
    const std::size_t out_size = b64.size() / 4 * 3 - padding;
    if (out_size > Digest::k_max_size) {
        return std::nullopt;
    }
    std::array<std::uint8_t, Digest::k_max_size + 2> bytes{};
    std::size_t o = 0;
    for (std::size_t i = 0; i < b64.size(); i += 4) {
        unsigned v = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            const char c = b64[i + k];
            int val = 0;
            if (c == '=') {
                // Padding only in the last group's final positions.
                if (i + 4 != b64.size() || k < 4 - padding) {
                    return std::nullopt;
                }
            } else {
                val = b64_value(c);
                if (val < 0) {
                    return std::nullopt;
                }
            }
            v = (v << 6) | static_cast<unsigned>(val);
        }
        bytes[o++] = static_cast<std::uint8_t>(v >> 16);
        bytes[o++] = static_cast<std::uint8_t>(v >> 8);
        bytes[o++] = static_cast<std::uint8_t>(v);
    }
    // Non-canonical encodings (stray bits under the padding) are refused.
    if (padding > 0 && bytes[out_size] != 0) {
        return std::nullopt;
    }
    return Digest(std::span<const std::uint8_t>(bytes.data(), out_size));
}

namespace {

/// The decimal text of a big-endian unsigned integer of up to 8 bytes.
std::string decimal_of(std::span<const std::uint8_t> bytes) {
    std::uint64_t value = 0;
    for (const std::uint8_t byte : bytes) {
        value = (value << 8) | byte;
    }
    return std::to_string(value);
}

/// The text of a value with a part count (S3): the value's text, then "-N" when N != 0.
std::string with_parts(const Digest& d, bool base64) {
    if (d.size() < 4) {
        return to_hex(d);
    }
    const std::size_t value_size = d.size() - 4;
    const Digest value(d.bytes().first(value_size));
    std::string out = base64 ? to_base64(value) : to_hex(value);
    const std::string count = decimal_of(d.bytes().subspan(value_size));
    if (count != "0") {
        out += "-" + count;
    }
    return out;
}

/// Reads "VALUE" or "VALUE-N" (N: 1 to 10000, S3's limit on parts) into the value's bytes
/// followed by N in 4 big-endian bytes (0 without "-N").
std::optional<Digest> parts_from_text(std::string_view text, bool base64,
                                      std::size_t value_size) noexcept {
    std::uint32_t count = 0;
    if (const std::size_t dash = text.rfind('-'); dash != std::string_view::npos) {
        const std::string_view digits = text.substr(dash + 1);
        if (digits.empty() || digits.size() > 5 || digits.front() == '0') {
            return std::nullopt;
        }
        for (const char c : digits) {
            if (c < '0' || c > '9') {
                return std::nullopt;
            }
            count = count * 10 + static_cast<std::uint32_t>(c - '0');
        }
        if (count > 10000) {
            return std::nullopt;
        }
        text = text.substr(0, dash);
    }
    const std::optional<Digest> value = base64 ? digest_from_base64(text) : digest_from_hex(text);
    if (!value || value->size() != value_size) {
        return std::nullopt;
    }
    std::array<std::uint8_t, Digest::k_max_size> bytes{};
    std::copy_n(value->bytes().begin(), value_size, bytes.begin());
    for (std::size_t i = 0; i < 4; ++i) {
        bytes[value_size + i] = static_cast<std::uint8_t>(count >> (8 * (3 - i)));
    }
    return Digest(std::span<const std::uint8_t>(bytes.data(), value_size + 4));
}

}  // namespace

std::string digest_text(Algorithm a, const Digest& d) {
    switch (algorithm_info(a).text) {
        case DigestText::decimal:
            return decimal_of(d.bytes());
        case DigestText::base64:
            return to_base64(d);
        case DigestText::hex_parts:
            return with_parts(d, false);
        case DigestText::base64_parts:
            return with_parts(d, true);
        case DigestText::hex:
            break;
    }
    return to_hex(d);
}

std::optional<Digest> digest_from_text(Algorithm a, std::string_view text) noexcept {
    switch (algorithm_info(a).text) {
        case DigestText::hex:
            return digest_from_hex(text);
        case DigestText::base64:
            return digest_from_base64(text);
        case DigestText::hex_parts:
            return parts_from_text(text, false, digest_value_size(a));
        case DigestText::base64_parts:
            return parts_from_text(text, true, digest_value_size(a));
        case DigestText::decimal:
            break;
    }
    // POSIX cksum (4 bytes) and the sums (2 bytes): the value in decimal, no sign, no
    // leading '+', at most 20 digits and at most what the digest's size holds.
    const std::size_t size = algorithm_info(a).digest_size;
    std::uint64_t value = 0;
    const char* const end = text.data() + text.size();
    const auto [stop, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || stop != end || text.front() == '-' ||
        (size < 8 && value >> (8 * size) != 0)) {
        return std::nullopt;
    }
    std::array<std::uint8_t, 8> bytes{};
    for (std::size_t i = 0; i < size; ++i) {
        bytes[i] = static_cast<std::uint8_t>(value >> (8 * (size - 1 - i)));
    }
    return Digest(std::span<const std::uint8_t>(bytes.data(), size));
}

}  // namespace fhash
