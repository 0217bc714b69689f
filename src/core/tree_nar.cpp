// The Nix archive (NAR) serialisation that `nix-hash --type sha256 DIR` hashes, streamed into
// SHA-256 without building it; and Nix's base32. The format, as Nix's archive.cc writes it:
// every string is its length as 64-bit little-endian, its bytes and zero padding to a
// multiple of 8; the archive is "nix-archive-1" and the root node; a node is
// "(" "type" then "regular" ["executable" ""] "contents" <bytes>, or "symlink" "target"
// <target>, or "directory" followed by ("entry" "(" "name" <name> "node" <node> ")") for each
// entry in the byte order of the names; then ")".

#include <array>
#include <cstdint>
#include <string>

#include "core/tree_digest_parts.hpp"
#include "core/tree_feed.hpp"

namespace fhash::detail {
namespace {

constexpr std::string_view k_nix_alphabet = "0123456789abcdfghijklmnpqrsvwxyz";

std::string le64(std::uint64_t n) {
    std::string out(8, '\0');
    for (std::size_t i = 0; i < 8; ++i) {
        out[i] = static_cast<char>((n >> (8 * i)) & 0xffu);
    }
    return out;
}

std::string padding(std::uint64_t n) {
    return std::string(static_cast<std::size_t>((8 - n % 8) % 8), '\0');
}

/// One NAR string: length, bytes, padding.
std::string nar_string(std::string_view s) {
    return le64(s.size()) + std::string(s) + padding(s.size());
}

std::string nar_strings(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (const std::string_view part : parts) {
        out += nar_string(part);
    }
    return out;
}

class NarWriter {
public:
    NarWriter(Hasher& hasher, std::string* explanation)
        : m_hasher(hasher), m_explanation(explanation), m_buffer(std::size_t{1} << 18) {}

    Result<void> node(const TreeNode& node) {
        switch (node.kind) {
            case TreeNode::Kind::file:
                return file(node);
            case TreeNode::Kind::symlink:
                note("symlink " + shown(node) + " -> " + node.target);
                return put(nar_strings({"(", "type", "symlink", "target", node.target, ")"}));
            case TreeNode::Kind::directory:
                return directory(node);
        }
        return {};
    }

    Result<void> put(std::string_view bytes) { return feed_text(m_hasher, bytes); }

private:
    static std::string shown(const TreeNode& node) { return node.path.empty() ? "." : node.path; }

    void note(const std::string& line) {
        if (m_explanation != nullptr) {
            *m_explanation += line + "\n";
        }
    }

    Result<void> file(const TreeNode& node) {
        std::string head = nar_strings({"(", "type", "regular"});
        if (node.executable) {
            head += nar_strings({"executable", ""});
        }
        head += nar_string("contents");
        if (Result<void> fed = put(head); !fed) {
            return fed;
        }
        Result<std::uint64_t> size =
            feed_file(m_hasher, node.source, m_buffer, [](std::uint64_t n) { return le64(n); });
        if (!size) {
            return std::move(size).error();
        }
        note(std::string(node.executable ? "executable " : "regular ") + std::to_string(*size) +
             " " + shown(node));
        return put(padding(*size) + nar_string(")"));
    }

    Result<void> directory(const TreeNode& node) {
        note("directory " + shown(node));
        if (Result<void> fed = put(nar_strings({"(", "type", "directory"})); !fed) {
            return fed;
        }
        for (const TreeNode& child : node.children) {
            if (Result<void> fed = put(nar_strings({"entry", "(", "name", child.name, "node"}));
                !fed) {
                return fed;
            }
            if (Result<void> inner = this->node(child); !inner) {
                return inner;
            }
            if (Result<void> fed = put(nar_string(")")); !fed) {
                return fed;
            }
        }
        return put(nar_string(")"));
    }

    Hasher& m_hasher;
    std::string* m_explanation;
    std::vector<std::uint8_t> m_buffer;
};

}  // namespace

Result<Digest> nar_digest(const TreeNode& root, std::string* explanation) {
    Result<std::unique_ptr<Hasher>> hasher = fresh_hasher(Algorithm::sha256);
    if (!hasher) {
        return std::move(hasher).error();
    }
    NarWriter writer(**hasher, explanation);
    if (Result<void> fed = writer.put(nar_string("nix-archive-1")); !fed) {
        return std::move(fed).error();
    }
    if (Result<void> fed = writer.node(root); !fed) {
        return std::move(fed).error();
    }
    return (*hasher)->finish();
}

std::optional<Digest> from_nix_base32(std::string_view text, std::size_t size) noexcept {
    if (text.size() != (size * 8 - 1) / 5 + 1) {
        return std::nullopt;
    }
    std::array<std::uint8_t, Digest::k_max_size> bytes{};
    for (std::size_t n = 0; n < text.size(); ++n) {
        const std::size_t digit = k_nix_alphabet.find(text[text.size() - 1 - n]);
        if (digit == std::string_view::npos) {
            return std::nullopt;
        }
        const std::size_t b = n * 5;
        const std::size_t i = b / 8;
        const std::size_t j = b % 8;
        bytes[i] = static_cast<std::uint8_t>(bytes[i] | (digit << j));
        const std::size_t carry = digit >> (8 - j);
        if (i + 1 < size) {
            bytes[i + 1] = static_cast<std::uint8_t>(bytes[i + 1] | carry);
        } else if (carry != 0) {
            return std::nullopt;
        }
    }
    return Digest(std::span<const std::uint8_t>(bytes.data(), size));
}

}  // namespace fhash::detail

namespace fhash {

std::string to_nix_base32(const Digest& digest) {
    const std::span<const std::uint8_t> bytes = digest.bytes();
    if (bytes.empty()) {
        return {};
    }
    const std::size_t length = (bytes.size() * 8 - 1) / 5 + 1;
    std::string out;
    out.reserve(length);
    for (std::size_t n = length; n-- > 0;) {
        const std::size_t b = n * 5;
        const std::size_t i = b / 8;
        const std::size_t j = b % 8;
        unsigned c = static_cast<unsigned>(bytes[i]) >> j;
        if (i + 1 < bytes.size()) {
            c |= static_cast<unsigned>(bytes[i + 1]) << (8 - j);
        }
        out += detail::k_nix_alphabet[c & 0x1fu];
    }
    return out;
}

}  // namespace fhash
