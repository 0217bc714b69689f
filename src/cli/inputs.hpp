#pragma once
/// @file inputs.hpp
/// Turning the command line into the list of things to hash: files as named, directories
/// walked with -r (sorted), standard input.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "cli/options.hpp"
#include "io/walk.hpp"

namespace fhash::cli {

/// One thing to hash: a path (or standard input) and the name written for it.
struct Input {
    std::filesystem::path path;
    std::string display;  ///< as given, or relative to --base-dir; '/' separators
    bool is_stdin = false;
};

/// Expands options.paths, then the --files-from list, into inputs as it goes (directories
/// walked with -r through the --include/--exclude filter): `on_input` for each thing to hash
/// and `on_note` for each walk note (and for an unreadable --files-from list, as an error
/// note), both in output order (walked files sorted by path), so hashing can start while
/// the walk goes on. With options.shard, only the inputs whose name belongs to that shard
/// (walked files of other shards are dropped by the walk's filter, before a path is built).
void for_each_input(const Options& options, const std::function<void(Input&&)>& on_input,
                    const std::function<void(io::WalkNote&&)>& on_note);

}  // namespace fhash::cli
