#include "cli/inputs.hpp"

#include <optional>
#include <system_error>

#include "cli/file_list.hpp"
#include "cli/path_filter.hpp"
#include "fhash/shard.hpp"
#include "io/walk.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

namespace fs = std::filesystem;

/// The name written in the output: as given, or relative to --base-dir.
std::string display_name(const fs::path& path, const std::string& as_given,
                         const std::optional<fs::path>& base) {
    if (!base) {
        return as_given;
    }
    std::error_code ec;
    const fs::path absolute = fs::absolute(path, ec).lexically_normal();
    if (ec) {
        return as_given;
    }
    const fs::path relative = absolute.lexically_relative(*base);
    if (relative.empty()) {
        return as_given;
    }
    return platform::generic_display(relative);
}

/// The walk options of one walked root with --shard: the filter also drops the files of
/// other shards, from the relative name alone, before the walk builds their paths (a shard
/// walks the whole tree to keep 1/N of it). `root` is null when the displayed name is not
/// the walk's path (--base-dir), or the platform's walk does not say how it displays: those
/// files are kept here and decided on their Input's name.
io::WalkOptions shard_walk_options(const io::WalkOptions& options,
                                   const std::optional<ShardSpec>& shard, bool dot,
                                   const fs::path* root) {
    if (!shard || shard->count <= 1 || root == nullptr) {
        return options;
    }
    std::optional<std::string> prefix = io::walk_display_prefix(*root);
    if (!prefix) {
        return options;
    }
    if (dot && prefix->starts_with("./")) {  // as the name shown is cut below
        prefix->erase(0, 2);
    }
    io::WalkOptions sharded = options;
    sharded.accept = [filter = options.accept, spec = *shard, prefix = std::move(*prefix)](
                         std::string_view relative, bool is_directory) {
        if (filter && !filter(relative, is_directory)) {
            return false;
        }
        return is_directory || spec.contains(prefix, relative);
    };
    return sharded;
}

}  // namespace

void for_each_input(const Options& options, const std::function<void(Input&&)>& on_input,
                    const std::function<void(io::WalkNote&&)>& on_note) {
    std::optional<fs::path> base;
    if (options.base_dir) {
        std::error_code ec;
        base = fs::absolute(platform::path_from_utf8(*options.base_dir), ec).lexically_normal();
    }
    const PathFilter filter(options.include, options.exclude);
    const io::WalkOptions walk_options = walk_options_for(options.follow_symlinks, filter);
    const std::optional<ShardSpec> shard = options.shard;
    auto emit = [&](Input&& input) {
        if (!shard || shard->contains(input.display)) {
            on_input(std::move(input));
        }
    };
    // `listed`: a name from --files-from, always a path ("-" there is a file named "-").
    auto add = [&](const std::string& arg, bool listed) {
        if (arg == "-" && !listed) {
            emit(Input{{}, options.stdin_name, true});
            return;
        }
        const fs::path path = platform::path_from_utf8(arg);
        std::error_code ec;
        if (options.recursive && fs::is_directory(path, ec)) {
            // "fhash -r ." names files "a/b", not "./a/b", as rhash does: the manifest is
            // then the same as one made with --base-dir.
            const bool dot = arg == "." || arg == "./";
            io::walk_tree(
                path, shard_walk_options(walk_options, shard, dot, base ? nullptr : &path),
                [&](const fs::path& file) {
                    std::string shown = platform::generic_display(file);
                    if (dot && shown.starts_with("./")) {
                        shown.erase(0, 2);
                    }
                    std::string display = display_name(file, shown, base);
                    emit(Input{file, std::move(display), false});
                },
                on_note);
            return;
        }
        emit(Input{path, display_name(path, arg, base), false});
    };
    for (const std::string& arg : options.paths) {
        add(arg, false);
    }
    if (options.files_from) {
        Result<std::vector<std::string>> listed =
            read_name_list(*options.files_from, ListKind::paths, options.null_separated);
        if (!listed) {
            on_note(io::WalkNote{.kind = io::WalkNote::Kind::error, .error = listed.error()});
            return;
        }
        for (const std::string& arg : *listed) {
            add(arg, true);
        }
    }
}

}  // namespace fhash::cli
