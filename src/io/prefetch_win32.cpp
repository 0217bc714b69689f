// Windows: the seek-penalty property of the volume's device, and a prefetch that reads a
// file's start with a blocking read (Windows has no asynchronous cache hint as cheap as
// posix_fadvise; the thread that waits is the prefetching one, never a worker).
#include <windows.h>
#include <winioctl.h>

#include <string>
#include <vector>

#include "io/prefetch.hpp"
#include "platform/long_path_win32.hpp"

namespace fhash::io {
namespace {

/// Closes a handle on every path out.
struct Handle {
    HANDLE value = INVALID_HANDLE_VALUE;
    explicit Handle(HANDLE h) noexcept : value(h) {}
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    ~Handle() {
        if (value != INVALID_HANDLE_VALUE && value != nullptr) {
            CloseHandle(value);
        }
    }
};

}  // namespace

DeviceKind device_kind(const std::filesystem::path& path) noexcept {
    try {
        std::error_code ec;
        const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
        if (ec) {
            return DeviceKind::unknown;
        }
        wchar_t volume[MAX_PATH + 1] = {};
        if (!GetVolumePathNameW(absolute.c_str(), volume, MAX_PATH)) {
            return DeviceKind::unknown;
        }
        std::wstring root(volume);  // "C:\" (a UNC share or a mount folder: unknown below)
        if (root.size() != 3 || root[1] != L':') {
            return DeviceKind::unknown;
        }
        const std::wstring device = L"\\\\.\\" + root.substr(0, 2);
        // No access rights are needed to query the property.
        Handle handle(CreateFileW(device.c_str(), 0, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr,
                                  OPEN_EXISTING, 0, nullptr));
        if (handle.value == INVALID_HANDLE_VALUE) {
            return DeviceKind::unknown;
        }
        STORAGE_PROPERTY_QUERY query{};
        query.PropertyId = StorageDeviceSeekPenaltyProperty;
        query.QueryType = PropertyStandardQuery;
        DEVICE_SEEK_PENALTY_DESCRIPTOR penalty{};
        DWORD returned = 0;
        if (!DeviceIoControl(handle.value, IOCTL_STORAGE_QUERY_PROPERTY, &query, sizeof(query),
                             &penalty, sizeof(penalty), &returned, nullptr) ||
            returned < sizeof(penalty)) {
            return DeviceKind::unknown;
        }
        return penalty.IncursSeekPenalty ? DeviceKind::rotational : DeviceKind::solid_state;
    } catch (...) {
        return DeviceKind::unknown;
    }
}

Prefetched prefetch_file(const std::filesystem::path& path, std::uint64_t max_bytes,
                         bool /*probe: nothing to ask on Windows*/) noexcept {
    try {
        const std::wstring name = platform::to_long_path(path);
        Handle file(CreateFileW(name.c_str(), GENERIC_READ,
                                FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                                OPEN_EXISTING, FILE_FLAG_SEQUENTIAL_SCAN, nullptr));
        if (file.value == INVALID_HANDLE_VALUE || GetFileType(file.value) != FILE_TYPE_DISK) {
            return Prefetched::failed;
        }
        LARGE_INTEGER size{};
        if (GetFileSizeEx(file.value, &size) && size.QuadPart == 0) {
            return Prefetched::cached;  // nothing to read, as on POSIX
        }
        thread_local std::vector<char> buffer(std::size_t{1} << 20);
        std::uint64_t left = max_bytes;
        while (left > 0) {
            DWORD got = 0;
            const DWORD want = static_cast<DWORD>(left < buffer.size() ? left : buffer.size());
            if (!ReadFile(file.value, buffer.data(), want, &got, nullptr) || got == 0) {
                break;
            }
            left -= got;
        }
        return Prefetched::unknown;
    } catch (...) {
        return Prefetched::failed;
    }
}

bool prefetch_tells_cached() noexcept {
    return false;
}

}  // namespace fhash::io
