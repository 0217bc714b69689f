#include "cli/options.hpp"

#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include "platform/wildcards.hpp"

namespace fhash::cli {

void build_app(CLI::App& app, RawOptions& raw) {
    app.description(
        "Compute and verify file digests (MD5, SHA-1, SHA-2, SHA-3, BLAKE2).\n"
        "With no PATH, or when PATH is -, read standard input.");
    app.allow_windows_style_options(false);
    app.positionals_at_end(false);

    app.add_option("paths", raw.paths, "Files or directories to hash; with -c, manifests to verify")
        ->type_name("PATH");

    auto* hashing = "Hashing";
    app.add_option("-a,--algorithm", raw.algorithms,
                   "Comma-separated algorithms (default sha256); see --list-algorithms")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->type_name("LIST")
        ->group(hashing);
    app.add_option("-f,--format", raw.format, "Output format: gnu (default), bsd, fciv-xml, json, csv")
        ->type_name("NAME")
        ->group(hashing);
    app.add_flag("--tag", raw.tag, "Same as --format bsd (coreutils --tag)")->group(hashing);
    app.add_flag("-r,--recursive", raw.recursive, "Hash directories recursively (sorted output)")
        ->group(hashing);
    app.add_option("-o,--output", raw.output, "Write to FILE atomically (temp file + rename)")
        ->type_name("FILE")
        ->group(hashing);
    app.add_option("--base-dir", raw.base_dir,
                   "Write paths relative to DIR; with -c, resolve manifest paths against DIR")
        ->type_name("DIR");
    app.add_option("--files-from", raw.files_from,
                   "Also hash the paths listed in FILE (- = stdin), one per line; trailing blanks are "
                   "stripped (use -0 for exact names)")
        ->type_name("FILE")
        ->group(hashing);
    app.add_flag("-0,--null", raw.null_separated, "With --files-from: the list is NUL-separated")
        ->group(hashing);
    auto* walking = "Walking trees (-r, --audit, --update)";
    app.add_option("--include", raw.include,
                   "Only files matching GLOB (repeatable; relative to the walked folder)")
        ->type_name("GLOB")
        ->allow_extra_args(false)
        ->group(walking);
    app.add_option("--exclude", raw.exclude, "Skip files and folders matching GLOB (repeatable)")
        ->type_name("GLOB")
        ->allow_extra_args(false)
        ->group(walking);
    app.add_option("--exclude-from", raw.exclude_from, "Read --exclude patterns from FILE, one per line")
        ->type_name("FILE")
        ->allow_extra_args(false)
        ->group(walking);
    app.add_flag("-L,--follow", raw.follow, "Follow symbolic links inside walked folders")
        ->group(walking);
    // Given twice, the last -j or --read-mode wins (so a wrapper's defaults can be overridden).
    app.add_option("-j,--jobs", raw.jobs, "Worker threads (default: number of cores)")
        ->type_name("N")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)
        ->group(hashing);
    app.add_option("--read-mode", raw.read_mode, "How files are read: auto (default), mmap, chunked")
        ->type_name("MODE")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);

    auto* checking = "Checking";
    app.add_flag("-c,--check", raw.check, "Verify the digests listed in the manifests")
        ->group(checking);
    app.add_flag("--quiet", raw.quiet, "Do not print OK for each verified file")->group(checking);
    app.add_flag("--status", raw.status, "Print nothing on stdout; the exit code tells")
        ->group(checking);
    app.add_flag("-w,--warn", raw.warn, "Warn about improperly formatted lines")->group(checking);
    app.add_flag("--strict", raw.strict, "Fail on improperly formatted lines")->group(checking);
    app.add_flag("--ignore-missing", raw.ignore_missing,
                 "Missing files are not failures (but verifying nothing is)")
        ->group(checking);
    app.add_flag("--confine", raw.confine,
                 "Refuse manifest entries with an absolute path or a .. leaving the base folder")
        ->group(checking);

    app.add_option("--only", raw.only,
                   "With -c: verify only FILE (repeatable); fail if it has no entry")
        ->type_name("FILE")
        ->allow_extra_args(false)
        ->group(checking);
    app.add_flag("--audit", raw.audit,
                 "With -c: also walk --base-dir and report OK, CHANGED, MISSING, NEW, MOVED")
        ->group(checking);

    auto* other = "Other modes";
    app.add_option("--expect", raw.expect, "Check one FILE against DIGEST (hex or base64)")
        ->type_name("DIGEST")
        ->group(other);
    app.add_option("--update", raw.update,
                   "Bring MANIFEST up to date with the files on disk (rewritten atomically)")
        ->type_name("MANIFEST")
        ->group(other);
    app.add_flag("--rehash", raw.rehash, "With --update: re-hash every file")->group(other);

    auto* display = "Display";
    app.add_flag("--progress", raw.progress,
                 "Show progress on stderr even when it is not a terminal")
        ->group(display);
    app.add_flag("--no-progress", raw.no_progress, "Never show progress")->group(display);
    app.add_option("--color", raw.color, "Colour OK/FAILED: auto (default), always, never")
        ->type_name("WHEN")
        ->group(display);

    app.add_flag("--list-algorithms", raw.list_algorithms, "List the algorithms and exit");
    app.add_flag("-V,--version", raw.version, "Print version and digest backend, then exit");
}

namespace {

bool parse_format(std::string_view name, ManifestFormat& out) {
    if (name == "gnu" || name == "md5sum" || name == "sha256sum") {
        out = ManifestFormat::gnu;
    } else if (name == "bsd" || name == "tag") {
        out = ManifestFormat::bsd;
    } else if (name == "fciv-xml" || name == "xml") {
        out = ManifestFormat::fciv_xml;
    } else if (name == "json" || name == "jsonl") {
        out = ManifestFormat::json;
    } else if (name == "csv") {
        out = ManifestFormat::csv;
    } else {
        return false;
    }
    return true;
}

}  // namespace

bool validate(const RawOptions& raw, Options& options, std::string& error) {
    // Windows shells leave "*.iso" to the program; POSIX shells have expanded it already.
    options.paths = platform::expand_wildcards(raw.paths);
    options.recursive = raw.recursive;
    options.check = raw.check;
    options.quiet = raw.quiet;
    options.status = raw.status;
    options.warn = raw.warn;
    options.strict = raw.strict;
    options.ignore_missing = raw.ignore_missing;
    options.confine = raw.confine;
    options.jobs = raw.jobs;

    for (const std::string& name : raw.algorithms) {
        const std::optional<Algorithm> a = parse_algorithm(name);
        if (!a) {
            error = fmt::format("unknown algorithm '{}' (see 'fhash --list-algorithms')", name);
            return false;
        }
        bool duplicate = false;
        for (const Algorithm seen : options.algorithms) {
            duplicate = duplicate || seen == *a;
        }
        if (!duplicate) {
            options.algorithms.push_back(*a);
        }
    }
    options.algorithm_given = !options.algorithms.empty();
    if (options.algorithms.empty()) {
        options.algorithms.push_back(Algorithm::sha256);
    }

    if (!raw.format.empty() && !parse_format(raw.format, options.format)) {
        error = fmt::format("unknown format '{}' (use gnu, bsd, fciv-xml, json or csv)", raw.format);
        return false;
    }
    if (raw.tag) {
        if (!raw.format.empty() && options.format != ManifestFormat::bsd) {
            error = "--tag conflicts with --format " + raw.format;
            return false;
        }
        options.format = ManifestFormat::bsd;
    }

    const std::optional<ReadMode> mode = parse_read_mode(raw.read_mode);
    if (!mode) {
        error = fmt::format("unknown read mode '{}' (use auto, mmap or chunked)", raw.read_mode);
        return false;
    }
    options.read.mode = *mode;

    if (!raw.output.empty()) {
        options.output = raw.output;
    }
    if (!raw.base_dir.empty()) {
        options.base_dir = raw.base_dir;
    }

    if (options.check) {
        if (raw.tag || !raw.format.empty()) {
            error = "the --tag and --format options are meaningless when verifying checksums";
            return false;
        }
        if (raw.recursive) {
            error = "the --recursive option is meaningless when verifying checksums";
            return false;
        }
        if (!raw.output.empty()) {
            error = "the --output option is meaningless when verifying checksums";
            return false;
        }
    } else if (raw.expect.empty() && raw.update.empty()) {  // --expect/--update take these
        const char* check_only = nullptr;
        if (raw.quiet) {
            check_only = "--quiet";
        } else if (raw.status) {
            check_only = "--status";
        } else if (raw.warn) {
            check_only = "--warn";
        } else if (raw.strict) {
            check_only = "--strict";
        } else if (raw.ignore_missing) {
            check_only = "--ignore-missing";
        } else if (raw.confine) {
            check_only = "--confine";
        }
        if (check_only != nullptr) {
            error = fmt::format("the {} option is meaningful only when verifying checksums",
                                check_only);
            return false;
        }
    }
    if (!validate_everyday(raw, options, error)) {
        return false;
    }
    if (options.paths.empty() && !options.files_from && !options.update) {
        options.paths.emplace_back("-");
    }
    return true;
}

}  // namespace fhash::cli
