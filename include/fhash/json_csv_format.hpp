#pragma once
/// @file json_csv_format.hpp
/// The two machine-readable result formats, as pure text transforms:
///
/// JSON Lines (-f json): one object per file and line,
///   {"path":"a/b.txt","size":3,"md5":"<hex>","sha256":"<hex>"}
/// members in that order, one per algorithm (canonical lower-case name), lower-case hex.
/// A name that is not valid UTF-8 (possible on POSIX file systems) cannot be a JSON string:
/// "path" then holds it with each invalid byte replaced by U+FFFD (readable, for display)
/// and "path_b64" holds the exact bytes in base64. Readers prefer "path_b64" when present.
///
/// CSV (-f csv): what PowerShell's Get-FileHash | Export-Csv -NoTypeInformation writes:
///   "Algorithm","Hash","Path"
///   "SHA256","<HEX>","a/b.txt"
/// every field double-quoted (inner quotes doubled), the algorithm upper-case, the hash in
/// upper-case hex as Get-FileHash writes it, one row per algorithm per file, LF line ends.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "fhash/algorithm.hpp"
#include "fhash/digest.hpp"
#include "fhash/manifest.hpp"

namespace fhash {

/// One JSON Lines record, newline included.
std::string format_json_line(std::string_view name, std::uint64_t size,
                             std::span<const std::pair<Algorithm, Digest>> digests);

/// Parses one JSON Lines record. Members named after an algorithm (any spelling
/// parse_algorithm accepts) with a hex string value of the right length become digests;
/// "path"/"path_b64" give the name, "size" the size; other members are ignored. Blank
/// lines and objects of the one member "fhash_shard" (a shard's header and trailer) are
/// skipped; anything else that is not such an object is malformed.
ParsedLine parse_json_line(std::string_view line);

/// The CSV header line, newline included.
std::string format_csv_header();
/// One CSV row, newline included.
std::string format_csv_row(Algorithm algorithm, const Digest& digest, std::string_view name);

/// Column positions learnt from a CSV header.
struct CsvParseState {
    bool header_seen = false;
    std::size_t algorithm = 0;
    std::size_t hash = 1;
    std::size_t path = 2;
};

/// True when `text` holds a whole CSV record (its double quotes are balanced, or it is a
/// comment: it starts with '#'); otherwise the record continues on the next line (a quoted
/// field holding a line break). `text` is the record from its start, so a '#' after a line
/// break inside quotes is part of a name, never a comment.
bool csv_record_complete(std::string_view text) noexcept;

/// Parses one CSV record. A record that starts with '#' is a comment, skipped (PowerShell
/// 5.1's "#TYPE ..." line, the lines that name a shard: as pandas' `read_csv(comment='#')`
/// skips them). The first other non-blank record is the header (columns Algorithm, Hash, Path in
/// any order, case-insensitive; skipped). Fields may be quoted or bare. A row with an unknown
/// algorithm or a bad digest is malformed.
ParsedLine parse_csv_record(std::string_view record, CsvParseState& state);

}  // namespace fhash
