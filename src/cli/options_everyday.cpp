// Validation of the options added for everyday use: file lists, walk filters, --expect,
// --only, --audit, --update, progress and colour. Kept apart from options.cpp so that each
// group of options reads as one piece.

#include <fmt/format.h>

#include "cli/file_list.hpp"
#include "cli/options.hpp"

namespace fhash::cli {

bool validate_everyday(const RawOptions& raw, Options& options, std::string& error) {
    if (!raw.files_from.empty()) {
        options.files_from = raw.files_from;
    }
    options.null_separated = raw.null_separated;
    if (options.null_separated && !options.files_from) {
        error = "-0/--null needs --files-from";
        return false;
    }
    options.include = raw.include;
    options.exclude = raw.exclude;
    for (const std::string& list : raw.exclude_from) {
        Result<std::vector<std::string>> patterns = read_name_list(list, ListKind::patterns, false);
        if (!patterns) {
            error = fmt::format("--exclude-from {}: {}", list, patterns.error().reason());
            return false;
        }
        options.exclude.insert(options.exclude.end(), patterns->begin(), patterns->end());
    }
    options.follow_symlinks = raw.follow;
    options.only = raw.only;
    options.audit = raw.audit;
    options.rehash = raw.rehash;

    if (raw.progress && raw.no_progress) {
        error = "--progress conflicts with --no-progress";
        return false;
    }
    options.progress = raw.progress      ? ProgressMode::always
                       : raw.no_progress ? ProgressMode::never
                                         : ProgressMode::automatic;
    if (raw.color == "auto") {
        options.color = ColorMode::automatic;
    } else if (raw.color == "always") {
        options.color = ColorMode::always;
    } else if (raw.color == "never") {
        options.color = ColorMode::never;
    } else {
        error = fmt::format("unknown --color value '{}' (use auto, always or never)", raw.color);
        return false;
    }

    if (!raw.expect.empty()) {
        options.expect = raw.expect;
        if (options.check || !raw.update.empty()) {
            error = "--expect cannot be combined with --check or --update";
            return false;
        }
        if (options.paths.size() > 1 || options.files_from || options.recursive) {
            error = "--expect checks exactly one FILE";
            return false;
        }
        if (options.algorithms.size() > 1) {
            error = "--expect takes at most one algorithm";
            return false;
        }
    }
    if (!raw.update.empty()) {
        options.update = raw.update;
        if (options.check) {
            error = "--update cannot be combined with --check";
            return false;
        }
        if (options.output || options.files_from || !raw.format.empty() || raw.tag || !options.paths.empty()) {
            error = "--update writes MANIFEST in its own format; --output, --format and "
                    "--files-from do not apply, nor PATHs (the tree is --base-dir)";
            return false;
        }
    } else if (options.rehash) {
        error = "--rehash is meaningful only with --update";
        return false;
    }
    if (!options.check) {
        if (!options.only.empty()) {
            error = "the --only option is meaningful only when verifying checksums";
            return false;
        }
        if (options.audit) {
            error = "the --audit option is meaningful only when verifying checksums";
            return false;
        }
    } else {
        if (options.files_from) {
            error = "the --files-from option is meaningless when verifying checksums";
            return false;
        }
        if (options.audit && !options.only.empty()) {
            error = "--audit and --only cannot be combined";
            return false;
        }
    }
    return true;
}

}  // namespace fhash::cli
