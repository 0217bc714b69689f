#include "io/sources.hpp"

#include <algorithm>

namespace fhash::io {

Result<std::span<const std::uint8_t>> ChunkedSource::next() {
    // Fill the buffer as far as the source allows: fewer, larger updates for the hashers,
    // and a pipe's short reads do not turn into tiny updates.
    std::size_t filled = 0;
    while (!m_at_end && filled < m_buffer.size()) {
        Result<std::size_t> got = m_file.read(m_buffer.subspan(filled));
        if (!got) {
            return std::move(got).error();
        }
        if (*got == 0) {
            m_at_end = true;  // saves one read() per small file
            break;
        }
        filled += *got;
        if (m_file.kind() != FileKind::regular) {
            break;  // a pipe or terminal: hand over what arrived rather than wait for more
        }
        // A short read that ends at the size the file had when opened is its end: the read
        // that would return 0 is saved (one system call in five for a small file). A file
        // that grew since then is read on (and reported as changed by the engine).
        if (filled < m_buffer.size() && m_file.size() != 0 && m_total + filled == m_file.size()) {
            m_at_end = true;
            break;
        }
    }
    m_total += filled;
    return std::span<const std::uint8_t>(m_buffer.data(), filled);
}

MappedSource::MappedSource(File& file, const ReadOptions& options) noexcept
    : m_file(file),
      m_size(file.size()),
      m_window(
          std::max<std::size_t>(options.mmap_window / MappedRegion::allocation_granularity(), 1) *
          MappedRegion::allocation_granularity()),
      m_piece(std::max<std::size_t>(options.mmap_piece, 1)) {}

Result<std::span<const std::uint8_t>> MappedSource::next() {
    std::span<const std::uint8_t> window =
        m_region ? m_region->bytes() : std::span<const std::uint8_t>();
    if (m_position >= window.size()) {
        // Move to the next window.
        const std::uint64_t next_offset = m_mapped_once ? m_window_offset + window.size() : 0;
        m_region.reset();
        Result<std::uint64_t> now = m_file.current_size();
        if (!now) {
            return std::move(now).error();
        }
        if (*now != m_size) {
            return make_error(Errc::changed_while_reading);
        }
        if (next_offset >= m_size) {
            return std::span<const std::uint8_t>();
        }
        const std::size_t length =
            static_cast<std::size_t>(std::min<std::uint64_t>(m_window, m_size - next_offset));
        Result<MappedRegion> region = MappedRegion::map(m_file, next_offset, length);
        if (!region) {
            return std::move(region).error();
        }
        m_region = std::make_shared<MappedRegion>(std::move(*region));
        m_window_offset = next_offset;
        m_position = 0;
        m_mapped_once = true;
        window = m_region->bytes();
    }
    const std::size_t take = std::min(m_piece, window.size() - m_position);
    const std::span<const std::uint8_t> piece = window.subspan(m_position, take);
    m_position += take;
    m_total += take;
    return piece;
}

}  // namespace fhash::io
