#include "support/catch.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <string>
#include <thread>

#include "fhash/engine.hpp"
#include "io/file.hpp"
#include "io/mapped_region.hpp"
#include "io/sigbus_guard.hpp"
#include "io/sources.hpp"
#include "support/temp_dir.hpp"

using namespace fhash;

namespace {

/// Sums every byte of `bytes` (a read the compiler cannot drop).
unsigned touch_all(std::span<const std::uint8_t> bytes) {
    unsigned sum = 0;
    for (const std::uint8_t b : bytes) {
        sum += b;
    }
    return sum;
}

struct Mapped {
    io::File file;
    io::MappedRegion region;
};

/// Maps a file of `pages` pages, then truncates the file to nothing: every page of the
/// mapping now faults when read.
Mapped map_then_truncate(const test::TempDir& dir, const std::string& name, std::size_t pages) {
    const std::size_t page = io::MappedRegion::allocation_granularity();
    const auto path = dir.write(name, std::string(pages * page, 'x'));
    Result<io::File> file = io::File::open_read(path);
    REQUIRE(file);
    Result<io::MappedRegion> region = io::MappedRegion::map(*file, 0, pages * page);
    REQUIRE(region);
    std::filesystem::resize_file(path, 0);
    return Mapped{std::move(*file), std::move(*region)};
}

}  // namespace

TEST_CASE("a read of a truncated mapping faults without the guard", "[io][sigbus]") {
    // Proves the other tests really meet SIGBUS: unguarded, the process dies of it.
    test::TempDir dir;
    const Mapped mapped = map_then_truncate(dir, "f", 2);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::signal(SIGBUS, SIG_DFL);
        volatile unsigned sink = touch_all(mapped.region.bytes());
        (void)sink;
        ::_exit(0);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGBUS);
}

TEST_CASE("the guard turns SIGBUS on its range into a return value", "[io][sigbus]") {
    test::TempDir dir;
    const Mapped mapped = map_then_truncate(dir, "f", 4);
    unsigned sum = 0;
    auto body = [&] { sum = touch_all(mapped.region.bytes()); };
    CHECK_FALSE(io::run_sigbus_guarded(mapped.region.bytes(), body));
    // Still alive, and the guard can be used again (SIGBUS unblocked by the jump back).
    CHECK_FALSE(io::run_sigbus_guarded(mapped.region.bytes(), body));

    const std::string ok(100, 'a');
    const std::span<const std::uint8_t> plain(reinterpret_cast<const std::uint8_t*>(ok.data()),
                                              ok.size());
    auto read_plain = [&] { sum = touch_all(plain); };
    CHECK(io::run_sigbus_guarded(plain, read_plain));
    CHECK(sum == 100u * 'a');
}

TEST_CASE("a fault outside the guarded range is not swallowed", "[io][sigbus]") {
    test::TempDir dir;
    const Mapped mapped = map_then_truncate(dir, "f", 2);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        const std::string other(10, 'o');
        const std::span<const std::uint8_t> elsewhere(
            reinterpret_cast<const std::uint8_t*>(other.data()), other.size());
        auto body = [&] {
            volatile unsigned sink = touch_all(mapped.region.bytes());
            (void)sink;
        };
        (void)io::run_sigbus_guarded(elsewhere, body);
        ::_exit(0);
    }
    // The fault went to the previous handler: the default action (SIGBUS), or a sanitizer's
    // or the test framework's handler, which reports it and aborts.
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status));
    CHECK((WTERMSIG(status) == SIGBUS || WTERMSIG(status) == SIGABRT));
}

TEST_CASE("guards are per thread", "[io][sigbus]") {
    test::TempDir dir;
    std::atomic<int> caught{0};
    auto worker = [&](int index) {
        const Mapped mapped =
            map_then_truncate(dir, test::numbered_name("t", static_cast<std::size_t>(index)), 3);
        for (int round = 0; round < 20; ++round) {
            auto body = [&] {
                volatile unsigned sink = touch_all(mapped.region.bytes());
                (void)sink;
            };
            if (!io::run_sigbus_guarded(mapped.region.bytes(), body)) {
                ++caught;
            }
        }
    };
    std::thread a(worker, 1);
    std::thread b(worker, 2);
    a.join();
    b.join();
    CHECK(caught == 40);
}

TEST_CASE("the engine reports a file truncated under its mapping as changed", "[engine][sigbus]") {
    // Deterministic: the first window is mapped (and its first piece handed out) before the
    // file is truncated, so the engine's reads of the next pieces fault.
    test::TempDir dir;
    const std::size_t page = io::MappedRegion::allocation_granularity();
    const auto path = dir.write("shrinking", std::string(8 * page, 's'));
    Result<io::File> file = io::File::open_read(path);
    REQUIRE(file);
    ReadOptions options;
    options.mode = ReadMode::mmap;
    options.mmap_window = 8 * page;
    options.mmap_piece = page;
    io::MappedSource source(*file, options);
    REQUIRE(source.next());
    std::filesystem::resize_file(path, page / 2);

    Result<FileHasher> hasher = FileHasher::create({Algorithm::sha256, Algorithm::md5}, options);
    REQUIRE(hasher);
    Result<FileDigests> digests = hasher->hash_source(source);
    REQUIRE_FALSE(digests);
    CHECK(digests.error().code == make_error_code(Errc::changed_while_reading));

    // The hashers abandoned mid-update are usable again: the next file hashes correctly.
    const auto abc = dir.write("abc", "abc");
    Result<FileDigests> again = hasher->hash_file(abc);
    REQUIRE(again);
    CHECK(to_hex(again->digests[1]) == "900150983cd24fb0d6963f7d28e17f72");
}
