#pragma once
/// @file hints.hpp
/// The command line's wording of facts the core reports as values: why the walk skipped an
/// entry, and where a missing file would have been found. The core knows no flag names, so
/// the advice naming one (-L, --base-dir) is added here.

#include "fhash/error.hpp"
#include "fhash/verify.hpp"
#include "io/walk.hpp"

namespace fhash::cli {

/// The note's error with its detail worded for the user: "symbolic link not followed; -L
/// follows it", "a FIFO, skipped", "a socket, skipped", "a character device, skipped",
/// "a block device, skipped", "skipped"; errors (Cause::none) unchanged.
Error worded(const io::WalkNote& note);

/// The outcome's error; when EntryOutcome::found_in_manifest_dir is set, with the detail
/// "it exists next to the manifest: use --base-dir DIR".
Error worded(const EntryOutcome& outcome);

}  // namespace fhash::cli
