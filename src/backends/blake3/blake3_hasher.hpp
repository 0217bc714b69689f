#pragma once
/// @file blake3_hasher.hpp
/// The BLAKE3 hasher of the blake3 provider (backends/provider.hpp), reachable on its own
/// for the tests of its parallel updates.

#include <cstddef>
#include <memory>

#include "fhash/hasher.hpp"

namespace fhash::backends {

/// Smallest subtree whose two halves update_parallel() hashes on two threads. A thread
/// handoff costs tens of microseconds here; one core hashes 1 MiB in about 190 us (AVX2).
inline constexpr std::size_t k_blake3_min_split = std::size_t{1} << 20;

/// A BLAKE3 hasher with `size` bytes of output (1..128; longer outputs extend shorter ones).
/// `min_split` (a power of two, at least 2 KiB): the smallest subtree update_parallel()
/// splits; tests lower it to reach the split path on small inputs.
std::unique_ptr<Hasher> make_blake3_hasher(std::size_t size,
                                           std::size_t min_split = k_blake3_min_split);

/// True if this build hashes one input on several threads (built from the BLAKE3 sources).
bool blake3_splits_updates() noexcept;

}  // namespace fhash::backends
