#pragma once
/// @file read_options.hpp
/// How input files are read: chunked read() into a reused buffer, or a memory map walked in
/// bounded windows. The choice is made per file by select_read_mode().

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace fhash {

enum class ReadMode {
    automatic,  ///< mmap for large regular files, chunked for everything else
    mmap,       ///< map regular files (falls back to chunked when mapping is impossible)
    chunked,    ///< always read()
};

/// Kinds of input, as far as the read path cares.
enum class FileKind { regular, directory, fifo, character_device, block_device, socket, other };

struct ReadOptions {
    ReadMode mode = ReadMode::automatic;
    /// Buffer size of the chunked path.
    std::size_t chunk_size = std::size_t{1} << 20;
    /// In automatic mode, regular files of at least this size are mapped.
    std::uint64_t mmap_threshold = std::uint64_t{4} << 20;
    /// Size of one mapped window; the mapping never exceeds it, so memory stays flat.
    /// Mapped pages count in RSS: with one thread per algorithm up to two windows are
    /// mapped, so 16 MiB keeps peak RSS near 40 MiB (64 MiB windows measured 73 MiB with
    /// one thread, and were no faster; see README, Performance).
    std::size_t mmap_window = std::size_t{16} << 20;
    /// Size of the pieces handed to the hashers from a mapped window.
    std::size_t mmap_piece = std::size_t{1} << 20;
    /// Regular files of at least this size get extra threads while a core is spare (0 =
    /// never): one per algorithm, hashing the blocks that the calling thread reads into a
    /// ring. Same digests either way. In automatic mode such a file is read, not mapped:
    /// the reading thread overlaps the page-cache copy (or the disk, when cold) with the
    /// hashing. On a 2 GiB file, SHA-256, medians of interleaved runs: warm 1.50 s read
    /// ahead vs 1.43 s mapped vs 1.55 s read in one thread; cold 3.08 vs 3.23 vs 3.49 s;
    /// peak RSS 13 vs 25 MiB. An explicit mmap mode maps, and gives extra threads only to
    /// two or more algorithms. One algorithm that splits its updates over threads
    /// (Hasher::parallel_update_min: BLAKE3) gets the spare cores inside its updates
    /// instead: the file is mapped (unless chunked mode) and handed over a window at a time.
    std::uint64_t algorithm_threads_min_size = std::uint64_t{16} << 20;
    /// Blocks in flight between the reading thread and the algorithm threads.
    std::size_t algorithm_threads_depth = 4;
    /// Cores the extra threads may use (0 = std::thread::hardware_concurrency()); see
    /// RunCounters::files_in_flight.
    unsigned cores = 0;
};

/// The state one run shares among its FileHashers while it goes on: counters, not
/// preferences, so they live apart from ReadOptions. The caller owns one per run and hands
/// every FileHasher (and Verifier) of the run a pointer to it; it must outlive them.
struct RunCounters {
    /// Every byte handed to the hashers is added here (relaxed atomic adds; the progress
    /// line samples it).
    std::atomic<std::uint64_t> bytes_done{0};
    /// The files being hashed right now (hash_file() counts itself in and out). The extra
    /// threads of ReadOptions::algorithm_threads_min_size are only started while it is below
    /// ReadOptions::cores, so a big file takes spare cores, never another file's.
    std::atomic<unsigned> files_in_flight{0};
};

/// Parses "auto", "mmap" or "chunked".
std::optional<ReadMode> parse_read_mode(std::string_view s) noexcept;

/// The read path for one input (pure; unit-tested), the only place it is decided. Never
/// returns ReadMode::automatic. Non-regular files and empty files are always chunked; an
/// explicit mmap or chunked mode is honoured otherwise. In automatic mode regular files of
/// at least mmap_threshold are mapped, unless `extra_threads` (the file gets algorithm
/// threads, see algorithm_threads_min_size): then it is read, by a thread ahead of them.
ReadMode select_read_mode(FileKind kind, std::uint64_t size, const ReadOptions& options,
                          bool extra_threads) noexcept;

}  // namespace fhash
