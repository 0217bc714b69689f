/// @file fuzz_targets.cpp
/// The fuzz entry functions (see fuzz_targets.hpp). Plain C++: no libFuzzer dependency, so
/// the unit tests link this file too.

#include "fuzz/fuzz_targets.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "fhash/algorithm.hpp"
#include "fhash/digest.hpp"
#include "fhash/glob.hpp"
#include "fhash/intoto_format.hpp"
#include "fhash/json_csv_format.hpp"
#include "fhash/manifest.hpp"
#include "fhash/sfv_hashdeep_format.hpp"
#include "fhash/shard.hpp"
#include "fhash/signature_formats.hpp"

namespace fhash::fuzz {
namespace {

std::string_view as_text(std::span<const std::uint8_t> data) {
    return {reinterpret_cast<const char*>(data.data()), data.size()};
}

/// All lines of `bytes` fed at once.
std::vector<std::string> split_whole(std::span<const std::uint8_t> bytes, char separator) {
    LineSplitter splitter(separator);
    splitter.feed(bytes);
    splitter.finish();
    std::vector<std::string> lines;
    std::string line;
    while (splitter.next_line(line)) {
        lines.push_back(line);
    }
    return lines;
}

/// All lines of `bytes` fed in pieces whose sizes come from `sizes` (cycled), taking lines
/// out between pieces as a streaming reader does.
std::vector<std::string> split_pieces(std::span<const std::uint8_t> bytes, char separator,
                                      std::span<const std::uint8_t> sizes) {
    LineSplitter splitter(separator);
    std::vector<std::string> lines;
    std::string line;
    std::size_t at = 0;
    std::size_t k = 0;
    while (at < bytes.size()) {
        std::size_t piece = sizes.empty() ? 1 : std::size_t{sizes[k++ % sizes.size()]} % 17 + 1;
        piece = std::min(piece, bytes.size() - at);
        splitter.feed(bytes.subspan(at, piece));
        at += piece;
        while (splitter.next_line(line)) {
            lines.push_back(line);
        }
    }
    splitter.finish();
    while (splitter.next_line(line)) {
        lines.push_back(line);
    }
    return lines;
}

bool same_entry(const ManifestEntry& a, const ManifestEntry& b) {
    return a.name == b.name && a.digests == b.digests;
}

/// Properties every parsed entry must have.
Outcome check_entry(const ManifestEntry& entry) {
    if (entry.name.empty()) {
        return "entry with an empty name";
    }
    if (entry.name.find('\0') != std::string::npos) {
        return "entry name holds a NUL byte";
    }
    if (entry.digests.empty()) {
        return "entry without digest";
    }
    for (const auto& [algorithm, digest] : entry.digests) {
        if (!valid_digest_size(algorithm, digest.size())) {
            return "digest size is not one the algorithm gives";
        }
    }
    return nullptr;
}

/// Writes a one-digest entry as a GNU and as a BSD line and parses both back.
Outcome check_line_round_trip(const ManifestEntry& entry) {
    const auto& [algorithm, digest] = entry.digests.front();
    LineParseOptions options;
    options.algorithm = algorithm;  // untagged lines need it: several algorithms share a size
    for (const bool bsd : {false, true}) {
        // POSIX cksum lines carry the name as it is (cksum escapes nothing): a name with a
        // line break cannot be written as one.
        if (!bsd && algorithm == Algorithm::cksum &&
            entry.name.find_first_of("\r\n") != std::string::npos) {
            continue;
        }
        std::string written =
            bsd ? format_bsd_line(algorithm, digest, entry.name)
                : format_gnu_line(algorithm, digest, entry.name, entry.size.value_or(0));
        if (written.empty() || written.back() != '\n') {
            return "written line does not end with LF";
        }
        written.pop_back();
        if (written.find('\n') != std::string::npos) {
            return "written line holds a raw LF";
        }
        LineParseState state;
        const ParsedLine again = parse_checksum_line(written, options, state);
        if (again.kind != LineKind::entry) {
            return bsd ? "BSD line written from an entry does not parse"
                       : "GNU line written from an entry does not parse";
        }
        if (!same_entry(again.entry, entry)) {
            return bsd ? "BSD line round trip changed the entry"
                       : "GNU line round trip changed the entry";
        }
    }
    return nullptr;
}

}  // namespace

Outcome checksum_lines(std::span<const std::uint8_t> data) {
    if (data.empty()) {
        return nullptr;
    }
    LineParseOptions options;
    const std::uint8_t selector = data[0];
    if ((selector & 1) != 0) {
        const auto algorithms = all_algorithms();
        options.algorithm = algorithms[(std::size_t{selector} >> 1) % algorithms.size()].id;
    }
    const std::span<const std::uint8_t> manifest = data.subspan(1);
    LineParseState state;
    for (const std::string& line : split_whole(manifest, '\n')) {
        const ParsedLine parsed = parse_checksum_line(line, options, state);
        if (parsed.kind != LineKind::entry) {
            continue;
        }
        if (Outcome bad = check_entry(parsed.entry)) {
            return bad;
        }
        if (parsed.entry.digests.size() != 1) {
            return "a checksum line gave more than one digest";
        }
        if (options.algorithm && parsed.entry.digests.front().first != *options.algorithm) {
            return "-a given, but the entry has another algorithm";
        }
        if (Outcome bad = check_line_round_trip(parsed.entry)) {
            return bad;
        }
    }
    return nullptr;
}

Outcome fciv_xml(std::span<const std::uint8_t> data) {
    const Result<std::vector<ManifestEntry>> parsed = parse_fciv_xml(as_text(data));
    if (!parsed) {
        if (parsed.error().code != make_error_code(Errc::malformed)) {
            return "XML refused with an error other than malformed";
        }
        return nullptr;
    }
    for (const ManifestEntry& entry : *parsed) {
        if (Outcome bad = check_entry(entry)) {
            return bad;
        }
    }
    // What we read, we can write, and read back unchanged.
    const std::string written = format_fciv_xml(*parsed);
    const Result<std::vector<ManifestEntry>> again = parse_fciv_xml(written);
    if (!again) {
        return "format_fciv_xml output does not parse";
    }
    if (again->size() != parsed->size()) {
        return "FCIV-XML round trip changed the number of entries";
    }
    for (std::size_t i = 0; i < parsed->size(); ++i) {
        const ManifestEntry& a = (*parsed)[i];
        const ManifestEntry& b = (*again)[i];
        if (a.name != b.name) {
            return "FCIV-XML round trip changed a name";
        }
        // The writer orders digests canonically (MD5, SHA1, then the rest).
        auto sorted = [](std::vector<std::pair<Algorithm, Digest>> d) {
            std::sort(d.begin(), d.end(),
                      [](const auto& x, const auto& y) { return x.first < y.first; });
            return d;
        };
        if (sorted(a.digests) != sorted(b.digests)) {
            return "FCIV-XML round trip changed a digest";
        }
    }
    return nullptr;
}

Outcome file_list(std::span<const std::uint8_t> data) {
    if (data.empty()) {
        return nullptr;
    }
    const char separator = (data[0] & 1) != 0 ? '\0' : '\n';
    // The second byte gives the number of piece-size bytes that follow.
    const std::span<const std::uint8_t> rest = data.subspan(1);
    const std::size_t size_count =
        rest.empty() ? 0 : std::min<std::size_t>(rest[0] % 8, rest.size() - 1);
    const std::span<const std::uint8_t> sizes = rest.empty() ? rest : rest.subspan(1, size_count);
    const std::span<const std::uint8_t> list = rest.empty() ? rest : rest.subspan(1 + size_count);

    const std::vector<std::string> whole = split_whole(list, separator);
    const std::vector<std::string> pieces = split_pieces(list, separator, sizes);
    if (whole != pieces) {
        return "lines depend on how the input was fed";
    }
    for (const std::string& line : whole) {
        if (line.find(separator) != std::string::npos) {
            return "a line holds the separator";
        }
    }
    // Without a BOM and in NUL mode, the lines are the input's bytes exactly.
    if (separator == '\0' && !list.empty() && list[0] != 0xEF && list[0] != 0xFF &&
        list[0] != 0xFE) {
        std::string joined;
        for (const std::string& line : whole) {
            joined += line;
            joined += '\0';
        }
        std::string input(as_text(list));
        if (input.back() != '\0') {
            input += '\0';
        }
        if (joined != input) {
            return "NUL-separated lines do not reproduce the input";
        }
    }
    return nullptr;
}

Outcome digest_codecs(std::span<const std::uint8_t> data) {
    // Any byte string up to 64 bytes is a digest: both encodings must round-trip.
    const Digest digest(data.first(std::min(data.size(), Digest::k_max_size)));
    if (!digest.empty()) {
        const std::optional<Digest> from_hex = digest_from_hex(to_hex(digest));
        if (!from_hex || !(*from_hex == digest)) {
            return "hex round trip failed";
        }
        const std::optional<Digest> from_upper = digest_from_hex(to_hex_upper(digest));
        if (!from_upper || !(*from_upper == digest)) {
            return "upper-case hex round trip failed";
        }
        const std::optional<Digest> from_b64 = digest_from_base64(to_base64(digest));
        if (!from_b64 || !(*from_b64 == digest)) {
            return "base64 round trip failed";
        }
    }
    // Any text that decodes must be the canonical spelling of what it decodes to.
    const std::string_view text = as_text(data);
    if (const std::optional<Digest> b64 = digest_from_base64(text)) {
        if (to_base64(*b64) != text) {
            return "base64 decoder accepted a non-canonical encoding";
        }
    }
    if (const std::optional<Digest> hex = digest_from_hex(text)) {
        std::string lower(text);
        for (char& c : lower) {
            if (c >= 'A' && c <= 'F') {
                c = static_cast<char>(c - 'A' + 'a');
            }
        }
        if (to_hex(*hex) != lower) {
            return "hex decoder accepted text that does not re-encode to itself";
        }
    }
    return nullptr;
}

Outcome glob(std::span<const std::uint8_t> data) {
    if (data.empty()) {
        return nullptr;
    }
    GlobOptions options;
    options.case_insensitive = (data[0] & 1) != 0;
    options.pathname = (data[0] & 2) != 0;
    const std::string_view rest = as_text(data.subspan(1));
    const std::size_t cut = rest.find('\0');
    const std::string_view pattern = rest.substr(0, cut);
    const std::string_view text =
        cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
    const bool matched = glob_match(pattern, text, options);
    if (!options.pathname && !glob_match("*", text, options)) {
        return "'*' does not match everything";
    }
    if (pattern.find_first_of("*?[\\") == std::string_view::npos && !options.case_insensitive &&
        matched != (pattern == text)) {
        return "a pattern without wildcards must match only itself";
    }
    if (!glob_match(std::string_view{}, std::string_view{}, options)) {
        return "the empty pattern does not match the empty text";
    }
    return nullptr;
}

Outcome gnu_escape(std::span<const std::uint8_t> data) {
    const std::string_view text = as_text(data);
    std::string escaped;
    const bool changed = escape_gnu_name(text, escaped);
    if (changed != (text.find_first_of("\\\n\r") != std::string_view::npos)) {
        return "escape_gnu_name reports a change exactly when the name holds \\, LF or CR";
    }
    if (escaped.find_first_of("\n\r") != std::string::npos) {
        return "an escaped name holds a raw LF or CR";
    }
    const std::optional<std::string> back = unescape_gnu_name(escaped);
    if (changed && (!back || *back != text)) {
        return "unescape(escape(x)) != x";
    }
    if (const std::optional<std::string> plain = unescape_gnu_name(text)) {
        if (text.find_first_of("\n\r") == std::string_view::npos) {
            std::string again;
            escape_gnu_name(*plain, again);
            if (again != text) {
                return "escape(unescape(s)) != s";
            }
        }
    }
    return nullptr;
}

Outcome json_manifest(std::span<const std::uint8_t> data) {
    for (const std::string& line : split_whole(data, '\n')) {
        const ParsedLine parsed = parse_json_line(line);
        if (parsed.kind != LineKind::entry) {
            continue;
        }
        if (Outcome bad = check_entry(parsed.entry)) {
            return bad;
        }
        std::string written = format_json_line(parsed.entry.name, 0, parsed.entry.digests);
        if (!written.empty() && written.back() == '\n') {
            written.pop_back();
        }
        const ParsedLine again = parse_json_line(written);
        if (again.kind != LineKind::entry || !same_entry(parsed.entry, again.entry)) {
            return "a JSON record written back does not parse to the same entry";
        }
    }
    return nullptr;
}

Outcome csv_manifest(std::span<const std::uint8_t> data) {
    CsvParseState state;
    std::string record;
    for (const std::string& line : split_whole(data, '\n')) {
        record += line;
        if (!csv_record_complete(record)) {
            record += '\n';
            if (record.size() > (1u << 20)) {
                return nullptr;  // an unterminated quote: the reader reports it at the end
            }
            continue;
        }
        const ParsedLine parsed = parse_csv_record(record, state);
        record.clear();
        if (parsed.kind != LineKind::entry) {
            continue;
        }
        if (Outcome bad = check_entry(parsed.entry)) {
            return bad;
        }
        if (parsed.entry.digests.size() != 1) {
            return "a CSV row gave other than one digest";
        }
        const auto& [algorithm, digest] = parsed.entry.digests.front();
        CsvParseState fresh;
        std::string header = format_csv_header();
        std::string row = format_csv_row(algorithm, digest, parsed.entry.name);
        header.pop_back();
        row.pop_back();
        (void)parse_csv_record(header, fresh);
        const ParsedLine again = parse_csv_record(row, fresh);
        if (again.kind != LineKind::entry || !same_entry(parsed.entry, again.entry)) {
            return "a CSV row written back does not parse to the same entry";
        }
    }
    return nullptr;
}

Outcome sfv_manifest(std::span<const std::uint8_t> data) {
    for (const std::string& line : split_whole(data, '\n')) {
        const ParsedLine parsed = parse_sfv_line(line);
        if (parsed.kind != LineKind::entry) {
            continue;
        }
        if (Outcome bad = check_entry(parsed.entry)) {
            return bad;
        }
        if (parsed.entry.digests.size() != 1 ||
            parsed.entry.digests.front().first != Algorithm::crc32) {
            return "an SFV line gave other than one CRC-32";
        }
        if (!sfv_can_store(parsed.entry.name)) {
            continue;  // a CR inside the line: read, but not written back
        }
        std::string written =
            format_sfv_line(parsed.entry.digests.front().second, parsed.entry.name);
        written.pop_back();
        const ParsedLine again = parse_sfv_line(written);
        if (again.kind != LineKind::entry || !same_entry(parsed.entry, again.entry)) {
            return "an SFV line written back does not parse to the same entry";
        }
    }
    return nullptr;
}

Outcome hashdeep_manifest(std::span<const std::uint8_t> data) {
    HashdeepParseState state;
    for (const std::string& line : split_whole(data, '\n')) {
        const ParsedLine parsed = parse_hashdeep_line(line, state);
        if (parsed.kind != LineKind::entry) {
            continue;
        }
        if (Outcome bad = check_entry(parsed.entry)) {
            return bad;
        }
        if (!parsed.entry.size || parsed.entry.digests.size() != state.columns.size()) {
            return "a hashdeep row without its size or one digest per column";
        }
        if (!sfv_can_store(parsed.entry.name)) {
            continue;
        }
        std::string written =
            format_hashdeep_row(*parsed.entry.size, parsed.entry.digests, parsed.entry.name);
        written.pop_back();
        HashdeepParseState same = state;
        const ParsedLine again = parse_hashdeep_line(written, same);
        if (again.kind != LineKind::entry || !same_entry(parsed.entry, again.entry) ||
            again.entry.size != parsed.entry.size) {
            return "a hashdeep row written back does not parse to the same entry";
        }
    }
    return nullptr;
}

namespace {

/// The properties of shard_lines for one line (no newline in it).
Outcome one_shard_line(std::string_view line) {
    if (const std::optional<ShardHeader> header = parse_shard_header(line)) {
        if (format_shard_header(*header) != std::string(line) + "\n") {
            return "a shard header does not write back to its own bytes";
        }
        const std::string trailer =
            format_shard_trailer(header->shard, line.size(), header->format);
        if (parse_shard_trailer(std::string_view(trailer).substr(0, trailer.size() - 1),
                                header->shard, header->format) != line.size()) {
            return "a shard trailer does not read back as written";
        }
        if (header->format == "json" && parse_json_line(line).kind != LineKind::skip) {
            return "the json reader does not skip a JSON Lines shard header";
        }
        if (header->format == "csv") {
            CsvParseState state;
            if (parse_csv_record(line, state).kind != LineKind::skip || state.header_seen) {
                return "the csv reader does not skip a CSV shard header";
            }
        }
    }
    if (const std::optional<std::string> name = checksum_line_name(line); name && name->empty()) {
        return "checksum_line_name found an empty name";
    }
    JournalEntry entry;
    if (parse_journal_line(line, entry) && format_journal_line(entry) != std::string(line) + "\n") {
        return "a journal line does not write back to its own bytes";
    }
    const JournalEntry raw{std::string(line), line.size(), -1, std::string(line) + "\n"};
    JournalEntry back;
    const std::string written = format_journal_line(raw);
    if (!parse_journal_line(std::string_view(written).substr(0, written.size() - 1), back) ||
        back.name != raw.name || back.record != raw.record || back.size != raw.size ||
        back.mtime != raw.mtime) {
        return "a journal entry does not survive its line";
    }
    return nullptr;
}

}  // namespace

Outcome shard_lines(std::span<const std::uint8_t> data) {
    std::string_view text = as_text(data);
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        if (const Outcome broken = one_shard_line(text.substr(0, end))) {
            return broken;
        }
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    }
    return nullptr;
}

Outcome signature_files(std::span<const std::uint8_t> data) {
    const std::string_view text = as_text(data);
    (void)sniff_signature(text);
    if (const Result<Ed25519PublicKey> key = parse_ed25519_public_key(text); key) {
        const std::string id = key_id_text(key->key_id);
        if (id.empty() || id.size() > 16 || (id.size() > 1 && id.front() == '0')) {
            return "a key id is not 1 to 16 hex digits without leading zeros";
        }
    }
    if (const Result<Ed25519Signature> sig = parse_signify_signature(text); sig) {
        if (sig->message_offset > text.size() || sig->prehashed) {
            return "a signify signature with an impossible offset or algorithm";
        }
    }
    if (const Result<Ed25519Signature> sig = parse_minisign_signature(text); sig) {
        if (sig->trusted_comment.size() > 8192 ||
            sig->trusted_comment.find('\n') != std::string::npos) {
            return "a trusted comment longer than the cap or over several lines";
        }
    }
    if (const Result<std::string> packets = dearmor_openpgp(text); packets) {
        if (packets->size() > text.size()) {
            return "armour gave more bytes than it holds";
        }
    }
    const ClearsignedLayout layout = clearsigned_layout(text);
    if (layout.blocks == 0 && layout.lines_after != 0) {
        return "lines after a signed block in a text without one";
    }
    const GpgvVerdict verdict = parse_gpgv_status(text);
    if (verdict.trusted() &&
        (verdict.signatures == 0 || verdict.valid_fingerprints.size() != verdict.signatures)) {
        return "gpgv status trusted without a valid signature for each";
    }
    return nullptr;
}

Outcome intoto_document(std::span<const std::uint8_t> data) {
    const Result<std::vector<IntotoRecord>> records = parse_intoto(as_text(data));
    if (!records) {
        return nullptr;
    }
    for (const IntotoRecord& record : *records) {
        for (const ManifestEntry& entry : record.subjects) {
            if (Outcome bad = check_entry(entry)) {
                return bad;
            }
        }
        const std::string written = format_intoto_statement(record.subjects, "x");
        const Result<std::vector<IntotoRecord>> again = parse_intoto(written);
        if (!again || again->size() != 1 ||
            again->front().subjects.size() != record.subjects.size()) {
            return "a Statement written back does not parse to the same subjects";
        }
        for (std::size_t i = 0; i < record.subjects.size(); ++i) {
            if (!same_entry(record.subjects[i], again->front().subjects[i])) {
                return "a subject written back differs";
            }
        }
    }
    return nullptr;
}

}  // namespace fhash::fuzz
