#pragma once
/// @file modes.hpp
/// The modes of the command line. Each takes validated options (or, for FCIV, its own
/// arguments) and the console, and returns the exit code; none prints outside the console,
/// and the caller owns the single flush-and-exit path (main.cpp).

#include <string>
#include <vector>

#include "cli/console.hpp"
#include "cli/exit_code.hpp"
#include "cli/options.hpp"

namespace fhash::cli {

/// Hash mode: hashes every input and writes one line per algorithm per input.
ExitCode run_hash(const Options& options, Console& console);

/// -c: verifies the manifests named in options.paths.
ExitCode run_check(const Options& options, Console& console);

/// -c --audit: compares manifests with the tree under --base-dir.
ExitCode run_audit(const Options& options, Console& console);

/// --update MANIFEST: rewrites MANIFEST to match the files on disk.
ExitCode run_update(const Options& options, Console& console);

/// --expect DIGEST [FILE]: hashes FILE (standard input when absent or -) and prints
/// "FILE: OK" or "FILE: FAILED". Exit 0 on a match, 1 on a mismatch or read failure,
/// 2 on a digest that fits no algorithm.
ExitCode run_expect(const Options& options, Console& console);

/// `fhash fciv ...`: Microsoft FCIV 2.05's syntax and console output. FCIV's exit codes
/// are the same as fhash's: 0 success, 1 failure, 2 usage error or unusable database.
ExitCode run_fciv(const std::vector<std::string>& args, Console& console);

/// `fhash merge PART... [-o MANIFEST]`: shard manifests (fhash --shard) into the bytes one
/// run would have written (mode_merge.cpp). `args` are the words after "merge".
ExitCode run_merge(const std::vector<std::string>& args, Console& console);
/// `fhash tree ...`: one digest per folder (h1, dirhash, nar, git, git-sha256), or with
/// --expect a check of one folder. Exit 0 digested or matched, 1 a mismatch or unreadable
/// folder, 2 a usage error.
ExitCode run_tree(const std::vector<std::string>& args, Console& console);

}  // namespace fhash::cli
