#include "io/atomic_file.hpp"
#include "platform/paths.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdlib>

#include <string>
#include <utility>

namespace fhash::io {

Result<AtomicFile> AtomicFile::create(const std::filesystem::path& target) {
    struct stat st {};
    if (::stat(target.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        // Not a regular file (a device such as /dev/null or /dev/full, a FIFO): renaming
        // over it would replace the special file, so it is written straight through.
        // Directories are refused.
        if (S_ISDIR(st.st_mode)) {
            return make_error(Errc::is_a_directory, target.native());
        }
        const int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC | O_TRUNC);
        if (fd < 0) {
            return errno_error(errno, target.native());
        }
        AtomicFile file;
        file.m_fd = fd;
        file.m_target = target;
        return file;
    }
    const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
    std::string pattern = (dir / ("." + target.filename().native() + ".tmp-XXXXXX")).native();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) {
        return errno_error(errno, target.native());
    }
    (void)::fcntl(fd, F_SETFD, FD_CLOEXEC);
    // mkstemp creates 0600; a manifest gets the permissions a new file would get.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    const mode_t mode = (::stat(target.c_str(), &st) == 0) ? (st.st_mode & 07777) : (0666 & ~mask);
    (void)::fchmod(fd, mode);
    AtomicFile file;
    file.m_fd = fd;
    file.m_target = target;
    file.m_temp = pattern;
    return file;
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : m_target(std::move(other.m_target)),
      m_temp(std::move(other.m_temp)),
      m_fd(std::exchange(other.m_fd, -1)),
      m_committed(std::exchange(other.m_committed, true)) {}

AtomicFile& AtomicFile::operator=(AtomicFile&& other) noexcept {
    if (this != &other) {
        discard();
        m_target = std::move(other.m_target);
        m_temp = std::move(other.m_temp);
        m_fd = std::exchange(other.m_fd, -1);
        m_committed = std::exchange(other.m_committed, true);
    }
    return *this;
}

AtomicFile::~AtomicFile() {
    discard();
}

void AtomicFile::discard() noexcept {
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_committed && !m_temp.empty()) {
        ::unlink(m_temp.c_str());
    }
    m_temp.clear();
}

Result<void> AtomicFile::write(std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = ::write(m_fd, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return errno_error(errno, {});
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return {};
}

Result<void> AtomicFile::commit() {
    if (m_committed) {
        return make_error(Errc::output_failure, platform::path_to_utf8(m_target),
                          "already committed");
    }
    if (m_temp.empty()) {
        // Written straight to a special file.
        const int fd = std::exchange(m_fd, -1);
        if (::close(fd) != 0) {
            return errno_error(errno, {});
        }
        m_committed = true;
        return {};
    }
    if (::fsync(m_fd) != 0 && errno != EINVAL && errno != EROFS) {
        return errno_error(errno, {});
    }
    const int fd = std::exchange(m_fd, -1);
    if (::close(fd) != 0) {
        return errno_error(errno, {});
    }
    if (::rename(m_temp.c_str(), m_target.c_str()) != 0) {
        return errno_error(errno, {});
    }
    m_committed = true;
    m_temp.clear();
    return {};
}

}  // namespace fhash::io
