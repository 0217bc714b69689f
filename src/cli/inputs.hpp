#pragma once
/// @file inputs.hpp
/// Turning the command line into the list of things to hash: files as named, directories
/// walked with -r (sorted), standard input.

#include <filesystem>
#include <string>
#include <vector>

#include "cli/options.hpp"
#include "cli/report.hpp"

namespace fhash::cli {

/// One thing to hash: a path (or standard input) and the name written for it.
struct Input {
    std::filesystem::path path;
    std::string display;  ///< as given, or relative to --base-dir; '/' separators
    bool is_stdin = false;
};

/// Expands options.paths, then the --files-from list, into inputs (directories walked with
/// -r through the --include/--exclude filter), reporting walk problems on the console.
/// Returns false if any of them counts as a failure (the inputs found are still returned).
bool collect_inputs(const Options& options, Console& console, std::vector<Input>& inputs);

}  // namespace fhash::cli
