// `fhash tree [--scheme S] [--explain] [--expect DIGEST] DIR...`: one digest per folder in a
// published scheme (tree.hpp), or a check of one recorded digest. Its own small front end:
// the folder options of hash mode (--include, --exclude, --base-dir) and the tree's own.

#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/modes.hpp"
#include "cli/names.hpp"
#include "cli/path_filter.hpp"
#include "cli/status.hpp"
#include "cli/subcommand.hpp"
#include "fhash/tree.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

struct TreeOptions {
    std::vector<std::string> folders;
    std::string scheme;
    bool explain = false;
    std::string expect;
    std::vector<std::string> include;
    std::vector<std::string> exclude;
    std::string base_dir;
    std::string prefix;
    bool quiet = false;
    bool status = false;
};

void build_tree_app(CLI::App& app, TreeOptions& options) {
    app.description(
        "One digest per folder: Go's h1 (go.sum), in-toto's dirHash, the Nix NAR hash, or Git's "
        "tree id.");
    app.add_option("--scheme", options.scheme, "h1 (default), dirhash, nar, git or git-sha256")
        ->type_name("SCHEME");
    app.add_flag("--explain", options.explain,
                 "Also print the canonical input the digest is taken over");
    app.add_option("--expect", options.expect,
                   "Check the folder against a recorded digest (h1:..., sha256-..., hex)")
        ->type_name("DIGEST");
    app.add_option("--include", options.include, "Only files matching GLOB (repeatable)")
        ->type_name("GLOB")
        ->allow_extra_args(false);
    app.add_option("--exclude", options.exclude, "Leave out files and folders matching GLOB")
        ->type_name("GLOB")
        ->allow_extra_args(false);
    app.add_option("--base-dir", options.base_dir, "Write folder names relative to DIR")
        ->type_name("DIR");
    app.add_option("--prefix", options.prefix,
                   "h1, dirhash: names start with PREFIX/ (go.sum: module@version)")
        ->type_name("PREFIX");
    app.add_flag("--quiet", options.quiet, "With --expect: do not print OK");
    app.add_flag("--status", options.status, "With --expect: print nothing; the exit code tells");
    app.add_option("folders", options.folders, "Folders to digest")->type_name("DIR")->required();
}

/// The folder's name as printed: as given, or relative to --base-dir.
std::string shown_name(const std::string& folder, const std::string& base_dir) {
    if (base_dir.empty()) {
        return folder;
    }
    std::error_code ec;
    const std::filesystem::path absolute =
        std::filesystem::absolute(platform::path_from_utf8(folder), ec).lexically_normal();
    const std::filesystem::path base =
        std::filesystem::absolute(platform::path_from_utf8(base_dir), ec).lexically_normal();
    const std::filesystem::path relative = absolute.lexically_relative(base);
    return ec || relative.empty() ? folder : platform::generic_display(relative);
}

class TreeRun {
public:
    TreeRun(const TreeOptions& options, TreeScheme scheme, Console& console)
        : m_options(options),
          m_scheme(scheme),
          m_console(console),
          m_filter(options.include, options.exclude) {}

    ExitCode run() {
        if (!m_options.expect.empty()) {
            return check(m_options.folders.front());
        }
        ExitCode code = ExitCode::ok;
        for (const std::string& folder : m_options.folders) {
            code = worst(code, print(folder));
        }
        return code;
    }

private:
    std::optional<TreeDigest> digest(const std::string& folder) {
        TreeFilter filter;
        if (!m_filter.empty()) {
            filter = [this](std::string_view relative, bool is_dir) {
                return m_filter.accept(relative, is_dir);
            };
        }
        Result<TreeNode> tree = read_tree(platform::path_from_utf8(folder), filter);
        if (!tree) {
            m_console.file_error(tree.error());
            return std::nullopt;
        }
        Result<TreeDigest> digest =
            digest_tree(m_scheme, *tree, m_options.explain, m_options.prefix);
        if (!digest) {
            m_console.file_error(digest.error());
            return std::nullopt;
        }
        return std::move(*digest);
    }

    ExitCode print(const std::string& folder) {
        std::optional<TreeDigest> tree = digest(folder);
        if (!tree) {
            return ExitCode::failure;
        }
        m_console.out(tree->explanation);
        m_console.out(fmt::format("{}  {}\n", tree->text, shown_name(folder, m_options.base_dir)));
        return ExitCode::ok;
    }

    ExitCode check(const std::string& folder) {
        const std::optional<Digest> expected = parse_tree_digest(m_scheme, m_options.expect);
        if (!expected) {
            m_console.error(fmt::format("{}: not a digest of the {} scheme",
                                        quote_name(m_options.expect), tree_scheme_name(m_scheme)));
            return ExitCode::usage;
        }
        const std::string name = shown_name(folder, m_options.base_dir);
        std::optional<TreeDigest> tree = digest(folder);
        if (tree) {
            m_console.out(tree->explanation);
        }
        const Status status = !tree                       ? Status::unreadable
                              : tree->digest == *expected ? Status::ok
                                                          : Status::failed;
        if (!m_options.status && !(m_options.quiet && status == Status::ok)) {
            m_console.out(status_line(m_console, name, status));
        }
        if (tree && status == Status::failed && !m_options.status) {
            m_console.error(fmt::format("{}: {} is {}, expected {}", quote_name(name),
                                        tree_scheme_name(m_scheme), tree->text, m_options.expect));
        }
        return status == Status::ok ? ExitCode::ok : ExitCode::failure;
    }

    const TreeOptions& m_options;
    TreeScheme m_scheme;
    Console& m_console;
    PathFilter m_filter;
};

/// The scheme: --scheme, else the one the --expect digest's form names, else h1.
std::optional<TreeScheme> pick_scheme(const TreeOptions& options, Console& console) {
    if (!options.scheme.empty()) {
        const std::optional<TreeScheme> named = parse_tree_scheme(options.scheme);
        if (!named) {
            console.error(fmt::format(
                "unknown scheme '{}' (use h1, dirhash, nar, git or git-sha256)", options.scheme));
        }
        return named;
    }
    if (options.expect.empty()) {
        return TreeScheme::h1;
    }
    const std::optional<TreeScheme> implied = tree_scheme_of(options.expect);
    if (!implied) {
        console.error(fmt::format(
            "{}: the digest's form names no scheme; give --scheme dirhash, nar or git-sha256",
            quote_name(options.expect)));
    }
    return implied;
}

}  // namespace

ExitCode run_tree(const std::vector<std::string>& args, Console& console) {
    CLI::App app{"fhash tree", "fhash tree"};
    TreeOptions options;
    build_tree_app(app, options);
    if (const std::optional<ExitCode> done = parse_subcommand(app, args, "tree", console)) {
        return *done;
    }
    const std::optional<TreeScheme> scheme = pick_scheme(options, console);
    if (!scheme) {
        return ExitCode::usage;
    }
    if (!options.expect.empty() && options.folders.size() != 1) {
        console.error("--expect checks one folder");
        return ExitCode::usage;
    }
    return TreeRun(options, *scheme, console).run();
}

}  // namespace fhash::cli
