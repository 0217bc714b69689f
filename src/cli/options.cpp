#include "cli/options.hpp"

#include <CLI/CLI.hpp>

#include <fmt/format.h>

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
    app.add_option("-f,--format", raw.format, "Output format: gnu (default), bsd, fciv-xml")
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

    app.add_flag("--list-algorithms", raw.list_algorithms, "List the algorithms and exit");
    app.add_flag("-V,--version", raw.version, "Print version and digest backend, then exit");
}

namespace {

bool parse_format(std::string_view name, OutputFormat& out) {
    if (name == "gnu" || name == "md5sum" || name == "sha256sum") {
        out = OutputFormat::gnu;
    } else if (name == "bsd" || name == "tag") {
        out = OutputFormat::bsd;
    } else if (name == "fciv-xml" || name == "xml") {
        out = OutputFormat::fciv_xml;
    } else {
        return false;
    }
    return true;
}

}  // namespace

bool validate(const RawOptions& raw, Options& options, std::string& error) {
    options.paths = raw.paths;
    options.recursive = raw.recursive;
    options.check = raw.check;
    options.quiet = raw.quiet;
    options.status = raw.status;
    options.warn = raw.warn;
    options.strict = raw.strict;
    options.ignore_missing = raw.ignore_missing;
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
        error = fmt::format("unknown format '{}' (use gnu, bsd or fciv-xml)", raw.format);
        return false;
    }
    if (raw.tag) {
        if (!raw.format.empty() && options.format != OutputFormat::bsd) {
            error = "--tag conflicts with --format " + raw.format;
            return false;
        }
        options.format = OutputFormat::bsd;
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
    } else {
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
        }
        if (check_only != nullptr) {
            error = fmt::format("the {} option is meaningful only when verifying checksums",
                                check_only);
            return false;
        }
    }
    if (options.paths.empty()) {
        options.paths.emplace_back("-");
    }
    return true;
}

}  // namespace fhash::cli
