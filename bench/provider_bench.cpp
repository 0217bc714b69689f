// Micro-benchmarks of the xxhash and crc providers: each algorithm through fhash's Hasher
// against the library called directly on the same in-memory buffer (ISA-L's crc32_iscsi,
// xxHash's one-shot XXH3_64bits and XXH3_128bits), plus the portable CRC kernels, which the
// builds without ISA-L use. The buffer size comes from FHASH_BENCH_BYTES (default 64 MiB;
// the CTest smoke run uses 64 KiB). Run from the build dir: ./bench/fhash_provider_bench

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>
#include <vector>

#define XXH_STATIC_LINKING_ONLY
#define XXH_INLINE_ALL
#include <xxhash.h>

#ifdef FHASH_BENCH_RAW_ISAL
#include <isa-l/crc.h>
#endif

#include "backends/crc/crc_kernels.hpp"
#include "fhash/algorithm.hpp"
#include "fhash/hasher.hpp"

namespace {

using fhash::Algorithm;

/// The shared input: pseudo-random bytes (xorshift32, fixed seed), made once.
const std::vector<std::uint8_t>& input() {
    static const std::vector<std::uint8_t> buffer = [] {
        const char* env = std::getenv("FHASH_BENCH_BYTES");
        const std::size_t size = env != nullptr ? std::strtoull(env, nullptr, 10) : 64u << 20;
        std::vector<std::uint8_t> out(size);
        std::uint32_t x = 2463534242u;
        for (std::uint8_t& byte : out) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            byte = static_cast<std::uint8_t>(x);
        }
        return out;
    }();
    return buffer;
}

void set_bytes(benchmark::State& state) {
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(input().size()));
}

/// make_hasher(a): reset, one update of the whole buffer, finish.
void bm_hasher(benchmark::State& state, Algorithm a) {
    auto hasher = fhash::make_hasher(a);
    if (!hasher) {
        state.SkipWithError("algorithm not available");
        return;
    }
    const std::span<const std::uint8_t> data(input());
    for (auto _ : state) {
        (void)(*hasher)->reset();
        (void)(*hasher)->update(data);
        auto digest = (*hasher)->finish();
        benchmark::DoNotOptimize(digest);
    }
    set_bytes(state);
}

void bm_xxh3_direct(benchmark::State& state) {
    for (auto _ : state) {
        benchmark::DoNotOptimize(XXH3_64bits(input().data(), input().size()));
    }
    set_bytes(state);
}

void bm_xxh128_direct(benchmark::State& state) {
    for (auto _ : state) {
        benchmark::DoNotOptimize(XXH3_128bits(input().data(), input().size()));
    }
    set_bytes(state);
}

#ifdef FHASH_BENCH_RAW_ISAL
void bm_crc32_iscsi_direct(benchmark::State& state) {
    // const_cast: crc32_iscsi only reads. The 64 MiB default fits its int length.
    auto* data = const_cast<std::uint8_t*>(input().data());
    const int size = static_cast<int>(input().size());
    for (auto _ : state) {
        benchmark::DoNotOptimize(crc32_iscsi(data, size, 0xffffffffu));
    }
    set_bytes(state);
}
#endif

/// A portable kernel (backends/crc/crc_portable.cpp), called directly.
template <class Update>
void bm_portable(benchmark::State& state, Update update) {
    for (auto _ : state) {
        benchmark::DoNotOptimize(update(0xffffffffu, std::span<const std::uint8_t>(input())));
    }
    set_bytes(state);
}

void register_all() {
    const std::vector<std::pair<const char*, Algorithm>> algorithms = {
        {"crc32c", Algorithm::crc32c},       {"crc32", Algorithm::crc32},
        {"crc64nvme", Algorithm::crc64nvme}, {"cksum", Algorithm::cksum},
        {"xxh3", Algorithm::xxh3},           {"xxh128", Algorithm::xxh128},
        {"xxh64", Algorithm::xxh64},         {"xxh32", Algorithm::xxh32}};
    for (const auto& [name, a] : algorithms) {
        benchmark::RegisterBenchmark((std::string("hasher/") + name).c_str(), bm_hasher, a)
            ->UseRealTime();
    }
#ifdef FHASH_BENCH_RAW_ISAL
    benchmark::RegisterBenchmark("direct/crc32_iscsi", bm_crc32_iscsi_direct)->UseRealTime();
#endif
    benchmark::RegisterBenchmark("direct/XXH3_64bits", bm_xxh3_direct)->UseRealTime();
    benchmark::RegisterBenchmark("direct/XXH3_128bits", bm_xxh128_direct)->UseRealTime();
    const fhash::backends::crc::CrcKernels& portable = fhash::backends::crc::portable_kernels();
    benchmark::RegisterBenchmark("portable/crc32c", bm_portable<fhash::backends::crc::Crc32Update>,
                                 portable.crc32c)
        ->UseRealTime();
    benchmark::RegisterBenchmark("portable/crc32", bm_portable<fhash::backends::crc::Crc32Update>,
                                 portable.crc32)
        ->UseRealTime();
    benchmark::RegisterBenchmark("portable/crc64nvme",
                                 bm_portable<fhash::backends::crc::Crc64Update>, portable.crc64nvme)
        ->UseRealTime();
    benchmark::RegisterBenchmark("portable/cksum", bm_portable<fhash::backends::crc::Crc32Update>,
                                 portable.cksum)
        ->UseRealTime();
}

}  // namespace

int main(int argc, char** argv) {
    register_all();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
