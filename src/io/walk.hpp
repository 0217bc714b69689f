#pragma once
/// @file walk.hpp
/// The directory walk of -r: regular files below a root, in a deterministic order.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fhash/error.hpp"

namespace fhash::io {

struct WalkOptions {
    /// Follow symbolic links met inside the tree (loops are detected and reported).
    bool follow_symlinks = false;
    /// Optional filter: called with the path relative to the root ('/' separators) of every
    /// regular file and folder met; false skips the file, or the folder without entering it.
    std::function<bool(std::string_view relative, bool is_directory)> accept;
};

/// Something the walk met that is not a file to hash. The io layer states facts only: the
/// wording for the user (and any advice) is the caller's, from `cause`.
struct WalkNote {
    enum class Kind {
        error,    ///< an unreadable folder, a symlink loop: the run should fail
        skipped,  ///< a FIFO, socket or device, or a symlink not followed: informational
    };
    /// Why an entry was skipped (Kind::skipped); none for errors, where `error` says it all.
    enum class Cause {
        none,
        symlink_not_followed,  ///< a symbolic link met inside the tree, follow_symlinks off
        fifo,
        socket,
        character_device,
        block_device,
        special_file,  ///< any other entry that is neither a folder nor a regular file
    };
    Kind kind = Kind::error;
    Error error;  ///< path set; for skipped entries Errc::not_a_regular_file, detail empty
    Cause cause = Cause::none;
};

struct WalkResult {
    std::vector<std::filesystem::path> files;  ///< root / relative path, sorted by bytes
    std::vector<WalkNote> notes;
};

/// Walks `root` (named by the user, so followed if it is a symlink). Files come out sorted
/// by the byte order of their path, whatever the file system's order.
WalkResult walk_tree(const std::filesystem::path& root, const WalkOptions& options);

/// What the path of every file the walk of `root` reports starts with, as
/// platform::generic_display() shows it: the file whose relative name (as WalkOptions::accept
/// is given it) is R displays as this prefix followed by R. So a filter on the displayed name
/// (--shard) can decide in accept(), before the walk builds a path. nullopt where the
/// platform's walk does not promise it (the caller then decides on the path it is given).
std::optional<std::string> walk_display_prefix(const std::filesystem::path& root);

/// The same walk, streamed: `on_file` receives the files in the same byte order as
/// walk_tree() lists them, and `on_note` each note where it is met, as the walk goes (so
/// hashing can start before the walk ends). Only the folders on the current path are held.
void walk_tree(const std::filesystem::path& root, const WalkOptions& options,
               const std::function<void(const std::filesystem::path&)>& on_file,
               const std::function<void(WalkNote&&)>& on_note);

}  // namespace fhash::io
