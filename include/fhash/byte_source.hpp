#pragma once
/// @file byte_source.hpp
/// The seam between reading and hashing: the engine pulls chunks from a ByteSource.
/// Real sources read a file (chunked) or walk a mapping (mmap); tests inject short reads,
/// EINTR and errors at a given offset.

#include <cstdint>
#include <span>

#include "fhash/error.hpp"

namespace fhash {

class ByteSource {
public:
    virtual ~ByteSource() = default;
    /// The next chunk of input. An empty span means the end of input. The span stays valid
    /// until the next call to next() or the destruction of the source.
    virtual Result<std::span<const std::uint8_t>> next() = 0;
};

}  // namespace fhash
