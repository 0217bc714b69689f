#pragma once
/// @file file_list.hpp
/// Lists of names read from a file or standard input: --files-from (paths) and
/// --exclude-from (patterns).

#include <string>
#include <vector>

#include "fhash/error.hpp"

namespace fhash::cli {

enum class ListKind {
    paths,     ///< --files-from: one path per line, or NUL-separated
    patterns,  ///< --exclude-from: one pattern per line, '#' comments
};

/// Reads the list `arg` ("-" = standard input). The text is decoded as LineSplitter does
/// (UTF-8 with or without BOM, UTF-16LE/BE with BOM; CRLF or LF). Line mode: trailing spaces
/// and TABs are stripped (a newline-separated list cannot carry them reliably: editors and
/// PowerShell add them) and empty lines are skipped. NUL mode (`null_separated`): names are
/// taken byte for byte, only empty names are skipped. Errors carry `arg` as path.
Result<std::vector<std::string>> read_name_list(const std::string& arg, ListKind kind,
                                                bool null_separated);

}  // namespace fhash::cli
