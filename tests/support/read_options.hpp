#pragma once
// ReadOptions for the mapped-read tests.

#include <cstddef>

#include "fhash/read_options.hpp"

namespace fhash::test {

/// Default options but for the mapped window and the largest piece handed out of it.
inline ReadOptions window_options(std::size_t window, std::size_t piece) {
    ReadOptions options;
    options.mmap_window = window;
    options.mmap_piece = piece;
    return options;
}

}  // namespace fhash::test
