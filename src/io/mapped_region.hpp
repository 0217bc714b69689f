#pragma once
/// @file mapped_region.hpp
/// A read-only memory map of one window of a file (move-only RAII).

#include <cstddef>
#include <cstdint>
#include <span>

#include "fhash/error.hpp"
#include "io/file.hpp"

namespace fhash::io {

class MappedRegion {
public:
    /// Maps [offset, offset + length) of `file`. offset must be a multiple of
    /// allocation_granularity(); length must be > 0 (empty files are never mapped).
    static Result<MappedRegion> map(const File& file, std::uint64_t offset, std::size_t length);
    /// The alignment map offsets need (the page size; 64 KiB on Windows).
    static std::size_t allocation_granularity() noexcept;

    MappedRegion() noexcept = default;
    MappedRegion(MappedRegion&& other) noexcept;
    MappedRegion& operator=(MappedRegion&& other) noexcept;
    MappedRegion(const MappedRegion&) = delete;
    MappedRegion& operator=(const MappedRegion&) = delete;
    ~MappedRegion();

    [[nodiscard]] std::span<const std::uint8_t> bytes() const noexcept {
        return {static_cast<const std::uint8_t*>(m_data), m_size};
    }

private:
    void unmap() noexcept;
    void* m_data = nullptr;
    std::size_t m_size = 0;
};

}  // namespace fhash::io
