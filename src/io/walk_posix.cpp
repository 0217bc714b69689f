// Portable directory walk on std::filesystem. Symbolic links inside the tree are not
// followed unless asked; when they are, the (device, inode)-like identity of every folder on
// the current path is kept so that a link back into an ancestor is reported, not walked.
//
// Files come out in the byte order of their whole path, yet the walk streams: each folder's
// entries are sorted by name, with a separator appended to the names of folders. Two
// siblings' paths differ first where their names (so extended) differ, so the depth-first
// order of the sorted folders is the byte order of the full paths ("a.b" before "a/x",
// because '.' < '/').

#include "io/walk.hpp"

#include <algorithm>
#include <system_error>

#include "platform/paths.hpp"

namespace fhash::io {
namespace {

namespace fs = std::filesystem;

WalkNote::Cause skip_cause(fs::file_type type) {
    switch (type) {
        case fs::file_type::fifo:
            return WalkNote::Cause::fifo;
        case fs::file_type::socket:
            return WalkNote::Cause::socket;
        case fs::file_type::character:
            return WalkNote::Cause::character_device;
        case fs::file_type::block:
            return WalkNote::Cause::block_device;
        default:
            return WalkNote::Cause::special_file;
    }
}

class Walker {
public:
    Walker(const WalkOptions& options, const fs::path& root,
           const std::function<void(const fs::path&)>& on_file,
           const std::function<void(WalkNote&&)>& on_note)
        : m_options(options), m_root(root), m_on_file(on_file), m_on_note(on_note) {}

    void walk_dir(const fs::path& dir) {
        std::error_code ec;
        // Without following links a folder cannot be met twice on one path: skip the
        // canonical path then (several syscalls per folder).
        const fs::path canonical =
            m_options.follow_symlinks ? fs::weakly_canonical(dir, ec) : fs::path();
        if (!ec && m_options.follow_symlinks) {
            for (const fs::path& ancestor : m_ancestors) {
                if (ancestor == canonical) {
                    m_on_note({WalkNote::Kind::error,
                               make_error(Errc::symlink_loop, platform::generic_display(dir))});
                    return;
                }
            }
        }
        m_ancestors.push_back(canonical);
        fs::directory_iterator it(dir, ec);
        if (ec) {
            m_on_note(
                {WalkNote::Kind::error, errno_error(ec.value(), platform::generic_display(dir))});
            m_ancestors.pop_back();
            return;
        }
        std::vector<Child> children;
        for (const fs::directory_iterator end; it != end; it.increment(ec)) {
            if (ec) {
                break;
            }
            children.push_back(classify(*it));
        }
        if (ec) {
            m_on_note(
                {WalkNote::Kind::error, errno_error(ec.value(), platform::generic_display(dir))});
        }
        std::sort(children.begin(), children.end(),
                  [](const Child& a, const Child& b) { return a.key < b.key; });
        for (Child& child : children) {
            switch (child.kind) {
                case Child::Kind::file:
                    m_on_file(child.path);
                    break;
                case Child::Kind::dir:
                    walk_dir(child.path);
                    break;
                case Child::Kind::note:
                    m_on_note(std::move(child.note));
                    break;
                case Child::Kind::none:
                    break;
            }
        }
        m_ancestors.pop_back();
    }

private:
    struct Child {
        enum class Kind { file, dir, note, none };  // none: left out by the filter
        Kind kind = Kind::note;
        fs::path path;
        fs::path::string_type key;  // the name, plus a separator for folders
        WalkNote note;
    };

    Child classify(const fs::directory_entry& entry) const {
        Child child;
        child.path = entry.path();
        child.key = child.path.filename().native();
        // The type read with the folder (d_type) saves an lstat per entry where it is known.
        std::error_code ec;
        const bool is_link = entry.is_symlink(ec);
        if (ec) {
            child.note = {WalkNote::Kind::error,
                          errno_error(ec.value(), platform::generic_display(entry.path()))};
            return child;
        }
        fs::file_status status;
        if (is_link) {
            if (!m_options.follow_symlinks) {
                child.note = {
                    WalkNote::Kind::skipped,
                    make_error(Errc::not_a_regular_file, platform::generic_display(entry.path())),
                    WalkNote::Cause::symlink_not_followed};
                return child;
            }
            status = entry.status(ec);
        } else {
            // Not a link, so the followed type is the entry's own (cached) type.
            status = fs::file_status(entry.is_directory(ec)      ? fs::file_type::directory
                                     : entry.is_regular_file(ec) ? fs::file_type::regular
                                                                 : entry.symlink_status(ec).type());
        }
        if (ec) {
            child.note = {WalkNote::Kind::error,
                          errno_error(ec.value(), platform::generic_display(entry.path()))};
            return child;
        }
        if (fs::is_directory(status)) {
            child.kind = accepted(child.path, true) ? Child::Kind::dir : Child::Kind::none;
            child.key.push_back(fs::path::preferred_separator);
        } else if (fs::is_regular_file(status)) {
            child.kind = accepted(child.path, false) ? Child::Kind::file : Child::Kind::none;
        } else {
            child.note = {
                WalkNote::Kind::skipped,
                make_error(Errc::not_a_regular_file, platform::generic_display(entry.path())),
                skip_cause(status.type())};
        }
        return child;
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
    fs::path m_root;
    const std::function<void(const fs::path&)>& m_on_file;
    const std::function<void(WalkNote&&)>& m_on_note;
    std::vector<fs::path> m_ancestors;
};

}  // namespace

void walk_tree(const fs::path& root, const WalkOptions& options,
               const std::function<void(const fs::path&)>& on_file,
               const std::function<void(WalkNote&&)>& on_note) {
    std::error_code ec;
    if (fs::is_regular_file(fs::status(root, ec))) {  // the root is followed
        on_file(root);
        return;
    }
    Walker walker(options, root, on_file, on_note);
    walker.walk_dir(root);
}

WalkResult walk_tree(const fs::path& root, const WalkOptions& options) {
    WalkResult result;
    walk_tree(
        root, options, [&result](const fs::path& file) { result.files.push_back(file); },
        [&result](WalkNote&& note) { result.notes.push_back(std::move(note)); });
    return result;
}

}  // namespace fhash::io
