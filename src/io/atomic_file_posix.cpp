#include "io/atomic_file.hpp"
#include "platform/paths.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdlib>

#include <string>
#include <string_view>
#include <utility>

namespace fhash::io {
namespace {

/// 8 hex digits naming this machine (FNV-1a of its host name): a temporary file of another
/// machine sharing the folder (NFS) is never taken for one of a dead local process.
std::string host_tag() {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0) {
        name[0] = '\0';
    }
    std::uint32_t h = 2166136261U;
    for (const char* c = name; *c != '\0'; ++c) {
        h = (h ^ static_cast<unsigned char>(*c)) * 16777619U;
    }
    std::string tag(8, '0');
    for (int i = 7; i >= 0; --i, h >>= 4) {
        tag[static_cast<std::size_t>(i)] = "0123456789abcdef"[h & 0xFU];
    }
    return tag;
}

/// The pid in `rest` if it is exactly "<tag>-<pid>-<6 letters or digits>" (what create()
/// puts after ".NAME.tmp-"); 0 otherwise.
pid_t temp_owner(std::string_view rest, std::string_view tag) {
    constexpr std::string_view k_unique_chars =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    if (rest.size() < tag.size() + 9 || !rest.starts_with(tag) || rest[tag.size()] != '-' ||
        rest[rest.size() - 7] != '-' ||
        rest.substr(rest.size() - 6).find_first_not_of(k_unique_chars) != std::string_view::npos) {
        return 0;
    }
    const std::string_view digits = rest.substr(tag.size() + 1, rest.size() - tag.size() - 8);
    if (digits.empty() || digits.size() > 9 || digits.front() == '0' ||
        digits.find_first_not_of("0123456789") != std::string_view::npos) {
        return 0;
    }
    pid_t pid = 0;
    for (const char c : digits) {
        pid = pid * 10 + (c - '0');
    }
    return pid;
}

/// Removes `name` in `dir` if it is a regular file that no process holds locked: its writer
/// locks it for as long as it lives (create()), and the kernel drops the lock when it dies.
bool remove_if_unlocked(int dir, const char* name) {
    const int fd = ::openat(dir, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    struct stat st {};
    const bool removed = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
                         ::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::unlinkat(dir, name, 0) == 0;
    ::close(fd);
    return removed;
}

}  // namespace

std::size_t AtomicFile::remove_stale_temps(const std::filesystem::path& target) {
    const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
    const std::string prefix = "." + target.filename().native() + ".tmp-";
    const std::string tag = host_tag();
    DIR* listing = ::opendir(dir.c_str());
    if (listing == nullptr) {
        return 0;
    }
    std::size_t removed = 0;
    while (const dirent* entry = ::readdir(listing)) {
        const std::string_view name = entry->d_name;
        if (!name.starts_with(prefix)) {
            continue;
        }
        const pid_t pid = temp_owner(name.substr(prefix.size()), tag);
        // A writer that is alive (or whose pid another process has taken since) is left
        // alone: kill(pid, 0) fails with ESRCH only when no such process exists.
        if (pid <= 0 || pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) {
            continue;
        }
        if (remove_if_unlocked(::dirfd(listing), entry->d_name)) {
            ++removed;
        }
    }
    ::closedir(listing);
    return removed;
}

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
    (void)remove_stale_temps(target);
    const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
    const std::string base = "." + target.filename().native() + ".tmp-";
    // ".NAME.tmp-HOST-PID-XXXXXX": a later run can tell a dead writer's leftover from a live
    // writer's file (remove_stale_temps). A name too long for that gets the short form,
    // which is never removed.
    std::string pattern =
        (dir / (base + host_tag() + "-" + std::to_string(::getpid()) + "-XXXXXX")).native();
    int fd = ::mkstemp(pattern.data());
    if (fd < 0 && errno == ENAMETOOLONG) {
        pattern = (dir / (base + "XXXXXX")).native();
        fd = ::mkstemp(pattern.data());
    }
    if (fd < 0) {
        return errno_error(errno, target.native());
    }
    (void)::fcntl(fd, F_SETFD, FD_CLOEXEC);
    (void)::flock(fd, LOCK_EX | LOCK_NB);  // held while this process lives: "not stale"
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
