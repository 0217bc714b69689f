#include "fhash/engine.hpp"

#include <optional>
#include <utility>

#include "fhash/hasher.hpp"
#include "io/file.hpp"
#include "io/sigbus_guard.hpp"
#include "io/sources.hpp"

namespace fhash {

struct FileHasher::Impl {
    std::vector<Algorithm> algorithms;
    ReadOptions options;
    std::vector<std::unique_ptr<Hasher>> hashers;
    std::vector<std::uint8_t> buffer;  // allocated once, reused for every input
};

FileHasher::FileHasher(std::unique_ptr<Impl> impl) noexcept : m_impl(std::move(impl)) {}
FileHasher::FileHasher(FileHasher&&) noexcept = default;
FileHasher& FileHasher::operator=(FileHasher&&) noexcept = default;
FileHasher::~FileHasher() = default;

Result<FileHasher> FileHasher::create(std::vector<Algorithm> algorithms, ReadOptions options) {
    auto impl = std::make_unique<Impl>();
    for (const Algorithm a : algorithms) {
        Result<std::unique_ptr<Hasher>> hasher = make_hasher(a);
        if (!hasher) {
            return std::move(hasher).error();
        }
        impl->hashers.push_back(std::move(*hasher));
    }
    if (options.chunk_size == 0) {
        options.chunk_size = ReadOptions{}.chunk_size;
    }
    impl->algorithms = std::move(algorithms);
    impl->options = options;
    return FileHasher(std::move(impl));
}

const std::vector<Algorithm>& FileHasher::algorithms() const noexcept { return m_impl->algorithms; }
const ReadOptions& FileHasher::options() const noexcept { return m_impl->options; }

Result<FileDigests> FileHasher::hash_source(ByteSource& source) {
    for (auto& hasher : m_impl->hashers) {
        if (Result<void> reset = hasher->reset(); !reset) {
            return std::move(reset).error();
        }
    }
    const bool mapped = dynamic_cast<const io::MappedSource*>(&source) != nullptr;
    FileDigests out;
    for (;;) {
        Result<std::span<const std::uint8_t>> chunk = source.next();
        if (!chunk) {
            return std::move(chunk).error();
        }
        if (chunk->empty()) {
            break;
        }
        out.size += chunk->size();
        if (m_impl->options.bytes_done != nullptr) {
            m_impl->options.bytes_done->fetch_add(chunk->size(), std::memory_order_relaxed);
        }
        std::optional<Error> failed;
        auto update_all = [&] {
            for (auto& hasher : m_impl->hashers) {
                if (Result<void> updated = hasher->update(*chunk); !updated) {
                    failed = std::move(updated).error();
                    return;
                }
            }
        };
        // Reads of a mapping fault (SIGBUS) if the file shrinks under it: guard them. The
        // hashers abandoned mid-update are reset at the start of the next input.
        if (mapped) {
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
    out.digests.reserve(m_impl->hashers.size());
    for (auto& hasher : m_impl->hashers) {
        Result<Digest> digest = hasher->finish();
        if (!digest) {
            return std::move(digest).error();
        }
        out.digests.push_back(*digest);
    }
    return out;
}

Result<FileDigests> FileHasher::hash_file(const std::filesystem::path& path) {
    Result<io::File> opened = io::File::open_read(path);
    if (!opened) {
        return std::move(opened).error();  // carries the path
    }
    io::File& file = *opened;
    const ReadMode mode = select_read_mode(file.kind(), file.size(), m_impl->options);
    if (mode == ReadMode::mmap) {
        io::MappedSource mapped(file, m_impl->options);
        Result<FileDigests> digests = hash_source(mapped);
        if (digests) {
            digests->read_mode = ReadMode::mmap;
            return digests;
        }
        // A file system that cannot map (or a map refused for its size) falls back to
        // reads; a file that changed under us, or a read error, does not.
        const std::error_code code = digests.error().code;
        const bool map_refused = code == std::errc::no_such_device ||
                                 code == std::errc::not_enough_memory ||
                                 code == std::errc::invalid_argument ||
                                 code == std::errc::operation_not_supported;
        if (!map_refused) {
            return digests;
        }
        if (Result<void> rewound = file.rewind(); !rewound) {
            return std::move(rewound).error();
        }
    }
    if (m_impl->buffer.size() != m_impl->options.chunk_size) {
        m_impl->buffer.assign(m_impl->options.chunk_size, 0);
    }
    file.advise_sequential();
    io::ChunkedSource chunked(file, m_impl->buffer);
    Result<FileDigests> digests = hash_source(chunked);
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
    if (m_impl->buffer.size() != m_impl->options.chunk_size) {
        m_impl->buffer.assign(m_impl->options.chunk_size, 0);
    }
    io::ChunkedSource chunked(input, m_impl->buffer);
    Result<FileDigests> digests = hash_source(chunked);
    if (digests) {
        digests->read_mode = ReadMode::chunked;
    }
    return digests;
}

}  // namespace fhash
