// Micro-benchmarks of the engine: bytes/s per algorithm per read path, against raw EVP on
// the same buffer. The input file size comes from FHASH_BENCH_BYTES (default 256 MiB; the
// CTest smoke run uses a few KiB). Run from build dir: ./bench/fhash_engine_bench
//
// The page cache is warm after the first iteration; what is measured is the hashing plus
// the read path (read() copies or page faults of the mapping), as on a warm tree.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <span>
#include <string>
#include <vector>

#ifdef FHASH_BENCH_RAW_EVP
#include <openssl/evp.h>
#endif

#include "fhash/algorithm.hpp"
#include "fhash/engine.hpp"
#include "fhash/hasher.hpp"

namespace {

namespace fs = std::filesystem;
using fhash::Algorithm;

std::uint64_t bench_bytes() {
    const char* env = std::getenv("FHASH_BENCH_BYTES");
    return env != nullptr ? std::strtoull(env, nullptr, 10) : std::uint64_t{256} << 20;
}

/// One shared input file (removed at exit).
const fs::path& input_file() {
    static const fs::path path = [] {
        fs::path p =
            fs::temp_directory_path() / ("fhash-engine-bench-" + std::to_string(bench_bytes()));
        if (!fs::exists(p) || fs::file_size(p) != bench_bytes()) {
            std::ofstream out(p, std::ios::binary);
            std::vector<char> block(1 << 20);
            std::uint32_t x = 2463534242u;
            for (std::uint64_t left = bench_bytes(); left > 0;) {
                for (char& c : block) {
                    x ^= x << 13;
                    x ^= x >> 17;
                    x ^= x << 5;
                    c = static_cast<char>(x);
                }
                const std::uint64_t n = std::min<std::uint64_t>(left, block.size());
                out.write(block.data(), static_cast<std::streamsize>(n));
                left -= n;
            }
        }
        return p;
    }();
    return path;
}

#ifdef FHASH_BENCH_RAW_EVP
const char* evp_name(Algorithm a) {
    switch (a) {
        case Algorithm::md5:
            return "MD5";
        case Algorithm::sha1:
            return "SHA1";
        case Algorithm::sha256:
            return "SHA256";
        case Algorithm::sha512:
            return "SHA512";
        case Algorithm::blake2b:
            return "BLAKE2B-512";
        default:
            return "SHA256";
    }
}

/// FileHasher on the shared file. range(0) = algorithm, range(1) = read mode (1 mmap, 2
/// chunked), range(2) = chunk size or mmap window in KiB.
void bm_file(benchmark::State& state, std::vector<Algorithm> algorithms, fhash::ReadMode mode,
             std::size_t chunk, std::size_t window, bool fan_out) {
    fhash::ReadOptions options;
    options.mode = mode;
    options.chunk_size = chunk;
    options.mmap_window = window;
    options.mmap_threshold = 1;
    options.algorithm_threads_min_size = fan_out ? 1 : 0;
    auto hasher = fhash::FileHasher::create(std::move(algorithms), options);
    if (!hasher) {
        state.SkipWithError("algorithm not available");
        return;
    }
    const fs::path& file = input_file();
    for (auto _ : state) {
        auto digests = hasher->hash_file(file);
        benchmark::DoNotOptimize(digests);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bench_bytes()));
}

/// Raw EVP over one in-memory buffer (the ceiling of any read path).
void bm_raw_evp(benchmark::State& state, Algorithm a) {
    std::vector<unsigned char> buffer(1 << 20, 0x5a);
    EVP_MD* md = EVP_MD_fetch(nullptr, evp_name(a), nullptr);
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    const std::uint64_t total = bench_bytes();
    for (auto _ : state) {
        EVP_DigestInit_ex2(ctx, md, nullptr);
        for (std::uint64_t done = 0; done < total; done += buffer.size()) {
            const std::size_t n =
                static_cast<std::size_t>(std::min<std::uint64_t>(buffer.size(), total - done));
            EVP_DigestUpdate(ctx, buffer.data(), n);
        }
        EVP_DigestFinal_ex(ctx, out, &len);
        benchmark::DoNotOptimize(out);
    }
    EVP_MD_CTX_free(ctx);
    EVP_MD_free(md);
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(total));
}

#endif

/// Hasher::update over the same in-memory buffer (the backend's own overhead).
void bm_hasher(benchmark::State& state, Algorithm a) {
    std::vector<std::uint8_t> buffer(1 << 20, 0x5a);
    auto hasher = fhash::make_hasher(a);
    const std::uint64_t total = bench_bytes();
    for (auto _ : state) {
        (void)(*hasher)->reset();
        for (std::uint64_t done = 0; done < total; done += buffer.size()) {
            const std::size_t n =
                static_cast<std::size_t>(std::min<std::uint64_t>(buffer.size(), total - done));
            (void)(*hasher)->update(std::span<const std::uint8_t>(buffer.data(), n));
        }
        auto d = (*hasher)->finish();
        benchmark::DoNotOptimize(d);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(total));
}

void register_all() {
    const std::vector<std::pair<const char*, Algorithm>> algorithms = {
        {"md5", Algorithm::md5},
        {"sha1", Algorithm::sha1},
        {"sha256", Algorithm::sha256},
        {"sha512", Algorithm::sha512},
        {"blake2b", Algorithm::blake2b}};
    constexpr std::size_t KiB = 1024;
    constexpr std::size_t MiB = 1024 * KiB;
    for (const auto& [name, a] : algorithms) {
#ifdef FHASH_BENCH_RAW_EVP
        benchmark::RegisterBenchmark((std::string("raw_evp/") + name).c_str(), bm_raw_evp, a)
            ->UseRealTime();
#endif
        benchmark::RegisterBenchmark((std::string("hasher/") + name).c_str(), bm_hasher, a)
            ->UseRealTime();
        for (const std::size_t chunk : {64 * KiB, 256 * KiB, 1 * MiB, 4 * MiB}) {
            benchmark::RegisterBenchmark(
                (std::string("chunked/") + name + "/" + std::to_string(chunk / KiB) + "KiB")
                    .c_str(),
                bm_file, std::vector<Algorithm>{a}, fhash::ReadMode::chunked, chunk, 64 * MiB,
                false)
                ->UseRealTime();
        }
        // The reading on a thread of its own (what a big file gets while a core is spare).
        benchmark::RegisterBenchmark(
            (std::string("chunked/") + name + "/1024KiB/read-ahead").c_str(), bm_file,
            std::vector<Algorithm>{a}, fhash::ReadMode::chunked, 1 * MiB, 64 * MiB, true)
            ->UseRealTime();
        for (const std::size_t window : {4 * MiB, 16 * MiB, 64 * MiB}) {
            benchmark::RegisterBenchmark(
                (std::string("mmap/") + name + "/window" + std::to_string(window / MiB) + "MiB")
                    .c_str(),
                bm_file, std::vector<Algorithm>{a}, fhash::ReadMode::mmap, 1 * MiB, window, false)
                ->UseRealTime();
        }
    }
    for (const bool fan_out : {false, true}) {
        for (const fhash::ReadMode mode : {fhash::ReadMode::chunked, fhash::ReadMode::mmap}) {
            const std::string name = std::string("md5+sha1/") +
                                     (mode == fhash::ReadMode::mmap ? "mmap" : "chunked") +
                                     (fan_out ? "/thread-per-algorithm" : "/one-thread");
            benchmark::RegisterBenchmark(name.c_str(), bm_file,
                                         std::vector<Algorithm>{Algorithm::md5, Algorithm::sha1},
                                         mode, 1 * MiB, 16 * MiB, fan_out)
                ->UseRealTime();
        }
    }
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
    std::error_code ec;
    fs::remove(input_file(), ec);
    return 0;
}
