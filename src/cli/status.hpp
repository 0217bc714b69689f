#pragma once
/// @file status.hpp
/// The per-file status lines of the verifying modes (-c, --expect, --audit), built in one
/// place so every mode words and colours them alike: "NAME: OK", "NAME: FAILED",
/// "NAME: FAILED open or read" (coreutils' words), and --audit's CHANGED, MISSING, NEW,
/// MOVED.

#include <string>
#include <string_view>

#include "cli/console.hpp"

namespace fhash::cli {

enum class Status {
    ok,          ///< OK: every digest matched
    failed,      ///< FAILED: a digest differs
    unreadable,  ///< FAILED open or read: missing or unreadable
    changed,     ///< CHANGED (--audit): a digest differs
    missing,     ///< MISSING (--audit): listed, gone
    added,       ///< NEW (--audit): on disk, not listed
    moved,       ///< MOVED (--audit): a missing entry's digests under a new name
};

/// The word of `status`, coloured as the console paints it.
std::string status_word(const Console& console, Status status);

/// "NAME: WORD<suffix>\n", the name escaped as status_name() does.
std::string status_line(const Console& console, std::string_view name, Status status,
                        std::string_view suffix = {});

}  // namespace fhash::cli
