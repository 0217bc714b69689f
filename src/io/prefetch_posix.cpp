#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <unistd.h>
#include <cerrno>

#include <fstream>
#include <string>
#include <system_error>

#include "io/prefetch.hpp"

namespace fhash::io {
namespace {

/// Closes a descriptor on every path out.
struct Descriptor {
    int fd = -1;
    explicit Descriptor(int value) noexcept : fd(value) {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() {
        if (fd >= 0) {
            ::close(fd);
        }
    }
};

/// "0" or "1" from a queue/rotational file; nullopt-like -1 when absent.
int read_flag(const std::filesystem::path& file) {
    std::ifstream in(file);
    int value = -1;
    if (in >> value) {
        return value;
    }
    return -1;
}

}  // namespace

DeviceKind device_kind(const std::filesystem::path& path) noexcept {
    try {
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) {
            return DeviceKind::unknown;
        }
        // /sys/dev/block/MAJ:MIN links to the device; a partition's queue is its disk's.
        const std::filesystem::path link = "/sys/dev/block/" + std::to_string(major(st.st_dev)) +
                                           ":" + std::to_string(minor(st.st_dev));
        std::error_code ec;
        const std::filesystem::path device = std::filesystem::canonical(link, ec);
        if (ec) {
            return DeviceKind::unknown;  // no block device: tmpfs, overlay, NFS, not Linux
        }
        // A paravirtual disk's flag is its driver's default (virtio-blk and Xen's report
        // rotational), not a fact about the host's storage; a loop or device-mapper device
        // only passes on what it sits on. Neither says anything: unknown.
        const std::string where = device.string();
        if (where.find("/virtio") != std::string::npos ||
            where.find("/vbd-") != std::string::npos ||
            where.find("/devices/virtual/") != std::string::npos) {
            return DeviceKind::unknown;
        }
        int flag = read_flag(device / "queue" / "rotational");
        if (flag < 0) {
            flag = read_flag(device.parent_path() / "queue" / "rotational");
        }
        if (flag < 0) {
            return DeviceKind::unknown;
        }
        return flag == 1 ? DeviceKind::rotational : DeviceKind::solid_state;
    } catch (...) {
        return DeviceKind::unknown;
    }
}

Prefetched prefetch_file(const std::filesystem::path& path, std::uint64_t max_bytes,
                         bool probe) noexcept {
    // O_NONBLOCK: opening a FIFO must not wait for a writer (the worker reports it).
    Descriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
    if (file.fd < 0) {
        return Prefetched::failed;
    }
    struct stat st {};
    if (::fstat(file.fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        return Prefetched::failed;
    }
    if (st.st_size == 0) {
        return Prefetched::cached;
    }
#if defined(RWF_NOWAIT)
    // Is the first byte cached? RWF_NOWAIT fails with EAGAIN rather than wait for the disk.
    char byte = 0;
    iovec one{&byte, 1};
    if (probe && ::preadv2(file.fd, &one, 1, 0, RWF_NOWAIT) == 1) {
        return Prefetched::cached;
    }
#endif
#if defined(POSIX_FADV_WILLNEED)
    const auto size = static_cast<std::uint64_t>(st.st_size);
    (void)::posix_fadvise(file.fd, 0, static_cast<off_t>(size < max_bytes ? size : max_bytes),
                          POSIX_FADV_WILLNEED);
    return Prefetched::started;
#else
    (void)max_bytes;
    (void)probe;
    return Prefetched::unknown;
#endif
}

bool prefetch_tells_cached() noexcept {
#if defined(RWF_NOWAIT) && defined(POSIX_FADV_WILLNEED)
    return true;
#else
    return false;
#endif
}

}  // namespace fhash::io
