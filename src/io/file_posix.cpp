#include "io/file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>

#include <utility>

namespace fhash::io {
namespace {

FileKind kind_of(mode_t mode) noexcept {
    if (S_ISREG(mode)) {
        return FileKind::regular;
    }
    if (S_ISDIR(mode)) {
        return FileKind::directory;
    }
    if (S_ISFIFO(mode)) {
        return FileKind::fifo;
    }
    if (S_ISCHR(mode)) {
        return FileKind::character_device;
    }
    if (S_ISBLK(mode)) {
        return FileKind::block_device;
    }
    if (S_ISSOCK(mode)) {
        return FileKind::socket;
    }
    return FileKind::other;
}

}  // namespace

Result<File> File::open_read(const std::filesystem::path& path) {
    int fd = -1;
    do {
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        if (errno == EISDIR) {
            return make_error(Errc::is_a_directory, path.native());
        }
        return errno_error(errno, path.native());
    }
    File file;
    file.m_native = fd;
    file.m_owned = true;
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        return errno_error(errno, path.native());
    }
    file.m_kind = kind_of(st.st_mode);
    if (file.m_kind == FileKind::directory) {
        return make_error(Errc::is_a_directory, path.native());
    }
    file.m_size = file.m_kind == FileKind::regular ? static_cast<std::uint64_t>(st.st_size) : 0;
    return file;
}

File File::standard_input() noexcept {
    File file;
    file.m_native = STDIN_FILENO;
    file.m_owned = false;
    struct stat st {};
    if (::fstat(STDIN_FILENO, &st) == 0) {
        file.m_kind = kind_of(st.st_mode);
    }
    file.m_size = 0;  // stdin is always streamed, whatever it is
    return file;
}

File::File(File&& other) noexcept
    : m_native(std::exchange(other.m_native, -1)),
      m_owned(std::exchange(other.m_owned, false)),
      m_kind(other.m_kind),
      m_size(other.m_size) {}

File& File::operator=(File&& other) noexcept {
    if (this != &other) {
        close();
        m_native = std::exchange(other.m_native, -1);
        m_owned = std::exchange(other.m_owned, false);
        m_kind = other.m_kind;
        m_size = other.m_size;
    }
    return *this;
}

File::~File() {
    close();
}

bool File::is_open() const noexcept {
    return m_native >= 0;
}

void File::close() noexcept {
    if (m_owned && m_native >= 0) {
        ::close(m_native);
    }
    m_native = -1;
    m_owned = false;
}

Result<std::uint64_t> File::current_size() const {
    struct stat st {};
    if (::fstat(m_native, &st) != 0) {
        return errno_error(errno, {});
    }
    return static_cast<std::uint64_t>(st.st_size);
}

Result<std::size_t> File::read(std::span<std::uint8_t> buffer) {
    for (;;) {
        const ssize_t got = ::read(m_native, buffer.data(), buffer.size());
        if (got >= 0) {
            return static_cast<std::size_t>(got);
        }
        if (errno != EINTR) {
            return errno_error(errno, {});
        }
    }
}

void File::advise_sequential() const noexcept {
#if defined(POSIX_FADV_SEQUENTIAL)
    (void)::posix_fadvise(m_native, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
}

void File::advise_willneed(std::uint64_t offset, std::uint64_t length) const noexcept {
#if defined(POSIX_FADV_WILLNEED)
    (void)::posix_fadvise(m_native, static_cast<off_t>(offset), static_cast<off_t>(length),
                          POSIX_FADV_WILLNEED);
#else
    (void)offset;
    (void)length;
#endif
}

Result<void> File::rewind() {
    if (::lseek(m_native, 0, SEEK_SET) < 0) {
        return errno_error(errno, {});
    }
    return {};
}

}  // namespace fhash::io
