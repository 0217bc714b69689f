#pragma once
// Reading a ByteSource to its end in a test.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include "fhash/byte_source.hpp"
#include "fhash/error.hpp"
#include "support/catch.hpp"

namespace fhash::test {

/// Every byte `source` hands out until its end, or its first error. With `max_piece`, also
/// checks that no chunk is larger.
inline Result<std::string> drain(ByteSource& source,
                                 std::optional<std::size_t> max_piece = std::nullopt) {
    std::string out;
    for (;;) {
        Result<std::span<const std::uint8_t>> chunk = source.next();
        if (!chunk) {
            return std::move(chunk).error();
        }
        if (chunk->empty()) {
            return out;
        }
        if (max_piece) {
            CHECK(chunk->size() <= *max_piece);
        }
        out.append(reinterpret_cast<const char*>(chunk->data()), chunk->size());
    }
}

}  // namespace fhash::test
