// POSIX directory walk on std::filesystem. Symbolic links inside the tree are not
// followed unless asked; when they are, the (device, inode)-like identity of every folder on
// the current path is kept so that a link back into an ancestor is reported, not walked.

#include "io/walk.hpp"

#include <algorithm>
#include <system_error>

#include "platform/paths.hpp"

namespace fhash::io {
namespace {

namespace fs = std::filesystem;

const char* kind_note(const fs::file_status& status) {
    switch (status.type()) {
        case fs::file_type::fifo: return "a FIFO, skipped";
        case fs::file_type::socket: return "a socket, skipped";
        case fs::file_type::character: return "a character device, skipped";
        case fs::file_type::block: return "a block device, skipped";
        default: return "skipped";
    }
}

class Walker {
public:
    Walker(const WalkOptions& options, WalkResult& result, const fs::path& root)
        : m_options(options), m_result(result), m_root(root) {}

    void walk_dir(const fs::path& dir) {
        std::error_code ec;
        const fs::path canonical = fs::weakly_canonical(dir, ec);
        if (!ec) {
            for (const fs::path& ancestor : m_ancestors) {
                if (ancestor == canonical) {
                    m_result.notes.push_back(
                        {WalkNote::Kind::error, make_error(Errc::symlink_loop, platform::generic_display(dir))});
                    return;
                }
            }
        }
        m_ancestors.push_back(canonical);
        std::vector<fs::directory_entry> entries;
        fs::directory_iterator it(dir, ec);
        if (ec) {
            m_result.notes.push_back({WalkNote::Kind::error, errno_error(ec.value(), platform::generic_display(dir))});
            m_ancestors.pop_back();
            return;
        }
        for (const fs::directory_iterator end; it != end; it.increment(ec)) {
            if (ec) {
                break;
            }
            entries.push_back(*it);
        }
        if (ec) {
            m_result.notes.push_back({WalkNote::Kind::error, errno_error(ec.value(), platform::generic_display(dir))});
        }
        for (const fs::directory_entry& entry : entries) {
            visit(entry);
        }
        m_ancestors.pop_back();
    }

private:
    void visit(const fs::directory_entry& entry) {
        std::error_code ec;
        const fs::file_status link_status = entry.symlink_status(ec);
        if (ec) {
            m_result.notes.push_back({WalkNote::Kind::error, errno_error(ec.value(), platform::generic_display(entry.path()))});
            return;
        }
        fs::file_status status = link_status;
        if (fs::is_symlink(link_status)) {
            if (!m_options.follow_symlinks) {
                m_result.notes.push_back({WalkNote::Kind::skipped,
                                          make_error(Errc::not_a_regular_file, platform::generic_display(entry.path()),
                                                     "symbolic link not followed; -L follows it")});
                return;
            }
            status = entry.status(ec);
            if (ec) {
                m_result.notes.push_back({WalkNote::Kind::error, errno_error(ec.value(), platform::generic_display(entry.path()))});
                return;
            }
        }
        if (fs::is_directory(status)) {
            if (accepted(entry.path(), true)) {
                walk_dir(entry.path());
            }
        } else if (fs::is_regular_file(status)) {
            if (accepted(entry.path(), false)) {
                m_result.files.push_back(entry.path());
            }
        } else {
            m_result.notes.push_back({WalkNote::Kind::skipped,
                                      make_error(Errc::not_a_regular_file, platform::generic_display(entry.path()),
                                                 kind_note(status))});
        }
    }

    bool accepted(const fs::path& path, bool is_directory) const {
        if (!m_options.accept) {
            return true;
        }
        const std::string relative = platform::generic_display(path.lexically_relative(m_root));
        return m_options.accept(relative, is_directory);
    }

    const WalkOptions& m_options;
    WalkResult& m_result;
    fs::path m_root;
    std::vector<fs::path> m_ancestors;
};

}  // namespace

WalkResult walk_tree(const fs::path& root, const WalkOptions& options) {
    WalkResult result;
    std::error_code ec;
    const fs::file_status status = fs::status(root, ec);  // the root is followed
    if (!ec && fs::is_regular_file(status)) {
        result.files.push_back(root);
        return result;
    }
    Walker walker(options, result, root);
    walker.walk_dir(root);
    std::sort(result.files.begin(), result.files.end(), [](const fs::path& a, const fs::path& b) {
        return a.native() < b.native();
    });
    return result;
}

}  // namespace fhash::io
