#pragma once
/// @file digest.hpp
/// A digest value and its text encodings (hex for GNU/BSD lines, base64 for FCIV-XML).

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "fhash/algorithm.hpp"

namespace fhash {

/// A digest of up to 128 bytes (1024 bits, the longest -l output), held by value.
class Digest {
public:
    static constexpr std::size_t k_max_size = 128;

    Digest() = default;
    /// Copies bytes; bytes.size() must be <= k_max_size (larger input is truncated).
    explicit Digest(std::span<const std::uint8_t> bytes) noexcept;

    [[nodiscard]] std::span<const std::uint8_t> bytes() const noexcept {
        return {m_bytes.data(), m_size};
    }
    [[nodiscard]] std::size_t size() const noexcept { return m_size; }
    [[nodiscard]] bool empty() const noexcept { return m_size == 0; }

    /// Byte-wise comparison in time independent of where the digests differ.
    friend bool operator==(const Digest& a, const Digest& b) noexcept;

private:
    std::array<std::uint8_t, k_max_size> m_bytes{};
    std::size_t m_size = 0;
};

/// Lower-case hex.
std::string to_hex(const Digest& d);
/// Upper-case hex (PowerShell's Get-FileHash style).
std::string to_hex_upper(const Digest& d);
/// Parses hex of either case; nullopt on odd length, a non-hex digit or more than k_max_size bytes.
std::optional<Digest> digest_from_hex(std::string_view hex) noexcept;

/// Standard base64 (RFC 4648, '+' '/', '=' padding), as FCIV-XML stores digests.
std::string to_base64(const Digest& d);
/// Parses standard base64 with correct padding; nullopt otherwise.
std::optional<Digest> digest_from_base64(std::string_view b64) noexcept;

/// The digest as the algorithm's manifests write it: lower-case hex, for POSIX cksum the
/// CRC in decimal, base64 for the cloud checksums, and "-N" after the value of a digest of
/// N parts (DigestText in algorithm.hpp).
std::string digest_text(Algorithm a, const Digest& d);
/// Parses what digest_text() writes (hex of either case for the hex algorithms; decimal
/// 0..4294967295 for cksum; base64; a value of the algorithm's size with an optional "-N",
/// N from 1 to 10000, for the algorithms with parts). The size is not checked against the
/// algorithm, except for the value of those with parts.
std::optional<Digest> digest_from_text(Algorithm a, std::string_view text) noexcept;

}  // namespace fhash
