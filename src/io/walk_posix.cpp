// POSIX directory walk on openat/fdopendir/readdir. Symbolic links inside the tree are not
// followed unless asked; when they are, the canonical path of every folder on the current
// path is kept so that a link back into an ancestor is reported, not walked.
//
// Files come out in the byte order of their whole path, yet the walk streams: each folder's
// entries are sorted by name, with a separator appended to the names of folders. Two
// siblings' paths differ first where their names (so extended) differ, so the depth-first
// order of the sorted folders is the byte order of the full paths ("a.b" before "a/x",
// because '.' < '/').
//
// Cost: a sharded run (`--shard K/N`) walks the whole tree to keep a quarter of it, so what
// the walk spends on an entry the filter drops is paid N times over. An entry is held as its
// name only (short names fit std::string's inline buffer: no allocation), its type comes
// from the folder read (d_type; an lstat only where the file system gives none), the filter
// sees the relative name kept in one growing buffer, and a std::filesystem::path is made
// only for a file that is kept. The std::filesystem walk this replaced spent about two
// thirds of its time building paths and relative paths of files a shard then dropped.

#include "io/walk.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

#include <algorithm>
#include <string>
#include <system_error>
#include <utility>

#include "platform/paths.hpp"

namespace fhash::io {
namespace {

namespace fs = std::filesystem;

/// A folder opened for reading; closes it.
class DirHandle {
public:
    explicit DirHandle(DIR* dir) noexcept : m_dir(dir) {}
    DirHandle(const DirHandle&) = delete;
    DirHandle& operator=(const DirHandle&) = delete;
    ~DirHandle() {
        if (m_dir != nullptr) {
            ::closedir(m_dir);
        }
    }
    [[nodiscard]] DIR* get() const noexcept { return m_dir; }

private:
    DIR* m_dir;
};

/// What an entry of a folder is, as far as the walk cares.
enum class Type : unsigned char {
    file,
    dir,
    link_not_followed,
    special,  ///< FIFO, socket, device (the cause says which)
    error,    ///< its type could not be read (errno kept)
};

struct Child {
    std::string name;
    Type type = Type::error;
    WalkNote::Cause cause = WalkNote::Cause::none;
    int error = 0;
};

WalkNote::Cause cause_of(mode_t mode) {
    if (S_ISFIFO(mode)) {
        return WalkNote::Cause::fifo;
    }
    if (S_ISSOCK(mode)) {
        return WalkNote::Cause::socket;
    }
    if (S_ISCHR(mode)) {
        return WalkNote::Cause::character_device;
    }
    if (S_ISBLK(mode)) {
        return WalkNote::Cause::block_device;
    }
    return WalkNote::Cause::special_file;
}

WalkNote::Cause cause_of_dtype(unsigned char type) {
    switch (type) {
        case DT_FIFO:
            return WalkNote::Cause::fifo;
        case DT_SOCK:
            return WalkNote::Cause::socket;
        case DT_CHR:
            return WalkNote::Cause::character_device;
        case DT_BLK:
            return WalkNote::Cause::block_device;
        default:
            return WalkNote::Cause::special_file;
    }
}

/// The entry's type from a stat of it.
void type_from_mode(Child& child, mode_t mode) {
    if (S_ISDIR(mode)) {
        child.type = Type::dir;
    } else if (S_ISREG(mode)) {
        child.type = Type::file;
    } else {
        child.type = Type::special;
        child.cause = cause_of(mode);
    }
}

/// The byte order of the names with a '/' appended to folders' (see the file comment).
bool comes_before(const Child& a, const Child& b) noexcept {
    const std::size_t common = std::min(a.name.size(), b.name.size());
    if (const int order = std::memcmp(a.name.data(), b.name.data(), common); order != 0) {
        return order < 0;
    }
    // Past the common part: the rest of the longer name, or the '/' of a folder, or nothing.
    auto at = [common](const Child& child) -> int {
        if (child.name.size() > common) {
            return static_cast<unsigned char>(child.name[common]);
        }
        return child.type == Type::dir ? '/' : -1;
    };
    return at(a) < at(b);
}

class Walker {
public:
    Walker(const WalkOptions& options, const fs::path& root,
           const std::function<void(const fs::path&)>& on_file,
           const std::function<void(WalkNote&&)>& on_note)
        : m_options(options), m_path(root.native()), m_on_file(on_file), m_on_note(on_note) {}

    /// Walks the folder at m_path (m_relative its name below the root); `parent` is the open
    /// folder it is an entry of (AT_FDCWD for the root, which is followed if it is a link:
    /// the user named it).
    void walk_dir(int parent, const char* name, bool is_root) {
        if (m_options.follow_symlinks && ancestor_loop()) {
            m_on_note({WalkNote::Kind::error, make_error(Errc::symlink_loop, m_path)});
            return;
        }
        const int flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC |
                          (m_options.follow_symlinks || is_root ? 0 : O_NOFOLLOW);
        const int fd = ::openat(parent, name, flags);
        DirHandle dir(fd >= 0 ? ::fdopendir(fd) : nullptr);
        if (dir.get() == nullptr) {
            const int error = errno;
            if (fd >= 0) {
                ::close(fd);
            }
            m_on_note({WalkNote::Kind::error, errno_error(error, m_path)});
            pop_ancestor();
            return;
        }
        std::vector<Child> children = list(dir.get(), ::dirfd(dir.get()));
        std::sort(children.begin(), children.end(), comes_before);
        const std::size_t path_size = m_path.size();
        const std::size_t relative_size = m_relative.size();
        for (Child& child : children) {
            append(m_path, child.name);
            append(m_relative, child.name);
            visit(::dirfd(dir.get()), child);
            m_path.resize(path_size);
            m_relative.resize(relative_size);
        }
        pop_ancestor();
    }

private:
    /// Reads the folder's entries and their types (an error note if the read stops short).
    std::vector<Child> list(DIR* dir, int fd) {
        std::vector<Child> children;
        for (;;) {
            errno = 0;
            const dirent* entry = ::readdir(dir);
            if (entry == nullptr) {
                if (errno != 0) {
                    m_on_note({WalkNote::Kind::error, errno_error(errno, m_path)});
                }
                return children;
            }
            const char* name = entry->d_name;
            if (name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'))) {
                continue;
            }
            Child& child = children.emplace_back();
            child.name = name;
            classify(fd, entry->d_type, child);
        }
    }

    /// The child's type: d_type where the file system gives it, else an lstat; a followed
    /// link takes the type of what it leads to.
    void classify(int fd, unsigned char dtype, Child& child) const {
        if (dtype == DT_UNKNOWN) {
            struct stat st {};
            if (::fstatat(fd, child.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
                child.type = Type::error;
                child.error = errno;
                return;
            }
            if (!S_ISLNK(st.st_mode)) {
                type_from_mode(child, st.st_mode);
                return;
            }
            dtype = DT_LNK;
        }
        switch (dtype) {
            case DT_REG:
                child.type = Type::file;
                return;
            case DT_DIR:
                child.type = Type::dir;
                return;
            case DT_LNK:
                break;
            default:
                child.type = Type::special;
                child.cause = cause_of_dtype(dtype);
                return;
        }
        if (!m_options.follow_symlinks) {
            child.type = Type::link_not_followed;
            return;
        }
        struct stat st {};
        if (::fstatat(fd, child.name.c_str(), &st, 0) != 0) {
            child.type = Type::error;
            child.error = errno;
            return;
        }
        type_from_mode(child, st.st_mode);
    }

    /// One entry, its path in m_path and its relative name in m_relative.
    void visit(int fd, const Child& child) {
        switch (child.type) {
            case Type::file:
                if (accepted(false)) {
                    m_on_file(fs::path(m_path));
                }
                return;
            case Type::dir:
                if (accepted(true)) {
                    walk_dir(fd, child.name.c_str(), false);
                }
                return;
            case Type::link_not_followed:
                m_on_note({WalkNote::Kind::skipped, make_error(Errc::not_a_regular_file, m_path),
                           WalkNote::Cause::symlink_not_followed});
                return;
            case Type::special:
                m_on_note({WalkNote::Kind::skipped, make_error(Errc::not_a_regular_file, m_path),
                           child.cause});
                return;
            case Type::error:
                m_on_note({WalkNote::Kind::error, errno_error(child.error, m_path)});
                return;
        }
    }

    /// The --include/--exclude (and --shard) filter, on the path relative to the root.
    [[nodiscard]] bool accepted(bool is_directory) const {
        return !m_options.accept || m_options.accept(m_relative, is_directory);
    }

    /// -L: true if the folder at m_path is one of the folders on the current path (a link
    /// back into an ancestor); otherwise it is pushed as the innermost ancestor.
    bool ancestor_loop() {
        std::error_code ec;
        fs::path canonical = fs::weakly_canonical(fs::path(m_path), ec);
        if (ec) {
            canonical.clear();
        } else if (std::find(m_ancestors.begin(), m_ancestors.end(), canonical) !=
                   m_ancestors.end()) {
            return true;
        }
        m_ancestors.push_back(std::move(canonical));
        return false;
    }

    void pop_ancestor() {
        if (m_options.follow_symlinks) {
            m_ancestors.pop_back();
        }
    }

    /// Appends `name` to a path as std::filesystem's operator/ does: a '/' first unless the
    /// path is empty or ends in one already.
    static void append(std::string& path, const std::string& name) {
        if (!path.empty() && path.back() != '/') {
            path += '/';
        }
        path += name;
    }

    const WalkOptions& m_options;
    std::string m_path;      ///< the current entry's path: the root as given, then names
    std::string m_relative;  ///< the same below the root ('/' separators)
    const std::function<void(const fs::path&)>& m_on_file;
    const std::function<void(WalkNote&&)>& m_on_note;
    std::vector<fs::path> m_ancestors;  ///< -L only: canonical folders on the current path
};

}  // namespace

std::optional<std::string> walk_display_prefix(const fs::path& root) {
    std::string prefix = root.native();
    if (!prefix.empty() && prefix.back() != '/') {
        prefix += '/';
    }
    return prefix;
}

void walk_tree(const fs::path& root, const WalkOptions& options,
               const std::function<void(const fs::path&)>& on_file,
               const std::function<void(WalkNote&&)>& on_note) {
    std::error_code ec;
    if (fs::is_regular_file(fs::status(root, ec))) {  // the root is followed
        on_file(root);
        return;
    }
    Walker walker(options, root, on_file, on_note);
    walker.walk_dir(AT_FDCWD, root.c_str(), true);
}

WalkResult walk_tree(const fs::path& root, const WalkOptions& options) {
    WalkResult result;
    walk_tree(
        root, options, [&result](const fs::path& file) { result.files.push_back(file); },
        [&result](WalkNote&& note) { result.notes.push_back(std::move(note)); });
    return result;
}

}  // namespace fhash::io
