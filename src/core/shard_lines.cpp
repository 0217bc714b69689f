// The pure line formats of scale-out that are not shard headers: the name a checksum line of
// a shard is about (fhash merge's key) and --resume's journal lines.

#include <array>
#include <charconv>
#include <string>
#include <vector>

#include "fhash/json_csv_format.hpp"
#include "fhash/manifest.hpp"
#include "fhash/shard.hpp"
#include "fhash/text.hpp"

namespace fhash {
namespace {

/// The length of the run of hex digits at the start of `text`; a table lookup per byte, as
/// this scan is most of a merge's work.
std::size_t hex_prefix(std::string_view text) noexcept {
    static constexpr auto k_hex = [] {
        std::array<bool, 256> table{};
        for (int c = 0; c < 256; ++c) {
            table[static_cast<std::size_t>(c)] = is_hex_digit(static_cast<char>(c));
        }
        return table;
    }();
    std::size_t i = 0;
    while (i < text.size() && k_hex[static_cast<unsigned char>(text[i])]) {
        ++i;
    }
    return i;
}

/// "CRC SIZE name" (cksum): the name, or nullopt.
std::optional<std::string_view> cksum_name(std::string_view line) {
    std::size_t i = 0;
    for (int field = 0; field < 2; ++field) {
        const std::size_t start = i;
        while (i < line.size() && line[i] >= '0' && line[i] <= '9') {
            ++i;
        }
        if (i == start || i == line.size() || line[i] != ' ') {
            return std::nullopt;
        }
        ++i;
    }
    return line.substr(i);
}

void escape_into(std::string_view text, std::string& out) {
    for (const char c : text) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                out += c;
        }
    }
}

bool unescape(std::string_view text, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\') {
            out += text[i];
            continue;
        }
        if (++i == text.size()) {
            return false;
        }
        switch (text[i]) {
            case '\\':
                out += '\\';
                break;
            case 't':
                out += '\t';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            default:
                return false;
        }
    }
    return true;
}

/// Splits `line` at its tabs into exactly `n` fields.
bool split_fields(std::string_view line, std::string_view* fields, std::size_t n) {
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos) {
            return false;
        }
        fields[i] = line.substr(0, tab);
        line.remove_prefix(tab + 1);
    }
    fields[n - 1] = line;
    return line.find('\t') == std::string_view::npos;
}

template <typename T>
bool number(std::string_view text, T& value) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return !text.empty() && ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

bool checksum_line_name(std::string_view line, std::string& name) {
    const bool escaped = line.starts_with('\\');
    const std::string_view body = escaped ? line.substr(1) : line;
    const std::size_t hex = hex_prefix(body);
    std::optional<std::string_view> found;
    if (hex > 0 && hex + 2 < body.size() + 1 && body[hex] == ' ' &&
        (body[hex + 1] == ' ' || body[hex + 1] == '*')) {
        found = body.substr(hex + 2);
    } else if (is_tagged_checksum_line(line)) {
        const std::size_t open = body.find('(');
        const std::size_t close = body.rfind(')');
        found = body.substr(open + 1, close - open - 1);
    } else if (!escaped) {
        found = cksum_name(line);
    }
    if (!found || found->empty()) {
        return false;
    }
    if (!escaped) {
        name.assign(*found);  // reuses the capacity of `name`: no allocation per line
        return true;
    }
    std::optional<std::string> unescaped = unescape_gnu_name(*found);
    if (!unescaped || unescaped->empty()) {
        return false;
    }
    name = std::move(*unescaped);
    return true;
}

std::optional<std::string> checksum_line_name(std::string_view line) {
    std::string name;
    if (!checksum_line_name(line, name)) {
        return std::nullopt;
    }
    return name;
}

namespace {

/// The lines of `text` (each ended by '\n'; a last line without one is taken too).
std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        lines.push_back(text.substr(0, end));
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    }
    return lines;
}

}  // namespace

std::optional<ShardRecordNames> ShardRecordNames::make(std::string_view format,
                                                       std::string_view preamble) {
    const std::vector<std::string_view> lines = lines_of(preamble);
    ShardRecordNames names;
    if (format == "gnu" || format == "bsd") {
        return lines.empty() ? std::optional<ShardRecordNames>(names) : std::nullopt;
    }
    if (format == "csv") {  // Export-Csv's header row, then the shard header
        names.m_kind = Kind::csv;
        return preamble == format_csv_header() ? std::optional<ShardRecordNames>(names)
                                               : std::nullopt;
    }
    if (format == "json") {
        names.m_kind = Kind::json;
        return lines.empty() ? std::optional<ShardRecordNames>(names) : std::nullopt;
    }
    if (format == "sfv") {
        for (const std::string_view line : lines) {
            if (!line.starts_with(';')) {
                return std::nullopt;
            }
        }
        names.m_kind = Kind::sfv;
        return names;
    }
    if (format != "hashdeep" || lines.size() < 2 || lines[0] != "%%%% HASHDEEP-1.0" ||
        !lines[1].starts_with("%%%% size,") || !lines[1].ends_with(",filename")) {
        return std::nullopt;
    }
    for (std::size_t i = 2; i < lines.size(); ++i) {
        if (!lines[i].starts_with('#')) {
            return std::nullopt;
        }
    }
    names.m_kind = Kind::hashdeep;
    for (const char c : lines[1]) {
        names.m_fields += c == ',' ? 1 : 0;
    }
    return names;
}

bool ShardRecordNames::complete(std::string_view record) const noexcept {
    return m_kind != Kind::csv || csv_record_complete(record);
}

bool ShardRecordNames::name(std::string_view line, std::string& name) const {
    switch (m_kind) {
        case Kind::checksum:
            return checksum_line_name(line, name);
        case Kind::sfv: {  // "name CRC32": eight hex digits after the last blank
            constexpr std::size_t k_crc = 8;
            if (line.size() < k_crc + 2 || line[line.size() - k_crc - 1] != ' ' ||
                hex_prefix(line.substr(line.size() - k_crc)) != k_crc) {
                return false;
            }
            name.assign(line.substr(0, line.size() - k_crc - 1));
            return true;
        }
        case Kind::csv: {  // "ALGORITHM","HEX","name": the Path field, unquoted
            CsvParseState state;
            state.header_seen = true;  // columns Algorithm, Hash, Path, as fhash writes them
            ParsedLine parsed = parse_csv_record(line, state);
            if (parsed.kind != LineKind::entry) {
                return false;
            }
            name = std::move(parsed.entry.name);
            return true;
        }
        case Kind::json: {  // the exact bytes: "path_b64" when there is one, else "path"
            ParsedLine parsed = parse_json_line(line);
            if (parsed.kind != LineKind::entry) {
                return false;
            }
            name = std::move(parsed.entry.name);
            return true;
        }
        case Kind::hashdeep: {  // "size,hex,...,name": the name after m_fields commas
            std::size_t at = 0;
            for (std::size_t i = 0; i < m_fields; ++i) {
                const std::size_t comma = line.find(',', at);
                if (comma == std::string_view::npos || comma == at) {
                    return false;
                }
                at = comma + 1;
            }
            if (at >= line.size()) {
                return false;
            }
            name.assign(line.substr(at));
            return true;
        }
    }
    return false;
}

namespace {

/// A journal line's check value as written: 16 lower-case hex digits.
std::array<char, 16> check_hex(std::uint64_t check) noexcept {
    std::array<char, 16> hex{};
    for (int i = 15, shift = 0; i >= 0; --i, shift += 4) {
        hex[static_cast<std::size_t>(i)] = "0123456789abcdef"[(check >> shift) & 0xF];
    }
    return hex;
}

}  // namespace

std::string format_journal_line(const JournalEntry& entry) {
    std::string line =
        "J\t" + std::to_string(entry.size) + "\t" + std::to_string(entry.mtime) + "\t";
    escape_into(entry.name, line);
    line += '\t';
    escape_into(entry.record, line);
    const std::array<char, 16> check = check_hex(shard_hash(line));
    line += '\t';
    line.append(check.data(), check.size());
    line += '\n';
    return line;
}

bool parse_journal_line(std::string_view line, JournalEntry& entry) {
    std::string_view fields[5];
    if (!line.starts_with("J\t") || line.size() < 19 || !split_fields(line.substr(2), fields, 5) ||
        fields[4].size() != 16) {
        return false;
    }
    // The check value's bytes as written (lower-case hex), not just its number.
    const std::array<char, 16> check = check_hex(shard_hash(line.substr(0, line.size() - 17)));
    if (fields[4] != std::string_view(check.data(), check.size())) {
        return false;
    }
    return number(fields[0], entry.size) && number(fields[1], entry.mtime) &&
           unescape(fields[2], entry.name) && unescape(fields[3], entry.record);
}

}  // namespace fhash
