#pragma once
/// @file tree.hpp
/// One digest for a folder, in the published schemes others record: Go's `h1:` directory
/// hash (golang.org/x/mod/sumdb/dirhash, go.sum; in-toto's hex `dirHash`), the Nix archive
/// (NAR) hash of `nix-hash --type sha256`, and Git's tree id (SHA-1 or SHA-256 object
/// format). Never prints; every failure is a value.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fhash/digest.hpp"
#include "fhash/error.hpp"

namespace fhash {

/// The tree digest schemes.
enum class TreeScheme {
    h1,          ///< Go dirhash.Hash1: "h1:" + base64 of SHA-256 over the sorted SHA-256 manifest
    dirhash,     ///< the same digest in hex (in-toto's dirHash)
    nar,         ///< SHA-256 of the Nix archive; SRI "sha256-<base64>"
    git,         ///< Git's tree id, SHA-1 object format, hex
    git_sha256,  ///< Git's tree id, SHA-256 object format, hex
};

/// "h1", "dirhash", "nar", "git", "git-sha256" (case-insensitive); nullopt for anything else.
std::optional<TreeScheme> parse_tree_scheme(std::string_view name) noexcept;
/// The canonical name parse_tree_scheme() takes.
std::string_view tree_scheme_name(TreeScheme scheme) noexcept;

/// One entry of a folder as the schemes see it.
struct TreeNode {
    enum class Kind { file, directory, symlink };
    std::string name;              ///< the last component (empty for the root)
    std::string path;              ///< relative to the root, '/' separators ("" for the root)
    std::filesystem::path source;  ///< where to read a file's bytes
    Kind kind = Kind::file;
    bool executable = false;         ///< a file with the owner's execute bit (never on Windows)
    std::string target;              ///< a symbolic link's target, as stored
    std::vector<TreeNode> children;  ///< a folder's entries, sorted by the bytes of `name`
};

/// Which entries a tree keeps: called with the path relative to the root ('/' separators)
/// and whether it is a folder; false leaves the entry out (a folder without entering it).
/// Empty: keep everything.
using TreeFilter = std::function<bool(std::string_view relative, bool is_directory)>;

/// Reads the folder `root` (followed if it is a symbolic link) into nodes. Symbolic links
/// inside are not followed; FIFOs, sockets and devices are left out. Errors:
/// Errc::not_a_regular_file with the path when `root` is not a folder; the OS error with
/// the path for a folder that cannot be listed.
Result<TreeNode> read_tree(const std::filesystem::path& root, const TreeFilter& filter);

/// A tree's digest in its scheme's notation, with the digest's bytes and, on request, the
/// canonical input it was taken over.
struct TreeDigest {
    std::string text;         ///< "h1:…", hex, or "sha256-…"
    Digest digest;            ///< the raw bytes
    std::string explanation;  ///< filled when asked for (see digest_tree())
};

/// Computes the digest of `root` in `scheme`. With `explain`, `explanation` holds the input
/// the digest is taken over in readable form: for h1/dirhash exactly the hashed manifest
/// ("<sha256 hex>  <path>\n" per file, sorted); for nar one line per archive entry in
/// archive order; for git `git ls-tree -r -t`'s lines. Errors: a file that cannot be read
/// (its OS error and path); Errc::malformed for a name the scheme cannot hold (h1: a newline;
/// git: an empty name); Errc::not_a_regular_file for h1 over a link to a folder.
/// `prefix` (h1 and dirhash only) goes before every path with a '/', as the prefix of Go's
/// HashDir: go.sum's module hashes are taken with "<module>@<version>".
Result<TreeDigest> digest_tree(TreeScheme scheme, const TreeNode& root, bool explain = false,
                               std::string_view prefix = {});

/// Reads a recorded digest of `scheme`: "h1:<base64>" (h1), hex (dirhash, git, git-sha256,
/// nar), Nix base32, "sha256:<base32|hex>" or SRI "sha256-<base64>" (nar). nullopt if the
/// text is none of them.
std::optional<Digest> parse_tree_digest(TreeScheme scheme, std::string_view text) noexcept;

/// The scheme a recorded digest's form names: "h1:" h1, "sha256-" / "sha256:" / 52 Nix
/// base32 characters nar, 40 hex digits git; nullopt when the form does not decide (64 hex
/// digits fit dirhash, git-sha256 and nar).
std::optional<TreeScheme> tree_scheme_of(std::string_view text) noexcept;

/// Nix's base32 (the alphabet without e o u t, least significant 5 bits last), as
/// `nix-hash --base32` prints.
std::string to_nix_base32(const Digest& digest);

}  // namespace fhash
