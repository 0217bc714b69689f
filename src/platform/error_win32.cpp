#include "platform/error_win32.hpp"

#include <windows.h>

#include <optional>
#include <string_view>

#include "platform/utf16_win32.hpp"

namespace fhash::platform {
namespace {

/// The std::errc a Win32 code stands for, when there is one.
std::optional<std::errc> posix_equivalent(DWORD code) noexcept {
    switch (code) {
        case ERROR_FILE_NOT_FOUND:
        case ERROR_PATH_NOT_FOUND:
        case ERROR_INVALID_NAME:  // e.g. a wildcard that matched nothing, kept as typed
        case ERROR_INVALID_DRIVE:
        case ERROR_BAD_NETPATH:
        case ERROR_BAD_NET_NAME:
        case ERROR_BAD_PATHNAME:
            return std::errc::no_such_file_or_directory;
        case ERROR_ACCESS_DENIED:
        case ERROR_NETWORK_ACCESS_DENIED:
            return std::errc::permission_denied;
        case ERROR_NOT_ENOUGH_MEMORY:
        case ERROR_OUTOFMEMORY:
        case ERROR_COMMITMENT_LIMIT:
            return std::errc::not_enough_memory;
        case ERROR_DISK_FULL:
        case ERROR_HANDLE_DISK_FULL:
            return std::errc::no_space_on_device;
        case ERROR_FILE_EXISTS:
        case ERROR_ALREADY_EXISTS:
            return std::errc::file_exists;
        case ERROR_INVALID_PARAMETER:
        case ERROR_FILE_INVALID:
        case ERROR_MAPPED_ALIGNMENT:
            return std::errc::invalid_argument;
        case ERROR_FILENAME_EXCED_RANGE:
            return std::errc::filename_too_long;
        case ERROR_NOT_SUPPORTED:
        case ERROR_INVALID_FUNCTION:
            return std::errc::operation_not_supported;
        case ERROR_DIRECTORY:
            return std::errc::not_a_directory;
        case ERROR_WRITE_PROTECT:
            return std::errc::read_only_file_system;
        case ERROR_CANT_RESOLVE_FILENAME:
            return std::errc::too_many_symbolic_link_levels;
        default:
            return std::nullopt;
    }
}

class Win32Category final : public std::error_category {
public:
    const char* name() const noexcept override { return "win32"; }

    std::string message(int value) const override {
        wchar_t* buffer = nullptr;
        const DWORD length = FormatMessageW(
            FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM |
                FORMAT_MESSAGE_IGNORE_INSERTS,
            nullptr, static_cast<DWORD>(value), 0, reinterpret_cast<wchar_t*>(&buffer), 0, nullptr);
        std::wstring_view text(buffer, buffer != nullptr ? length : 0);
        while (!text.empty() && (text.back() == L'\n' || text.back() == L'\r' ||
                                 text.back() == L' ' || text.back() == L'.')) {
            text.remove_suffix(1);
        }
        std::string out = utf16_to_utf8(text);
        LocalFree(buffer);
        if (out.empty()) {
            out = "Windows error " + std::to_string(static_cast<unsigned long>(value));
        }
        return out;
    }

    std::error_condition default_error_condition(int value) const noexcept override {
        if (const std::optional<std::errc> e = posix_equivalent(static_cast<DWORD>(value))) {
            return std::make_error_condition(*e);
        }
        return {value, *this};
    }
};

}  // namespace

const std::error_category& win32_category() noexcept {
    static const Win32Category category;
    return category;
}

Error win32_error(unsigned long code, std::string path) {
    if (const std::optional<std::errc> e = posix_equivalent(code)) {
        return Error{std::make_error_code(*e), std::move(path), {}};
    }
    return Error{std::error_code(static_cast<int>(code), win32_category()), std::move(path), {}};
}

Error last_win32_error(std::string path) {
    return win32_error(GetLastError(), std::move(path));
}

}  // namespace fhash::platform
