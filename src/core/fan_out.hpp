#pragma once
/// @file fan_out.hpp
/// Algorithm threads over one read: the reading thread fills a small ring of shared blocks,
/// each algorithm thread hashes every block in order with its algorithms, and a block is
/// recycled once all of them are done with it. With a thread per algorithm the wall time is
/// the slowest algorithm's, not the sum; with fewer threads than algorithms (fewer cores),
/// the cheap algorithms share a thread, so the costliest one keeps a core to itself.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "fhash/error.hpp"
#include "fhash/hasher.hpp"

namespace fhash::detail {

/// Bytes handed to the algorithm threads, and whatever keeps them valid (a mapped window;
/// null for a ring buffer owned by the caller).
struct SharedBlock {
    std::span<const std::uint8_t> bytes;
    std::shared_ptr<const void> keep;
};

/// Produces the block for ring slot `slot` (free: no thread reads it any more); an empty
/// block ends the input.
using BlockProducer = std::function<Result<SharedBlock>(std::size_t slot)>;

/// The hashers' indices in `threads` groups (at most one per hasher, at least one), balanced
/// by each algorithm's rough cost per byte: the costliest first, each to the group with the
/// least cost so far. Pure, for the tests.
std::vector<std::vector<std::size_t>> group_by_cost(const std::vector<Algorithm>& algorithms,
                                                    std::size_t threads);

/// Feeds every block from `produce` to every hasher, on `threads` algorithm threads
/// (group_by_cost; 0 = one per hasher), with at most `depth` blocks in flight. Returns the number
/// of bytes, or the first error (of the producer or of a hasher). The hashers must have been reset;
/// they are not finished. `guard_reads`: the blocks are pieces of a memory map; each algorithm
/// thread then reads them under its own SIGBUS guard (a fault, from a file shrinking under the map,
/// becomes Errc::changed_while_reading).
Result<std::uint64_t> fan_out(std::vector<std::unique_ptr<Hasher>>& hashers, std::size_t depth,
                              const BlockProducer& produce, bool guard_reads,
                              std::size_t threads = 0);

}  // namespace fhash::detail
