// Windows paths: std::filesystem::path holds UTF-16 here, the rest of fhash speaks UTF-8.

#include <windows.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

#include "platform/long_path_win32.hpp"
#include "platform/paths.hpp"
#include "platform/utf16_win32.hpp"

namespace fhash::platform {
namespace {

// The verbatim prefixes (no normalisation, no MAX_PATH limit) and the device prefix.
constexpr std::wstring_view k_verbatim_prefix = L"\\\\?\\";
constexpr std::wstring_view k_verbatim_unc_prefix = L"\\\\?\\UNC\\";
constexpr std::wstring_view k_device_prefix = L"\\\\.\\";

/// GetFullPathNameW, with the buffer grown as asked; empty on failure.
std::wstring full_path_name(const std::wstring& path) {
    std::wstring buffer(std::max<std::size_t>(path.size() + 1, MAX_PATH), L'\0');
    for (;;) {
        const DWORD length = GetFullPathNameW(path.c_str(), static_cast<DWORD>(buffer.size()),
                                              buffer.data(), nullptr);
        if (length == 0) {
            return {};
        }
        if (length < buffer.size()) {  // success: length excludes the NUL
            buffer.resize(length);
            return buffer;
        }
        buffer.resize(length);  // too small: length is the size needed, NUL included
    }
}

}  // namespace

std::string path_to_utf8(const std::filesystem::path& path) {
    return utf16_to_utf8(path.native());
}

std::filesystem::path path_from_utf8(std::string_view utf8) {
    return std::filesystem::path(utf8_to_utf16(utf8));
}

std::string generic_display(const std::filesystem::path& path) {
    std::wstring_view native = path.native();
    std::wstring shown;
    // A verbatim prefix is how fhash reaches a file, not part of the name the user gave.
    if (native.starts_with(k_verbatim_unc_prefix)) {
        shown = L"\\\\";
        native.remove_prefix(k_verbatim_unc_prefix.size());
    } else if (native.starts_with(k_verbatim_prefix)) {
        native.remove_prefix(k_verbatim_prefix.size());
    }
    shown += native;
    std::replace(shown.begin(), shown.end(), L'\\', L'/');
    return utf16_to_utf8(shown);
}

std::wstring to_long_path(const std::filesystem::path& path) {
    const std::wstring& native = path.native();
    if (native.empty() || native.starts_with(k_verbatim_prefix) ||
        native.starts_with(k_device_prefix)) {
        return native;
    }
    std::wstring full = full_path_name(native);
    if (full.empty() || full.size() < k_long_path_threshold) {
        return native;
    }
    if (full.starts_with(L"\\\\")) {  // \\server\share\... (UNC)
        return std::wstring(k_verbatim_unc_prefix) + full.substr(2);
    }
    return std::wstring(k_verbatim_prefix) + full;
}

std::string program_key(std::string_view argv0) {
    const std::size_t slash = argv0.find_last_of("/\\");
    std::string name(slash == std::string_view::npos ? argv0 : argv0.substr(slash + 1));
    for (char& c : name) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    if (name.size() > 4 && name.ends_with(".exe")) {
        name.resize(name.size() - 4);
    }
    return name;
}

}  // namespace fhash::platform
