// The GNU coreutils personalities: md5sum, sha1sum ... sha512sum, b2sum, cksum and sum, with
// the options, refusals, messages and exit codes of coreutils 9.x (docs/drop-in.md lists
// where current coreutils and 9.1 differ, and which one is followed). The arguments become
// fhash's own options (validate()), with a Profile for what the modes do differently.

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
    o_binary,
    o_check,
    o_text,
    o_warn,
    o_zero,
    o_tag,
    o_untagged,
    o_ignore_missing,
    o_quiet,
    o_status,
    o_strict,
    o_help,
    o_version,
    o_length,
    o_algorithm,
    o_base64,
    o_raw,
    o_debug,
    o_sum_bsd,
    o_sum_sysv,
};

constexpr OptionDef k_check_flags[] = {
    {o_check, 'c', "check"}, {o_warn, 'w', "warn"},   {o_ignore_missing, 0, "ignore-missing"},
    {o_quiet, 0, "quiet"},   {o_status, 0, "status"}, {o_strict, 0, "strict"},
    {o_tag, 0, "tag"},       {o_zero, 'z', "zero"},
};

/// The options `front_end` takes, as coreutils defines them, then fhash's extras.
std::vector<OptionDef> option_defs(FrontEnd front_end) {
    std::vector<OptionDef> defs{{o_help, 0, "help"}, {o_version, 0, "version"}};
    if (front_end == FrontEnd::sum) {
        defs.push_back({o_sum_bsd, 'r', {}});
        defs.push_back({o_sum_sysv, 's', "sysv"});
    } else {
        defs.insert(defs.end(), std::begin(k_check_flags), std::end(k_check_flags));
    }
    if (front_end == FrontEnd::gnu_digest || front_end == FrontEnd::b2sum) {
        defs.push_back({o_binary, 'b', "binary"});
        defs.push_back({o_text, 't', "text"});
    }
    if (front_end == FrontEnd::b2sum || front_end == FrontEnd::cksum) {
        defs.push_back({o_length, 'l', "length", true});
    }
    if (front_end == FrontEnd::cksum) {
        defs.push_back({o_algorithm, 'a', "algorithm", true});
        defs.push_back({o_untagged, 0, "untagged"});
        defs.push_back({o_base64, 0, "base64"});
        defs.push_back({o_raw, 0, "raw"});
        defs.push_back({o_debug, 0, "debug"});
    }
    const std::vector<OptionDef> extras = extra_option_defs(front_end != FrontEnd::sum);
    defs.insert(defs.end(), extras.begin(), extras.end());
    return defs;
}

/// What the command line asked for, as coreutils' main() holds it.
struct Request {
    bool check = false;
    int binary = -1;  ///< -1 unset, 0 --text, 1 --binary (or --tag)
    bool tag = false;
    bool zero = false;
    bool ignore_missing = false;
    bool quiet = false;
    bool status = false;
    bool warn = false;
    bool strict = false;
    std::optional<std::string> length;
    std::optional<std::string> algorithm;  ///< cksum -a, as given
    bool base64 = false;
    bool raw = false;
    bool sysv = false;  ///< sum -s
    bool help = false;
    bool version = false;
    RawOptions extras;  ///< fhash's own options given in the personality
};

/// --quiet, --status and --warn: the last one given wins, as in coreutils.
void take_verbosity(Request& r, int id) {
    r.quiet = id == o_quiet;
    r.status = id == o_status;
    r.warn = id == o_warn;
}

void take(Request& r, const ParsedOption& o) {
    switch (o.id) {
        case o_binary:
            r.binary = 1;
            break;
        case o_text:
            r.binary = 0;
            break;
        case o_check:
            r.check = true;
            break;
        case o_quiet:
        case o_status:
        case o_warn:
            take_verbosity(r, o.id);
            break;
        case o_zero:
            r.zero = true;
            break;
        case o_tag:
            r.tag = true;
            r.binary = 1;
            break;
        case o_untagged:
            r.tag = false;
            break;
        case o_ignore_missing:
            r.ignore_missing = true;
            break;
        case o_strict:
            r.strict = true;
            break;
        case o_length:
            r.length = o.value;
            break;
        case o_algorithm:
            r.algorithm = o.value;
            break;
        case o_base64:
            r.base64 = true;
            break;
        case o_raw:
            r.raw = true;
            break;
        case o_sum_bsd:
        case o_sum_sysv:
            r.sysv = o.id == o_sum_sysv;
            break;
        case o_help:
            r.help = r.help || !r.version;
            break;
        case o_version:
            r.version = r.version || !r.help;
            break;
        case o_debug:
            break;
        default:
            break;
    }
}

/// GNU's usage(EXIT_FAILURE) after a message: the message, then where help is.
ExitCode usage_failure(Console& console, std::string_view message) {
    console.error(message);
    console.error_line(fmt::format("Try '{} --help' for more information.", console.program()));
    return ExitCode::failure;
}

/// GNU's die(): the message alone, exit 1.
ExitCode die(Console& console, std::string_view message) {
    console.error(message);
    return ExitCode::failure;
}

/// One value of cksum -a.
struct CksumAlgorithm {
    std::string_view arg;
    Algorithm algorithm;
    std::string_view type;  ///< GNU's name of the digest type, in messages
    bool legacy = false;    ///< sysv, bsd, crc, crc32b: their own layouts, no --check
};

constexpr CksumAlgorithm k_cksum_algorithms[] = {
    {"sysv", Algorithm::sum_sysv, "SYSV", true},
    {"bsd", Algorithm::sum_bsd, "BSD", true},
    {"crc", Algorithm::cksum, "CRC", true},
    {"crc32b", Algorithm::crc32, "CRC32B", true},
    {"md5", Algorithm::md5, "MD5"},
    {"sha1", Algorithm::sha1, "SHA1"},
    {"sha2", Algorithm::sha256, "SHA2"},
    {"sha3", Algorithm::sha3_256, "SHA3"},
    {"blake2b", Algorithm::blake2b, "BLAKE2b"},
    {"sm3", Algorithm::sm3, "SM3"},
    {"sha224", Algorithm::sha224, "SHA224"},
    {"sha256", Algorithm::sha256, "SHA256"},
    {"sha384", Algorithm::sha384, "SHA384"},
    {"sha512", Algorithm::sha512, "SHA512"},
};

/// The algorithm and length a run uses, once -a and -l are resolved.
struct Resolved {
    CksumAlgorithm algorithm;
    unsigned length_bits = 0;  ///< 0: the algorithm's default
    bool specified = false;    ///< cksum -a given
};

/// cksum -a VALUE (exact names only, as coreutils' XARGMATCH_EXACT).
std::optional<CksumAlgorithm> cksum_algorithm(const std::string& arg, Console& console) {
    for (const CksumAlgorithm& a : k_cksum_algorithms) {
        if (a.arg == arg) {
            return a;
        }
    }
    console.error(fmt::format("invalid argument '{}' for '--algorithm'", arg));
    std::string valid = "Valid arguments are:";
    for (const CksumAlgorithm& a : k_cksum_algorithms) {
        valid += fmt::format("\n  - '{}'", a.arg);
    }
    console.error_line(valid);
    return std::nullopt;
}

/// -l BITS: a decimal multiple of 8. nullopt after printing GNU's messages otherwise.
std::optional<unsigned> parse_length(const std::string& text, Console& console) {
    unsigned long long bits = 0;
    const bool digits = !text.empty() && text.size() <= 9 &&
                        text.find_first_not_of("0123456789") == std::string::npos;
    if (!digits) {
        die(console, fmt::format("invalid length: '{}'", text));
        return std::nullopt;
    }
    bits = std::stoull(text);
    if (bits % 8 != 0) {
        console.error(fmt::format("invalid length: '{}'", text));
        die(console, "length is not a multiple of 8");
        return std::nullopt;
    }
    return static_cast<unsigned>(bits);
}

/// The length rules of b2sum and cksum -a blake2b/sha2/sha3.
std::optional<Resolved> resolve_length(Resolved r, const std::optional<std::string>& length,
                                       Console& console) {
    const bool blake2b = r.algorithm.algorithm == Algorithm::blake2b;
    const bool sha_family = r.algorithm.arg == "sha2" || r.algorithm.arg == "sha3";
    std::optional<unsigned> bits = 0u;
    if (length && (bits = parse_length(*length, console)) == std::nullopt) {
        return std::nullopt;
    }
    if (*bits != 0 && !blake2b && !sha_family) {
        die(console, "--length is only supported with --algorithm blake2b, sha2 or sha3");
        return std::nullopt;
    }
    if (blake2b && *bits > 512) {
        console.error(fmt::format("invalid length: '{}'", *length));
        die(console, "maximum digest length for 'BLAKE2b' is 512 bits");
        return std::nullopt;
    }
    if (sha_family) {
        if (!length) {
            die(console, fmt::format("--algorithm={} requires --length 224, 256, 384 or 512",
                                     r.algorithm.arg));
            return std::nullopt;
        }
        const bool sha3 = r.algorithm.arg == "sha3";
        const std::optional<Algorithm> a =
            *bits == 224   ? (sha3 ? Algorithm::sha3_224 : Algorithm::sha224)
            : *bits == 256 ? (sha3 ? Algorithm::sha3_256 : Algorithm::sha256)
            : *bits == 384 ? (sha3 ? Algorithm::sha3_384 : Algorithm::sha384)
            : *bits == 512 ? std::optional(sha3 ? Algorithm::sha3_512 : Algorithm::sha512)
                           : std::nullopt;
        if (!a) {
            console.error(fmt::format("invalid length: '{}'", *length));
            die(console, fmt::format("digest length for '{}' must be 224, 256, 384 or 512",
                                     r.algorithm.type));
            return std::nullopt;
        }
        r.algorithm.algorithm = *a;
        r.algorithm.type = algorithm_info(*a).bsd_tag;
        return r;
    }
    r.length_bits = *bits == 512 ? 0 : *bits;
    return r;
}

std::optional<Resolved> resolve(const Personality& personality, const Request& request,
                                Console& console) {
    Resolved r{{personality.name, personality.algorithm, personality.type_name,
                personality.front_end == FrontEnd::sum || personality.front_end == FrontEnd::cksum},
               0,
               false};
    if (personality.front_end == FrontEnd::sum) {
        r.algorithm = k_cksum_algorithms[request.sysv ? 0 : 1];
        return r;
    }
    if (request.algorithm) {
        const std::optional<CksumAlgorithm> a = cksum_algorithm(*request.algorithm, console);
        if (!a) {
            console.error_line(
                fmt::format("Try '{} --help' for more information.", console.program()));
            return std::nullopt;
        }
        r.algorithm = *a;
        r.specified = true;
    }
    return resolve_length(r, request.length, console);
}

/// coreutils' refusals of meaningless combinations, in its order; nullopt when none.
std::optional<ExitCode> refuse(const Personality& p, const Request& r, const Resolved& resolved,
                               std::size_t operands, Console& console) {
    const bool cksum = p.front_end == FrontEnd::cksum;
    if (r.check && resolved.specified && resolved.algorithm.legacy) {
        return die(console, "--check is not supported with --algorithm={bsd,sysv,crc,crc32b}");
    }
    if (r.tag && r.binary == 0) {
        return usage_failure(console, "--tag does not support --text mode");
    }
    if (r.zero && r.check) {
        return usage_failure(console,
                             "the --zero option is not supported when verifying checksums");
    }
    if (!cksum && r.tag && r.check) {
        return usage_failure(console, "the --tag option is meaningless when verifying checksums");
    }
    if (!cksum && r.binary >= 0 && r.check) {
        return usage_failure(
            console, "the --binary and --text options are meaningless when verifying checksums");
    }
    const std::pair<bool, const char*> check_only[] = {{r.ignore_missing, "--ignore-missing"},
                                                       {r.status, "--status"},
                                                       {r.warn, "--warn"},
                                                       {r.quiet, "--quiet"},
                                                       {r.strict, "--strict"}};
    for (const auto& [given, name] : check_only) {
        if (given && !r.check) {
            return usage_failure(
                console,
                fmt::format("the {} option is meaningful only when verifying checksums", name));
        }
    }
    if (r.raw && operands > 1) {
        return die(console, "the --raw option is not supported with multiple files");
    }
    return std::nullopt;
}

/// The request as fhash's own options (validated as fhash's are) plus the personality's
/// profile. nullopt after a usage error was printed.
std::optional<Options> to_options(const Personality& p, std::vector<std::string> operands,
                                  const Request& r, const Resolved& resolved, Console& console) {
    RawOptions raw = r.extras;
    const bool legacy = resolved.algorithm.legacy;
    raw.direct.unnamed_stdin = legacy && operands.empty() && raw.files_from.empty();
    raw.direct.paths = std::move(operands);
    const bool cksum = p.front_end == FrontEnd::cksum;
    if (!cksum || resolved.specified || !r.check) {
        raw.algorithms = {std::string(algorithm_info(resolved.algorithm.algorithm).name)};
    }
    raw.direct.length_bits = resolved.length_bits;
    raw.direct.check = r.check;
    raw.direct.quiet = r.quiet;
    raw.direct.status = r.status;
    raw.direct.warn = r.warn;
    raw.direct.strict = r.strict;
    raw.direct.ignore_missing = r.ignore_missing;
    raw.tag = r.tag && !r.check && !legacy;
    Options options;
    std::string error;
    if (!validate(raw, options, error)) {
        usage_failure(console, error);
        return std::nullopt;
    }
    options.layout.binary = r.binary == 1 && !r.tag;
    options.layout.zero = r.zero;
    options.layout.base64 = r.base64;
    options.layout.crc32_decimal = true;
    options.raw = r.raw;
    options.profile.lines_only = true;
    options.profile.tagged_only = cksum && r.check && !resolved.specified;
    options.profile.check_type = std::string(resolved.algorithm.type);
    options.profile.hints = false;
    return options;
}

void print_help(const Personality& p, Console& console) {
    const bool sum = p.front_end == FrontEnd::sum;
    std::string text = fmt::format(
        "Usage: {} [OPTION]... [FILE]...\n"
        "fhash as {}: {} checksums, printed or checked, with the options, output and exit\n"
        "codes of GNU {}. With no FILE, or when FILE is -, standard input is read.\n\n",
        console.program(), p.name, sum ? "16-bit" : p.type_name, p.name);
    if (sum) {
        text +=
            "  -r              the BSD sum (the default)\n"
            "  -s, --sysv      the System V sum\n";
    } else {
        if (p.front_end == FrontEnd::cksum) {
            text +=
                "  -a, --algorithm=TYPE  sysv, bsd, crc (default), crc32b, md5, sha1, sha2,\n"
                "                        sha3, blake2b, sm3 (and sha224 ... sha512)\n"
                "      --untagged        GNU layout 'DIGEST  NAME' instead of tagged lines\n"
                "      --base64          digests in base64\n"
                "      --raw             the digest's bytes only (one input)\n";
        } else {
            text +=
                "  -b, --binary          mark names with '*' (binary mode)\n"
                "  -t, --text            no marker (text mode, the default)\n";
        }
        if (p.front_end == FrontEnd::cksum || p.front_end == FrontEnd::b2sum) {
            text += "  -l, --length=BITS     digest length, a multiple of 8\n";
        }
        text +=
            "  -c, --check           verify the checksums listed in the FILEs\n"
            "      --tag             tagged lines 'TAG (NAME) = DIGEST'\n"
            "  -z, --zero            end lines with NUL and leave names unescaped\n"
            "With --check only:\n"
            "      --ignore-missing  missing files are not failures\n"
            "      --quiet           no OK lines\n"
            "      --status          nothing printed; the exit code tells\n"
            "      --strict          improperly formatted lines fail the run\n"
            "  -w, --warn            report improperly formatted lines\n";
    }
    text +=
        "      --help            this help\n"
        "      --version         the version\n\n"
        "fhash's own options work here too, spelled out in full: -j N, --base-dir DIR,\n"
        "--files-from FILE, -0, --read-mode MODE, --progress, --no-progress, -o FILE";
    text += sum ? ".\n" : ", -r.\n";
    text += "Exit status: 0 success, 1 any failure. Full documentation: man fhash (DROP-IN).\n";
    console.out(text);
}

ExitCode run_gnu_request(const Personality& p, std::vector<std::string> operands, const Request& r,
                         Console& console) {
    if (r.help) {
        print_help(p, console);
        return ExitCode::ok;
    }
    if (r.version) {
        console.out(fmt::format("{} (fhash) {}\n", p.name, FHASH_VERSION));
        return ExitCode::ok;
    }
    const std::optional<Resolved> resolved = resolve(p, r, console);
    if (!resolved) {
        return ExitCode::failure;
    }
    if (const std::optional<ExitCode> refused = refuse(p, r, *resolved, operands.size(), console)) {
        return *refused;
    }
    const std::optional<Options> options =
        to_options(p, std::move(operands), r, *resolved, console);
    if (!options) {
        return ExitCode::failure;
    }
    const ExitCode code =
        options->check ? run_check(*options, console) : run_hash(*options, console);
    return code == ExitCode::usage ? ExitCode::failure : code;
}

}  // namespace

ExitCode run_gnu_tool(const Personality& personality, const std::vector<std::string>& args,
                      Console& console) {
    const std::vector<OptionDef> defs = option_defs(personality.front_end);
    ParsedArgs parsed;
    std::string error;
    if (!parse_gnu_args(args, defs, parsed, error)) {
        console.error(error);
        console.error_line(fmt::format("Try '{} --help' for more information.", console.program()));
        return ExitCode::failure;
    }
    Request request;
    request.tag = personality.front_end == FrontEnd::cksum;
    for (const ParsedOption& option : parsed.options) {
        if (!is_extra(option)) {
            take(request, option);
        } else if (const std::optional<std::string> problem = take_extra(request.extras, option)) {
            return usage_failure(console, *problem);
        }
    }
    return run_gnu_request(personality, std::move(parsed.operands), request, console);
}

}  // namespace fhash::cli
