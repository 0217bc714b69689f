/// @file hashdeep_format.cpp
/// hashdeep 4.4's file format (sfv_hashdeep_format.hpp): "%%%%" header lines, "#" comments,
/// "size,digest...,filename" rows.

#include <algorithm>
#include <charconv>
#include <string>
#include <string_view>
#include <system_error>

#include "fhash/sfv_hashdeep_format.hpp"
#include "fhash/text.hpp"

namespace fhash {
namespace {

/// hashdeep's column names and the order it writes them in (tiger and whirlpool, which fhash
/// does not compute, left out).
struct Column {
    std::string_view name;
    std::string_view alias;
    Algorithm algorithm;
};
constexpr Column k_columns[] = {
    {"md5", "md5", Algorithm::md5},
    {"sha1", "sha-1", Algorithm::sha1},
    {"sha256", "sha-256", Algorithm::sha256},
};

constexpr std::string_view k_columns_prefix = "%%%% ";

std::size_t column_rank(Algorithm algorithm) noexcept {
    for (std::size_t i = 0; i < std::size(k_columns); ++i) {
        if (k_columns[i].algorithm == algorithm) {
            return i;
        }
    }
    return std::size(k_columns);
}

/// The next comma-separated field of `rest` (which loses it and its comma); false at the end.
bool take_field(std::string_view& rest, std::string_view& field) noexcept {
    const std::size_t comma = rest.find(',');
    if (comma == std::string_view::npos) {
        return false;
    }
    field = rest.substr(0, comma);
    rest.remove_prefix(comma + 1);
    return true;
}

/// "%%%% size,md5,sha256,filename": the state's columns, or invalid.
void read_columns(std::string_view list, HashdeepParseState& state) {
    state.columns.clear();
    state.columns_valid = false;
    std::string_view field;
    if (!take_field(list, field) || !iequals_ascii(field, "size")) {
        return;
    }
    while (take_field(list, field)) {
        const auto known = std::find_if(std::begin(k_columns), std::end(k_columns), [&](auto& c) {
            return iequals_ascii(field, c.name) || iequals_ascii(field, c.alias);
        });
        if (known == std::end(k_columns) || std::find(state.columns.begin(), state.columns.end(),
                                                      known->algorithm) != state.columns.end()) {
            state.columns.clear();
            return;
        }
        state.columns.push_back(known->algorithm);
    }
    state.columns_valid = iequals_ascii(list, "filename") && !state.columns.empty();
    if (!state.columns_valid) {
        state.columns.clear();
    }
}

/// A header line ("%%%% ..."): the magic or the column list; false if neither.
bool read_header(std::string_view line, HashdeepParseState& state) {
    if (line == k_hashdeep_magic) {
        state = HashdeepParseState{};
        state.magic_seen = true;
        return true;
    }
    if (!state.magic_seen || !line.starts_with(k_columns_prefix)) {
        return false;
    }
    read_columns(line.substr(k_columns_prefix.size()), state);
    return state.columns_valid;
}

ParsedLine parse_row(std::string_view line, const HashdeepParseState& state) {
    ParsedLine parsed;
    parsed.kind = LineKind::malformed;
    std::string_view field;
    if (!state.columns_valid || !take_field(line, field) || field.empty()) {
        return parsed;
    }
    std::uint64_t size = 0;
    const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), size);
    if (ec != std::errc() || end != field.data() + field.size()) {
        return parsed;
    }
    for (const Algorithm algorithm : state.columns) {
        if (!take_field(line, field) || field.size() != 2 * algorithm_info(algorithm).digest_size) {
            return parsed;
        }
        const std::optional<Digest> digest = digest_from_hex(field);
        if (!digest) {
            return parsed;
        }
        parsed.entry.digests.emplace_back(algorithm, *digest);
    }
    if (line.empty() || line.find('\0') != std::string_view::npos) {
        return parsed;
    }
    parsed.entry.name.assign(line);
    parsed.entry.size = size;
    parsed.kind = LineKind::entry;
    return parsed;
}

}  // namespace

std::optional<std::string_view> hashdeep_column(Algorithm algorithm) noexcept {
    const std::size_t rank = column_rank(algorithm);
    if (rank == std::size(k_columns)) {
        return std::nullopt;
    }
    return k_columns[rank].name;
}

std::vector<std::size_t> hashdeep_column_order(std::span<const Algorithm> algorithms) {
    std::vector<std::size_t> order(algorithms.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return column_rank(algorithms[a]) < column_rank(algorithms[b]);
    });
    return order;
}

std::string format_hashdeep_header(std::span<const Algorithm> columns) {
    std::string header(k_hashdeep_magic);
    header += '\n';
    header += k_columns_prefix;
    header += "size,";
    for (const Algorithm algorithm : columns) {
        header += hashdeep_column(algorithm).value_or("?");
        header += ',';
    }
    // hashdeep's "## Invoked from: <cwd>" and "## $ <command>" would make every output
    // depend on where and how it was run; its closing "## " line is kept as it is.
    header += "filename\n## Generated by fhash\n## \n";
    return header;
}

std::string format_hashdeep_row(std::uint64_t size,
                                std::span<const std::pair<Algorithm, Digest>> digests,
                                std::string_view name) {
    std::string row = std::to_string(size);
    for (const auto& [algorithm, digest] : digests) {
        row += ',';
        row += to_hex(digest);
    }
    row += ',';
    row += name;
    row += '\n';
    return row;
}

ParsedLine parse_hashdeep_line(std::string_view line, HashdeepParseState& state) {
    ParsedLine parsed;
    if (line.starts_with("%%%%")) {
        parsed.kind = read_header(line, state) ? LineKind::skip : LineKind::malformed;
        return parsed;
    }
    if (line.empty() || line.front() == '#' ||
        line.find_first_not_of(" \t") == std::string_view::npos) {
        return parsed;
    }
    return parse_row(line, state);
}

}  // namespace fhash
