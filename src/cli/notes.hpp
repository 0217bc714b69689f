#pragma once
/// @file notes.hpp
/// Notes met while listing inputs (a walk's unreadable folder, a skipped FIFO, an
/// unreadable --files-from list), reported the one way every mode reports them.

#include "cli/console.hpp"
#include "io/walk.hpp"

namespace fhash::cli {

/// Prints the note on standard error ("fhash: NAME: reason"). Returns true if it fails the
/// run (WalkNote::Kind::error); a skipped file is only reported.
bool report_note(Console& console, const io::WalkNote& note);

}  // namespace fhash::cli
