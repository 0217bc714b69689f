#pragma once
/// @file options.hpp
/// What the user asked for, as a plain struct (no globals), and the CLI11 definition of it.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cli/console.hpp"
#include "fhash/algorithm.hpp"
#include "fhash/manifest.hpp"
#include "fhash/read_options.hpp"
#include "fhash/shard.hpp"

namespace CLI {
class App;
}

namespace fhash::cli {

/// When the progress line is shown on standard error.
enum class ProgressMode { automatic, always, never };

/// How -c reports, after the tool whose personality runs.
enum class CheckStyle {
    /// coreutils (and fhash): "NAME: FAILED open or read" after a diagnostic, and the
    /// "PROG: WARNING: ..." summary on standard error.
    gnu,
    /// b3sum: "NAME: FAILED (REASON)" on standard output, no summary.
    b3sum,
    /// xxhsum: "MANIFEST:LINE: Could not open or read 'NAME': REASON." and the summary
    /// (without prefix) on standard output; "MANIFEST:LINE: Error: Improperly formatted
    /// checksum line." on standard error.
    xxhsum,
};

/// What a tool personality (md5sum, cksum, b3sum...) changes in the modes; the defaults
/// are fhash's own behaviour.
struct Profile {
    /// -c reads GNU/BSD checksum lines only: no FCIV-XML, JSON or CSV detection.
    bool lines_only = false;
    /// -c: only tagged lines are entries (GNU cksum -c without -a).
    bool tagged_only = false;
    /// -c -w: the digest type named in "improperly formatted MD5 checksum line"; empty for
    /// fhash's "improperly formatted checksum line".
    std::string check_type;
    /// Advice on standard error (algorithm hints, --base-dir hints), which the peers never
    /// print.
    bool hints = true;
    /// -c: how untagged digests map to algorithms, whatever the manifest's name (xxhsum).
    std::optional<UntaggedConvention> convention;
    /// -c: whose wording the report takes (check_report.hpp).
    CheckStyle check_style = CheckStyle::gnu;
};

/// Validated options.
struct Options {
    std::vector<std::string> paths;     ///< inputs (hash mode) or manifests (check mode)
    std::vector<Algorithm> algorithms;  ///< hash mode: in the order given
    bool algorithm_given = false;       ///< -a was on the command line
    /// -l BITS: output length of the variable-length algorithms (BLAKE3, SHAKE, BLAKE2b);
    /// 0 = each one's default.
    unsigned length_bits = 0;
    /// --part-size: bytes per part of the S3 digests (s3-etag, s3-sha256 ...); 0 = 8 MiB.
    std::uint64_t part_size = 0;
    ManifestFormat format = ManifestFormat::gnu;  ///< hash mode's output (-f, --tag)
    /// --no-names: hash mode prints only the digests, one line per algorithm per input.
    bool no_names = false;
    /// How hash mode's checksum lines look (-b, -z, --tag; the peers' layouts). `tagged`
    /// here is set from `format` (bsd) by the writer.
    LineLayout layout;
    /// --raw: the digest's bytes only, of a single input (b3sum, cksum).
    bool raw = false;
    /// sum and cksum: standard input read because no operand was given is written without
    /// a name.
    bool unnamed_stdin = false;
    /// BLAKE3's keyed or key-derivation mode and its key (b3sum --keyed, --derive-key).
    KeyUse key_use = KeyUse::none;
    std::string key;
    /// The name standard input is written under ("stdin" for xxhsum).
    std::string stdin_name = "-";
    Profile profile;
    bool recursive = false;
    std::optional<std::string> output;    ///< -o FILE
    std::optional<std::string> base_dir;  ///< --base-dir DIR
    bool check = false;
    bool quiet = false;
    bool status = false;
    bool warn = false;
    bool strict = false;
    bool ignore_missing = false;
    bool confine = false;     ///< --confine: refuse paths leaving the base folder
    unsigned jobs = 0;        ///< 0 = number of cores
    unsigned io_threads = 0;  ///< --io-threads: files read at once; 0 = by device (io_plan.hpp)
    ReadOptions read;
    /// --files-from FILE ("-" = standard input): more paths, one per line (NUL with -0).
    std::optional<std::string> files_from;
    bool null_separated = false;           ///< -0: the list is NUL-separated
    std::vector<std::string> include;      ///< -r: only files matching one of these
    std::vector<std::string> exclude;      ///< -r: skip files and folders matching these
    bool follow_symlinks = false;          ///< -L: follow symbolic links inside -r
    std::optional<std::string> expect;     ///< --expect DIGEST: check one file
    std::vector<std::string> only;         ///< -c --only FILE: verify just these
    bool audit = false;                    ///< -c --audit
    std::optional<std::string> update;     ///< --update MANIFEST
    bool rehash = false;                   ///< with --update: re-hash every file
    std::optional<std::string> signature;  ///< -c --signature SIG: the manifest's signature
    bool verify_signature = false;         ///< -c --verify-signature: SIG found beside it
    std::optional<std::string> keyring;    ///< --keyring FILE: OpenPGP keys (gpgv)
    std::optional<std::string> pubkey;     ///< --pubkey KEY: signify/minisign key, file or base64
    ProgressMode progress = ProgressMode::automatic;
    ColorMode color = ColorMode::automatic;
    std::optional<ShardSpec> shard;  ///< --shard: hash or check only this shard's names
    std::string shard_source;        ///< --shard auto: the variables it was read from
    bool resume = false;             ///< --resume: continue from -o FILE's journal
};

/// Option values as CLI11 fills them, before validation: the options that need no
/// conversion land in `direct` (in their final form), the others here as typed.
struct RawOptions {
    Options direct;
    std::vector<std::string> algorithms;
    std::string format;
    bool tag = false;
    std::string output;
    std::string base_dir;
    std::string read_mode = "auto";
    std::string files_from;
    std::vector<std::string> exclude_from;
    std::string expect;
    std::string part_size;  ///< --part-size SIZE ("8M", "8MiB", "5242880")
    std::string update;
    std::string signature;
    std::string keyring;
    std::string pubkey;
    bool progress = false;
    bool no_progress = false;
    std::string color = "auto";
    bool list_algorithms = false;
    bool verbose = false;  ///< -v: --list-algorithms with lengths and providers
    bool version = false;
    std::string completion;  ///< --completion SHELL: print its completion script
    std::string shard;       ///< --shard K/N or auto
    unsigned shards = 0;     ///< --shards N (with --shard auto)
    bool binary = false;     ///< -b: '*' before names (the last of -b and -t wins)
    bool text = false;       ///< -t (its place in the command line is what counts)
    bool zero = false;       ///< -z: NUL ends each line, names unescaped
};

/// After parsing: the options where the last one given wins, as in coreutils: --quiet,
/// --status and --warn; -b and -t (options_cli.cpp).
void apply_last_wins(const CLI::App& app, RawOptions& raw);

/// Declares every option on `app`, bound to `raw` (options_cli.cpp).
void build_app(CLI::App& app, RawOptions& raw);

/// The arguments after the program name when none is an option (no word starts with '-',
/// "-" itself aside): sets `raw` as CLI11 would, without building its parser (a quarter of
/// the instructions of a one-file run went into declaring the options). False, with `raw`
/// untouched, when an option is there.
bool parse_operands_only(std::span<const std::string> args, RawOptions& raw);

/// Checks and converts raw values (options_validate.cpp); on a usage error returns false
/// and sets `error` to the message.
bool validate(const RawOptions& raw, Options& options, std::string& error);

}  // namespace fhash::cli
