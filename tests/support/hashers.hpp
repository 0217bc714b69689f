#pragma once
// Hashers and file hashers that a test needs to exist: the test fails when they cannot be
// made.

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

#include "fhash/algorithm.hpp"
#include "fhash/engine.hpp"
#include "fhash/error.hpp"
#include "fhash/hasher.hpp"
#include "support/catch.hpp"

namespace fhash::test {

/// make_hasher(a, digest_size), required to succeed.
inline std::unique_ptr<Hasher> must_make(Algorithm a, std::size_t digest_size = 0) {
    Result<std::unique_ptr<Hasher>> hasher = make_hasher(a, digest_size);
    REQUIRE(hasher.has_value());
    return std::move(*hasher);
}

/// FileHasher::create(algorithms, options), required to succeed.
inline FileHasher must_create(std::vector<Algorithm> algorithms, ReadOptions options = {}) {
    Result<FileHasher> hasher = FileHasher::create(std::move(algorithms), options);
    REQUIRE(hasher.has_value());
    return std::move(*hasher);
}

}  // namespace fhash::test
