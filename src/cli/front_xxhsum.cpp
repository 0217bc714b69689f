// The xxhsum personality (xxhsum 0.8, and its xxh32sum, xxh64sum, xxh128sum and xxh3sum
// links): -H0...-H3, --tag, --little-endian, its check rules and wording (status lines and
// the summary on standard output), standard input named "stdin", options only before the
// first file, exit 1 for any failure.

#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/front_extras.hpp"
#include "cli/gnu_args.hpp"
#include "cli/modes.hpp"
#include "cli/options.hpp"
#include "cli/personality.hpp"

namespace fhash::cli {
namespace {

enum Opt {
    o_algorithm,
    o_check,
    o_tag,
    o_little_endian,
    o_quiet,
    o_status,
    o_strict,
    o_warn,
    o_ignore_missing,
    o_help,
    o_version,
    o_benchmark,
    o_filelist,
};

constexpr OptionDef k_options[] = {
    {o_algorithm, 'H', {}, true},
    {o_check, 'c', "check", false, false},
    {o_tag, 0, "tag", false, false},
    {o_little_endian, 0, "little-endian", false, false},
    {o_quiet, 'q', "quiet", false, false},
    {o_status, 0, "status", false, false},
    {o_strict, 0, "strict", false, false},
    {o_warn, 'w', "warn", false, false},
    {o_ignore_missing, 0, "ignore-missing", false, false},
    {o_help, 'h', "help", false, false},
    {o_version, 'V', "version", false, false},
    {o_benchmark, 'b', {}, false},
    {o_filelist, 0, "filelist", true, false},  // xxhsum 0.8.0's name of --files-from
};

/// -H VALUE: 0 or 32, 1 or 64, 2 or 128, 3.
std::optional<Algorithm> algorithm_of(const std::string& value) {
    if (value == "0" || value == "32") {
        return Algorithm::xxh32;
    }
    if (value == "1" || value == "64") {
        return Algorithm::xxh64;
    }
    if (value == "2" || value == "128") {
        return Algorithm::xxh128;
    }
    if (value == "3") {
        return Algorithm::xxh3;
    }
    return std::nullopt;
}

ExitCode usage_error(Console& console, std::string_view message) {
    console.error(message);
    console.error_line(fmt::format("Try '{} -h' for more information.", console.program()));
    return ExitCode::failure;
}

struct Request {
    RawOptions raw;
    Algorithm algorithm = Algorithm::xxh64;
    bool tag = false;
    bool little_endian = false;
    bool help = false;
    bool version = false;
};

/// Takes one option; a usage error's message otherwise.
std::optional<std::string> take(Request& r, const ParsedOption& o) {
    Options& d = r.raw.direct;
    switch (o.id) {
        case o_algorithm: {
            const std::optional<Algorithm> a = algorithm_of(o.value);
            if (!a) {
                return fmt::format("invalid algorithm -H{} (use 0, 1, 2, 3, 32, 64 or 128)",
                                   o.value);
            }
            r.algorithm = *a;
            break;
        }
        case o_check:
            d.check = true;
            break;
        case o_tag:
            r.tag = true;
            break;
        case o_little_endian:
            r.little_endian = true;
            break;
        case o_quiet:
            d.quiet = true;
            break;
        case o_status:
            d.status = true;
            break;
        case o_strict:
            d.strict = true;
            break;
        case o_warn:
            d.warn = true;
            break;
        case o_ignore_missing:
            d.ignore_missing = true;
            break;
        case o_help:
            r.help = true;
            break;
        case o_version:
            r.version = true;
            break;
        case o_filelist:
            r.raw.files_from = o.value;
            break;
        default:  // o_benchmark
            return "the benchmark mode (-b) is xxhsum's own; fhash has bench/run.sh";
    }
    return std::nullopt;
}

void print_help(Console& console) {
    console.out(fmt::format(
        "Usage: {} [OPTIONS] [FILES]\n"
        "fhash as xxhsum: xxHash checksums, printed or checked, with xxhsum's options, output\n"
        "and exit codes. With no FILE, or when FILE is -, standard input is read.\n"
        "Options come before the files.\n\n"
        "  -H#                  algorithm: 0 or 32 (XXH32), 1 or 64 (XXH64, the default),\n"
        "                       2 or 128 (XXH128), 3 (XXH3 64-bit)\n"
        "  -c, --check          verify the checksums listed in the FILEs\n"
        "      --tag            tagged lines 'XXH64 (NAME) = DIGEST'\n"
        "      --little-endian  digests in little-endian byte order\n"
        "      --files-from F   also hash the files listed in F (- = standard input)\n"
        "With --check only:\n"
        "  -q, --quiet          no OK lines\n"
        "      --status         nothing printed; the exit code tells\n"
        "      --strict         improperly formatted lines fail the run\n"
        "  -w, --warn           report improperly formatted lines\n"
        "      --ignore-missing missing files are not failures\n"
        "  -h, --help           this help\n"
        "  -V, --version        the version\n\n"
        "fhash's own options work here too: -j N, -r, --base-dir DIR, --progress,\n"
        "--no-progress. Full documentation: man fhash (DROP-IN).\n",
        console.program()));
}

ExitCode run_request(Request& r, Console& console) {
    if (r.help) {
        print_help(console);
        return ExitCode::ok;
    }
    if (r.version) {
        console.out(fmt::format("xxhsum (fhash) {}\n", FHASH_VERSION));
        return ExitCode::ok;
    }
    r.raw.algorithms = {std::string(algorithm_info(r.algorithm).name)};
    if (!r.raw.direct.check) {  // xxhsum ignores its check flags when hashing
        Options& d = r.raw.direct;
        d.quiet = d.status = d.strict = d.warn = d.ignore_missing = false;
    }
    r.raw.tag = r.tag && !r.raw.direct.check;
    Options options;
    std::string error;
    if (!validate(r.raw, options, error)) {
        return usage_error(console, error);
    }
    options.algorithm_given = false;  // -c: the lines say which algorithm
    options.layout.little_endian = r.little_endian;
    options.layout.plain_names = true;
    options.stdin_name = "stdin";
    options.profile.lines_only = true;
    options.profile.convention = UntaggedConvention::xxhsum;
    options.profile.hints = false;
    options.profile.check_style = CheckStyle::xxhsum;
    const ExitCode code = options.check ? run_check(options, console) : run_hash(options, console);
    return code == ExitCode::usage ? ExitCode::failure : code;
}

}  // namespace

ExitCode run_xxhsum(const Personality& personality, const std::vector<std::string>& args,
                    Console& console) {
    Request request;
    request.algorithm = personality.algorithm;
    const std::optional<std::string> problem =
        parse_tool_args(args, k_options, false, request.raw,
                        [&request](const ParsedOption& option) { return take(request, option); });
    if (problem) {
        return usage_error(console, *problem);
    }
    return run_request(request, console);
}

}  // namespace fhash::cli
