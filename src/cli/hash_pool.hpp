#pragma once
/// @file hash_pool.hpp
/// The hashing pipeline every mode that hashes files shares (hash, --update, --audit,
/// FCIV): one FileHasher per worker, the run's counters, the progress line, and results
/// delivered in submission order on the calling thread through core/ordered_pool.hpp.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cli/console.hpp"
#include "cli/inputs.hpp"
#include "cli/options.hpp"
#include "fhash/algorithm.hpp"
#include "fhash/engine.hpp"
#include "fhash/io_plan.hpp"
#include "fhash/read_options.hpp"

namespace fhash::cli {

/// How a run hashes: what the user asked for (-j, --read-mode, --progress) plus the total
/// the progress line counts towards.
struct RunSettings {
    unsigned jobs = 0;        ///< workers; 0 = one per core
    unsigned io_threads = 0;  ///< --io-threads: files read at once; 0 = by device
    /// A path on the device the inputs are on (the first input; empty: the current
    /// folder), asked for its kind (rotational or not) only when a pool is started.
    std::filesystem::path device_probe;
    ReadOptions read;
    ProgressMode progress = ProgressMode::automatic;
    std::uint64_t progress_total = 0;  ///< bytes expected; 0 = unknown (no ETA)
    /// -l: output length in bytes of the variable-length algorithms; 0 = their default.
    std::size_t length = 0;
    /// --part-size: bytes per part of the S3 digests; 0 = their default.
    std::uint64_t part_size = 0;
    /// BLAKE3's keyed or key-derivation mode (b3sum --keyed, --derive-key) and its key.
    KeyUse key_use = KeyUse::none;
    std::string key;
};

/// What the hashers are made for: each algorithm at `length` bytes if it has a variable
/// length and a length was given, else at its default size.
/// `part_size` goes to the algorithms that take one (--part-size; 0 = their default),
/// `key_use` and `key` to BLAKE3.
std::vector<HashSpec> hash_specs(const std::vector<Algorithm>& algorithms, std::size_t length,
                                 std::uint64_t part_size = 0, KeyUse key_use = KeyUse::none,
                                 const std::string& key = {});

/// The settings of `options` (-j, --io-threads, --read-mode, --progress); its first path
/// is the device probe.
RunSettings run_settings(const Options& options);

/// The run's plan (io_plan.hpp) from `jobs`, `io_threads`, the cores and the kind of the
/// device under `device_probe`; no adaptive prefetchers where the platform cannot tell a
/// cached file from one that is not.
IoPlan run_plan(const RunSettings& settings);

/// How far (in files) prefetchers may run ahead of the workers: enough to keep the device
/// busy on small files, little enough that a tree of big files does not push the files
/// being hashed out of the page cache (each prefetch reads at most 8 MiB).
inline constexpr std::uint64_t k_prefetch_lookahead = 256;

/// One input's result.
struct Hashed {
    std::string display;          ///< the input's display name
    Result<FileDigests> digests;  ///< an error carries `display` as its path
    std::size_t tag = 0;          ///< the caller's tag, as submitted
};

/// Hashes inputs on the plan's worker threads (run_plan) and hands each result to `deliver`
/// on the thread that calls submit()/finish(), in submission order, so the output is the
/// same for every -j and --io-threads. Standard input is hashed on the calling thread, in
/// its turn. Nothing is started for a single input: the workers, their hashers and the
/// prefetchers come with the second one, and a lone file is hashed on the calling thread.
class HashPool {
public:
    using Deliver = std::function<void(Hashed&&)>;

    /// Fails (Errc::unsupported_algorithm) if the backend lacks one of `algorithms`.
    static Result<std::unique_ptr<HashPool>> create(const std::vector<Algorithm>& algorithms,
                                                    const RunSettings& settings, Console& console,
                                                    Deliver deliver);
    ~HashPool();
    HashPool(const HashPool&) = delete;
    HashPool& operator=(const HashPool&) = delete;

    /// Queues an input; blocks while the reorder window is full.
    void submit(Input input, std::size_t tag = 0);
    /// Runs `action` on the calling thread in its turn: after the results of everything
    /// submitted before it (a walk note printed between the files around it).
    void submit_action(std::function<void()> action);
    /// Waits for every input, delivers the remaining results and stops the progress line.
    void finish();

private:
    struct Impl;
    explicit HashPool(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace fhash::cli
