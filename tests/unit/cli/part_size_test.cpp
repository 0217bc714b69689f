#include "support/catch.hpp"

#include "cli/part_size.hpp"

using fhash::cli::candidate_part_sizes;
using fhash::cli::parse_part_size;
using fhash::cli::part_size_text;

TEST_CASE("part sizes: bytes and binary units, as --part-size takes them", "[cli][part-size]") {
    CHECK(parse_part_size("8388608") == 8388608u);
    CHECK(parse_part_size("8M") == 8388608u);
    CHECK(parse_part_size("8MiB") == 8388608u);
    CHECK(parse_part_size("16m") == 16777216u);
    CHECK(parse_part_size("5G") == 5368709120u);
    CHECK(parse_part_size("512K") == 524288u);
    CHECK_FALSE(parse_part_size(""));
    CHECK_FALSE(parse_part_size("0"));
    CHECK_FALSE(parse_part_size("M"));
    CHECK_FALSE(parse_part_size("6G"));  // above S3's 5 GiB part
    CHECK_FALSE(parse_part_size("8X"));
    CHECK_FALSE(parse_part_size("-8M"));
    CHECK(part_size_text(8388608) == "8 MiB");
    CHECK(part_size_text(1073741824) == "1 GiB");
    CHECK(part_size_text(1000) == "1000 bytes");
}

TEST_CASE("the part sizes an ETag's -N can come from", "[cli][part-size]") {
    constexpr std::uint64_t mib = 1 << 20;
    // 70 MiB in 9 parts: 8 MiB only (ceil(70/8) = 9); in 14: 5 and 6 MiB do not both fit.
    CHECK(candidate_part_sizes(70 * mib, 9) == std::vector<std::uint64_t>{8 * mib});
    CHECK(candidate_part_sizes(70 * mib, 14) == std::vector<std::uint64_t>{5 * mib});
    CHECK(candidate_part_sizes(70 * mib, 2) ==
          std::vector<std::uint64_t>{40 * mib, 50 * mib, 64 * mib});
    CHECK(candidate_part_sizes(70 * mib, 1) == std::vector<std::uint64_t>{70 * mib});
    CHECK(candidate_part_sizes(4, 3).empty());
    CHECK(candidate_part_sizes(70 * mib, 0).empty());
}
