#include "support/catch.hpp"

#include "platform/paths.hpp"

#include <cstdio>
#include <string>
#include <vector>

#include "io/file.hpp"
#include "io/sources.hpp"
#include "support/temp_dir.hpp"

using namespace fhash;

TEST_CASE("File::open_read stats once and reads to the end", "[io][file]") {
    test::TempDir dir;
    const auto path = dir.write("data", "hello world");
    Result<io::File> file = io::File::open_read(path);
    REQUIRE(file);
    CHECK(file->is_open());
    CHECK(file->kind() == FileKind::regular);
    CHECK(file->size() == 11);
    file->advise_sequential();
    std::vector<std::uint8_t> buffer(4);
    std::string seen;
    for (;;) {
        Result<std::size_t> n = file->read(buffer);
        REQUIRE(n);
        if (*n == 0) {
            break;
        }
        seen.append(reinterpret_cast<const char*>(buffer.data()), *n);
    }
    CHECK(seen == "hello world");
    Result<std::uint64_t> now = file->current_size();
    REQUIRE(now);
    CHECK(*now == 11);
}

TEST_CASE("File::open_read errors carry the path", "[io][file]") {
    test::TempDir dir;
    const auto missing = dir.path() / "missing";
    Result<io::File> a = io::File::open_read(missing);
    REQUIRE_FALSE(a);
    CHECK(a.error().code == std::errc::no_such_file_or_directory);
    CHECK(a.error().path == fhash::platform::path_to_utf8(missing));
    Result<io::File> b = io::File::open_read(dir.path());
    REQUIRE_FALSE(b);
    CHECK(b.error().code == make_error_code(Errc::is_a_directory));
    CHECK(b.error().path == fhash::platform::path_to_utf8(dir.path()));
}

TEST_CASE("File is move-only and the moved-from object is empty", "[io][file]") {
    test::TempDir dir;
    Result<io::File> file = io::File::open_read(dir.write("x", "x"));
    REQUIRE(file);
    io::File moved = std::move(*file);
    CHECK(moved.is_open());
    CHECK_FALSE(file->is_open());
    io::File assigned;
    CHECK_FALSE(assigned.is_open());
    assigned = std::move(moved);
    CHECK(assigned.is_open());
    CHECK(assigned.size() == 1);
}

TEST_CASE("standard_input wraps descriptor 0 without owning it", "[io][file]") {
    {
        io::File in = io::File::standard_input();
        CHECK(in.is_open());
    }
    // Still usable after the wrapper is gone: a new wrapper can stat it again.
    io::File again = io::File::standard_input();
    CHECK(again.is_open());
}

TEST_CASE("ChunkedSource reuses the caller's buffer and ends at the file size", "[io][chunked]") {
    test::TempDir dir;
    const std::string content(10000, 'z');
    Result<io::File> file = io::File::open_read(dir.write("z", content));
    REQUIRE(file);
    std::vector<std::uint8_t> buffer(4093);
    io::ChunkedSource source(*file, buffer);
    std::size_t total = 0;
    for (;;) {
        Result<std::span<const std::uint8_t>> chunk = source.next();
        REQUIRE(chunk);
        if (chunk->empty()) {
            break;
        }
        CHECK(chunk->data() == buffer.data());
        total += chunk->size();
    }
    CHECK(total == content.size());
    CHECK(source.bytes_read() == content.size());
}

TEST_CASE("ChunkedSource reads past the size seen at open when the file grew", "[io][chunked]") {
    // The read that would return 0 is saved only where a short read ends at the size the file
    // had when opened: bytes appended since then are still read (and the engine reports the
    // file as changed).
    test::TempDir dir;
    const auto path = dir.write("g", std::string(100, 'a'));
    Result<io::File> file = io::File::open_read(path);
    REQUIRE(file);
    REQUIRE(file->size() == 100);
    {
        std::FILE* out = std::fopen(path.string().c_str(), "ab");
        REQUIRE(out != nullptr);
        std::fputs(std::string(50, 'b').c_str(), out);
        std::fclose(out);
    }
    std::vector<std::uint8_t> buffer(4096);
    io::ChunkedSource source(*file, buffer);
    Result<std::span<const std::uint8_t>> chunk = source.next();
    REQUIRE(chunk);
    CHECK(chunk->size() == 150);
    chunk = source.next();
    REQUIRE(chunk);
    CHECK(chunk->empty());
    CHECK(source.bytes_read() == 150);
}
