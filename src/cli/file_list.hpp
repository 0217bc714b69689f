#pragma once
/// @file file_list.hpp
/// Lists of names read from a file or standard input: --files-from (paths) and
/// --exclude-from (patterns).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fhash/error.hpp"

namespace fhash::cli {

/// At most this many bytes are read from one list: 1 GiB.
inline constexpr std::uint64_t k_max_list_bytes = std::uint64_t{1} << 30;
/// At most this many lines (or NUL-separated names) in one list: 16 Mi.
inline constexpr std::size_t k_max_list_lines = std::size_t{1} << 24;

enum class ListKind {
    paths,     ///< --files-from: one path per line, or NUL-separated
    patterns,  ///< --exclude-from: one pattern per line, '#' comments
};

/// Reads the list `arg` ("-" = standard input). The text is decoded as LineSplitter does
/// (UTF-8 with or without BOM, UTF-16LE/BE with BOM; CRLF or LF). Line mode: trailing spaces
/// and TABs are stripped (a newline-separated list cannot carry them reliably: editors and
/// PowerShell add them) and empty lines are skipped. NUL mode (`null_separated`): names are
/// taken byte for byte, only empty names are skipped. Errors carry `arg` as path
/// ("standard input" for "-").
///
/// The whole list is held in memory, so it is capped (an endless /dev/zero must end):
/// k_max_list_bytes of input, k_max_list_lines lines (or NUL-separated names, empty ones
/// included) and LineSplitter::k_default_max_line (4 MiB) per line. Past a cap the list is refused
/// with Errc::malformed and the detail "list larger than 1 GiB", "more than 16777216 lines"
/// ("... names" with NUL separators) or "line N is longer than 4 MiB" ("name N ...").
Result<std::vector<std::string>> read_name_list(const std::string& arg, ListKind kind,
                                                bool null_separated);

}  // namespace fhash::cli
