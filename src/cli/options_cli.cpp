#include <CLI/CLI.hpp>

#include "cli/options.hpp"

// The CLI11 definition of fhash's options, one function per help group. Every flag here is
// also in --help (generated from this), man/fhash.1 and the README's options table.

namespace fhash::cli {
namespace {

/// An option that may be given again and again, one value each time (--include GLOB ...):
/// CLI11 must not take the next word as a second value.
CLI::Option* add_repeatable(CLI::App& app, const char* name, std::vector<std::string>& values,
                            const char* help, const char* type, const char* group) {
    return app.add_option(name, values, help)
        ->type_name(type)
        ->allow_extra_args(false)
        ->group(group);
}

/// Hashing: -a, -f, --tag, -r, -o, --base-dir, --files-from, -0.
void add_hashing_options(CLI::App& app, RawOptions& raw) {
    auto* hashing = "Hashing";
    app.add_option("-a,--algorithm", raw.algorithms,
                   "Comma-separated algorithms (default sha256); see --list-algorithms")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->type_name("LIST")
        ->group(hashing);
    app.add_option("--part-size", raw.part_size,
                   "Part size of the S3 digests: bytes, or with K, M, G (MiB...); default 8M")
        ->type_name("SIZE")
        ->group(hashing);
    app.add_option("-l,--length", raw.direct.length_bits,
                   "Output length in bits of blake3, shake128, shake256 and blake2b (a multiple "
                   "of 8; with -c, the length of untagged digests)")
        ->type_name("BITS")
        ->group(hashing);
    app.add_option(
           "-f,--format", raw.format,
           "Output format: gnu (default), bsd, fciv-xml, json, csv, sfv (CRC-32), hashdeep, "
           "intoto (an in-toto Statement), slsa-subjects (SLSA's base64-subjects)")
        ->type_name("NAME")
        ->group(hashing);
    app.add_flag("--tag", raw.tag, "Same as --format bsd (coreutils --tag)")->group(hashing);
    app.add_flag("-b,--binary", raw.binary, "Mark names with '*' (binary mode, as md5sum -b)")
        ->group(hashing);
    app.add_flag("-t,--text", raw.text, "No '*' before names (text mode, the default)")
        ->group(hashing);
    app.add_flag("-z,--zero", raw.zero,
                 "End each output line with NUL, not newline, and leave names unescaped")
        ->group(hashing);
    app.add_flag("--no-names", raw.direct.no_names,
                 "Print only the digests, one line per algorithm per input (as b3sum)")
        ->group(hashing);
    app.add_flag("-r,--recursive", raw.direct.recursive,
                 "Hash directories recursively (sorted output)")
        ->group(hashing);
    app.add_option("-o,--output", raw.output, "Write to FILE atomically (temp file + rename)")
        ->type_name("FILE")
        ->group(hashing);
    app.add_option("--base-dir", raw.base_dir,
                   "Write paths relative to DIR; with -c, resolve manifest paths against DIR")
        ->type_name("DIR");
    app.add_option(
           "--files-from", raw.files_from,
           "Also hash the paths listed in FILE (- = stdin), one per line; trailing blanks are "
           "stripped (use -0 for exact names)")
        ->type_name("FILE")
        ->group(hashing);
    app.add_flag("-0,--null", raw.direct.null_separated,
                 "With --files-from: the list is NUL-separated")
        ->group(hashing);
}

/// Walking trees: --include, --exclude, --exclude-from, -L.
void add_walking_options(CLI::App& app, RawOptions& raw) {
    auto* walking = "Walking trees (-r, --audit, --update)";
    add_repeatable(app, "--include", raw.direct.include,
                   "Only files matching GLOB (repeatable; relative to the walked folder)", "GLOB",
                   walking);
    add_repeatable(app, "--exclude", raw.direct.exclude,
                   "Skip files and folders matching GLOB (repeatable)", "GLOB", walking);
    add_repeatable(app, "--exclude-from", raw.exclude_from,
                   "Read --exclude patterns from FILE, one per line", "FILE", walking);
    app.add_flag("-L,--follow", raw.direct.follow_symlinks,
                 "Follow symbolic links inside walked folders")
        ->group(walking);
}

/// Reading: -j, --io-threads, --read-mode.
void add_reading_options(CLI::App& app, RawOptions& raw) {
    // Given twice, the last -j or --read-mode wins (so a wrapper's defaults can be overridden).
    app.add_option("-j,--jobs", raw.direct.jobs, "Worker threads (default: number of cores)")
        ->type_name("N")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)
        ->group("Hashing");
    app.add_option("--io-threads", raw.direct.io_threads,
                   "Files read at once (default: 1 on a rotational disk, else 8 per core, "
                   "reading ahead only while files are not cached)")
        ->type_name("N")
        ->check(CLI::Range(0U, 1024U))
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)
        ->group("Hashing");
    app.add_option("--read-mode", raw.read_mode,
                   "How files are read: auto (default), mmap, chunked")
        ->type_name("MODE")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
}

/// Checking: -c and the flags that refine it.
void add_checking_options(CLI::App& app, RawOptions& raw) {
    auto* checking = "Checking";
    app.add_flag("-c,--check", raw.direct.check, "Verify the digests listed in the manifests")
        ->group(checking);
    app.add_flag("--quiet", raw.direct.quiet, "Do not print OK for each verified file")
        ->group(checking);
    app.add_flag("--status", raw.direct.status, "Print nothing on stdout; the exit code tells")
        ->group(checking);
    app.add_flag("-w,--warn", raw.direct.warn, "Warn about improperly formatted lines")
        ->group(checking);
    app.add_flag("--strict", raw.direct.strict, "Fail on improperly formatted lines")
        ->group(checking);
    app.add_flag("--ignore-missing", raw.direct.ignore_missing,
                 "Missing files are not failures (but verifying nothing is)")
        ->group(checking);
    app.add_flag("--confine", raw.direct.confine,
                 "Refuse manifest entries with an absolute path or a .. leaving the base folder")
        ->group(checking);

    add_repeatable(app, "--only", raw.direct.only,
                   "With -c: verify only FILE (repeatable); fail if it has no entry", "FILE",
                   checking);
    app.add_flag("--audit", raw.direct.audit,
                 "With -c: also walk --base-dir and report OK, CHANGED, MISSING, NEW, MOVED")
        ->group(checking);
}

/// Signed manifests: --signature, --verify-signature, --keyring, --pubkey.
void add_signature_options(CLI::App& app, RawOptions& raw) {
    auto* signing = "Signed manifests (with -c; checked before anything is hashed)";
    app.add_option("--signature", raw.signature,
                   "Check MANIFEST's signature SIG first: OpenPGP (.gpg, .asc, .sign), signify "
                   "(.sig), minisign (.minisig)")
        ->type_name("SIG")
        ->group(signing);
    app.add_flag("--verify-signature", raw.direct.verify_signature,
                 "Check the signature found next to MANIFEST (.gpg .asc .sig .sign .minisig) or "
                 "in it (clearsigned, signify)")
        ->group(signing);
    app.add_option("--keyring", raw.keyring,
                   "OpenPGP keys to trust, binary or armoured (checked by gpgv)")
        ->type_name("FILE")
        ->group(signing);
    app.add_option("--pubkey", raw.pubkey, "signify or minisign public key: a file, or its base64")
        ->type_name("KEY")
        ->group(signing);
}

/// Other modes: --expect, --update, --rehash.
void add_mode_options(CLI::App& app, RawOptions& raw) {
    auto* other = "Other modes";
    app.add_option("--expect", raw.expect, "Check one FILE against DIGEST (hex or base64)")
        ->type_name("DIGEST")
        ->group(other);
    app.add_option("--update", raw.update,
                   "Bring MANIFEST up to date with the files on disk (rewritten atomically)")
        ->type_name("MANIFEST")
        ->group(other);
    app.add_flag("--rehash", raw.direct.rehash, "With --update: re-hash every file")->group(other);
}

/// Scale-out: --shard, --shards, --resume (shard_select.cpp).
void add_scale_out_options(CLI::App& app, RawOptions& raw) {
    auto* scale = "Scale-out (shards, resuming)";
    app.add_option("--shard", raw.shard,
                   "Hash (or with -c verify) only shard K of N: K/N, or auto from "
                   "SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX; join with 'fhash merge' "
                   "(formats gnu, bsd, sfv, hashdeep, csv, json)")
        ->type_name("K/N|auto")
        ->group(scale);
    app.add_option("--shards", raw.shards,
                   "With --shard auto: the number of shards (Slurm: then the index is "
                   "SLURM_ARRAY_TASK_ID itself)")
        ->type_name("N")
        ->group(scale);
    app.add_flag("--resume", raw.direct.resume,
                 "With -o FILE: keep a journal (FILE.fhash-journal) and skip what it holds")
        ->group(scale);
}

/// Display: --progress, --no-progress, --color.
void add_display_options(CLI::App& app, RawOptions& raw) {
    auto* display = "Display";
    app.add_flag("--progress", raw.progress,
                 "Show progress on stderr even when it is not a terminal")
        ->group(display);
    app.add_flag("--no-progress", raw.no_progress, "Never show progress")->group(display);
    app.add_option("--color", raw.color, "Colour OK/FAILED: auto (default), always, never")
        ->type_name("WHEN")
        ->group(display);
}

}  // namespace

void apply_last_wins(const CLI::App& app, RawOptions& raw) {
    const CLI::Option* verbosity = nullptr;
    const CLI::Option* mode = nullptr;
    for (const CLI::Option* option : app.parse_order()) {
        if (option->check_name("--quiet") || option->check_name("--status") ||
            option->check_name("--warn")) {
            verbosity = option;
        } else if (option->check_name("--binary") || option->check_name("--text")) {
            mode = option;
        }
    }
    if (verbosity != nullptr) {
        raw.direct.quiet = verbosity->check_name("--quiet");
        raw.direct.status = verbosity->check_name("--status");
        raw.direct.warn = verbosity->check_name("--warn");
    }
    raw.binary = mode != nullptr && mode->check_name("--binary");
}

bool parse_operands_only(std::span<const std::string> args, RawOptions& raw) {
    for (const std::string& arg : args) {
        if (arg.size() > 1 && arg.front() == '-') {
            return false;
        }
    }
    // What CLI11 makes of operands alone: the "paths" positional, and apply_last_wins() with
    // nothing to apply.
    raw.direct.paths.assign(args.begin(), args.end());
    raw.binary = false;
    return true;
}

void build_app(CLI::App& app, RawOptions& raw) {
    app.description(
        "Compute and verify file digests (MD5, SHA-1, SHA-2, SHA-3, BLAKE2, BLAKE3, xxHash, "
        "CRCs).\n"
        "With no PATH, or when PATH is -, read standard input.");
    app.allow_windows_style_options(false);
    app.positionals_at_end(false);

    app.add_option("paths", raw.direct.paths,
                   "Files or directories to hash; with -c, manifests to verify")
        ->type_name("PATH");

    add_hashing_options(app, raw);
    add_walking_options(app, raw);
    add_reading_options(app, raw);
    add_checking_options(app, raw);
    add_signature_options(app, raw);
    add_mode_options(app, raw);
    add_scale_out_options(app, raw);
    add_display_options(app, raw);
    app.add_flag("--list-algorithms", raw.list_algorithms, "List the algorithms and exit");
    app.add_flag("-v,--verbose", raw.verbose,
                 "With --list-algorithms: also each one's length in bits and its library");
    app.add_flag("-V,--version", raw.version,
                 "Print the version and the library of each algorithm family, then exit");
    app.add_option("--completion", raw.completion,
                   "Print the completion script of SHELL (bash, zsh, fish, powershell), then exit")
        ->type_name("SHELL");
}

}  // namespace fhash::cli
