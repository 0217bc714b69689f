#include "support/catch.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fhash/engine.hpp"
#include "support/fake_source.hpp"
#include "support/hashers.hpp"
#include "support/temp_dir.hpp"

using namespace fhash;
using test::must_create;

TEST_CASE("a FIFO goes through the chunked path even in mmap mode", "[engine]") {
    test::TempDir dir;
    const auto fifo = dir.path() / "fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        const int fd = ::open(fifo.c_str(), O_WRONLY);
        // Several writes: the reader sees short reads.
        for (int i = 0; i < 3; ++i) {
            (void)!::write(fd, "abc", 1);
            (void)!::write(fd, "bc", 2);
            ::usleep(1000);
        }
        ::_exit(0);
    }
    ReadOptions options;
    options.mode = ReadMode::mmap;
    FileHasher hasher = must_create({Algorithm::md5}, options);
    Result<FileDigests> result = hasher.hash_file(fifo);
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(result);
    CHECK(result->read_mode == ReadMode::chunked);
    CHECK(result->size == 9);
    // md5("abcabcabc")
    test::FakeSource expected("abcabcabc");
    CHECK(result->digests == hasher.hash_source(expected)->digests);
}
