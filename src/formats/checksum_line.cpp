// GNU and BSD checksum lines: writing byte-identical to coreutils 9.1, reading leniently
// (every variant that coreutils, BSD md5 -r, RHash and OpenSSL write) but never loosely:
// a digest of the wrong length, an unknown escape or a NUL byte makes a line malformed.

#include <string>

#include "fhash/manifest.hpp"

namespace fhash {
namespace {

bool is_hex(char c) noexcept {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool is_blank(char c) noexcept { return c == ' ' || c == '\t'; }

/// Tagged forms: "TAG (name) = digest", "TAG(name)= digest", RHash "TAG   (name) = digest".
/// The name ends at the last ") =" / ")=".
bool parse_tagged(std::string_view line, ParsedLine& out) {
    const std::size_t open = line.find('(');
    if (open == std::string_view::npos || open == 0) {
        return false;
    }
    std::string_view tag = line.substr(0, open);
    while (!tag.empty() && tag.back() == ' ') {
        tag.remove_suffix(1);
    }
    if (tag.empty() || tag.find(' ') != std::string_view::npos || tag.find('\t') != std::string_view::npos) {
        return false;
    }
    // The last ')' followed by optional blanks and '='.
    std::size_t close = line.size();
    std::size_t eq = std::string_view::npos;
    while (close > open) {
        close = line.rfind(')', close - 1);
        if (close == std::string_view::npos || close <= open) {
            return false;
        }
        std::size_t k = close + 1;
        while (k < line.size() && line[k] == ' ') {
            ++k;
        }
        if (k < line.size() && line[k] == '=') {
            eq = k;
            break;
        }
    }
    if (eq == std::string_view::npos) {
        return false;
    }
    std::string_view digest_text = line.substr(eq + 1);
    while (!digest_text.empty() && is_blank(digest_text.front())) {
        digest_text.remove_prefix(1);
    }
    while (!digest_text.empty() && is_blank(digest_text.back())) {
        digest_text.remove_suffix(1);
    }
    const std::optional<Algorithm> algorithm = algorithm_from_tag(tag);
    out.kind = LineKind::malformed;
    if (!algorithm) {
        return true;
    }
    const std::size_t size = algorithm_info(*algorithm).digest_size;
    std::optional<Digest> digest;
    if (digest_text.size() == size * 2) {
        digest = digest_from_hex(digest_text);
    } else {
        digest = digest_from_base64(digest_text);  // coreutils 9.2+ --base64
    }
    if (!digest || digest->size() != size) {
        return true;
    }
    out.entry.name.assign(line.substr(open + 1, close - open - 1));
    out.entry.digests.emplace_back(*algorithm, *digest);
    out.kind = LineKind::entry;
    return true;
}

}  // namespace

bool escape_gnu_name(std::string_view name, std::string& out) {
    out.clear();
    bool escaped = false;
    for (const char c : name) {
        switch (c) {
            case '\\': out += "\\\\"; escaped = true; break;
            case '\n': out += "\\n"; escaped = true; break;
            case '\r': out += "\\r"; escaped = true; break;
            default: out += c; break;
        }
    }
    if (!escaped) {
        out.assign(name);
    }
    return escaped;
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
            return std::nullopt;
        }
        switch (escaped[++i]) {
            case '\\': out += '\\'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            default: return std::nullopt;
        }
    }
    return out;
}

std::string format_gnu_line(const Digest& digest, std::string_view name) {
    std::string escaped;
    const bool needs_escape = escape_gnu_name(name, escaped);
    std::string line;
    line.reserve(digest.size() * 2 + escaped.size() + 4);
    if (needs_escape) {
        line += '\\';
    }
    line += to_hex(digest);
    line += "  ";
    line += escaped;
    line += '\n';
    return line;
}

std::string format_bsd_line(Algorithm algorithm, const Digest& digest, std::string_view name) {
    std::string escaped;
    const bool needs_escape = escape_gnu_name(name, escaped);
    std::string line;
    if (needs_escape) {
        line += '\\';
    }
    line += algorithm_info(algorithm).bsd_tag;
    line += " (";
    line += escaped;
    line += ") = ";
    line += to_hex(digest);
    line += '\n';
    return line;
}

ParsedLine parse_checksum_line(std::string_view line, const LineParseOptions& options,
                               LineParseState& state) {
    ParsedLine out;
    if (!line.empty() && line.front() == '#') {
        return out;  // comment
    }
    std::size_t start = 0;
    while (start < line.size() && is_blank(line[start])) {
        ++start;
    }
    if (start == line.size()) {
        return out;  // blank line
    }
    line.remove_prefix(start);
    const bool escaped = line.front() == '\\';
    if (escaped) {
        line.remove_prefix(1);
    }
    out.kind = LineKind::malformed;

    auto finish_name = [&](std::string_view raw) -> bool {
        if (raw.empty() || raw.find('\0') != std::string_view::npos) {
            return false;
        }
        if (escaped) {
            std::optional<std::string> name = unescape_gnu_name(raw);
            if (!name) {
                return false;
            }
            out.entry.name = std::move(*name);
        } else {
            out.entry.name.assign(raw);
        }
        return true;
    };

    // Untagged: a run of hex digits, then the separator.
    std::size_t hex_end = 0;
    while (hex_end < line.size() && is_hex(line[hex_end])) {
        ++hex_end;
    }
    const bool untagged_shape = hex_end > 0 && hex_end < line.size() && is_blank(line[hex_end]);
    if (untagged_shape) {
        const std::optional<Digest> digest = digest_from_hex(line.substr(0, hex_end));
        std::optional<Algorithm> algorithm;
        if (digest) {
            algorithm = options.algorithm ? options.algorithm : default_algorithm_for_size(digest->size());
        }
        if (digest && algorithm && algorithm_info(*algorithm).digest_size == digest->size()) {
            const std::string_view rest = line.substr(hex_end);
            // rest[0] is a blank. "  name" or " *name" is GNU; " name" or "\tname" reversed.
            const bool gnu_shape = rest.size() >= 2 && rest[0] == ' ' && (rest[1] == ' ' || rest[1] == '*');
            using Mode = LineParseState::UntaggedMode;
            if (state.mode == Mode::undecided) {
                state.mode = gnu_shape ? Mode::gnu : Mode::reversed;
            }
            std::string_view name;
            if (state.mode == Mode::gnu) {
                if (!gnu_shape) {
                    return out;
                }
                out.entry.binary = rest[1] == '*';
                name = rest.substr(2);
            } else {
                name = rest.substr(1);
            }
            if (!finish_name(name)) {
                return out;
            }
            out.entry.digests.emplace_back(*algorithm, *digest);
            out.kind = LineKind::entry;
            return out;
        }
    }

    ParsedLine tagged;
    if (parse_tagged(line, tagged)) {
        if (tagged.kind != LineKind::entry) {
            return out;
        }
        if (!finish_name(tagged.entry.name)) {
            return out;
        }
        out.entry.digests = std::move(tagged.entry.digests);
        out.kind = LineKind::entry;
    }
    return out;
}

}  // namespace fhash
