#pragma once
/// @file base64.hpp
/// Standard base64 (RFC 4648: '+' '/', '=' padding) of arbitrary bytes.

#include <optional>
#include <string>
#include <string_view>

namespace fhash {

/// The base64 text of `bytes`, padded.
std::string base64_encode(std::string_view bytes);

/// The bytes of padded base64 `text`; nullopt for a length that is not a multiple of 4, a
/// character outside the alphabet, or padding anywhere but at the end. No white space is
/// skipped: callers strip what their format allows.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace fhash
