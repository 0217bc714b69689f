#include "fhash/read_options.hpp"

namespace fhash {

std::optional<ReadMode> parse_read_mode(std::string_view s) noexcept {
    if (s == "auto") {
        return ReadMode::automatic;
    }
    if (s == "mmap") {
        return ReadMode::mmap;
    }
    if (s == "chunked" || s == "read") {
        return ReadMode::chunked;
    }
    return std::nullopt;
}

ReadMode select_read_mode(FileKind kind, std::uint64_t size, const ReadOptions& options,
                          bool extra_threads) noexcept {
    if (kind != FileKind::regular || size == 0) {
        return ReadMode::chunked;
    }
    switch (options.mode) {
        case ReadMode::chunked:
            return ReadMode::chunked;
        case ReadMode::mmap:
            return ReadMode::mmap;
        case ReadMode::automatic:
            // With extra threads, a reading thread ahead of the hashing ones beats a map
            // (measured: see ReadOptions::algorithm_threads_min_size).
            return size >= options.mmap_threshold && !extra_threads ? ReadMode::mmap
                                                                    : ReadMode::chunked;
    }
    return ReadMode::chunked;
}

}  // namespace fhash
