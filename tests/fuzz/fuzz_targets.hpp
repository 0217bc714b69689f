#pragma once
/// @file fuzz_targets.hpp
/// One entry function per fuzz target, shared by the libFuzzer mains (tests/fuzz/fuzz_main.cpp,
/// built with -DFHASH_BUILD_FUZZERS=ON) and by the ordinary test suite, which replays every
/// seed (testdata/fuzz/<target>/) and every input that ever failed
/// (testdata/regressions/<target>/) through the same functions.
///
/// Each function takes arbitrary bytes, must never crash, hang or leak, and checks the
/// properties of the parser it drives. It returns nullptr when all held, otherwise a short
/// description of the property that broke (the fuzzer main then aborts, so the input is
/// saved as a crash).

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace fhash::fuzz {

using Outcome = const char*;  ///< nullptr = every property held

/// GNU/BSD checksum manifests: LineSplitter('\n') over the bytes, parse_checksum_line on each
/// line, with or without a forced algorithm (-a) chosen by the first byte. Properties: an
/// entry has a non-empty name without NUL and digests of its algorithm's size; writing an
/// entry back (GNU and BSD lines) and parsing it again gives the same entry.
Outcome checksum_lines(std::span<const std::uint8_t> data);

/// FCIV-XML databases: parse_fciv_xml. Properties: entries have a name and digests of the
/// right size; format_fciv_xml of the result parses back to the same entries.
Outcome fciv_xml(std::span<const std::uint8_t> data);

/// File lists (--files-from): LineSplitter in '\n' or NUL mode (first byte), every encoding
/// (BOM detection is part of the input). Properties: feeding the bytes in arbitrary pieces
/// gives the same lines as feeding them at once; no line holds the separator.
Outcome file_list(std::span<const std::uint8_t> data);

/// Hex and base64 digest codecs. Properties: decode(encode(x)) == x for any digest x (the
/// first up to 64 bytes); a text that decodes re-encodes to itself (base64 exactly, hex up
/// to case), so no non-canonical spelling is ever accepted.
Outcome digest_codecs(std::span<const std::uint8_t> data);

/// glob_match: pattern and text split at the first NUL, options from the first byte. Must
/// finish fast whatever the pattern; "*" matches everything, a pattern without special
/// characters matches only itself.
Outcome glob(std::span<const std::uint8_t> data);

/// GNU name escaping: unescape(escape(x)) == x for any x; escape(unescape(s)) == s for any s
/// that unescapes and holds no raw LF/CR.
Outcome gnu_escape(std::span<const std::uint8_t> data);

/// JSON Lines manifests (-f json): parse_json_line on each line. Properties: entries are
/// well-formed; format_json_line of an entry parses back to the same name and digests
/// (names that are not UTF-8 travel in "path_b64").
Outcome json_manifest(std::span<const std::uint8_t> data);

/// CSV manifests (Get-FileHash | Export-Csv): records joined across quoted line breaks as
/// the reader does, parse_csv_record on each. Properties: entries are well-formed; a row
/// written back with format_csv_row (after the header) parses to the same entry.
Outcome csv_manifest(std::span<const std::uint8_t> data);

/// Scale-out lines (fhash merge's reading of shards, --resume's journal): each line through
/// parse_shard_header, checksum_line_name and parse_journal_line. Properties: a header that
/// parses is written back to the same bytes, its shard's trailer reads back as written, and
/// a json or csv header is a line the json or csv reader skips; a name found is not empty; a
/// journal line that parses is written back to the same bytes; any line, as a journal entry's name
/// and record, survives format_journal_line and parse_journal_line unchanged.
Outcome shard_lines(std::span<const std::uint8_t> data);

/// SFV manifests: LineSplitter over the bytes (its 4 MiB line cap, as the reader), then
/// parse_sfv_line on each line. Properties: entries are well-formed with one CRC-32 digest;
/// a storable name written back with format_sfv_line parses to the same entry.
Outcome sfv_manifest(std::span<const std::uint8_t> data);

/// hashdeep manifests: LineSplitter, then parse_hashdeep_line with the state the header
/// lines build. Properties: entries are well-formed, have the declared columns' digests and
/// a size; a row written back with format_hashdeep_row parses to the same entry and size.
Outcome hashdeep_manifest(std::span<const std::uint8_t> data);

/// Signature files (signify and minisign keys and signatures, OpenPGP armour, clearsigned
/// layout, gpgv status lines): every parser of signature_formats.hpp on the same bytes.
/// Properties: offsets inside the input, comments within their cap, armour never longer
/// decoded than encoded, a trusted gpgv verdict only with a valid signature for each.
Outcome signature_files(std::span<const std::uint8_t> data);

/// in-toto documents (Statements, DSSE envelopes, JSON Lines of them): parse_intoto.
/// Properties: subjects are well-formed entries; a Statement written back with
/// format_intoto_statement parses to the same subjects.
Outcome intoto_document(std::span<const std::uint8_t> data);

struct Target {
    std::string_view name;  ///< also the folder name under testdata/fuzz and testdata/regressions
    Outcome (*run)(std::span<const std::uint8_t>);
};

inline constexpr Target k_targets[] = {
    {"checksum_lines", &checksum_lines},
    {"fciv_xml", &fciv_xml},
    {"file_list", &file_list},
    {"digest_codecs", &digest_codecs},
    {"glob", &glob},
    {"gnu_escape", &gnu_escape},
    {"json_manifest", &json_manifest},
    {"csv_manifest", &csv_manifest},
    {"shard_lines", &shard_lines},
    {"sfv_manifest", &sfv_manifest},
    {"hashdeep_manifest", &hashdeep_manifest},
    {"signature_files", &signature_files},
    {"intoto_document", &intoto_document},
};

}  // namespace fhash::fuzz
