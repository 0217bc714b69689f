#include "cli/inputs.hpp"

#include <optional>
#include <system_error>

#include "cli/file_list.hpp"
#include "cli/path_filter.hpp"
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
    // `listed`: a name from --files-from, always a path ("-" there is a file named "-").
    auto add = [&](const std::string& arg, bool listed) {
        if (arg == "-" && !listed) {
            on_input(Input{{}, options.stdin_name, true});
            return;
        }
        const fs::path path = platform::path_from_utf8(arg);
        std::error_code ec;
        if (options.recursive && fs::is_directory(path, ec)) {
            // "fhash -r ." names files "a/b", not "./a/b", as rhash does: the manifest is
            // then the same as one made with --base-dir.
            const bool dot = arg == "." || arg == "./";
            io::walk_tree(
                path, walk_options,
                [&](const fs::path& file) {
                    std::string shown = platform::generic_display(file);
                    if (dot && shown.starts_with("./")) {
                        shown.erase(0, 2);
                    }
                    std::string display = display_name(file, shown, base);
                    on_input(Input{file, std::move(display), false});
                },
                on_note);
            return;
        }
        on_input(Input{path, display_name(path, arg, base), false});
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
