#pragma once
/// @file run_modes.hpp
/// The modes beyond hashing and checking, and small policy helpers of the command line.

#include "cli/exit_code.hpp"
#include "cli/options.hpp"
#include "cli/report.hpp"

namespace fhash::cli {

/// -c --audit: compares manifests with the tree under --base-dir (run_audit.cpp).
ExitCode run_audit(const Options& options, Console& console);

/// --update MANIFEST: rewrites MANIFEST to match the files on disk (run_update.cpp).
ExitCode run_update(const Options& options, Console& console);

/// Whether OK/FAILED are coloured: --color=always/never decide; auto colours only when
/// standard output is a terminal, NO_COLOR is unset or empty and TERM is not "dumb".
bool color_wanted(ColorMode mode);

}  // namespace fhash::cli
