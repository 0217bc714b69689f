/// @file checksum_line.cpp
/// GNU (md5sum/sha*sum) and BSD-tag checksum lines: lenient reading, byte-exact writing.
/// The reading rules follow coreutils 9.1 `digest_check`/`split_3` (docs/formats.md,
/// "GNU checksum lines" and "BSD tagged lines").

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fhash/manifest.hpp"
#include "fhash/text.hpp"

namespace fhash {
namespace {

bool is_blank(char c) noexcept {
    return c == ' ' || c == '\t';
}

bool is_tag_char(char c) noexcept {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '/';
}

ParsedLine malformed() {
    return ParsedLine{LineKind::malformed, {}};
}

/// Decodes a tagged line's digest: the algorithm's text (hex, or decimal for cksum) or
/// base64 (coreutils 9.2+ --base64), of a size the algorithm gives: the size the tag states
/// (b2sum's "BLAKE2b-256"), else its default size or, for variable-length algorithms, any
/// size they take.
std::optional<Digest> decode_tagged_digest(std::string_view text, TaggedAlgorithm tagged) {
    const Algorithm algorithm = tagged.algorithm;
    const auto size_ok = [&](const Digest& d) {
        return tagged.size != 0 ? d.size() == tagged.size : valid_digest_size(algorithm, d.size());
    };
    if (auto plain = digest_from_text(algorithm, text); plain && size_ok(*plain)) {
        return plain;
    }
    if (auto b64 = digest_from_base64(text); b64 && size_ok(*b64)) {
        return b64;
    }
    return std::nullopt;
}

/// Unescapes (when the line was escaped) and validates a name; nullopt if unusable.
std::optional<std::string> finish_name(std::string_view raw, bool escaped) {
    std::optional<std::string> name =
        escaped ? unescape_gnu_name(raw) : std::optional<std::string>(std::string(raw));
    if (!name || name->empty() || name->find('\0') != std::string::npos) {
        return std::nullopt;
    }
    return name;
}

/// Tries "TAG (name) = digest", "TAG(name)= digest" and RHash's "TAG   (name) = digest".
/// Returns nullopt when the line does not start with a known tag followed by '(' (it may
/// then be an untagged line); a ParsedLine (entry or malformed) otherwise.
/// Where a tagged line's parts are: the tag's algorithm, its '(' and the start of the
/// digest (after "= " or "=").
struct TaggedShape {
    TaggedAlgorithm algorithm;
    std::size_t open = 0;    ///< the '(' after the tag (and RHash's padding spaces)
    std::size_t close = 0;   ///< the last ')'
    std::size_t digest = 0;  ///< first byte of the digest
};

/// Reads the shape "TAG (...) = ..." / "TAG(...)= ..." of `rest` (blanks and the escape
/// marker already removed). nullopt with `tag_seen` false when `rest` does not start with a
/// known tag followed by '(' (it may be an untagged line); nullopt with `tag_seen` true when
/// it does but the ")=" part is missing.
std::optional<TaggedShape> tagged_shape(std::string_view rest, bool& tag_seen) noexcept {
    tag_seen = false;
    std::size_t pos = 0;
    while (pos < rest.size() && is_tag_char(rest[pos])) {
        ++pos;
    }
    if (pos == 0) {
        return std::nullopt;
    }
    const std::optional<TaggedAlgorithm> algorithm = algorithm_from_tag(rest.substr(0, pos));
    std::size_t open = pos;
    while (open < rest.size() && rest[open] == ' ') {
        ++open;
    }
    if (!algorithm || open >= rest.size() || rest[open] != '(') {
        return std::nullopt;
    }
    tag_seen = true;
    // The name ends at the last ')': digests (hex or base64) never contain one.
    const std::size_t close = rest.rfind(')');
    if (close == std::string_view::npos || close <= open) {
        return std::nullopt;
    }
    std::size_t d = close + 1;
    if (d < rest.size() && rest[d] == ' ') {
        ++d;
    }
    if (d >= rest.size() || rest[d] != '=') {
        return std::nullopt;
    }
    ++d;
    if (d < rest.size() && rest[d] == ' ') {
        ++d;
    }
    return TaggedShape{*algorithm, open, close, d};
}

/// The line without leading blanks and escape marker; `escaped` tells whether there was one.
std::string_view line_body(std::string_view line, bool& escaped) noexcept {
    std::size_t start = 0;
    while (start < line.size() && is_blank(line[start])) {
        ++start;
    }
    std::string_view rest = line.substr(start);
    escaped = !rest.empty() && rest.front() == '\\';
    if (escaped) {
        rest.remove_prefix(1);
    }
    return rest;
}

std::optional<ParsedLine> parse_tagged(std::string_view rest, bool escaped,
                                       const LineParseOptions& options) {
    bool tag_seen = false;
    const std::optional<TaggedShape> shape = tagged_shape(rest, tag_seen);
    if (!tag_seen) {
        return std::nullopt;
    }
    if (!shape) {
        return malformed();
    }
    const Algorithm algorithm = shape->algorithm.algorithm;
    const std::size_t open = shape->open;
    const std::size_t close = shape->close;
    const std::size_t d = shape->digest;
    // With -a, lines tagged with another algorithm are not ours (as md5sum -c does).
    if (options.algorithm && *options.algorithm != algorithm) {
        return malformed();
    }
    const std::optional<Digest> digest = decode_tagged_digest(rest.substr(d), shape->algorithm);
    std::optional<std::string> name = finish_name(rest.substr(open + 1, close - open - 1), escaped);
    if (!digest || !name) {
        return malformed();
    }
    ParsedLine parsed{LineKind::entry, {}};
    parsed.entry.name = std::move(*name);
    parsed.entry.digests.emplace_back(algorithm, *digest);
    return parsed;
}

/// "hex  name", "hex *name" (GNU) or "hex name", "hex<TAB>name" (reversed), with the mode
/// fixed by the first valid untagged line of the manifest.
ParsedLine parse_untagged(std::string_view rest, bool escaped, const LineParseOptions& options,
                          LineParseState& state) {
    std::size_t hex_end = 0;
    while (hex_end < rest.size() && is_hex_digit(rest[hex_end])) {
        ++hex_end;
    }
    if (hex_end == 0 || hex_end % 2 != 0 || hex_end >= rest.size() || !is_blank(rest[hex_end])) {
        return malformed();
    }
    const std::size_t size = hex_end / 2;
    const std::optional<Algorithm> algorithm =
        options.algorithm ? options.algorithm
                          : default_algorithm_for_size(size, options.convention);
    if (!algorithm || algorithm_info(*algorithm).text != DigestText::hex ||
        !valid_digest_size(*algorithm, size) ||
        (options.digest_size != 0 && options.digest_size != size)) {
        return malformed();
    }
    const std::optional<Digest> digest = digest_from_hex(rest.substr(0, hex_end));
    if (!digest) {
        return malformed();
    }

    // coreutils split_3: after the hex digits and one blank, ' ' or '*' (followed by at least
    // one character) means GNU format, unless the file already chose the reversed format.
    std::size_t i = hex_end + 1;
    bool binary = false;
    LineParseState::UntaggedMode mode = state.mode;
    const bool gnu_shape = rest.size() - i > 1 && (rest[i] == ' ' || rest[i] == '*');
    if (!gnu_shape) {
        if (mode == LineParseState::UntaggedMode::gnu) {
            return malformed();
        }
        mode = LineParseState::UntaggedMode::reversed;
    } else if (mode != LineParseState::UntaggedMode::reversed) {
        mode = LineParseState::UntaggedMode::gnu;
        binary = rest[i] == '*';
        ++i;
    }
    std::optional<std::string> name = finish_name(rest.substr(i), escaped);
    if (!name) {
        return malformed();
    }
    state.mode = mode;  // only a valid line decides the mode
    ParsedLine parsed{LineKind::entry, {}};
    parsed.entry.name = std::move(*name);
    parsed.entry.binary = binary;
    parsed.entry.algorithm_implied = !options.algorithm;
    parsed.entry.digests.emplace_back(*algorithm, *digest);
    return parsed;
}

/// POSIX cksum's "CRC SIZE NAME": both numbers decimal, one space each, the name raw.
std::optional<ParsedLine> parse_cksum_line(std::string_view rest) {
    const std::size_t crc_end = rest.find(' ');
    if (crc_end == std::string_view::npos) {
        return std::nullopt;
    }
    const std::size_t size_end = rest.find(' ', crc_end + 1);
    if (size_end == std::string_view::npos || size_end + 1 >= rest.size()) {
        return std::nullopt;
    }
    const std::optional<Digest> digest =
        digest_from_text(Algorithm::cksum, rest.substr(0, crc_end));
    const std::string_view size_text = rest.substr(crc_end + 1, size_end - crc_end - 1);
    if (!digest || size_text.empty() || size_text.size() > 20 ||
        size_text.find_first_not_of("0123456789") != std::string_view::npos) {
        return std::nullopt;
    }
    std::uint64_t size = 0;
    for (const char c : size_text) {
        const auto digit = static_cast<std::uint64_t>(c - '0');
        if (size > (UINT64_MAX - digit) / 10) {
            return std::nullopt;
        }
        size = size * 10 + digit;
    }
    std::optional<std::string> name = finish_name(rest.substr(size_end + 1), false);
    if (!name) {
        return std::nullopt;
    }
    ParsedLine parsed{LineKind::entry, {}};
    parsed.entry.name = std::move(*name);
    parsed.entry.size = size;
    parsed.entry.digests.emplace_back(Algorithm::cksum, *digest);
    return parsed;
}

}  // namespace

ParsedLine parse_checksum_line(std::string_view line, const LineParseOptions& options,
                               LineParseState& state) {
    if (line.empty() || line.front() == '#') {
        return ParsedLine{};
    }
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
        return ParsedLine{};
    }
    bool escaped = false;
    const std::string_view rest = line_body(line, escaped);
    if (std::optional<ParsedLine> tagged = parse_tagged(rest, escaped, options)) {
        return std::move(*tagged);
    }
    if (options.tagged_only) {
        return malformed();
    }
    const bool cksum_allowed =
        !escaped && (!options.algorithm || options.algorithm == Algorithm::cksum);
    if (options.algorithm == Algorithm::cksum) {
        std::optional<ParsedLine> cksum = parse_cksum_line(rest);
        return cksum ? std::move(*cksum) : malformed();
    }
    ParsedLine untagged = parse_untagged(rest, escaped, options, state);
    if (untagged.kind == LineKind::malformed && cksum_allowed) {
        if (std::optional<ParsedLine> cksum = parse_cksum_line(rest)) {
            return std::move(*cksum);
        }
    }
    return untagged;
}

bool is_tagged_checksum_line(std::string_view line) noexcept {
    bool escaped = false;
    bool tag_seen = false;
    return tagged_shape(line_body(line, escaped), tag_seen).has_value();
}

bool escape_gnu_name(std::string_view name, std::string& out) {
    if (name.find_first_of("\\\n\r") == std::string_view::npos) {
        out.assign(name);
        return false;
    }
    out.clear();
    out.reserve(name.size() + 8);
    for (const char c : name) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else {
            out += c;
        }
    }
    return true;
}

std::optional<std::string> unescape_gnu_name(std::string_view escaped) {
    std::string out;
    out.reserve(escaped.size());
    for (std::size_t i = 0; i < escaped.size(); ++i) {
        const char c = escaped[i];
        if (c != '\\') {
            out += c;
            continue;
        }
        if (i + 1 >= escaped.size()) {
            return std::nullopt;  // trailing lone backslash
        }
        const char next = escaped[++i];
        if (next == '\\') {
            out += '\\';
        } else if (next == 'n') {
            out += '\n';
        } else if (next == 'r') {
            out += '\r';
        } else {
            return std::nullopt;
        }
    }
    return out;
}

std::string format_gnu_line(const Digest& digest, std::string_view name) {
    std::string escaped;
    const bool needs_prefix = escape_gnu_name(name, escaped);
    std::string out;
    out.reserve(escaped.size() + digest.size() * 2 + 4);
    if (needs_prefix) {
        out += '\\';
    }
    out += to_hex(digest);
    out += "  ";
    out += escaped;
    out += '\n';
    return out;
}

std::string format_gnu_line(Algorithm algorithm, const Digest& digest, std::string_view name,
                            std::uint64_t size) {
    const AlgorithmInfo& info = algorithm_info(algorithm);
    if (info.always_tagged) {
        return format_bsd_line(algorithm, digest, name);
    }
    if (info.text == DigestText::decimal) {
        // POSIX cksum: "CRC SIZE NAME", the name as it is (cksum escapes nothing).
        std::string out = digest_text(algorithm, digest);
        out += ' ';
        out += std::to_string(size);
        out += ' ';
        out += name;
        out += '\n';
        return out;
    }
    return format_gnu_line(digest, name);
}

std::string format_bsd_line(Algorithm algorithm, const Digest& digest, std::string_view name) {
    std::string escaped;
    const bool needs_prefix = escape_gnu_name(name, escaped);
    std::string out;
    if (needs_prefix) {
        out += '\\';
    }
    out += bsd_tag_for(algorithm, digest.size());
    out += " (";
    out += escaped;
    out += ") = ";
    out += digest_text(algorithm, digest);
    out += '\n';
    return out;
}

namespace {

/// "CHECKSUM SIZE NAME" of cksum and sum (`name` empty: none), never escaped.
std::string legacy_line(Algorithm algorithm, const Digest& digest, std::string_view name,
                        std::uint64_t size, const LineLayout& layout) {
    std::string out = digest_text(algorithm, digest);
    std::uint64_t count = size;  // bytes, or blocks for the sums
    if (algorithm == Algorithm::sum_bsd) {
        out.insert(0, 5 - std::min<std::size_t>(out.size(), 5), '0');  // "%05u"
        count = (size + 1023) / 1024;
        const std::string blocks = std::to_string(count);
        out.append(1 + 5 - std::min<std::size_t>(blocks.size(), 5), ' ');  // " %5u"
        out += blocks;
    } else {
        if (algorithm == Algorithm::sum_sysv) {
            count = (size + 511) / 512;
        } else if (algorithm == Algorithm::crc32) {
            std::uint64_t crc = 0;
            for (const std::uint8_t byte : digest.bytes()) {
                crc = (crc << 8) | byte;
            }
            out = std::to_string(crc);
        }
        out += ' ';
        out += std::to_string(count);
    }
    if (layout.name) {
        out += ' ';
        out += name;
    }
    out += layout.zero ? '\0' : '\n';
    return out;
}

/// `name` as b3sum shows it: each ill-formed UTF-8 sequence (a lead byte and the
/// continuation bytes that follow it, or a stray byte) replaced by U+FFFD.
std::string lossy_utf8(std::string_view name) {
    std::string out;
    std::size_t at = 0;
    while (at < name.size()) {
        const std::size_t n = utf8_sequence(name, at);
        if (n != 0) {
            out.append(name.substr(at, n));
            at += n;
            continue;
        }
        const auto lead = static_cast<unsigned char>(name[at]);
        const std::size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 1;
        std::size_t skip = 1;
        while (skip < want && at + skip < name.size() &&
               (static_cast<unsigned char>(name[at + skip]) & 0xC0u) == 0x80u) {
            ++skip;
        }
        out += "\xEF\xBF\xBD";
        at += skip;
    }
    return out;
}

bool is_legacy(Algorithm algorithm, const LineLayout& layout) noexcept {
    if (layout.tagged) {
        return false;
    }
    return algorithm == Algorithm::cksum || algorithm == Algorithm::sum_bsd ||
           algorithm == Algorithm::sum_sysv ||
           (algorithm == Algorithm::crc32 && layout.crc32_decimal);
}

}  // namespace

bool escape_b3sum_name(std::string_view name, std::string& out) {
    out.clear();
    bool escaped = false;
    for (const char c : lossy_utf8(name)) {
        if (c == '\\' || c == '\n') {
            out += c == '\n' ? "\\n" : "\\\\";
            escaped = true;
        } else {
            out += c;
        }
    }
    return escaped;
}

std::string format_checksum_line(Algorithm algorithm, const Digest& digest, std::string_view name,
                                 std::uint64_t size, const LineLayout& layout) {
    if (is_legacy(algorithm, layout)) {
        return legacy_line(algorithm, digest, name, size, layout);
    }
    Digest shown = digest;
    if (layout.little_endian) {
        std::vector<std::uint8_t> bytes(digest.bytes().begin(), digest.bytes().end());
        std::reverse(bytes.begin(), bytes.end());
        shown = Digest(bytes);
    }
    std::string escaped;
    bool needs_prefix = false;
    if (layout.b3sum_names) {
        needs_prefix = escape_b3sum_name(name, escaped);
    } else if (!layout.zero && !layout.plain_names) {
        needs_prefix = escape_gnu_name(name, escaped);
    }
    const bool as_is = !layout.b3sum_names && (layout.zero || layout.plain_names);
    const std::string_view written = as_is ? name : std::string_view(escaped);
    const std::string text = layout.base64 ? to_base64(shown) : digest_text(algorithm, shown);
    std::string out;
    if (needs_prefix) {
        out += '\\';
    }
    if (layout.tagged || algorithm_info(algorithm).always_tagged) {
        out += bsd_tag_for(algorithm, digest.size());
        out += layout.little_endian ? "_LE (" : " (";
        out += written;
        out += ") = ";
        out += text;
    } else {
        out += text;
        out += layout.binary ? " *" : "  ";
        out += written;
    }
    out += layout.zero ? '\0' : '\n';
    return out;
}

}  // namespace fhash
