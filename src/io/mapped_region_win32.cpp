// Windows memory map: a read-only section over the whole file, one view per window. The
// section handle is closed as soon as the view exists (the view keeps it alive).

#include "io/mapped_region.hpp"

#include <windows.h>

#include <utility>

#include "platform/error_win32.hpp"

namespace fhash::io {

std::size_t MappedRegion::allocation_granularity() noexcept {
    static const std::size_t granularity = [] {
        SYSTEM_INFO info{};
        GetSystemInfo(&info);
        return static_cast<std::size_t>(info.dwAllocationGranularity);  // 64 KiB
    }();
    return granularity;
}

Result<MappedRegion> MappedRegion::map(const File& file, std::uint64_t offset, std::size_t length) {
    if (length == 0 || offset % allocation_granularity() != 0) {
        return Error{std::make_error_code(std::errc::invalid_argument),
                     {},
                     "empty or unaligned mapping requested"};
    }
    // Maximum size 0: the section is as large as the file is now.
    HANDLE section =
        CreateFileMappingW(file.native_handle(), nullptr, PAGE_READONLY, 0, 0, nullptr);
    if (section == nullptr) {
        return platform::last_win32_error();
    }
    void* data = MapViewOfFile(section, FILE_MAP_READ, static_cast<DWORD>(offset >> 32),
                               static_cast<DWORD>(offset & 0xFFFFFFFFU), length);
    const DWORD map_error = GetLastError();
    CloseHandle(section);
    if (data == nullptr) {
        return platform::win32_error(map_error);
    }
    MappedRegion region;
    region.m_data = data;
    region.m_size = length;
    return region;
}

MappedRegion::MappedRegion(MappedRegion&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0)) {}

MappedRegion& MappedRegion::operator=(MappedRegion&& other) noexcept {
    if (this != &other) {
        unmap();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

MappedRegion::~MappedRegion() {
    unmap();
}

void MappedRegion::unmap() noexcept {
    if (m_data != nullptr) {
        UnmapViewOfFile(m_data);
    }
    m_data = nullptr;
    m_size = 0;
}

}  // namespace fhash::io
