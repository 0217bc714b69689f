// Windows directory walk with FindFirstFileExW on the long-path form of each folder
// (MinGW's std::filesystem does not handle "\\?\" paths reliably). Same behaviour as the
// POSIX walk: regular files sorted by the bytes of their UTF-8 path ('/' separators),
// reparse points that are links (symbolic links, junctions) skipped unless followed, a
// followed link back into an ancestor reported as a loop, unreadable folders reported.

#include "io/walk.hpp"

#include <windows.h>

#include <algorithm>
#include <string>
#include <utility>

#include "platform/error_win32.hpp"
#include "platform/long_path_win32.hpp"
#include "platform/paths.hpp"

namespace fhash::io {
namespace {

namespace fs = std::filesystem;

/// Closes a FindFirstFileExW search handle.
class FindHandle {
public:
    explicit FindHandle(HANDLE handle) noexcept : m_handle(handle) {}
    FindHandle(const FindHandle&) = delete;
    FindHandle& operator=(const FindHandle&) = delete;
    ~FindHandle() {
        if (m_handle != INVALID_HANDLE_VALUE) {
            FindClose(m_handle);
        }
    }
    [[nodiscard]] HANDLE get() const noexcept { return m_handle; }

private:
    HANDLE m_handle;
};

/// A folder's identity: volume serial number and file index (the inode of NTFS).
struct FolderId {
    DWORD volume = 0;
    DWORD index_high = 0;
    DWORD index_low = 0;
    bool operator==(const FolderId&) const = default;
};

/// Attributes and identity of what `path` leads to, links followed.
struct Target {
    DWORD attributes = 0;
    FolderId id;
};

Result<Target> resolve(const fs::path& path) {
    HANDLE handle = CreateFileW(platform::to_long_path(path).c_str(), FILE_READ_ATTRIBUTES,
                                FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                                OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr);
    if (handle == INVALID_HANDLE_VALUE) {
        return platform::last_win32_error(platform::generic_display(path));
    }
    BY_HANDLE_FILE_INFORMATION info{};
    const BOOL ok = GetFileInformationByHandle(handle, &info);
    const DWORD code = GetLastError();
    CloseHandle(handle);
    if (ok == 0) {
        return platform::win32_error(code, platform::generic_display(path));
    }
    return Target{info.dwFileAttributes,
                  {info.dwVolumeSerialNumber, info.nFileIndexHigh, info.nFileIndexLow}};
}

/// A reparse point that points elsewhere. Others (deduplicated files, cloud placeholders)
/// are ordinary files and folders to the user.
bool is_link(const WIN32_FIND_DATAW& data) noexcept {
    return (data.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT) != 0 &&
           (data.dwReserved0 == IO_REPARSE_TAG_SYMLINK ||
            data.dwReserved0 == IO_REPARSE_TAG_MOUNT_POINT);
}

/// The search pattern "<folder>\*".
std::wstring pattern_for(const fs::path& dir) {
    std::wstring pattern = platform::to_long_path(dir);
    if (!pattern.empty() && pattern.back() != L'\\' && pattern.back() != L'/' &&
        pattern.back() != L':') {
        pattern += L'\\';
    }
    pattern += L'*';
    return pattern;
}

class Walker {
public:
    Walker(const WalkOptions& options, WalkResult& result, const fs::path& root)
        : m_options(options), m_result(result), m_root(root) {}

    void walk_dir(const fs::path& dir) {
        Result<Target> target = resolve(dir);
        if (!target) {
            m_result.notes.push_back({WalkNote::Kind::error, std::move(target).error()});
            return;
        }
        if (std::find(m_ancestors.begin(), m_ancestors.end(), target->id) != m_ancestors.end()) {
            m_result.notes.push_back(
                {WalkNote::Kind::error,
                 make_error(Errc::symlink_loop, platform::generic_display(dir))});
            return;
        }
        m_ancestors.push_back(target->id);
        std::vector<WIN32_FIND_DATAW> entries;
        WIN32_FIND_DATAW data{};
        const FindHandle find(FindFirstFileExW(pattern_for(dir).c_str(), FindExInfoBasic, &data,
                                               FindExSearchNameMatch, nullptr,
                                               FIND_FIRST_EX_LARGE_FETCH));
        if (find.get() == INVALID_HANDLE_VALUE) {
            const DWORD code = GetLastError();
            if (code != ERROR_FILE_NOT_FOUND) {  // FILE_NOT_FOUND: nothing at all, not even "."
                m_result.notes.push_back(
                    {WalkNote::Kind::error,
                     platform::win32_error(code, platform::generic_display(dir))});
            }
            m_ancestors.pop_back();
            return;
        }
        do {
            const std::wstring_view name = data.cFileName;
            if (name != L"." && name != L"..") {
                entries.push_back(data);
            }
        } while (FindNextFileW(find.get(), &data) != 0);
        if (const DWORD code = GetLastError(); code != ERROR_NO_MORE_FILES) {
            m_result.notes.push_back({WalkNote::Kind::error,
                                      platform::win32_error(code, platform::generic_display(dir))});
        }
        for (const WIN32_FIND_DATAW& entry : entries) {
            visit(dir / entry.cFileName, entry);
        }
        m_ancestors.pop_back();
    }

private:
    void visit(const fs::path& path, const WIN32_FIND_DATAW& data) {
        DWORD attributes = data.dwFileAttributes;
        if (is_link(data)) {
            if (!m_options.follow_symlinks) {
                m_result.notes.push_back(
                    {WalkNote::Kind::skipped,
                     make_error(Errc::not_a_regular_file, platform::generic_display(path)),
                     WalkNote::Cause::symlink_not_followed});
                return;
            }
            Result<Target> target = resolve(path);
            if (!target) {
                m_result.notes.push_back({WalkNote::Kind::error, std::move(target).error()});
                return;
            }
            attributes = target->attributes;
        }
        if ((attributes & FILE_ATTRIBUTE_DIRECTORY) != 0) {
            if (accepted(path, true)) {
                walk_dir(path);
            }
        } else if ((attributes & FILE_ATTRIBUTE_DEVICE) == 0) {
            if (accepted(path, false)) {
                m_result.files.push_back(path);
            }
        } else {
            m_result.notes.push_back(
                {WalkNote::Kind::skipped,
                 make_error(Errc::not_a_regular_file, platform::generic_display(path)),
                 WalkNote::Cause::special_file});
        }
    }

    /// The --include/--exclude filter, on the path relative to the walked root ('/').
    bool accepted(const fs::path& path, bool is_directory) const {
        if (!m_options.accept) {
            return true;
        }
        return m_options.accept(platform::generic_display(path.lexically_relative(m_root)),
                                is_directory);
    }

    const WalkOptions& m_options;
    WalkResult& m_result;
    fs::path m_root;
    std::vector<FolderId> m_ancestors;
};

}  // namespace

WalkResult walk_tree(const fs::path& root, const WalkOptions& options) {
    WalkResult result;
    // A root that is a file (followed, as a name the user gave) is the only file.
    const DWORD root_attributes = GetFileAttributesW(platform::to_long_path(root).c_str());
    if (root_attributes != INVALID_FILE_ATTRIBUTES &&
        (root_attributes & FILE_ATTRIBUTE_DIRECTORY) == 0) {
        result.files.push_back(root);
        return result;
    }
    Walker walker(options, result, root);
    walker.walk_dir(root);
    // Sort on the UTF-8 form with '/' separators: the order POSIX gives for the same tree.
    std::vector<std::pair<std::string, fs::path>> keyed;
    keyed.reserve(result.files.size());
    for (fs::path& file : result.files) {
        keyed.emplace_back(platform::generic_display(file), std::move(file));
    }
    std::sort(keyed.begin(), keyed.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    result.files.clear();
    for (auto& [key, file] : keyed) {
        result.files.push_back(std::move(file));
    }
    return result;
}

}  // namespace fhash::io

namespace fhash::io {

// Not promised here: the long-path form and the separators the walk builds paths with are
// not worked out against generic_display(), so --shard decides on each file's full path.
std::optional<std::string> walk_display_prefix(const fs::path& /*root*/) {
    return std::nullopt;
}

// The streamed form. FindFirstFileExW's order is not the byte order of UTF-8 paths, so on
// Windows the walk completes first and then replays in order: files sorted as walk_tree()
// lists them, notes first (they are diagnostics, in the order met).
void walk_tree(const fs::path& root, const WalkOptions& options,
               const std::function<void(const fs::path&)>& on_file,
               const std::function<void(WalkNote&&)>& on_note) {
    WalkResult result = walk_tree(root, options);
    for (WalkNote& note : result.notes) {
        on_note(std::move(note));
    }
    for (const fs::path& file : result.files) {
        on_file(file);
    }
}

}  // namespace fhash::io
