/// @file confine.cpp
/// The lexical test behind --confine: does a manifest name stay below its base folder?

#include <string_view>

#include "fhash/verify.hpp"

namespace fhash {

bool is_confined(std::string_view name) noexcept {
    if (name.empty() || name.find('\0') != std::string_view::npos) {
        return false;
    }
    const auto is_separator = [](char c) { return c == '/' || c == '\\'; };
    if (is_separator(name.front())) {
        return false;  // "/etc/passwd", "\\\\server\\share", "\\Windows"
    }
    const bool drive = name.size() >= 2 && name[1] == ':' &&
                       ((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z'));
    if (drive) {
        return false;  // "C:\\x" and the drive-relative "C:x"
    }
    long depth = 0;
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = start;
        while (end < name.size() && !is_separator(name[end])) {
            ++end;
        }
        const std::string_view component = name.substr(start, end - start);
        if (component == "..") {
            if (--depth < 0) {
                return false;
            }
        } else if (!component.empty() && component != ".") {
            ++depth;
        }
        start = end + 1;
    }
    return true;
}

}  // namespace fhash
