#include "support/catch.hpp"

#include "platform/paths.hpp"

#include <filesystem>
#include <string>

#include "io/atomic_file.hpp"
#include "support/read_file.hpp"
#include "support/temp_dir.hpp"

using namespace fhash;
using test::read_file;

namespace {

std::size_t entries_in(const std::filesystem::path& dir) {
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) {
        ++count;
    }
    return count;
}

}  // namespace

TEST_CASE("commit replaces the target and leaves no temporary file", "[io][atomic]") {
    test::TempDir dir;
    const auto target = dir.write("SHA256SUMS", "old content\n");
    Result<io::AtomicFile> file = io::AtomicFile::create(target);
    REQUIRE(file);
    CHECK(file->temp_path().parent_path() == target.parent_path());
    CHECK(std::filesystem::exists(file->temp_path()));
    REQUIRE(file->write("new "));
    REQUIRE(file->write(std::string(100000, 'x')));  // more than the internal buffer
    REQUIRE(file->write("\n"));
    CHECK(read_file(target) == "old content\n");  // untouched until commit
    REQUIRE(file->commit());
    CHECK(read_file(target) == "new " + std::string(100000, 'x') + "\n");
    CHECK(entries_in(dir.path()) == 1);
    CHECK_FALSE(file->commit());  // a second commit is an error, not a crash
}

TEST_CASE("an uncommitted AtomicFile leaves the old target and nothing else", "[io][atomic]") {
    test::TempDir dir;
    const auto target = dir.write("list", "keep me\n");
    {
        Result<io::AtomicFile> file = io::AtomicFile::create(target);
        REQUIRE(file);
        REQUIRE(file->write("half-written"));
        io::AtomicFile moved = std::move(*file);  // the temporary follows the move
        CHECK(entries_in(dir.path()) == 2);
    }
    CHECK(read_file(target) == "keep me\n");
    CHECK(entries_in(dir.path()) == 1);
}

TEST_CASE("AtomicFile fails cleanly where it cannot write", "[io][atomic]") {
    test::TempDir dir;
    const auto nowhere = dir.path() / "no-such-dir" / "out.txt";
    Result<io::AtomicFile> a = io::AtomicFile::create(nowhere);
    REQUIRE_FALSE(a);
    CHECK(a.error().code == std::errc::no_such_file_or_directory);
    CHECK(a.error().path == fhash::platform::path_to_utf8(nowhere));

    Result<io::AtomicFile> b = io::AtomicFile::create(dir.path());
    REQUIRE_FALSE(b);
    CHECK(b.error().code == make_error_code(Errc::is_a_directory));
    CHECK(entries_in(dir.path()) == 0);
}
