#pragma once
/// @file aligned_buffer.hpp
/// A fixed-size byte buffer aligned to a page, for read() targets.
///
/// The kernel copies file data into the buffer with `rep movsb`, which is only fast when the
/// destination is aligned like the page-cache source. A std::vector of 1 MiB comes from malloc
/// 16 bytes past a page boundary, and on x86-64 that misalignment made read() of 20,000 small
/// files spend about 15 µs more kernel time per file (bench/: the small tree, -j1).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <span>

namespace fhash::detail {

class AlignedBuffer {
public:
    static constexpr std::size_t k_alignment = 4096;

    AlignedBuffer() noexcept = default;
    explicit AlignedBuffer(std::size_t size)
        : m_data(static_cast<std::uint8_t*>(
              ::operator new (size == 0 ? 1 : size, std::align_val_t{k_alignment}))),
          m_size(size) {}

    [[nodiscard]] std::size_t size() const noexcept { return m_size; }
    [[nodiscard]] std::span<std::uint8_t> span() noexcept { return {m_data.get(), m_size}; }

private:
    struct Free {
        void operator()(std::uint8_t* p) const noexcept {
            ::operator delete (p, std::align_val_t{k_alignment});
        }
    };
    std::unique_ptr<std::uint8_t, Free> m_data;
    std::size_t m_size = 0;
};

}  // namespace fhash::detail
