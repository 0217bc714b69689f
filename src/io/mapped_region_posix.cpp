#include "io/mapped_region.hpp"

#include <sys/mman.h>
#include <unistd.h>
#include <cerrno>

#include <utility>

namespace fhash::io {

std::size_t MappedRegion::allocation_granularity() noexcept {
    static const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    return page;
}

Result<MappedRegion> MappedRegion::map(const File& file, std::uint64_t offset, std::size_t length) {
    if (length == 0 || offset % allocation_granularity() != 0) {
        return Error{
            std::make_error_code(std::errc::invalid_argument), {}, "empty mapping requested"};
    }
    void* data = ::mmap(nullptr, length, PROT_READ, MAP_PRIVATE, file.native_handle(),
                        static_cast<off_t>(offset));
    if (data == MAP_FAILED) {
        return errno_error(errno, {});
    }
    (void)::madvise(data, length, MADV_SEQUENTIAL);
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
        ::munmap(m_data, m_size);
    }
    m_data = nullptr;
    m_size = 0;
}

}  // namespace fhash::io
