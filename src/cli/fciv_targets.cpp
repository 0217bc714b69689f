#include <algorithm>
#include <system_error>

#include "cli/fciv.hpp"
#include "cli/notes.hpp"
#include "fhash/glob.hpp"
#include "fhash/text.hpp"
#include "io/walk.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

namespace fs = std::filesystem;

/// The comparable forms under which a file may be excluded: as listed, and absolute.
bool excluded(const std::vector<std::string>& exclusions, const std::string& name,
              const fs::path& path) {
    if (exclusions.empty()) {
        return false;
    }
    std::error_code ec;
    const std::string forms[] = {
        fciv_comparable(name), fciv_comparable(platform::generic_display(fs::absolute(path, ec)))};
    for (const std::string& ex : exclusions) {
        for (const std::string& form : forms) {
            if (form == ex ||
                (form.size() > ex.size() && form.starts_with(ex) && form[ex.size()] == '/')) {
                return true;
            }
        }
    }
    return false;
}

/// True if the file name matches one of the -type masks (case-insensitively), or if there
/// are none.
bool mask_matches(const std::vector<std::string>& masks, const fs::path& path) {
    if (masks.empty()) {
        return true;
    }
    const std::string file_name = platform::path_to_utf8(path.filename());
    GlobOptions options;
    options.case_insensitive = true;
    return std::any_of(masks.begin(), masks.end(), [&](const std::string& mask) {
        return glob_match(mask, file_name, options);
    });
}

/// `name` without the -bp prefix `base` (compared case-insensitively), or empty if it does
/// not start with it or nothing is left.
std::string strip_base(const std::string& name, const std::string& base) {
    if (name.size() <= base.size() || !fciv_comparable(name).starts_with(fciv_comparable(base))) {
        return {};
    }
    std::string rest = name.substr(base.size());
    while (!rest.empty() && rest.front() == '\\') {
        rest.erase(0, 1);
    }
    return rest;
}

/// The stored name of a file: as typed (+ enumerated sub-path), or only its file name with
/// -wp, or with the -bp prefix removed (from the name as typed, else from the absolute one).
std::string stored_name(const FcivArgs& args, const fs::path& path, const std::string& as_typed) {
    const std::string name = fciv_backslashes(as_typed);
    if (args.without_path) {
        return fciv_backslashes(platform::path_to_utf8(path.filename()));
    }
    if (args.base_path) {
        const std::string base = fciv_backslashes(*args.base_path);
        std::error_code ec;
        const std::string absolute =
            fciv_backslashes(platform::generic_display(fs::absolute(path, ec)));
        for (const std::string* candidate : {&name, &absolute}) {
            std::string rest = strip_base(*candidate, base);
            if (!rest.empty()) {
                return rest;
            }
        }
    }
    return name;
}

/// The regular files directly in `root`, sorted by name. A listing error is reported and
/// makes `ok` false; the files listed before it are kept.
std::vector<fs::path> list_folder(const fs::path& root, const std::string& typed, Console& console,
                                  bool& ok) {
    std::vector<fs::path> files;
    std::error_code ec;
    // increment(ec), not a range-for: the range-for's ++ throws on a read error mid-way.
    for (fs::directory_iterator it(root, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        std::error_code type_ec;
        if (it->is_regular_file(type_ec)) {
            files.push_back(it->path());
        }
    }
    if (ec) {
        console.file_error(Error{ec, typed, {}});
        ok = false;
    }
    std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
        return platform::path_to_utf8(a) < platform::path_to_utf8(b);
    });
    return files;
}

/// The files of the folder `root`: walked with -r (notes reported), else listed.
std::vector<fs::path> folder_files(const FcivArgs& args, const fs::path& root,
                                   const std::string& typed, Console& console, bool& ok) {
    if (!args.recursive) {
        return list_folder(root, typed, console, ok);
    }
    io::WalkResult walked = io::walk_tree(root, io::WalkOptions{});
    for (const io::WalkNote& note : walked.notes) {
        ok = !report_note(console, note) && ok;
    }
    return std::move(walked.files);
}

}  // namespace

std::string fciv_backslashes(std::string name) {
    std::replace(name.begin(), name.end(), '/', '\\');
    return name;
}

std::string fciv_comparable(std::string name) {
    std::replace(name.begin(), name.end(), '\\', '/');
    name = ascii_lower(name);
    while (name.size() > 1 && name.back() == '/') {
        name.pop_back();
    }
    return name;
}

FcivTargets collect_fciv_targets(const FcivArgs& args, const std::vector<std::string>& exclusions,
                                 Console& console) {
    FcivTargets targets;
    for (const std::string& typed : args.targets) {
        const fs::path root = platform::path_from_utf8(typed);
        std::error_code ec;
        if (!fs::is_directory(root, ec)) {
            targets.files.push_back({root, stored_name(args, root, typed)});
            continue;
        }
        for (const fs::path& file : folder_files(args, root, typed, console, targets.ok)) {
            const std::string shown = platform::generic_display(file);
            if (mask_matches(args.masks, file) && !excluded(exclusions, shown, file)) {
                targets.files.push_back({file, stored_name(args, file, shown)});
            }
        }
    }
    return targets;
}

}  // namespace fhash::cli
