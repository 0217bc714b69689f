// From the raw values CLI11 fills to validated Options: each group of options is checked
// and converted by one function; the first usage error wins and is returned as its message.

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "cli/file_list.hpp"
#include "cli/options.hpp"
#include "cli/part_size.hpp"
#include "cli/result_writer.hpp"
#include "cli/shard_select.hpp"
#include "fhash/intoto_format.hpp"
#include "platform/wildcards.hpp"

namespace fhash::cli {
namespace {

/// A usage error's message, or nothing.
using Problem = std::optional<std::string>;

std::optional<ManifestFormat> parse_format(std::string_view name) {
    if (name == "gnu" || name == "md5sum" || name == "sha256sum") {
        return ManifestFormat::gnu;
    }
    if (name == "bsd" || name == "tag") {
        return ManifestFormat::bsd;
    }
    if (name == "fciv-xml" || name == "xml") {
        return ManifestFormat::fciv_xml;
    }
    if (name == "json" || name == "jsonl") {
        return ManifestFormat::json;
    }
    if (name == "csv") {
        return ManifestFormat::csv;
    }
    if (name == "intoto" || name == "in-toto") {
        return ManifestFormat::intoto;
    }
    if (name == "slsa-subjects") {
        return ManifestFormat::slsa_subjects;
    }
    if (name == "sfv") {
        return ManifestFormat::sfv;
    }
    if (name == "hashdeep") {
        return ManifestFormat::hashdeep;
    }
    return std::nullopt;
}

/// -a: known names, duplicates dropped, sha256 when none.
/// -l BITS: a multiple of 8 that every variable-length algorithm of the run can give, and
/// at least one such algorithm (-a given, or no -a at all for a clear message).
Problem take_length(Options& options) {
    const unsigned bits = options.length_bits;
    if (bits % 8 != 0) {
        return fmt::format("-l {}: the length must be a multiple of 8 bits", bits);
    }
    bool any = false;
    for (const Algorithm a : options.algorithms) {
        const AlgorithmInfo& info = algorithm_info(a);
        if (!has_variable_length(info)) {
            continue;
        }
        any = true;
        if (!valid_digest_size(a, bits / 8)) {
            return fmt::format("-l {}: {} takes {} to {} bits", bits, info.name, info.min_size * 8,
                               info.max_size * 8);
        }
    }
    if (!any) {
        return fmt::format(
            "-l needs an algorithm with a variable length (-a blake3, shake128, shake256 or "
            "blake2b)");
    }
    return std::nullopt;
}

Problem take_algorithms(const RawOptions& raw, Options& options) {
    for (const std::string& name : raw.algorithms) {
        const std::optional<Algorithm> a = parse_algorithm(name);
        if (!a) {
            return fmt::format("unknown algorithm '{}' (see 'fhash --list-algorithms')", name);
        }
        if (std::find(options.algorithms.begin(), options.algorithms.end(), *a) ==
            options.algorithms.end()) {
            options.algorithms.push_back(*a);
        }
    }
    options.algorithm_given = !options.algorithms.empty();
    if (options.length_bits != 0) {
        return take_length(options);
    }
    if (options.algorithms.empty()) {
        options.algorithms.push_back(Algorithm::sha256);
    }
    return std::nullopt;
}

/// -f sfv and -f hashdeep hold only some algorithms; without -a they take what cksfv and
/// hashdeep compute by default (CRC-32; md5 and sha256).
Problem take_format_algorithms(Options& options) {
    if (!options.algorithm_given) {
        options.algorithms =
            format_default_algorithms(options.format).value_or(std::move(options.algorithms));
    }
    return format_refuses(options.format, options.algorithms);
}

/// -f (and the algorithms it holds), --tag, --read-mode, -o, --base-dir.
/// --part-size: a size in bytes (K, M, G suffixes), for algorithms that take one.
Problem take_part_size(const RawOptions& raw, Options& options) {
    if (raw.part_size.empty()) {
        return std::nullopt;
    }
    const std::optional<std::uint64_t> size = parse_part_size(raw.part_size);
    if (!size) {
        return fmt::format("--part-size {}: give bytes, or a number with K, M or G, up to 5G",
                           raw.part_size);
    }
    options.part_size = *size;
    return std::nullopt;
}

/// -f, --tag, --read-mode, -o, --base-dir.
Problem take_output(const RawOptions& raw, Options& options) {
    if (!raw.format.empty()) {
        const std::optional<ManifestFormat> format = parse_format(raw.format);
        if (!format) {
            return fmt::format(
                "unknown format '{}' (use gnu, bsd, fciv-xml, json, csv, sfv, hashdeep, intoto or "
                "slsa-subjects)",
                raw.format);
        }
        options.format = *format;
    }
    if (raw.tag) {
        if (!raw.format.empty() && options.format != ManifestFormat::bsd) {
            return "--tag conflicts with --format " + raw.format;
        }
        options.format = ManifestFormat::bsd;
    }
    const std::optional<ReadMode> mode = parse_read_mode(raw.read_mode);
    if (!mode) {
        return fmt::format("unknown read mode '{}' (use auto, mmap or chunked)", raw.read_mode);
    }
    options.read.mode = *mode;
    if (!raw.output.empty()) {
        options.output = raw.output;
    }
    if (!raw.base_dir.empty()) {
        options.base_dir = raw.base_dir;
    }
    options.layout.binary = raw.binary && !raw.tag;
    options.layout.zero = raw.zero;
    if (raw.zero && (raw.direct.check || (options.format != ManifestFormat::gnu &&
                                          options.format != ManifestFormat::bsd))) {
        return raw.direct.check ? "the --zero option is not supported when verifying checksums"
                                : "--zero applies to the gnu and bsd formats only";
    }
    return take_format_algorithms(options);
}

/// The first check-only flag given, if any.
const char* check_only_flag(const RawOptions& raw) {
    if (raw.direct.quiet) {
        return "--quiet";
    }
    if (raw.direct.status) {
        return "--status";
    }
    if (raw.direct.warn) {
        return "--warn";
    }
    if (raw.direct.strict) {
        return "--strict";
    }
    if (raw.direct.ignore_missing) {
        return "--ignore-missing";
    }
    return raw.direct.confine ? "--confine" : nullptr;
}

/// coreutils' refusals: hashing flags with -c, checking flags without it (--expect and
/// --update take the checking flags too).
Problem check_mode_flags(const RawOptions& raw, Options& /*options*/) {
    if (raw.direct.check) {
        if (raw.tag || !raw.format.empty()) {
            return "the --tag and --format options are meaningless when verifying checksums";
        }
        if (raw.direct.recursive) {
            return "the --recursive option is meaningless when verifying checksums";
        }
        if (!raw.output.empty()) {
            return "the --output option is meaningless when verifying checksums";
        }
        return std::nullopt;
    }
    if (raw.expect.empty() && raw.update.empty()) {
        if (const char* flag = check_only_flag(raw)) {
            return fmt::format("the {} option is meaningful only when verifying checksums", flag);
        }
    }
    return std::nullopt;
}

/// --files-from, -0, --include, --exclude, --exclude-from (read here), -L.
Problem take_lists(const RawOptions& raw, Options& options) {
    if (!raw.files_from.empty()) {
        options.files_from = raw.files_from;
    }
    if (options.null_separated && !options.files_from) {
        return "-0/--null needs --files-from";
    }
    for (const std::string& list : raw.exclude_from) {
        Result<std::vector<std::string>> patterns = read_name_list(list, ListKind::patterns, false);
        if (!patterns) {
            return fmt::format("--exclude-from {}: {}", list, patterns.error().reason());
        }
        options.exclude.insert(options.exclude.end(), patterns->begin(), patterns->end());
    }
    return std::nullopt;
}

/// --progress, --no-progress, --color.
Problem take_display(const RawOptions& raw, Options& options) {
    if (raw.progress && raw.no_progress) {
        return "--progress conflicts with --no-progress";
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
        return fmt::format("unknown --color value '{}' (use auto, always or never)", raw.color);
    }
    return std::nullopt;
}

/// --expect DIGEST: one FILE, one algorithm, no other mode.
Problem take_expect(const RawOptions& raw, Options& options) {
    if (raw.expect.empty()) {
        return std::nullopt;
    }
    options.expect = raw.expect;
    if (options.check || !raw.update.empty()) {
        return "--expect cannot be combined with --check or --update";
    }
    if (options.paths.size() > 1 || options.files_from || options.recursive) {
        return "--expect checks exactly one FILE";
    }
    if (options.algorithms.size() > 1) {
        return "--expect takes at most one algorithm";
    }
    return std::nullopt;
}

/// --update MANIFEST (and --rehash, which needs it).
Problem take_update(const RawOptions& raw, Options& options) {
    if (raw.update.empty()) {
        return options.rehash ? Problem("--rehash is meaningful only with --update") : std::nullopt;
    }
    options.update = raw.update;
    if (options.check) {
        return "--update cannot be combined with --check";
    }
    if (options.output || options.files_from || !raw.format.empty() || raw.tag ||
        !options.paths.empty()) {
        return "--update writes MANIFEST in its own format; --output, --format and "
               "--files-from do not apply, nor PATHs (the tree is --base-dir)";
    }
    return std::nullopt;
}

/// --only and --audit (with -c only; not together); --files-from is meaningless with -c.
Problem take_check_extras(const RawOptions& /*raw*/, Options& options) {
    if (!options.check) {
        if (!options.only.empty()) {
            return "the --only option is meaningful only when verifying checksums";
        }
        if (options.audit) {
            return "the --audit option is meaningful only when verifying checksums";
        }
        return std::nullopt;
    }
    if (options.files_from) {
        return "the --files-from option is meaningless when verifying checksums";
    }
    if (options.audit && !options.only.empty()) {
        return "--audit and --only cannot be combined";
    }
    return std::nullopt;
}

/// -f intoto: every algorithm has an in-toto DigestSet name; -f slsa-subjects: sha256
/// alone, the one digest SLSA's generic generator reads.
Problem take_attestation_format(const RawOptions& /*raw*/, Options& options) {
    if (options.format == ManifestFormat::intoto) {
        for (const Algorithm a : options.algorithms) {
            if (!intoto_digest_name(a)) {
                return fmt::format("-f intoto: {} has no in-toto DigestSet name",
                                   algorithm_info(a).name);
            }
        }
    }
    if (options.format == ManifestFormat::slsa_subjects &&
        (options.algorithms.size() != 1 || options.algorithms.front() != Algorithm::sha256)) {
        return "-f slsa-subjects takes sha256 alone (SLSA's base64-subjects)";
    }
    return std::nullopt;
}

/// --signature, --verify-signature, --keyring, --pubkey: -c only (not --audit), and one
/// manifest for one --signature.
Problem take_signature(const RawOptions& raw, Options& options) {
    const auto given = [](const std::string& value) {
        return value.empty() ? std::nullopt : std::optional<std::string>(value);
    };
    options.signature = given(raw.signature);
    options.keyring = given(raw.keyring);
    options.pubkey = given(raw.pubkey);
    const char* flag = options.signature          ? "--signature"
                       : options.verify_signature ? "--verify-signature"
                       : options.keyring          ? "--keyring"
                       : options.pubkey           ? "--pubkey"
                                                  : nullptr;
    if (flag == nullptr) {
        return std::nullopt;
    }
    if (!options.check || options.audit) {
        return fmt::format("the {} option is meaningful only with -c (not with --audit)", flag);
    }
    if (options.signature && options.paths.size() > 1) {
        return "--signature SIG is the signature of one MANIFEST; use --verify-signature for "
               "several";
    }
    return std::nullopt;
}

/// --no-names: hash mode's plain digests. There is no name in them for bsd, FCIV-XML, JSON
/// or CSV to hold, and no mode but hashing prints digests.
Problem take_no_names(const RawOptions& raw, Options& options) {
    if (!options.no_names) {
        return std::nullopt;
    }
    if (options.check) {
        return "the --no-names option is meaningless when verifying checksums";
    }
    if (options.expect || options.update) {
        return fmt::format("--no-names cannot be combined with {}",
                           options.expect ? "--expect" : "--update");
    }
    if (options.format != ManifestFormat::gnu) {
        return fmt::format("--no-names conflicts with {}",
                           raw.tag ? std::string("--tag") : "--format " + raw.format);
    }
    return std::nullopt;
}

void take_direct(const RawOptions& raw, Options& options) {
    options = raw.direct;
    // Windows shells leave "*.iso" to the program; POSIX shells have expanded it already.
    options.paths = platform::expand_wildcards(raw.direct.paths);
}

}  // namespace

bool validate(const RawOptions& raw, Options& options, std::string& error) {
    take_direct(raw, options);
    using Step = Problem (*)(const RawOptions&, Options&);
    static constexpr Step k_steps[] = {take_algorithms,
                                       take_output,
                                       check_mode_flags,
                                       take_lists,
                                       take_display,
                                       take_expect,
                                       take_update,
                                       take_check_extras,
                                       take_no_names,
                                       take_signature,
                                       take_attestation_format,
                                       take_part_size,
                                       take_scale_out};
    Problem problem;
    for (const Step step : k_steps) {
        if (problem) {
            break;
        }
        problem = step(raw, options);
    }
    if (problem) {
        error = std::move(*problem);
        return false;
    }
    if (options.paths.empty() && !options.files_from && !options.update) {
        options.paths.emplace_back("-");
    }
    return true;
}

}  // namespace fhash::cli
