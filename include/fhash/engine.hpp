#pragma once
/// @file engine.hpp
/// The streaming engine: one read of an input feeds every requested algorithm.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <vector>

#include "fhash/algorithm.hpp"
#include "fhash/byte_source.hpp"
#include "fhash/digest.hpp"
#include "fhash/error.hpp"
#include "fhash/read_options.hpp"

namespace fhash {

/// Digests of one input, in the order of the algorithms the FileHasher was made with.
struct FileDigests {
    std::uint64_t size = 0;
    std::vector<Digest> digests;
    ReadMode read_mode = ReadMode::chunked;  ///< the path actually taken
    bool extra_threads = false;  ///< hashed with the extra threads of algorithm_threads_min_size
};

/// Hashes inputs with a fixed set of algorithms, reusing its hashers and its buffer from one
/// input to the next (per-file overhead matters on trees of small files). One per thread.
class FileHasher {
public:
    /// Fails with Errc::unsupported_algorithm if the backend lacks one of the algorithms.
    /// `counters` (optional, not owned, must outlive the hasher): the run's shared counters.
    static Result<FileHasher> create(std::vector<Algorithm> algorithms, ReadOptions options = {},
                                     RunCounters* counters = nullptr);
    /// The same, with an output length per algorithm (-l: BLAKE3, SHAKE, BLAKE2b).
    static Result<FileHasher> create(const std::vector<HashSpec>& specs, ReadOptions options = {},
                                     RunCounters* counters = nullptr);

    FileHasher(FileHasher&&) noexcept;
    FileHasher& operator=(FileHasher&&) noexcept;
    ~FileHasher();

    /// Hashes a file by path. A missing file gives std::errc::no_such_file_or_directory, a
    /// directory Errc::is_a_directory; errors from opening carry the path, errors met while
    /// reading (a read error, Errc::changed_while_reading) may not: callers set the name
    /// they show.
    Result<FileDigests> hash_file(const std::filesystem::path& path);
    /// Hashes standard input (always chunked).
    Result<FileDigests> hash_stdin();
    /// Hashes any source (the test seam).
    Result<FileDigests> hash_source(ByteSource& source);

private:
    struct Impl;
    explicit FileHasher(std::unique_ptr<Impl> impl) noexcept;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace fhash
