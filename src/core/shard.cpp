#include "fhash/shard.hpp"

#include <charconv>
#include <string>

namespace fhash {
namespace {

constexpr std::string_view k_words = " fhash shard ";
/// JSON Lines shards: the header and trailer are objects of one member, this key.
constexpr std::string_view k_json_key = "{\"fhash_shard\":";
constexpr std::string_view k_marks[] = {"##", "#", ";"};  // "##" before its prefix "#"
constexpr std::uint32_t k_max_shards = 1'000'000;

/// A decimal number that fills `text` exactly; nullopt otherwise (signs, blanks, overflow).
std::optional<std::uint64_t> parse_number(std::string_view text) noexcept {
    if (text.empty() || text.size() > 19) {
        return std::nullopt;
    }
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

/// The next blank-separated word of `text`, removed from it.
std::string_view next_word(std::string_view& text) noexcept {
    const std::size_t end = text.find(' ');
    const std::string_view word = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    return word;
}

}  // namespace

std::uint64_t shard_hash(std::string_view name) noexcept {
    return shard_hash(name, {});
}

std::uint64_t shard_hash(std::string_view prefix, std::string_view rest) noexcept {
    std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a 64
    for (const std::string_view part : {prefix, rest}) {
        for (const char c : part) {
            h ^= static_cast<unsigned char>(c);
            h *= 0x100000001b3ULL;
        }
    }
    h ^= h >> 30;  // SplitMix64's finaliser
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return h;
}

std::uint32_t shard_of(std::string_view name, std::uint32_t count) noexcept {
    return static_cast<std::uint32_t>(shard_hash(name) % count);
}

bool ShardSpec::contains(std::string_view name) const noexcept {
    return count <= 1 || shard_of(name, count) == index;
}

bool ShardSpec::contains(std::string_view prefix, std::string_view rest) const noexcept {
    return count <= 1 || shard_hash(prefix, rest) % count == index;
}

std::optional<ShardSpec> parse_shard_spec(std::string_view text) noexcept {
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos) {
        return std::nullopt;
    }
    const std::optional<std::uint64_t> index = parse_number(text.substr(0, slash));
    const std::optional<std::uint64_t> count = parse_number(text.substr(slash + 1));
    if (!index || !count || *count == 0 || *count > k_max_shards || *index >= *count) {
        return std::nullopt;
    }
    return ShardSpec{static_cast<std::uint32_t>(*index), static_cast<std::uint32_t>(*count)};
}

std::string_view shard_comment_mark(std::string_view format) noexcept {
    if (format == "gnu" || format == "bsd" || format == "csv") {
        return "#";
    }
    if (format == "json") {
        return k_json_key;
    }
    if (format == "sfv") {
        return ";";
    }
    if (format == "hashdeep") {
        return "##";
    }
    return {};
}

namespace {

std::string shard_text(ShardSpec shard) {
    return std::to_string(shard.index) + "/" + std::to_string(shard.count);
}

}  // namespace

std::string format_shard_header(const ShardHeader& header) {
    if (header.format == "json") {
        return std::string(k_json_key) + "{\"shard\":\"" + shard_text(header.shard) +
               "\",\"run\":\"" + header.run + "\",\"format\":\"json\"}}\n";
    }
    return std::string(shard_comment_mark(header.format)) + std::string(k_words) +
           shard_text(header.shard) + " run " + header.run + " format " + header.format + "\n";
}

std::string format_shard_trailer(ShardSpec shard, std::uint64_t files, std::string_view format) {
    if (format == "json") {
        return std::string(k_json_key) + "{\"shard\":\"" + shard_text(shard) +
               "\",\"end\":" + std::to_string(files) + "}}\n";
    }
    return std::string(shard_comment_mark(format)) + std::string(k_words) + shard_text(shard) +
           " end " + std::to_string(files) + "\n";
}

namespace {

/// The rest of `line` after its mark and " fhash shard ", and the mark; nullopt if `line` is
/// no shard comment.
std::optional<std::string_view> shard_comment_body(std::string_view line,
                                                   std::string_view& mark) noexcept {
    for (const std::string_view candidate : k_marks) {
        if (line.starts_with(candidate) && line.substr(candidate.size()).starts_with(k_words)) {
            mark = candidate;
            return line.substr(candidate.size() + k_words.size());
        }
    }
    return std::nullopt;
}

/// Removes `prefix` from the start of `text`; false if `text` does not start with it.
bool take(std::string_view& text, std::string_view prefix) noexcept {
    if (!text.starts_with(prefix)) {
        return false;
    }
    text.remove_prefix(prefix.size());
    return true;
}

/// The text of `text` up to its next double quote (removed with it); nullopt if there is
/// none, or the text holds a byte that a JSON string would have to escape, a blank, or a
/// byte outside ASCII (which may not be UTF-8: a JSON reader would refuse the whole line,
/// and so not skip it as a shard line).
std::optional<std::string_view> take_json_word(std::string_view& text) noexcept {
    const std::size_t quote = text.find('"');
    if (quote == std::string_view::npos || quote == 0) {
        return std::nullopt;
    }
    const std::string_view word = text.substr(0, quote);
    for (const char c : word) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= ' ' || c == '\\' || byte >= 0x7F) {
            return std::nullopt;
        }
    }
    text.remove_prefix(quote + 1);
    return word;
}

/// The start both JSON Lines shard lines share, {"fhash_shard":{"shard":"K/N", up to the
/// closing quote of K/N (removed from `line`); nullopt if `line` does not start so.
std::optional<ShardSpec> take_json_shard(std::string_view& line) {
    if (!take(line, k_json_key) || !take(line, "{\"shard\":\"")) {
        return std::nullopt;
    }
    const std::optional<std::string_view> spec = take_json_word(line);
    return spec ? parse_shard_spec(*spec) : std::nullopt;
}

/// A JSON Lines header: {"fhash_shard":{"shard":"K/N","run":"RUN","format":"json"}}.
std::optional<ShardHeader> parse_json_shard_header(std::string_view line) {
    const std::string_view original = line;
    const std::optional<ShardSpec> shard = take_json_shard(line);
    if (!shard || !take(line, ",\"run\":\"")) {
        return std::nullopt;
    }
    const std::optional<std::string_view> run = take_json_word(line);
    if (!run || !take(line, ",\"format\":\"")) {
        return std::nullopt;
    }
    const std::optional<std::string_view> format = take_json_word(line);
    if (!format || *format != "json" || line != "}}") {
        return std::nullopt;
    }
    ShardHeader header{*shard, std::string(*run), std::string(*format)};
    const std::string canonical = format_shard_header(header);
    if (std::string_view(canonical).substr(0, canonical.size() - 1) != original) {
        return std::nullopt;
    }
    return header;
}

/// A JSON Lines trailer: {"fhash_shard":{"shard":"K/N","end":FILES}}, exactly as written.
std::optional<std::uint64_t> parse_json_shard_trailer(std::string_view line, ShardSpec shard) {
    const std::string_view original = line;
    const std::optional<ShardSpec> named = take_json_shard(line);
    if (!named || named->index != shard.index || named->count != shard.count ||
        !take(line, ",\"end\":") || !line.ends_with("}}")) {
        return std::nullopt;
    }
    const std::optional<std::uint64_t> files = parse_number(line.substr(0, line.size() - 2));
    if (!files) {
        return std::nullopt;
    }
    const std::string canonical = format_shard_trailer(shard, *files, "json");
    if (std::string_view(canonical).substr(0, canonical.size() - 1) != original) {
        return std::nullopt;  // "end":007 would parse, but is no JSON number
    }
    return files;
}

}  // namespace

bool is_shard_comment(std::string_view line) noexcept {
    std::string_view mark;
    return line.starts_with(k_json_key) || shard_comment_body(line, mark).has_value();
}

std::optional<ShardHeader> parse_shard_header(std::string_view line) {
    if (line.starts_with(k_json_key)) {
        return parse_json_shard_header(line);
    }
    const std::string_view original = line;
    std::string_view mark;
    std::optional<std::string_view> body = shard_comment_body(line, mark);
    if (!body) {
        return std::nullopt;
    }
    line = *body;
    const std::optional<ShardSpec> shard = parse_shard_spec(next_word(line));
    if (!shard || next_word(line) != "run") {
        return std::nullopt;
    }
    const std::string_view run = next_word(line);
    if (run.empty() || next_word(line) != "format") {
        return std::nullopt;
    }
    const std::string_view format = next_word(line);
    if (format.empty() || !line.empty() || shard_comment_mark(format) != mark) {
        return std::nullopt;
    }
    ShardHeader header{*shard, std::string(run), std::string(format)};
    // Only the exact bytes fhash writes are a header: "01/4" or a blank after the format
    // name would parse, yet a merge must be able to write back what it read.
    const std::string canonical = format_shard_header(header);
    if (std::string_view(canonical).substr(0, canonical.size() - 1) != original) {
        return std::nullopt;
    }
    return header;
}

std::optional<std::uint64_t> parse_shard_trailer(std::string_view line, ShardSpec shard,
                                                 std::string_view format) {
    if (format == "json") {
        return parse_json_shard_trailer(line, shard);
    }
    std::string_view mark;
    std::optional<std::string_view> body = shard_comment_body(line, mark);
    if (!body || mark != shard_comment_mark(format)) {
        return std::nullopt;
    }
    line = *body;
    const std::optional<ShardSpec> named = parse_shard_spec(next_word(line));
    if (!named || named->index != shard.index || named->count != shard.count ||
        next_word(line) != "end") {
        return std::nullopt;
    }
    return parse_number(line);
}

}  // namespace fhash
