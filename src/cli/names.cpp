#include "cli/names.hpp"

#include <algorithm>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "fhash/manifest.hpp"
#include "fhash/text.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

/// Whether the ASCII byte at `at` can stand unquoted, as coreutils' shell-escape quoting
/// decides (gnulib quotearg): letters, digits and _ . / - + , @ % ] { }, and ~ and # except
/// at the start of a name.
bool is_plain_ascii(char c, std::size_t at) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        return true;
    }
    if (c == '~' || c == '#') {
        return at != 0;
    }
    return std::string_view("_./-+,@%]{}").find(c) != std::string_view::npos;
}

/// Length of the UTF-8 sequence starting at `at` when it is valid and printable; 0 when its
/// first byte must be escaped: an invalid sequence (utf8_sequence), or a C1 control
/// (U+0080..U+009F, encoded C2 80..C2 9F: NEL is a line break to some readers, CSI starts
/// terminal escapes).
std::size_t printable_sequence(std::string_view name, std::size_t at) {
    const std::size_t length = utf8_sequence(name, at);
    const bool c1_control = length == 2 && static_cast<unsigned char>(name[at]) == 0xC2 &&
                            static_cast<unsigned char>(name[at + 1]) <= 0x9F;
    return c1_control ? 0 : length;
}

/// The escape of one byte inside a $'...' piece: \n, \r, \t or three octal digits.
std::string escape_byte(char c) {
    switch (c) {
        case '\n':
            return "\\n";
        case '\r':
            return "\\r";
        case '\t':
            return "\\t";
        default:
            return fmt::format("\\{:03o}", static_cast<unsigned char>(c));
    }
}

/// The name in single quotes, a quote inside written as '\'' and each run of escaped bytes
/// as one $'...' piece, exactly as gnulib's shell-escape style writes it: the opening quote
/// is always there, so a name that starts with an escape begins with '' (''$'\n''abc').
/// (coreutils 9.1 differs for a name holding a single quote and ending in an escaped byte,
/// where its output is irregular, sometimes not even a valid shell word for the name.)
std::string shell_quoted(std::string_view name, const std::vector<bool>& escaped) {
    enum class Piece { quoted, escapes };
    std::string out = "'";
    Piece piece = Piece::quoted;
    auto enter = [&](Piece want) {  // close the open piece with ', open the wanted one
        if (piece != want) {
            out += want == Piece::escapes ? "'$'" : "''";
            piece = want;
        }
    };
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (escaped[i]) {
            enter(Piece::escapes);
            out += escape_byte(name[i]);
        } else if (name[i] == '\'') {
            out += "'\\''";  // closes whatever is open, and reopens quotes
            piece = Piece::quoted;
        } else {
            enter(Piece::quoted);
            out += name[i];
        }
    }
    return out + "'";
}

/// Which bytes of `name` quote_name() writes as $'\ooo' escapes: ASCII controls, and the
/// bytes printable_sequence() rejects, one by one.
std::vector<bool> escaped_bytes(std::string_view name) {
    std::vector<bool> escaped(name.size(), false);
    for (std::size_t i = 0; i < name.size();) {
        const auto u = static_cast<unsigned char>(name[i]);
        if (u < 0x80) {
            escaped[i] = u < 0x20 || u == 0x7f;
            ++i;
            continue;
        }
        const std::size_t length = printable_sequence(name, i);
        escaped[i] = length == 0;
        i += length == 0 ? 1 : length;
    }
    return escaped;
}

}  // namespace

std::string status_name(const std::string& name) {
    if (name.find_first_of("\n\r") == std::string::npos) {
        return name;
    }
    std::string escaped;
    escape_gnu_name(name, escaped);
    return "\\" + escaped;
}

std::string quote_name(std::string_view name) {
    if (name.empty()) {
        return "''";
    }
    const std::vector<bool> escaped = escaped_bytes(name);
    const bool has_control = std::find(escaped.begin(), escaped.end(), true) != escaped.end();
    bool plain = !has_control;
    for (std::size_t i = 0; plain && i < name.size(); ++i) {
        plain = is_plain_ascii(name[i], i) || static_cast<unsigned char>(name[i]) >= 0x80;
    }
    if (plain) {
        return std::string(name);
    }
    if (!has_control) {
        if (name.find('\'') == std::string_view::npos) {
            return fmt::format("'{}'", name);
        }
        if (name.find_first_of("\"$`\\!") == std::string_view::npos) {
            return fmt::format("\"{}\"", name);
        }
    }
    return shell_quoted(name, escaped);
}

std::string entry_key(std::string name) {
    std::replace(name.begin(), name.end(), '\\', '/');
    while (name.starts_with("./")) {
        const std::size_t slashes = name.find_first_not_of('/', 1);
        name.erase(0, slashes == std::string::npos ? name.size() : slashes);
    }
    return name;
}

std::string path_key(const std::filesystem::path& path) {
    std::error_code ec;
    std::filesystem::path absolute = std::filesystem::absolute(path, ec);
    if (ec) {
        absolute = path;
    }
    return platform::generic_display(absolute.lexically_normal());
}

}  // namespace fhash::cli
