// Windows read handle: CreateFileW on the long-path form, shared with writers and deleters
// (a file another program holds open can still be hashed), ReadFile in a loop.

#include "io/file.hpp"
#include "platform/paths.hpp"

#include <windows.h>

#include <algorithm>
#include <utility>

#include "platform/error_win32.hpp"
#include "platform/long_path_win32.hpp"

namespace fhash::io {
namespace {

/// What the handle is: a disk file or folder, a character device (console, NUL), a pipe.
FileKind kind_of(HANDLE handle) noexcept {
    switch (GetFileType(handle)) {
        case FILE_TYPE_DISK: {
            BY_HANDLE_FILE_INFORMATION info{};
            if (GetFileInformationByHandle(handle, &info) == 0) {
                return FileKind::other;
            }
            return (info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0 ? FileKind::directory
                                                                           : FileKind::regular;
        }
        case FILE_TYPE_CHAR:
            return FileKind::character_device;
        case FILE_TYPE_PIPE:
            return FileKind::fifo;  // anonymous and named pipes (and sockets)
        default:
            return FileKind::other;
    }
}

Result<std::uint64_t> size_of(HANDLE handle) {
    LARGE_INTEGER size{};
    if (GetFileSizeEx(handle, &size) == 0) {
        return platform::last_win32_error();
    }
    return static_cast<std::uint64_t>(size.QuadPart);
}

}  // namespace

Result<File> File::open_read(const std::filesystem::path& path) {
    const std::wstring name = platform::to_long_path(path);
    // FILE_FLAG_BACKUP_SEMANTICS lets a folder be opened too, so that it is reported as
    // "Is a directory" rather than as the access denied Windows gives otherwise.
    HANDLE handle = CreateFileW(
        name.c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
        OPEN_EXISTING, FILE_FLAG_SEQUENTIAL_SCAN | FILE_FLAG_BACKUP_SEMANTICS, nullptr);
    if (handle == INVALID_HANDLE_VALUE) {
        Error error = platform::last_win32_error();
        error.path = platform::path_to_utf8(path);
        return error;
    }
    File file;
    file.m_native = handle;
    file.m_owned = true;
    file.m_kind = kind_of(handle);
    if (file.m_kind == FileKind::directory) {
        return make_error(Errc::is_a_directory, platform::path_to_utf8(path));
    }
    if (file.m_kind == FileKind::regular) {
        Result<std::uint64_t> size = size_of(handle);
        if (!size) {
            Error error = std::move(size).error();
            error.path = platform::path_to_utf8(path);
            return error;
        }
        file.m_size = *size;
    }
    return file;
}

File File::standard_input() noexcept {
    File file;
    HANDLE handle = GetStdHandle(STD_INPUT_HANDLE);
    file.m_native = handle == INVALID_HANDLE_VALUE ? nullptr : handle;
    file.m_owned = false;
    if (file.m_native != nullptr) {
        file.m_kind = kind_of(file.m_native);
    }
    file.m_size = 0;  // stdin is always streamed, whatever it is
    return file;
}

File::File(File&& other) noexcept
    : m_native(std::exchange(other.m_native, nullptr)),
      m_owned(std::exchange(other.m_owned, false)),
      m_kind(other.m_kind),
      m_size(other.m_size) {}

File& File::operator=(File&& other) noexcept {
    if (this != &other) {
        close();
        m_native = std::exchange(other.m_native, nullptr);
        m_owned = std::exchange(other.m_owned, false);
        m_kind = other.m_kind;
        m_size = other.m_size;
    }
    return *this;
}

File::~File() {
    close();
}

void File::close() noexcept {
    if (m_owned && m_native != nullptr) {
        CloseHandle(m_native);
    }
    m_native = nullptr;
    m_owned = false;
}

bool File::is_open() const noexcept {
    return m_native != nullptr;
}

Result<std::uint64_t> File::current_size() const {
    return size_of(m_native);
}

Result<std::size_t> File::read(std::span<std::uint8_t> buffer) {
    if (m_native == nullptr) {
        return platform::win32_error(ERROR_INVALID_HANDLE);
    }
    // ReadFile takes a DWORD; larger buffers are simply filled in several calls.
    const DWORD want = static_cast<DWORD>(std::min<std::size_t>(buffer.size(), 1U << 30));
    DWORD got = 0;
    if (ReadFile(m_native, buffer.data(), want, &got, nullptr) == 0) {
        const DWORD code = GetLastError();
        // The writing end of a pipe was closed: that is the end of the input, not an error.
        if (code == ERROR_BROKEN_PIPE || code == ERROR_HANDLE_EOF) {
            return std::size_t{0};
        }
        return platform::win32_error(code);
    }
    return static_cast<std::size_t>(got);
}

void File::advise_sequential() const noexcept {
    // FILE_FLAG_SEQUENTIAL_SCAN at open time is the Windows form of this hint.
}

void File::advise_willneed(std::uint64_t offset, std::uint64_t length) const noexcept {
    // No cheap asynchronous cache hint: the sequential-scan read-ahead has to do.
    (void)offset;
    (void)length;
}

Result<void> File::rewind() {
    LARGE_INTEGER zero{};
    if (SetFilePointerEx(m_native, zero, nullptr, FILE_BEGIN) == 0) {
        return platform::last_win32_error();
    }
    return {};
}

}  // namespace fhash::io
