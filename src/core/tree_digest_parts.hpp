#pragma once
/// @file tree_digest_parts.hpp
/// The schemes of tree.hpp, one function each, private to src/core (tree_digest.cpp
/// dispatches to them).

#include <optional>
#include <string>
#include <string_view>

#include "fhash/tree.hpp"

namespace fhash::detail {

/// SHA-256 of the NAR of `root`; its entries, one line each, appended to `explanation`
/// when not null.
Result<Digest> nar_digest(const TreeNode& root, std::string* explanation);

/// Reads Nix base32 of a digest of `size` bytes; nullopt if it is not exactly that.
std::optional<Digest> from_nix_base32(std::string_view text, std::size_t size) noexcept;

/// Go's dirhash.Hash1 over the files of `root`: SHA-256 of the sorted manifest, which is
/// appended to `explanation` when not null.
Result<Digest> h1_digest(const TreeNode& root, std::string_view prefix, std::string* explanation);

/// Git's tree id of `root` with `algorithm` (sha1 or sha256); `git ls-tree -r -t`'s lines
/// appended to `explanation` when not null.
Result<Digest> git_digest(const TreeNode& root, Algorithm algorithm, std::string* explanation);

}  // namespace fhash::detail
