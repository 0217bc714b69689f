// Windows atomic write: a new temporary file beside the target (CREATE_NEW, so an existing
// file is never reused), FlushFileBuffers, then MoveFileExW over the target. The renamed
// file carries the folder's inherited security, as any newly created file would.

#include "io/atomic_file.hpp"
#include "platform/paths.hpp"

#include <windows.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <utility>

#include "platform/error_win32.hpp"
#include "platform/long_path_win32.hpp"

namespace fhash::io {
namespace {

/// ".<name>.tmp-<pid>-<n>": unique within this process, and most likely across processes;
/// CREATE_NEW settles the rest.
std::wstring temp_name(const std::filesystem::path& target, unsigned attempt) {
    static std::atomic<unsigned> counter{0};
    const unsigned n = counter.fetch_add(1) + attempt;
    return L"." + target.filename().native() + L".tmp-" + std::to_wstring(GetCurrentProcessId()) +
           L"-" + std::to_wstring(GetTickCount64() % 100000U) + L"-" + std::to_wstring(n);
}

enum class TargetKind { absent_or_file, directory, device };

/// A device (NUL, CON, COM1, \\.\pipe\...) or a folder where a file would go. Devices are
/// written straight through: renaming over them is meaningless.
TargetKind target_kind(const std::wstring& name) {
    HANDLE handle = CreateFileW(name.c_str(), FILE_READ_ATTRIBUTES,
                                FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                                OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr);
    if (handle == INVALID_HANDLE_VALUE) {
        return TargetKind::absent_or_file;  // a real problem shows up when writing
    }
    TargetKind kind = TargetKind::absent_or_file;
    if (GetFileType(handle) != FILE_TYPE_DISK) {
        kind = TargetKind::device;
    } else {
        BY_HANDLE_FILE_INFORMATION info{};
        if (GetFileInformationByHandle(handle, &info) != 0 &&
            (info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0) {
            kind = TargetKind::directory;
        }
    }
    CloseHandle(handle);
    return kind;
}

}  // namespace

std::size_t AtomicFile::remove_stale_temps(const std::filesystem::path& /*target*/) {
    return 0;  // not worked out for Windows (no flock; a dead pid's file may be open)
}

Result<AtomicFile> AtomicFile::create(const std::filesystem::path& target) {
    const std::wstring target_name = platform::to_long_path(target);
    switch (target_kind(target_name)) {
        case TargetKind::directory:
            return make_error(Errc::is_a_directory, platform::path_to_utf8(target));
        case TargetKind::device: {
            HANDLE handle =
                CreateFileW(target_name.c_str(), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                            nullptr, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
            if (handle == INVALID_HANDLE_VALUE) {
                Error error = platform::last_win32_error();
                error.path = platform::path_to_utf8(target);
                return error;
            }
            AtomicFile file;
            file.m_handle = handle;
            file.m_target = target;
            return file;
        }
        case TargetKind::absent_or_file:
            break;
    }
    const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
    for (unsigned attempt = 0;; ++attempt) {
        const std::filesystem::path temp = dir / temp_name(target, attempt);
        HANDLE handle = CreateFileW(platform::to_long_path(temp).c_str(), GENERIC_WRITE, 0, nullptr,
                                    CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
        if (handle != INVALID_HANDLE_VALUE) {
            AtomicFile file;
            file.m_handle = handle;
            file.m_target = target;
            file.m_temp = temp;
            return file;
        }
        const DWORD code = GetLastError();
        if ((code != ERROR_FILE_EXISTS && code != ERROR_ALREADY_EXISTS) || attempt >= 100) {
            Error error = platform::win32_error(code);
            error.path = platform::path_to_utf8(target);
            return error;
        }
    }
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : m_target(std::move(other.m_target)),
      m_temp(std::move(other.m_temp)),
      m_handle(std::exchange(other.m_handle, nullptr)),
      m_committed(std::exchange(other.m_committed, true)) {}

AtomicFile& AtomicFile::operator=(AtomicFile&& other) noexcept {
    if (this != &other) {
        discard();
        m_target = std::move(other.m_target);
        m_temp = std::move(other.m_temp);
        m_handle = std::exchange(other.m_handle, nullptr);
        m_committed = std::exchange(other.m_committed, true);
    }
    return *this;
}

AtomicFile::~AtomicFile() {
    discard();
}

void AtomicFile::discard() noexcept {
    if (m_handle != nullptr) {
        CloseHandle(m_handle);
        m_handle = nullptr;
    }
    if (!m_committed && !m_temp.empty()) {
        DeleteFileW(platform::to_long_path(m_temp).c_str());
    }
    m_temp.clear();
}

Result<void> AtomicFile::write(std::string_view data) {
    while (!data.empty()) {
        const DWORD want = static_cast<DWORD>(std::min<std::size_t>(data.size(), 1U << 30));
        DWORD written = 0;
        if (WriteFile(m_handle, data.data(), want, &written, nullptr) == 0) {
            return platform::last_win32_error();
        }
        data.remove_prefix(written);
    }
    return {};
}

Result<void> AtomicFile::commit() {
    if (m_committed) {
        return make_error(Errc::output_failure, platform::path_to_utf8(m_target),
                          "already committed");
    }
    HANDLE handle = std::exchange(m_handle, nullptr);
    if (m_temp.empty()) {
        // Written straight to a device.
        if (handle != nullptr && CloseHandle(handle) == 0) {
            return platform::last_win32_error();
        }
        m_committed = true;
        return {};
    }
    if (FlushFileBuffers(handle) == 0) {
        const Error error = platform::last_win32_error();
        CloseHandle(handle);
        return error;
    }
    if (CloseHandle(handle) == 0) {
        return platform::last_win32_error();
    }
    if (MoveFileExW(platform::to_long_path(m_temp).c_str(),
                    platform::to_long_path(m_target).c_str(),
                    MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH) == 0) {
        return platform::last_win32_error();
    }
    m_committed = true;
    m_temp.clear();
    return {};
}

}  // namespace fhash::io
