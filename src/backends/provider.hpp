#pragma once
/// @file provider.hpp
/// A provider: one digest library serving one family of algorithms (algorithm.hpp). The
/// registry (backends/registry/registry.cpp) routes make_hasher() to the provider of the
/// algorithm's family. Each provider lives in its own folder under src/backends/.

#include <cstddef>
#include <memory>
#include <string>

#include "fhash/algorithm.hpp"
#include "fhash/error.hpp"
#include "fhash/hasher.hpp"

namespace fhash::backends {

struct Provider {
    /// Library and version, as --version shows it.
    std::string (*name)();
    /// True if the provider computes `a` at `size` bytes (size already resolved: never 0,
    /// always valid_digest_size()).
    bool (*supports)(Algorithm a, std::size_t size) noexcept;
    /// Makes a hasher for `a` at `size` bytes (same preconditions as supports()).
    Result<std::unique_ptr<Hasher>> (*make)(Algorithm a, std::size_t size);
    /// Optional: the library of one algorithm where it is not name() (the CRC provider's
    /// CRC-64/NVME is fhash's own code whatever serves the others); nullptr = name().
    std::string (*name_of)(Algorithm a) = nullptr;
    /// Optional: makes a hasher with every parameter of `spec` (the cloud provider's part
    /// size); nullptr = make(spec.algorithm, spec.size).
    Result<std::unique_ptr<Hasher>> (*make_spec)(const HashSpec& spec) = nullptr;
};

/// OpenSSL EVP (Unix) or Windows CNG: the classic algorithms (backends/openssl, backends/cng).
const Provider& classic_provider() noexcept;
/// The official BLAKE3 C implementation (backends/blake3).
const Provider& blake3_provider() noexcept;
/// libxxhash (backends/xxhash).
const Provider& xxhash_provider() noexcept;
/// CRC-32, CRC-32C, CRC-64/NVME and POSIX cksum (backends/crc).
const Provider& crc_provider() noexcept;

/// The digests cloud object stores show, built on the other providers (backends/cloud).
const Provider& cloud_provider() noexcept;

/// BLAKE2b at lengths the classic backend lacks (backends/blake2: libb2), or nullptr when this
/// build has none.
const Provider* blake2_length_provider() noexcept;
/// The classic algorithms the classic backend lacks (backends/gcrypt: libgcrypt, in the
/// Windows CNG build), or nullptr when this build has none.
const Provider* classic_gap_provider() noexcept;

/// The error every provider returns for an algorithm or size it lacks.
Error unsupported(Algorithm a, std::size_t size, const std::string& provider);

}  // namespace fhash::backends
