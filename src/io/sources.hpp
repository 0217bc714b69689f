#pragma once
/// @file sources.hpp
/// The two read paths as ByteSources: chunked read() into a reused buffer, and a memory map
/// walked in bounded windows.

#include <cstdint>
#include <memory>
#include <span>

#include "fhash/byte_source.hpp"
#include "fhash/read_options.hpp"
#include "io/file.hpp"
#include "io/mapped_region.hpp"

namespace fhash::io {

/// read() into a caller-owned buffer (reused from file to file: no allocation per file).
class ChunkedSource final : public ByteSource {
public:
    ChunkedSource(File& file, std::span<std::uint8_t> buffer) noexcept
        : m_file(file), m_buffer(buffer) {}
    Result<std::span<const std::uint8_t>> next() override;
    /// Bytes handed out so far.
    [[nodiscard]] std::uint64_t bytes_read() const noexcept { return m_total; }

private:
    File& m_file;
    std::span<std::uint8_t> m_buffer;
    std::uint64_t m_total = 0;
    bool m_at_end = false;  // the end was read: no further read() needed
};

/// Maps `window` bytes at a time (unmapping the previous window), so memory stays flat on
/// files of any size, and yields pieces of `piece` bytes.
///
/// A file that shrinks under a mapping makes reads past its new end fault (SIGBUS). Before
/// each window the current size is checked, and a file that shrank or grew is reported as
/// Errc::changed_while_reading; the window about to be touched is thereby known to exist
/// at the time of the check. The remaining race (a truncation between the check and the
/// read) is the consumer's to survive: next() only hands out pieces, and the engine hashes
/// each mapped piece under run_sigbus_guarded() (sigbus_guard.hpp), turning the fault into
/// Errc::changed_while_reading.
class MappedSource final : public ByteSource {
public:
    MappedSource(File& file, const ReadOptions& options) noexcept;
    Result<std::span<const std::uint8_t>> next() override;
    /// Bytes handed out so far.
    [[nodiscard]] std::uint64_t bytes_produced() const noexcept { return m_total; }
    /// Keeps the window of the last piece mapped (for pieces shared with other threads:
    /// the window is unmapped when the last holder lets go).
    [[nodiscard]] std::shared_ptr<const void> window_keeper() const noexcept { return m_region; }

private:
    File& m_file;
    std::uint64_t m_size;
    std::size_t m_window;
    std::size_t m_piece;
    std::uint64_t m_window_offset = 0;  // file offset of the current window
    std::size_t m_position = 0;         // position inside the current window
    std::shared_ptr<MappedRegion> m_region;
    bool m_mapped_once = false;
    std::uint64_t m_total = 0;
};

}  // namespace fhash::io
