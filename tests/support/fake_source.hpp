#pragma once
// A scripted ByteSource for engine tests: hands out a fixed content in chunks whose sizes
// follow a script (short reads), and can fail with a given error once a given offset is
// reached.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "fhash/byte_source.hpp"
#include "fhash/error.hpp"

namespace fhash::test {

class FakeSource final : public ByteSource {
public:
    /// `chunk_sizes` is cycled; a 0 entry is skipped (the engine must never see an empty
    /// chunk before the end).
    explicit FakeSource(std::string content, std::vector<std::size_t> chunk_sizes = {4096})
        : m_content(std::move(content)), m_sizes(std::move(chunk_sizes)) {}

    /// Fails with `error` on the first next() that would hand out byte `offset` (or at the
    /// end if offset == size).
    void fail_at(std::size_t offset, Error error) {
        m_fail_offset = offset;
        m_error = std::move(error);
    }

    Result<std::span<const std::uint8_t>> next() override {
        ++m_calls;
        if (m_fail_offset && m_position >= *m_fail_offset) {
            return m_error;
        }
        if (m_position == m_content.size()) {
            return std::span<const std::uint8_t>{};
        }
        std::size_t want = 0;
        while (want == 0) {
            want = m_sizes[m_script_index++ % m_sizes.size()];
        }
        std::size_t length = std::min(want, m_content.size() - m_position);
        if (m_fail_offset && m_position < *m_fail_offset) {
            length = std::min(length, *m_fail_offset - m_position);
        }
        const auto* data = reinterpret_cast<const std::uint8_t*>(m_content.data()) + m_position;
        m_position += length;
        return std::span<const std::uint8_t>(data, length);
    }

    [[nodiscard]] std::size_t calls() const { return m_calls; }

private:
    std::string m_content;
    std::vector<std::size_t> m_sizes;
    std::size_t m_script_index = 0;
    std::size_t m_position = 0;
    std::size_t m_calls = 0;
    std::optional<std::size_t> m_fail_offset;
    Error m_error;
};

}  // namespace fhash::test
