#include "support/catch.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "io/prefetch.hpp"
#include "support/eventually.hpp"
#include "support/temp_dir.hpp"

using namespace fhash;

namespace {

/// Whether the file's first page is in the page cache (mincore of an untouched mapping:
/// asks without reading).
bool first_page_cached(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    void* map = ::mmap(nullptr, 4096, PROT_READ, MAP_SHARED, fd, 0);
    ::close(fd);
    REQUIRE(map != MAP_FAILED);
    unsigned char resident = 0;
    REQUIRE(::mincore(map, 4096, &resident) == 0);
    ::munmap(map, 4096);
    return (resident & 1U) != 0;
}

/// Drops the file's pages from the page cache. The kernel may keep a page another CPU
/// still holds in a batch, so this tries for up to 5 s; false if the pages stayed.
bool evict(const std::filesystem::path& path) {
    return test::eventually(
        [&] {
            const int fd = ::open(path.c_str(), O_RDONLY);
            REQUIRE(fd >= 0);
            ::fdatasync(fd);
            ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
            ::close(fd);
            return !first_page_cached(path);
        },
        std::chrono::milliseconds(10), std::chrono::milliseconds(5000));
}

}  // namespace

TEST_CASE("prefetch_file: a cached file is left alone, an evicted one is read in",
          "[io][prefetch]") {
    REQUIRE(io::prefetch_tells_cached());
    test::TempDir dir;
    const auto path = dir.write("data", std::string(1 << 20, 'z'));
    CHECK(io::prefetch_file(path, 1 << 20) == io::Prefetched::cached);
    struct statfs fs {};
    REQUIRE(::statfs(path.c_str(), &fs) == 0);
    constexpr long k_tmpfs = 0x01021994;  // TMPFS_MAGIC: its pages are the file, never evicted
    if (fs.f_type == k_tmpfs) {
        CHECK(io::prefetch_file(path, 1 << 20) == io::Prefetched::cached);
        return;
    }
    // The probe starts the kernel's own read-ahead as it fails, and on a fast device that
    // read can finish before the call returns: "cached" is then the truth too.
    REQUIRE(evict(path));
    const io::Prefetched probed = io::prefetch_file(path, 1 << 20);
    CHECK((probed == io::Prefetched::started || probed == io::Prefetched::cached));
    // Without the probe, the reads are always asked for.
    REQUIRE(evict(path));
    CHECK(io::prefetch_file(path, 1 << 20, false) == io::Prefetched::started);
    // The reads it started bring the page in, without anybody reading the file.
    const bool in =
        test::eventually([&] { return first_page_cached(path); }, std::chrono::milliseconds(10),
                         std::chrono::milliseconds(5000));
    CHECK(in);
}

TEST_CASE("Prefetcher (adaptive) starts its other threads when a file is not cached",
          "[io][prefetch]") {
    test::TempDir dir;
    struct statfs fs {};
    REQUIRE(::statfs(dir.path().c_str(), &fs) == 0);
    constexpr long k_tmpfs = 0x01021994;
    if (fs.f_type == k_tmpfs) {  // its pages cannot be evicted: stays sampling on one thread
        io::Prefetcher prefetcher(4, true, 1000);
        prefetcher.push(dir.write("f", "x"));
        REQUIRE(test::eventually([&] { return prefetcher.looked_at() == 1; }));
        CHECK(prefetcher.threads() == 1);
        return;
    }
    std::vector<std::filesystem::path> paths;
    for (int i = 0; i < 256; ++i) {
        paths.push_back(dir.write("f" + std::to_string(i), std::string(64 << 10, 'c')));
    }
    for (const auto& path : paths) {
        REQUIRE(evict(path));
    }
    io::Prefetcher prefetcher(4, true, 1000);
    CHECK(prefetcher.threads() == 1);
    for (const auto& path : paths) {
        prefetcher.push(path);
    }
    // The samples (0, 64, 128, 192) are not cached, unless the probe's own read-ahead was
    // faster than the probe. Two misses in a row start all four threads; without them the
    // one sampling thread stays alone.
    REQUIRE(test::eventually([&] { return prefetcher.looked_at() >= 4; }));
    INFO("looked at " << prefetcher.looked_at() << ", started " << prefetcher.started());
    if (prefetcher.started() >= 3) {  // of 4 samples, 3 misses include two in a row
        CHECK(test::eventually([&] { return prefetcher.threads() == 4; }));
    } else if (prefetcher.started() == 0) {
        CHECK(prefetcher.threads() == 1);
    }
    if (prefetcher.threads() == 4) {
        CHECK(prefetcher.started() >= 2);
    }
}

TEST_CASE("device_kind reads the block device's queue/rotational, virtual disks aside",
          "[io][prefetch]") {
    test::TempDir dir;
    struct stat st {};
    REQUIRE(::stat(dir.path().c_str(), &st) == 0);
    const std::string base = "/sys/dev/block/" + std::to_string(major(st.st_dev)) + ":" +
                             std::to_string(minor(st.st_dev));
    std::error_code ec;
    const auto device = std::filesystem::canonical(base, ec);
    if (ec) {
        CHECK(io::device_kind(dir.path()) == DeviceKind::unknown);
        return;
    }
    const std::string where = device.string();
    if (where.find("/virtio") != std::string::npos || where.find("/vbd-") != std::string::npos ||
        where.find("/devices/virtual/") != std::string::npos) {
        CHECK(io::device_kind(dir.path()) == DeviceKind::unknown);  // the flag says nothing
        return;
    }
    std::ifstream in(device / "queue" / "rotational");
    if (!in) {
        in.open(device.parent_path() / "queue" / "rotational");
    }
    int flag = -1;
    in >> flag;
    const DeviceKind expected = flag == 1   ? DeviceKind::rotational
                                : flag == 0 ? DeviceKind::solid_state
                                            : DeviceKind::unknown;
    CHECK(io::device_kind(dir.path()) == expected);
}
