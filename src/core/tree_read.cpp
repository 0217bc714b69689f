// A folder read into TreeNodes for the tree digests (tree.hpp): std::filesystem only, so
// the same code serves every platform. Entries are sorted by the bytes of their names; each
// scheme orders them further by its own rule (git compares folders as "name/").

#include <algorithm>
#include <array>
#include <system_error>

#include "fhash/text.hpp"
#include "fhash/tree.hpp"
#include "platform/executable.hpp"
#include "platform/paths.hpp"

namespace fhash {
namespace {

namespace fs = std::filesystem;

std::string join(std::string_view parent, std::string_view name) {
    return parent.empty() ? std::string(name) : std::string(parent) + "/" + std::string(name);
}

/// The node of one directory entry (not yet its children), or nullopt for what no scheme
/// holds (FIFOs, sockets, devices).
std::optional<TreeNode> node_of(const fs::directory_entry& entry, const std::string& parent,
                                std::error_code& ec) {
    TreeNode node;
    node.name = platform::path_to_utf8(entry.path().filename());
    node.path = join(parent, node.name);
    node.source = entry.path();
    const fs::file_status status = entry.symlink_status(ec);
    if (ec) {
        return std::nullopt;
    }
    if (fs::is_symlink(status)) {
        node.kind = TreeNode::Kind::symlink;
        node.target = platform::path_to_utf8(fs::read_symlink(entry.path(), ec));
    } else if (fs::is_directory(status)) {
        node.kind = TreeNode::Kind::directory;
    } else if (fs::is_regular_file(status)) {
        node.executable = platform::is_executable(status);
    } else {
        return std::nullopt;
    }
    return node;
}

Result<void> read_children(TreeNode& folder, const TreeFilter& filter) {
    std::error_code ec;
    fs::directory_iterator it(folder.source, ec);
    const auto failed = [&folder](const std::error_code& code) {
        return Result<void>(Error{code, platform::generic_display(folder.source), {}});
    };
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        std::optional<TreeNode> node = node_of(*it, folder.path, ec);
        if (ec) {
            return failed(ec);
        }
        if (!node) {
            continue;
        }
        const bool is_dir = node->kind == TreeNode::Kind::directory;
        if (filter && !filter(node->path, is_dir)) {
            continue;
        }
        if (is_dir) {
            if (Result<void> inner = read_children(*node, filter); !inner) {
                return inner;
            }
        }
        folder.children.push_back(std::move(*node));
    }
    if (ec) {
        return failed(ec);
    }
    std::sort(folder.children.begin(), folder.children.end(),
              [](const TreeNode& a, const TreeNode& b) { return a.name < b.name; });
    return {};
}

}  // namespace

std::optional<TreeScheme> parse_tree_scheme(std::string_view name) noexcept {
    constexpr std::array<TreeScheme, 5> k_all{TreeScheme::h1, TreeScheme::dirhash, TreeScheme::nar,
                                              TreeScheme::git, TreeScheme::git_sha256};
    for (const TreeScheme scheme : k_all) {
        if (iequals_ascii(name, tree_scheme_name(scheme))) {
            return scheme;
        }
    }
    return std::nullopt;
}

std::string_view tree_scheme_name(TreeScheme scheme) noexcept {
    switch (scheme) {
        case TreeScheme::h1:
            return "h1";
        case TreeScheme::dirhash:
            return "dirhash";
        case TreeScheme::nar:
            return "nar";
        case TreeScheme::git:
            return "git";
        case TreeScheme::git_sha256:
            return "git-sha256";
    }
    return "h1";
}

Result<TreeNode> read_tree(const fs::path& root, const TreeFilter& filter) {
    std::error_code ec;
    const fs::file_status status = fs::status(root, ec);  // the root is followed
    const std::string shown = platform::generic_display(root);
    if (ec) {
        return Error{ec, shown, {}};
    }
    if (!fs::is_directory(status)) {
        return make_error(Errc::not_a_regular_file, shown, "not a folder");
    }
    TreeNode node;
    node.kind = TreeNode::Kind::directory;
    node.source = root;
    if (Result<void> read = read_children(node, filter); !read) {
        return std::move(read).error();
    }
    return node;
}

}  // namespace fhash
