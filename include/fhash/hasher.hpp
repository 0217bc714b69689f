#pragma once
/// @file hasher.hpp
/// The one door to cryptography: a streaming Hasher per algorithm, made by the backend
/// chosen at configure time (OpenSSL EVP on Unix, Windows CNG on Windows).

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "fhash/algorithm.hpp"
#include "fhash/digest.hpp"
#include "fhash/error.hpp"

namespace fhash {

/// Streaming digest computation for one algorithm. Not thread-safe; one per thread.
class Hasher {
public:
    virtual ~Hasher() = default;
    Hasher() = default;
    Hasher(const Hasher&) = delete;
    Hasher& operator=(const Hasher&) = delete;

    /// Feeds bytes. Any size is accepted (backends split what they cannot take at once).
    virtual Result<void> update(std::span<const std::uint8_t> data) = 0;
    /// Finishes and returns the digest. After finish(), call reset() before reuse.
    virtual Result<Digest> finish() = 0;
    /// Starts a new computation, reusing the backend context.
    virtual Result<void> reset() = 0;
    [[nodiscard]] virtual Algorithm algorithm() const noexcept = 0;
};

/// Makes a hasher ready for update(). Errc::unsupported_algorithm if the backend lacks it.
Result<std::unique_ptr<Hasher>> make_hasher(Algorithm a);

/// True if this build's backend can compute the algorithm.
bool backend_supports(Algorithm a) noexcept;

/// Backend name and version for --version, e.g. "OpenSSL 3.0.19" or "Windows CNG".
std::string backend_name();

}  // namespace fhash
