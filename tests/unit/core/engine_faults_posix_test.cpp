// Files that change between the directory walk and the read, or while they are read.
// (The deterministic mapped-window cases are in io/mapped_source_posix_test.cpp and
// io/sigbus_guard_posix_test.cpp.)

#include "support/catch.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "fhash/engine.hpp"
#include "io/walk.hpp"
#include "support/temp_dir.hpp"

using namespace fhash;

namespace {

FileHasher make(ReadMode mode) {
    ReadOptions options;
    options.mode = mode;
    Result<FileHasher> hasher =
        FileHasher::create({Algorithm::sha512, Algorithm::sha3_512}, options);
    REQUIRE(hasher);
    return std::move(*hasher);
}

}  // namespace

TEST_CASE("a file deleted between the walk and its open is reported missing", "[engine][faults]") {
    test::TempDir dir;
    dir.write("tree/a.txt", "a");
    dir.write("tree/b.txt", "b");
    const io::WalkResult walked = io::walk_tree(dir.path() / "tree", {});
    REQUIRE(walked.files.size() == 2);
    std::filesystem::remove(walked.files[1]);
    FileHasher hasher = make(ReadMode::automatic);
    CHECK(hasher.hash_file(walked.files[0]));
    Result<FileDigests> gone = hasher.hash_file(walked.files[1]);
    REQUIRE_FALSE(gone);
    CHECK(gone.error().code == std::errc::no_such_file_or_directory);
}

TEST_CASE("a file that grows while it is hashed is reported as changed", "[engine][faults]") {
    // An appender runs for as long as the hash does; the file keeps growing past the size
    // seen at open, whichever read path is taken.
    for (const ReadMode mode : {ReadMode::chunked, ReadMode::mmap}) {
        test::TempDir dir;
        const auto path = dir.write("growing", std::string(std::size_t{16} << 20, 'g'));
        std::atomic<bool> done{false};
        std::atomic<bool> started{false};
        std::thread appender([&] {
            const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND);
            const std::string more(std::size_t{64} << 10, 'm');
            // Throttled and capped, so the reader always catches up and reaches the end.
            for (int i = 0; i < 1024 && !done; ++i) {
                (void)!::write(fd, more.data(), more.size());
                started = true;
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            ::close(fd);
        });
        while (!started) {
            std::this_thread::yield();
        }
        FileHasher hasher = make(mode);
        Result<FileDigests> digests = hasher.hash_file(path);
        done = true;
        appender.join();
        INFO("read mode " << (mode == ReadMode::mmap ? "mmap" : "chunked"));
        REQUIRE_FALSE(digests);
        CHECK(digests.error().code == make_error_code(Errc::changed_while_reading));
    }
}

TEST_CASE("a file that shrinks while it is hashed is reported as changed", "[engine][faults]") {
    // Truncated from another thread during the hash. In mmap mode the reads may fault on
    // the lost pages (SIGBUS, caught) or the next size check may notice: both report a change.
    for (const ReadMode mode : {ReadMode::chunked, ReadMode::mmap}) {
        test::TempDir dir;
        const auto path = dir.write("shrinking", std::string(std::size_t{32} << 20, 's'));
        std::atomic<bool> go{false};
        std::thread truncator([&] {
            while (!go) {
                std::this_thread::yield();
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            std::filesystem::resize_file(path, 4096);
        });
        FileHasher hasher = make(mode);
        // Opened before the truncation, so the size at open is the full one.
        go = true;
        Result<FileDigests> digests = hasher.hash_file(path);
        truncator.join();
        INFO("read mode " << (mode == ReadMode::mmap ? "mmap" : "chunked"));
        if (digests) {
            // No overlap: the truncation came before the open, or after the last read.
            CHECK((digests->size == 4096 || digests->size == (std::size_t{32} << 20)));
        } else {
            CHECK(digests.error().code == make_error_code(Errc::changed_while_reading));
        }
    }
}
