#include "cli/names.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "fhash/manifest.hpp"

namespace fhash::cli {
namespace {

bool is_plain(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '.' || c == '/' || c == '-' || c == '+' || c == ':' || c == ',' ||
           c == '@' || c == '%' || c == '^' || c == '=' || static_cast<unsigned char>(c) >= 0x80;
}

bool is_control(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
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
    bool plain = true;
    bool has_control = false;
    for (const char c : name) {
        plain = plain && is_plain(c);
        has_control = has_control || is_control(c);
    }
    if (plain) {
        return std::string(name);
    }
    if (!has_control) {
        if (name.find('\'') == std::string_view::npos) {
            return fmt::format("'{}'", name);
        }
        if (name.find_first_of("\"$`\\") == std::string_view::npos) {
            return fmt::format("\"{}\"", name);
        }
    }
    // Single-quoted runs joined with 'x'\''y' and $'\n' pieces for control characters.
    std::string out;
    bool in_quotes = false;
    for (const char c : name) {
        if (is_control(c)) {
            if (in_quotes) {
                out += '\'';
                in_quotes = false;
            }
            switch (c) {
                case '\n': out += "$'\\n'"; break;
                case '\r': out += "$'\\r'"; break;
                case '\t': out += "$'\\t'"; break;
                default: out += fmt::format("$'\\{:03o}'", static_cast<unsigned char>(c)); break;
            }
            continue;
        }
        if (c == '\'') {
            if (in_quotes) {
                out += '\'';
                in_quotes = false;
            }
            out += "\\'";
            continue;
        }
        if (!in_quotes) {
            out += '\'';
            in_quotes = true;
        }
        out += c;
    }
    if (in_quotes) {
        out += '\'';
    }
    return out;
}

std::string entry_key(std::string name) {
    std::replace(name.begin(), name.end(), '\\', '/');
    while (name.starts_with("./")) {
        name.erase(0, 2);
    }
    return name;
}

}  // namespace fhash::cli
