#pragma once
/// @file hasher.hpp
/// The one door to every digest library: a streaming Hasher per algorithm, made by the
/// provider of the algorithm's family (algorithm.hpp): OpenSSL EVP on Unix or Windows CNG
/// for the classics, the BLAKE3 C implementation, libxxhash, ISA-L (or portable code) for
/// the CRCs.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "fhash/algorithm.hpp"
#include "fhash/digest.hpp"
#include "fhash/error.hpp"

namespace fhash {

/// Threads that the engine lends a Hasher for one update_parallel() call: the spare cores.
class UpdateThreads {
public:
    virtual ~UpdateThreads() = default;
    UpdateThreads() = default;
    UpdateThreads(const UpdateThreads&) = delete;
    UpdateThreads& operator=(const UpdateThreads&) = delete;

    /// How many threads run() may use at once, the calling thread's included (at least 1).
    [[nodiscard]] virtual unsigned count() const noexcept = 0;
    /// Calls task(context, i) for every i in [0, tasks), up to count() at once (the calling
    /// thread takes part), and returns once all have returned. A task may be abandoned
    /// midway (its reads of a memory map faulted: the file shrank under it), so tasks must
    /// not own resources; the error (Errc::changed_while_reading) then means the outputs
    /// of the tasks are not to be used.
    virtual Result<void> run(std::size_t tasks, void (*task)(void* context, std::size_t index),
                             void* context) = 0;
};

/// Streaming digest computation for one algorithm. Not thread-safe; one per thread.
class Hasher {
public:
    virtual ~Hasher() = default;
    Hasher() = default;
    Hasher(const Hasher&) = delete;
    Hasher& operator=(const Hasher&) = delete;

    /// Feeds bytes. Any size is accepted (backends split what they cannot take at once).
    virtual Result<void> update(std::span<const std::uint8_t> data) = 0;
    /// Finishes and returns the digest. After finish(), call reset() before reuse.
    virtual Result<Digest> finish() = 0;
    /// Starts a new computation, reusing the backend context.
    virtual Result<void> reset() = 0;
    [[nodiscard]] virtual Algorithm algorithm() const noexcept = 0;

    /// The smallest update that update_parallel() spreads over several threads (BLAKE3
    /// hashes subtrees of one input on several cores); 0, the default: this hasher never
    /// does, and update_parallel() is update().
    [[nodiscard]] virtual std::size_t parallel_update_min() const noexcept { return 0; }
    /// update(), spreading the work over `threads` when `data` is large enough. Same
    /// digest as update(). `threads` is only used during the call.
    virtual Result<void> update_parallel(std::span<const std::uint8_t> data,
                                         UpdateThreads& threads) {
        (void)threads;
        return update(data);
    }
};

/// Makes a hasher ready for update(), giving digests of `digest_size` bytes (0: the
/// algorithm's default size; others only where valid_digest_size() allows).
/// Errc::unsupported_algorithm if this build cannot compute the algorithm at that size.
Result<std::unique_ptr<Hasher>> make_hasher(Algorithm a, std::size_t digest_size = 0);

/// The same, with every parameter of `spec` (the part size of the S3 digests).
Result<std::unique_ptr<Hasher>> make_hasher(const HashSpec& spec);

/// True if this build can compute the algorithm at `digest_size` bytes (0: the default).
bool backend_supports(Algorithm a, std::size_t digest_size = 0) noexcept;

/// The classic backend's name and version, e.g. "OpenSSL 3.0.19" or "Windows CNG".
std::string backend_name();

/// The library that computes `a` in this build, with its version where known:
/// "OpenSSL 3.0.19", "BLAKE3 1.3.1 (avx2)", "libxxhash 0.8.1", "ISA-L 2.30", "portable".
std::string provider_name(Algorithm a);

/// Every provider of this build, one line each ("family: name"), for --version.
std::vector<std::string> provider_summary();

}  // namespace fhash
