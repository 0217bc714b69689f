// Wildcard expansion for Windows command lines, with FindFirstFileExW. Windows also
// matches patterns against 8.3 short names ("*.htm" finds "page.html"); every name found is
// therefore checked again against the pattern with fhash's own glob_match.

#include "platform/wildcards.hpp"

#include <windows.h>

#include <algorithm>
#include <string_view>

#include "fhash/glob.hpp"
#include "platform/long_path_win32.hpp"
#include "platform/paths.hpp"

namespace fhash::platform {
namespace {

/// The matches of one pattern, sorted; empty when there are none or the folder is unreadable.
std::vector<std::string> matches(const std::string& arg) {
    const std::size_t cut = arg.find_last_of("/\\:");
    const std::string folder = cut == std::string::npos ? std::string() : arg.substr(0, cut + 1);
    const std::string_view pattern = std::string_view(arg).substr(folder.size());
    if (pattern.find_first_of("*?") == std::string_view::npos ||
        folder.find_first_of("*?") != std::string::npos) {
        return {};  // wildcards only in the last component, as cmd's own commands do
    }
    WIN32_FIND_DATAW data{};
    HANDLE find =
        FindFirstFileExW(to_long_path(path_from_utf8(arg)).c_str(), FindExInfoBasic, &data,
                         FindExSearchNameMatch, nullptr, FIND_FIRST_EX_LARGE_FETCH);
    if (find == INVALID_HANDLE_VALUE) {
        return {};
    }
    // Escapes have no meaning on Windows ('\' is a separator), and only '*' and '?' are
    // wildcards there: "[" is an ordinary character in the pattern.
    std::string glob;
    for (const char c : pattern) {
        if (c == '[' || c == '\\') {
            glob += '\\';
        }
        glob += c;
    }
    std::vector<std::string> found;
    do {
        const std::string name = path_to_utf8(std::filesystem::path(data.cFileName));
        if (name == "." || name == "..") {
            continue;
        }
        if (name.front() == '.' && pattern.front() != '.') {
            continue;
        }
        if (glob_match(glob, name, GlobOptions{.case_insensitive = true, .pathname = false})) {
            found.push_back(folder + name);
        }
    } while (FindNextFileW(find, &data) != 0);
    FindClose(find);
    std::sort(found.begin(), found.end());
    return found;
}

}  // namespace

std::vector<std::string> expand_wildcards(std::vector<std::string> args) {
    std::vector<std::string> out;
    out.reserve(args.size());
    for (std::string& arg : args) {
        std::vector<std::string> found = matches(arg);
        if (found.empty()) {
            out.push_back(std::move(arg));
        } else {
            out.insert(out.end(), std::make_move_iterator(found.begin()),
                       std::make_move_iterator(found.end()));
        }
    }
    return out;
}

}  // namespace fhash::platform
