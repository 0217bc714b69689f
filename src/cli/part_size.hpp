#pragma once
/// @file part_size.hpp
/// Part sizes of the S3 digests: --part-size's text, and the sizes an S3 ETag "-N" can come
/// from (--expect).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fhash::cli {

/// Reads "8388608", "8M", "8MiB", "16m", "1G", "512K" (binary units; case-insensitive) into
/// bytes; nullopt for anything else, 0, or more than S3's 5 GiB limit on a part.
std::optional<std::uint64_t> parse_part_size(std::string_view text) noexcept;

/// "8 MiB", "5 GiB", or "12345 bytes" for a size that is no whole number of MiB.
std::string part_size_text(std::uint64_t bytes);

/// The part sizes that upload tools use (1 to 5120 MiB in whole steps people choose: 5 MiB,
/// S3's minimum and the default of the AWS SDKs for Java and JavaScript and of rclone; 8 MiB,
/// the AWS CLI's and boto3's, doubled while a file would need more than 10000 parts;
/// 15 MiB, s3cmd's; 16, 32, 64, 100, 128, 256, 512 MiB, 1 GiB ...) that cut `file_size`
/// bytes into exactly `parts` parts (and that an object of that size was uploaded in parts
/// at all: file_size >= part size). Smallest first, no duplicates. For one part, any size
/// from the file's own gives the same digest: the file's size is the one candidate.
std::vector<std::uint64_t> candidate_part_sizes(std::uint64_t file_size, std::uint32_t parts);

}  // namespace fhash::cli
