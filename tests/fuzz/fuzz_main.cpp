/// @file fuzz_main.cpp
/// libFuzzer entry point, compiled once per target with FHASH_FUZZ_TARGET naming one of the
/// functions of fuzz_targets.hpp. A broken property aborts, so libFuzzer keeps the input.

#include <cstdio>
#include <cstdlib>

#include "fuzz/fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const fhash::fuzz::Outcome outcome =
        fhash::fuzz::FHASH_FUZZ_TARGET(std::span<const std::uint8_t>(data, size));
    if (outcome != nullptr) {
        std::fprintf(stderr, "property violated: %s\n", outcome);
        std::abort();
    }
    return 0;
}
