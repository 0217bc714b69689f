#pragma once
/// @file text.hpp
/// ASCII helpers shared by every layer. Locale-independent on purpose: manifests, tags,
/// algorithm names and hex digits are ASCII whatever the user's locale, and a Turkish
/// locale must not turn "I" into a dotless i.

#include <cstddef>
#include <string>
#include <string_view>

namespace fhash {

/// `c` with A-Z mapped to a-z; every other byte unchanged.
constexpr char ascii_lower(char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

/// `c` with a-z mapped to A-Z; every other byte unchanged.
constexpr char ascii_upper(char c) noexcept {
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

/// `text` with A-Z mapped to a-z; every other byte unchanged (UTF-8 passes through).
std::string ascii_lower(std::string_view text);

/// True if `a` and `b` are equal when A-Z and a-z are taken as the same.
bool iequals_ascii(std::string_view a, std::string_view b) noexcept;

/// True for 0-9, a-f and A-F.
constexpr bool is_hex_digit(char c) noexcept {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// Length (1 to 4) of the valid UTF-8 sequence starting at `text[at]`, or 0 if it is
/// invalid: a stray continuation byte, a cut sequence, an overlong form, a surrogate or a
/// code point above U+10FFFF. `at` must be less than text.size().
std::size_t utf8_sequence(std::string_view text, std::size_t at) noexcept;

/// True if `text` is not empty and holds only hex digits (either case).
bool all_hex(std::string_view text) noexcept;

}  // namespace fhash
