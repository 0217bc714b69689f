#pragma once
// Polling for a condition another thread (or the kernel) brings about.

#include <chrono>
#include <thread>

namespace fhash::test {

/// Calls `done()` every `step` until it is true (true) or `limit` has passed (false).
template <class Done>
bool eventually(Done done, std::chrono::milliseconds step = std::chrono::milliseconds(1),
                std::chrono::milliseconds limit = std::chrono::milliseconds(10000)) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() > until) {
            return false;
        }
        std::this_thread::sleep_for(step);
    }
    return true;
}

}  // namespace fhash::test
