#pragma once
/// @file jobs.hpp
/// How many workers -j asks for, and how far results may run ahead of the output.

#include <cstddef>
#include <thread>

namespace fhash::cli {

/// -j N, with 0 meaning one worker per core.
inline unsigned effective_jobs(unsigned requested) {
    if (requested != 0) {
        return requested;
    }
    const unsigned cores = std::thread::hardware_concurrency();
    return cores == 0 ? 1 : cores;
}

/// Results held for in-order output at most (items in flight or waiting for their turn).
/// A few thousand small results: enough to keep every worker busy behind one slow file,
/// and memory stays flat whatever the number of inputs.
inline constexpr std::size_t k_reorder_window = 4096;

}  // namespace fhash::cli
