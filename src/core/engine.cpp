#include "fhash/engine.hpp"

#include <algorithm>
#include <optional>
#include <thread>
#include <utility>

#include "core/aligned_buffer.hpp"
#include "core/fan_out.hpp"
#include "core/lent_threads.hpp"
#include "fhash/hasher.hpp"
#include "io/file.hpp"
#include "io/sigbus_guard.hpp"
#include "io/sources.hpp"

namespace fhash {

/// How far the reading thread of a big file asks for data ahead of its reads.
constexpr std::uint64_t k_read_ahead = std::uint64_t{32} << 20;

struct FileHasher::Impl {
    ReadOptions options;
    RunCounters* counters = nullptr;  ///< the run's shared counters; may be null
    std::vector<std::unique_ptr<Hasher>> hashers;
    detail::AlignedBuffer buffer;  // allocated once, reused for every input
    /// The ring of the one-thread-per-algorithm chunked path (allocated on first use).
    std::vector<detail::AlignedBuffer> ring;

    std::span<std::uint8_t> read_buffer() {
        if (buffer.size() != options.chunk_size) {
            buffer = detail::AlignedBuffer(options.chunk_size);
        }
        return buffer.span();
    }

    Result<void> reset_all() {
        for (auto& hasher : hashers) {
            if (Result<void> reset = hasher->reset(); !reset) {
                return reset;
            }
        }
        return {};
    }

    Result<FileDigests> finish_all(std::uint64_t size) {
        FileDigests out;
        out.size = size;
        out.digests.reserve(hashers.size());
        for (auto& hasher : hashers) {
            Result<Digest> digest = hasher->finish();
            if (!digest) {
                return std::move(digest).error();
            }
            out.digests.push_back(*digest);
        }
        return out;
    }

    void count(std::size_t bytes) const noexcept {
        if (counters != nullptr) {
            counters->bytes_done.fetch_add(bytes, std::memory_order_relaxed);
        }
    }

    /// One thread per algorithm over blocks from `produce`. `mapped`: the blocks are pieces
    /// of a memory map, so every algorithm thread guards its reads against SIGBUS.
    Result<FileDigests> hash_fanned_out(const detail::BlockProducer& produce, bool mapped) {
        if (Result<void> reset = reset_all(); !reset) {
            return std::move(reset).error();
        }
        // As many algorithm threads as spare cores, and one more for the core the reading
        // thread mostly leaves free: the cheap algorithms share, the costly one gets a core.
        Result<std::uint64_t> size =
            detail::fan_out(hashers, ring_depth(), produce, mapped, spare_cores() + 1);
        if (!size) {
            return std::move(size).error();
        }
        Result<FileDigests> digests = finish_all(*size);
        if (digests) {
            digests->extra_threads = true;
        }
        return digests;
    }

    [[nodiscard]] std::size_t ring_depth() const noexcept {
        return options.algorithm_threads_depth == 0 ? 1 : options.algorithm_threads_depth;
    }

    /// Whether `file` gets extra threads: it is big enough, and a core is spare (this file
    /// is already counted in files_in_flight).
    [[nodiscard]] bool wants_threads(const io::File& file) const noexcept {
        if (options.algorithm_threads_min_size == 0 || file.kind() != FileKind::regular ||
            file.size() < options.algorithm_threads_min_size) {
            return false;
        }
        return spare_cores() > 0;
    }

    /// Cores no file of the run is being hashed on.
    [[nodiscard]] unsigned spare_cores() const noexcept {
        const unsigned busy =
            counters != nullptr ? counters->files_in_flight.load(std::memory_order_relaxed) : 1;
        return busy < options.cores ? options.cores - busy : 0;
    }

    /// Whether the extra threads go inside the updates: a single algorithm that spreads an
    /// update over threads (BLAKE3) and a mapped window big enough for it. Such a hasher
    /// gets whole windows and the spare cores, instead of a reading thread ahead of it.
    [[nodiscard]] bool splits_updates() const noexcept {
        if (hashers.size() != 1) {
            return false;
        }
        const std::size_t min = hashers.front()->parallel_update_min();
        return min != 0 && options.mmap_window >= min;
    }

    /// The one hasher of splits_updates() on the mapped file, a whole window per update,
    /// with this thread and one more per spare core.
    Result<FileDigests> hash_split(io::File& file) {
        ReadOptions whole = options;
        whole.mmap_piece = options.mmap_window;
        io::MappedSource mapped(file, whole);
        detail::LentThreads lent(1 + spare_cores());
        Result<FileDigests> digests = hash_source(mapped, &lent);
        if (digests) {
            digests->extra_threads = true;
        }
        return digests;
    }

    Result<FileDigests> hash_mapped(io::File& file, bool threads) {
        io::MappedSource mapped(file, options);
        if (!threads || hashers.size() < 2) {
            return hash_source(mapped);
        }
        return hash_fanned_out(
            [this, &mapped](std::size_t) -> Result<detail::SharedBlock> {
                Result<std::span<const std::uint8_t>> piece = mapped.next();
                if (!piece) {
                    return std::move(piece).error();
                }
                count(piece->size());
                return detail::SharedBlock{*piece, mapped.window_keeper()};
            },
            true);
    }

    Result<FileDigests> hash_chunked(io::File& file, bool threads) {
        if (!threads) {
            io::ChunkedSource chunked(file, read_buffer());
            return hash_source(chunked);
        }
        if (ring.size() != ring_depth() || ring.front().size() != options.chunk_size) {
            ring.clear();
            for (std::size_t i = 0; i < ring_depth(); ++i) {
                ring.emplace_back(options.chunk_size);
            }
        }
        // Reads ahead of the reads: with a cold cache, the device gets k_read_ahead of
        // requests at once rather than the kernel's sequential window alone.
        std::uint64_t position = 0;
        std::uint64_t hinted = 0;
        return hash_fanned_out(
            [this, &file, &position, &hinted](std::size_t slot) -> Result<detail::SharedBlock> {
                if (position + k_read_ahead / 2 >= hinted && hinted < file.size()) {
                    file.advise_willneed(hinted, k_read_ahead);
                    hinted += k_read_ahead;
                }
                io::ChunkedSource chunked(file, ring[slot].span());
                Result<std::span<const std::uint8_t>> chunk = chunked.next();
                if (!chunk) {
                    return std::move(chunk).error();
                }
                position += chunk->size();
                count(chunk->size());
                return detail::SharedBlock{*chunk, nullptr};
            },
            false);
    }

    /// `lent`: threads for update_parallel() (else update()).
    Result<FileDigests> hash_source(ByteSource& source, detail::LentThreads* lent = nullptr) {
        if (Result<void> reset = reset_all(); !reset) {
            return std::move(reset).error();
        }
        const bool mapped = dynamic_cast<const io::MappedSource*>(&source) != nullptr;
        std::uint64_t size = 0;
        for (;;) {
            Result<std::span<const std::uint8_t>> chunk = source.next();
            if (!chunk) {
                return std::move(chunk).error();
            }
            if (chunk->empty()) {
                break;
            }
            size += chunk->size();
            count(chunk->size());
            std::optional<Error> failed;
            auto update_all = [&] {
                for (auto& hasher : hashers) {
                    Result<void> updated = lent == nullptr ? hasher->update(*chunk)
                                                           : hasher->update_parallel(*chunk, *lent);
                    if (!updated) {
                        failed = std::move(updated).error();
                        return;
                    }
                }
            };
            // Reads of a mapping fault (SIGBUS) if the file shrinks under it: guard them. The
            // hashers abandoned mid-update are reset at the start of the next input.
            if (mapped) {
                if (lent != nullptr) {
                    lent->guard_reads(*chunk);  // the lent threads read the map as well
                }
                if (!io::run_sigbus_guarded(*chunk, update_all)) {
                    return make_error(Errc::changed_while_reading);
                }
            } else {
                update_all();
            }
            if (failed) {
                return std::move(*failed);
            }
        }
        return finish_all(size);
    }
};

FileHasher::FileHasher(std::unique_ptr<Impl> impl) noexcept : m_impl(std::move(impl)) {}
FileHasher::FileHasher(FileHasher&&) noexcept = default;
FileHasher& FileHasher::operator=(FileHasher&&) noexcept = default;
FileHasher::~FileHasher() = default;

Result<FileHasher> FileHasher::create(std::vector<Algorithm> algorithms, ReadOptions options,
                                      RunCounters* counters) {
    std::vector<HashSpec> specs;
    specs.reserve(algorithms.size());
    for (const Algorithm a : algorithms) {
        specs.push_back(HashSpec{a, 0});
    }
    return create(specs, options, counters);
}

Result<FileHasher> FileHasher::create(const std::vector<HashSpec>& specs, ReadOptions options,
                                      RunCounters* counters) {
    auto impl = std::make_unique<Impl>();
    for (const HashSpec& spec : specs) {
        Result<std::unique_ptr<Hasher>> hasher = make_hasher(spec);
        if (!hasher) {
            return std::move(hasher).error();
        }
        impl->hashers.push_back(std::move(*hasher));
    }
    if (options.chunk_size == 0) {
        options.chunk_size = ReadOptions{}.chunk_size;
    }
    if (options.cores == 0) {
        options.cores = std::max(1u, std::thread::hardware_concurrency());
    }
    impl->options = options;
    impl->counters = counters;
    return FileHasher(std::move(impl));
}

Result<FileDigests> FileHasher::hash_source(ByteSource& source) {
    return m_impl->hash_source(source);
}

Result<FileDigests> FileHasher::hash_file(const std::filesystem::path& path) {
    Result<io::File> opened = io::File::open_read(path);
    if (!opened) {
        return std::move(opened).error();
    }
    io::File& file = *opened;
    std::atomic<unsigned>* in_flight =
        m_impl->counters != nullptr ? &m_impl->counters->files_in_flight : nullptr;
    if (in_flight != nullptr) {
        in_flight->fetch_add(1, std::memory_order_relaxed);
    }
    struct CountOut {
        std::atomic<unsigned>* counter;
        ~CountOut() {
            if (counter != nullptr) {
                counter->fetch_sub(1, std::memory_order_relaxed);
            }
        }
    } count_out{in_flight};
    const bool threads = m_impl->wants_threads(file);
    // A hasher that splits its updates reads a map itself: no reading thread ahead of it.
    const bool split = threads && m_impl->splits_updates();
    const ReadMode mode =
        select_read_mode(file.kind(), file.size(), m_impl->options, threads && !split);
    if (mode == ReadMode::mmap) {
        Result<FileDigests> digests =
            split ? m_impl->hash_split(file) : m_impl->hash_mapped(file, threads);
        if (digests) {
            digests->read_mode = ReadMode::mmap;
            return digests;
        }
        // A file system that cannot map (or a map refused for its size) falls back to
        // reads; a file that changed under us, or a read error, does not.
        const std::error_code code = digests.error().code;
        const bool map_refused =
            code == std::errc::no_such_device || code == std::errc::not_enough_memory ||
            code == std::errc::invalid_argument || code == std::errc::operation_not_supported;
        if (!map_refused) {
            return digests;
        }
        if (Result<void> rewound = file.rewind(); !rewound) {
            return std::move(rewound).error();
        }
    }
    if (file.size() > m_impl->options.chunk_size) {
        file.advise_sequential();  // a file that fits the buffer is read at once anyway
    }
    Result<FileDigests> digests = m_impl->hash_chunked(file, threads);
    if (digests) {
        digests->read_mode = ReadMode::chunked;
        // Size 0 is what /proc-like files report whatever they hold: not a change.
        if (file.kind() == FileKind::regular && file.size() != 0 && digests->size != file.size()) {
            return make_error(Errc::changed_while_reading);
        }
    }
    return digests;
}

Result<FileDigests> FileHasher::hash_stdin() {
    io::File input = io::File::standard_input();
    io::ChunkedSource chunked(input, m_impl->read_buffer());
    Result<FileDigests> digests = hash_source(chunked);
    if (digests) {
        digests->read_mode = ReadMode::chunked;
    }
    return digests;
}

}  // namespace fhash
