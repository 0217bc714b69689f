#include "support/catch.hpp"

#include "fhash/read_options.hpp"

using namespace fhash;

TEST_CASE("parse_read_mode accepts the three names only", "[read_options]") {
    CHECK(parse_read_mode("auto") == ReadMode::automatic);
    CHECK(parse_read_mode("mmap") == ReadMode::mmap);
    CHECK(parse_read_mode("chunked") == ReadMode::chunked);
    CHECK_FALSE(parse_read_mode("").has_value());
    CHECK_FALSE(parse_read_mode("MMAP").has_value());
    CHECK_FALSE(parse_read_mode("always").has_value());
}

TEST_CASE("non-regular and empty inputs are always chunked", "[read_options]") {
    for (const ReadMode mode : {ReadMode::automatic, ReadMode::mmap, ReadMode::chunked}) {
        ReadOptions options;
        options.mode = mode;
        for (const FileKind kind :
             {FileKind::fifo, FileKind::character_device, FileKind::block_device, FileKind::socket,
              FileKind::directory, FileKind::other}) {
            CHECK(select_read_mode(kind, std::uint64_t{1} << 30, options) == ReadMode::chunked);
        }
        CHECK(select_read_mode(FileKind::regular, 0, options) == ReadMode::chunked);
    }
}

TEST_CASE("explicit modes are honoured for regular non-empty files", "[read_options]") {
    ReadOptions options;
    options.mode = ReadMode::mmap;
    CHECK(select_read_mode(FileKind::regular, 1, options) == ReadMode::mmap);
    options.mode = ReadMode::chunked;
    CHECK(select_read_mode(FileKind::regular, std::uint64_t{1} << 40, options) ==
          ReadMode::chunked);
}

TEST_CASE("automatic maps exactly from the threshold up", "[read_options]") {
    ReadOptions options;
    options.mmap_threshold = 1000;
    CHECK(select_read_mode(FileKind::regular, 999, options) == ReadMode::chunked);
    CHECK(select_read_mode(FileKind::regular, 1000, options) == ReadMode::mmap);
    CHECK(select_read_mode(FileKind::regular, 1001, options) == ReadMode::mmap);
    const ReadOptions defaults;
    CHECK(select_read_mode(FileKind::regular, 64 << 10, defaults) == ReadMode::chunked);
    CHECK(select_read_mode(FileKind::regular, defaults.mmap_threshold, defaults) == ReadMode::mmap);
}
