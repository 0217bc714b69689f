// CSV results in the layout of PowerShell's Get-FileHash | Export-Csv -NoTypeInformation,
// and a reader for those files (PowerShell 5.1's "#TYPE" line and bare fields tolerated).

#include <vector>

#include "fhash/json_csv_format.hpp"
#include "fhash/text.hpp"

namespace fhash {
namespace {

void append_quoted(std::string& out, std::string_view field) {
    out += '"';
    for (const char c : field) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    out += '"';
}

/// Splits a record into fields; false on a stray quote.
bool split_fields(std::string_view record, std::vector<std::string>& fields) {
    fields.clear();
    std::size_t i = 0;
    for (;;) {
        std::string field;
        if (i < record.size() && record[i] == '"') {
            ++i;
            for (;;) {
                if (i >= record.size()) {
                    return false;
                }
                if (record[i] == '"') {
                    if (i + 1 < record.size() && record[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += record[i++];
            }
            if (i < record.size() && record[i] != ',') {
                return false;
            }
        } else {
            const std::size_t comma = record.find(',', i);
            const std::size_t stop = comma == std::string_view::npos ? record.size() : comma;
            field.assign(record.substr(i, stop - i));
            if (field.find('"') != std::string::npos) {
                return false;
            }
            i = stop;
        }
        fields.push_back(std::move(field));
        if (i >= record.size()) {
            return true;
        }
        ++i;  // the comma
    }
}

}  // namespace

std::string format_csv_header() {
    return "\"Algorithm\",\"Hash\",\"Path\"\n";
}

std::string format_csv_row(Algorithm algorithm, const Digest& digest, std::string_view name) {
    std::string tag(algorithm_info(algorithm).name);
    for (char& c : tag) {
        c = ascii_upper(c);
    }
    std::string row;
    append_quoted(row, tag);
    row += ',';
    // Get-FileHash writes upper-case hex; POSIX cksum's CRC stays decimal.
    append_quoted(row, algorithm_info(algorithm).text == DigestText::hex
                           ? to_hex_upper(digest)
                           : digest_text(algorithm, digest));
    row += ',';
    append_quoted(row, name);
    row += '\n';
    return row;
}

bool csv_record_complete(std::string_view text) noexcept {
    if (text.starts_with('#')) {
        return true;  // a comment line: its quotes, if any, open no field
    }
    std::size_t quotes = 0;
    for (const char c : text) {
        quotes += c == '"' ? 1 : 0;
    }
    return quotes % 2 == 0;
}

ParsedLine parse_csv_record(std::string_view record, CsvParseState& state) {
    ParsedLine parsed;
    if (record.find_first_not_of(" \t") == std::string_view::npos) {
        return parsed;
    }
    // PowerShell 5.1's "#TYPE ..." line, fhash's shard lines, any '#' comment: a '#' that
    // starts a record is outside every quoted field (a name's "\n#" inside quotes is not).
    if (record.starts_with('#')) {
        return parsed;
    }
    std::vector<std::string> fields;
    const bool split = split_fields(record, fields);
    if (!state.header_seen) {
        state.header_seen = true;
        bool a = false;
        bool h = false;
        bool p = false;
        for (std::size_t i = 0; split && i < fields.size(); ++i) {
            if (iequals_ascii(fields[i], "Algorithm")) {
                state.algorithm = i;
                a = true;
            } else if (iequals_ascii(fields[i], "Hash")) {
                state.hash = i;
                h = true;
            } else if (iequals_ascii(fields[i], "Path")) {
                state.path = i;
                p = true;
            }
        }
        parsed.kind = (a && h && p) ? LineKind::skip : LineKind::malformed;
        return parsed;
    }
    parsed.kind = LineKind::malformed;
    if (!split || fields.size() <= state.algorithm || fields.size() <= state.hash ||
        fields.size() <= state.path) {
        return parsed;
    }
    const std::optional<Algorithm> algorithm = parse_algorithm(fields[state.algorithm]);
    const std::optional<Digest> digest =
        algorithm ? digest_from_text(*algorithm, fields[state.hash]) : std::nullopt;
    const std::string& name = fields[state.path];
    if (!algorithm || !digest || !valid_digest_size(*algorithm, digest->size()) || name.empty() ||
        name.find('\0') != std::string::npos) {
        return parsed;
    }
    parsed.entry.name = name;
    parsed.entry.digests.emplace_back(*algorithm, *digest);
    parsed.kind = LineKind::entry;
    return parsed;
}

}  // namespace fhash
