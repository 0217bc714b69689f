#include "support/catch.hpp"

#include <sys/stat.h>

#include <filesystem>

#include "io/atomic_file.hpp"
#include "support/temp_dir.hpp"

using namespace fhash;

TEST_CASE("a new target gets the default permissions", "[io][atomic]") {
    test::TempDir dir;
    const auto target = dir.path() / "new.md5";
    Result<io::AtomicFile> file = io::AtomicFile::create(target);
    REQUIRE(file);
    REQUIRE(file->write("x\n"));
    REQUIRE(file->commit());
    const mode_t mask = ::umask(022);
    ::umask(mask);
    struct stat st {};
    REQUIRE(::stat(target.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == (0666 & ~mask));
}

TEST_CASE("a replaced target keeps its permissions", "[io][atomic]") {
    test::TempDir dir;
    const auto target = dir.write("SHA256SUMS", "old\n");
    REQUIRE(::chmod(target.c_str(), 0640) == 0);
    Result<io::AtomicFile> file = io::AtomicFile::create(target);
    REQUIRE(file);
    REQUIRE(file->write("new\n"));
    REQUIRE(file->commit());
    struct stat st {};
    REQUIRE(::stat(target.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0640);
}

TEST_CASE("a device target is written straight through, never renamed over", "[io][atomic]") {
    Result<io::AtomicFile> null_file = io::AtomicFile::create("/dev/null");
    REQUIRE(null_file);
    CHECK(null_file->temp_path().empty());
    REQUIRE(null_file->write("data\n"));
    REQUIRE(null_file->commit());
    struct stat st {};
    REQUIRE(::stat("/dev/null", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));

    // A full device reports the failure (ENOSPC) at write or commit time.
    Result<io::AtomicFile> full = io::AtomicFile::create("/dev/full");
    REQUIRE(full);
    Result<void> written = full->write(std::string(1 << 16, 'x'));
    Result<void> committed = written ? full->commit() : Result<void>(written.error());
    REQUIRE_FALSE(committed);
    CHECK(committed.error().code == std::errc::no_space_on_device);
}
