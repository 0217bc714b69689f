// Go's dirhash.Hash1 and Git's tree ids over TreeNodes, and the dispatch of digest_tree().
// Hash1 (golang.org/x/mod/sumdb/dirhash): every file below the folder (symbolic links are
// files there, read through), named by its path with '/', sorted by the bytes of the path;
// SHA-256 over "<sha256 hex>  <path>\n" per file. Git: a blob is the hash of
// "blob <size>\0<bytes>", a tree of "tree <size>\0" and its entries "<mode> <name>\0<raw id>"
// sorted by name with folders compared as "name/"; folders holding no file are left out.

#include <algorithm>
#include <utility>

#include "core/tree_digest_parts.hpp"
#include "core/tree_feed.hpp"
#include "fhash/text.hpp"

namespace fhash::detail {
namespace {

void list_files(const TreeNode& node, std::vector<const TreeNode*>& out) {
    for (const TreeNode& child : node.children) {
        if (child.kind == TreeNode::Kind::directory) {
            list_files(child, out);
        } else {
            out.push_back(&child);
        }
    }
}

/// The digest of `text`'s bytes with `algorithm`.
Result<Digest> digest_of_text(Algorithm algorithm, std::string_view text) {
    Result<std::unique_ptr<Hasher>> hasher = fresh_hasher(algorithm);
    if (!hasher) {
        return std::move(hasher).error();
    }
    if (Result<void> fed = feed_text(**hasher, text); !fed) {
        return std::move(fed).error();
    }
    return (*hasher)->finish();
}

std::string raw_bytes(const Digest& d) {
    return std::string(reinterpret_cast<const char*>(d.bytes().data()), d.size());
}

class GitTree {
public:
    GitTree(Algorithm algorithm, std::string* explanation)
        : m_algorithm(algorithm), m_explanation(explanation), m_buffer(std::size_t{1} << 18) {}

    /// The tree id of `folder`; nullopt for a folder holding no file (Git leaves it out)
    /// unless it is the root.
    Result<std::optional<Digest>> tree(const TreeNode& folder, bool is_root) {
        std::vector<const TreeNode*> entries;
        for (const TreeNode& child : folder.children) {
            if (child.name != ".git") {  // Git keeps its own folder out of every tree
                entries.push_back(&child);
            }
        }
        std::sort(entries.begin(), entries.end(),
                  [](const TreeNode* a, const TreeNode* b) { return git_key(*a) < git_key(*b); });
        std::string body;
        for (const TreeNode* entry : entries) {
            if (Result<void> added = add(*entry, body); !added) {
                return std::move(added).error();
            }
        }
        if (body.empty() && !is_root) {
            return std::optional<Digest>();
        }
        Result<Digest> id =
            digest_of_text(m_algorithm, "tree " + std::to_string(body.size()) + '\0' + body);
        if (!id) {
            return std::move(id).error();
        }
        return std::optional<Digest>(*id);
    }

private:
    static std::string git_key(const TreeNode& node) {
        return node.kind == TreeNode::Kind::directory ? node.name + "/" : node.name;
    }

    Result<void> add(const TreeNode& entry, std::string& body) {
        const std::size_t mark = m_explanation != nullptr ? m_explanation->size() : 0;
        std::string mode = "100644";
        Result<std::optional<Digest>> id = std::optional<Digest>();
        if (entry.kind == TreeNode::Kind::directory) {
            mode = "40000";
            id = tree(entry, false);
        } else if (entry.kind == TreeNode::Kind::symlink) {
            mode = "120000";
            id = lift(digest_of_text(
                m_algorithm, "blob " + std::to_string(entry.target.size()) + '\0' + entry.target));
        } else {
            mode = entry.executable ? "100755" : "100644";
            id = blob(entry);
        }
        if (!id) {
            return std::move(id).error();
        }
        if (!*id) {
            return {};
        }
        body += mode + " " + entry.name + '\0' + raw_bytes(**id);
        explain(entry, mode, **id, mark);
        return {};
    }

    Result<std::optional<Digest>> blob(const TreeNode& entry) {
        Result<std::unique_ptr<Hasher>> hasher = fresh_hasher(m_algorithm);
        if (!hasher) {
            return std::move(hasher).error();
        }
        Result<std::uint64_t> size =
            feed_file(**hasher, entry.source, m_buffer,
                      [](std::uint64_t n) { return "blob " + std::to_string(n) + '\0'; });
        if (!size) {
            return std::move(size).error();
        }
        return lift((*hasher)->finish());
    }

    static Result<std::optional<Digest>> lift(Result<Digest> id) {
        if (!id) {
            return std::move(id).error();
        }
        return std::optional<Digest>(*id);
    }

    /// `git ls-tree -r -t`'s line for `entry`, placed before the lines of its contents.
    void explain(const TreeNode& entry, const std::string& mode, const Digest& id,
                 std::size_t mark) {
        if (m_explanation == nullptr) {
            return;
        }
        const bool folder = entry.kind == TreeNode::Kind::directory;
        const std::string line = (folder ? "040000" : mode) + (folder ? " tree " : " blob ") +
                                 to_hex(id) + "\t" + entry.path + "\n";
        m_explanation->insert(mark, line);
    }

    Algorithm m_algorithm;
    std::string* m_explanation;
    std::vector<std::uint8_t> m_buffer;
};

}  // namespace

Result<Digest> h1_digest(const TreeNode& root, std::string_view prefix, std::string* explanation) {
    while (prefix.ends_with('/')) {
        prefix.remove_suffix(1);
    }
    const std::string lead = prefix.empty() ? std::string() : std::string(prefix) + "/";
    std::vector<const TreeNode*> files;
    list_files(root, files);
    std::sort(files.begin(), files.end(),
              [](const TreeNode* a, const TreeNode* b) { return a->path < b->path; });
    Result<std::unique_ptr<Hasher>> file_hasher = fresh_hasher(Algorithm::sha256);
    if (!file_hasher) {
        return std::move(file_hasher).error();
    }
    std::vector<std::uint8_t> buffer(std::size_t{1} << 18);
    std::string manifest;
    for (const TreeNode* file : files) {
        if (file->path.find('\n') != std::string::npos) {
            return make_error(Errc::malformed, file->path,
                              "h1 cannot hold a file name with a newline");
        }
        (void)(*file_hasher)->reset();
        Result<std::uint64_t> fed = feed_file(**file_hasher, file->source, buffer);
        if (!fed) {
            return std::move(fed).error();
        }
        Result<Digest> digest = (*file_hasher)->finish();
        if (!digest) {
            return std::move(digest).error();
        }
        manifest += to_hex(*digest) + "  " + lead + file->path + "\n";
    }
    if (explanation != nullptr) {
        *explanation += manifest;
    }
    return digest_of_text(Algorithm::sha256, manifest);
}

Result<Digest> git_digest(const TreeNode& root, Algorithm algorithm, std::string* explanation) {
    GitTree git(algorithm, explanation);
    Result<std::optional<Digest>> id = git.tree(root, true);
    if (!id) {
        return std::move(id).error();
    }
    return **id;
}

}  // namespace fhash::detail

namespace fhash {

Result<TreeDigest> digest_tree(TreeScheme scheme, const TreeNode& root, bool explain,
                               std::string_view prefix) {
    TreeDigest out;
    std::string* explanation = explain ? &out.explanation : nullptr;
    Result<Digest> digest = Digest();
    switch (scheme) {
        case TreeScheme::h1:
        case TreeScheme::dirhash:
            digest = detail::h1_digest(root, prefix, explanation);
            break;
        case TreeScheme::nar:
            digest = detail::nar_digest(root, explanation);
            break;
        case TreeScheme::git:
            digest = detail::git_digest(root, Algorithm::sha1, explanation);
            break;
        case TreeScheme::git_sha256:
            digest = detail::git_digest(root, Algorithm::sha256, explanation);
            break;
    }
    if (!digest) {
        return std::move(digest).error();
    }
    out.digest = *digest;
    if (scheme == TreeScheme::h1) {
        out.text = "h1:" + to_base64(*digest);
    } else if (scheme == TreeScheme::nar) {
        out.text = "sha256-" + to_base64(*digest);
    } else {
        out.text = to_hex(*digest);
    }
    return out;
}

namespace {

std::optional<Digest> sized(std::optional<Digest> digest, std::size_t size) {
    return digest && digest->size() == size ? digest : std::nullopt;
}

std::optional<Digest> parse_nar_digest(std::string_view text) noexcept {
    if (text.starts_with("sha256-")) {
        return sized(digest_from_base64(text.substr(7)), 32);
    }
    if (text.starts_with("sha256:")) {
        text.remove_prefix(7);
    }
    if (text.size() == 64 && all_hex(text)) {
        return digest_from_hex(text);
    }
    return detail::from_nix_base32(text, 32);
}

}  // namespace

std::optional<Digest> parse_tree_digest(TreeScheme scheme, std::string_view text) noexcept {
    switch (scheme) {
        case TreeScheme::h1:
            return text.starts_with("h1:") ? sized(digest_from_base64(text.substr(3)), 32)
                                           : std::nullopt;
        case TreeScheme::nar:
            return parse_nar_digest(text);
        case TreeScheme::git:
            return all_hex(text) ? sized(digest_from_hex(text), 20) : std::nullopt;
        case TreeScheme::dirhash:
        case TreeScheme::git_sha256:
            return all_hex(text) ? sized(digest_from_hex(text), 32) : std::nullopt;
    }
    return std::nullopt;
}

std::optional<TreeScheme> tree_scheme_of(std::string_view text) noexcept {
    if (text.starts_with("h1:")) {
        return TreeScheme::h1;
    }
    if (text.starts_with("sha256-") || text.starts_with("sha256:") ||
        detail::from_nix_base32(text, 32)) {
        return TreeScheme::nar;
    }
    if (text.size() == 40 && all_hex(text)) {
        return TreeScheme::git;
    }
    return std::nullopt;
}

}  // namespace fhash
