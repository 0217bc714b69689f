#pragma once
/// @file tree_feed.hpp
/// What the tree digests (tree_digest.cpp, tree_nar.cpp) share: one-shot hashing of bytes
/// and of a file's contents, private to src/core.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fhash/hasher.hpp"

namespace fhash::detail {

/// Feeds the bytes of `text` to `hasher`.
Result<void> feed_text(Hasher& hasher, std::string_view text);

/// Writes what goes before a file's bytes, given its size (Git's "blob N\0", NAR's length).
using SizeHeader = std::function<std::string(std::uint64_t size)>;

/// Feeds the contents of the file at `path` (followed) to `hasher` through `buffer`, after
/// `header(size)` when given; returns the size. A file whose size changes while it is read
/// fails with Errc::changed_while_reading. Errors carry the path.
Result<std::uint64_t> feed_file(Hasher& hasher, const std::filesystem::path& path,
                                std::span<std::uint8_t> buffer, const SizeHeader& header = {});

/// A hasher of `a`, made fresh.
Result<std::unique_ptr<Hasher>> fresh_hasher(Algorithm a);

}  // namespace fhash::detail
