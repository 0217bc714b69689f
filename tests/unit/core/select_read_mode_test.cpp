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
            CHECK(select_read_mode(kind, std::uint64_t{1} << 30, options, false) ==
                  ReadMode::chunked);
        }
        CHECK(select_read_mode(FileKind::regular, 0, options, false) == ReadMode::chunked);
    }
}

TEST_CASE("explicit modes are honoured for regular non-empty files", "[read_options]") {
    ReadOptions options;
    options.mode = ReadMode::mmap;
    CHECK(select_read_mode(FileKind::regular, 1, options, false) == ReadMode::mmap);
    options.mode = ReadMode::chunked;
    CHECK(select_read_mode(FileKind::regular, std::uint64_t{1} << 40, options, false) ==
          ReadMode::chunked);
}

TEST_CASE("automatic maps exactly from the threshold up", "[read_options]") {
    ReadOptions options;
    options.mmap_threshold = 1000;
    CHECK(select_read_mode(FileKind::regular, 999, options, false) == ReadMode::chunked);
    CHECK(select_read_mode(FileKind::regular, 1000, options, false) == ReadMode::mmap);
    CHECK(select_read_mode(FileKind::regular, 1001, options, false) == ReadMode::mmap);
    const ReadOptions defaults;
    CHECK(select_read_mode(FileKind::regular, 64 << 10, defaults, false) == ReadMode::chunked);
    CHECK(select_read_mode(FileKind::regular, defaults.mmap_threshold, defaults, false) ==
          ReadMode::mmap);
}

TEST_CASE("extra threads turn automatic mapping into reading, nothing else", "[read_options]") {
    ReadOptions options;
    options.mmap_threshold = 1000;
    // automatic: a big file with algorithm threads is read by a thread ahead of them
    CHECK(select_read_mode(FileKind::regular, 5000, options, true) == ReadMode::chunked);
    CHECK(select_read_mode(FileKind::regular, 5000, options, false) == ReadMode::mmap);
    CHECK(select_read_mode(FileKind::regular, 10, options, true) == ReadMode::chunked);
    // explicit modes stay as asked
    options.mode = ReadMode::mmap;
    CHECK(select_read_mode(FileKind::regular, 5000, options, true) == ReadMode::mmap);
    options.mode = ReadMode::chunked;
    CHECK(select_read_mode(FileKind::regular, 5000, options, true) == ReadMode::chunked);
    // non-regular and empty inputs stay chunked
    options.mode = ReadMode::mmap;
    CHECK(select_read_mode(FileKind::fifo, 5000, options, true) == ReadMode::chunked);
    CHECK(select_read_mode(FileKind::regular, 0, options, true) == ReadMode::chunked);
}
