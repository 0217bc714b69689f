// The b3sum personality: the BLAKE3 team's b3sum 1.x, its options, its output (names escaped
// and made UTF-8 as b3sum makes them), its check rules (no summary; an unreadable file is
// "NAME: FAILED (REASON)" on standard output; an improperly formatted line fails the run) and
// its exit codes (1 for any failure, usage errors included).

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/front_extras.hpp"
#include "cli/gnu_args.hpp"
#include "cli/modes.hpp"
#include "cli/options.hpp"
#include "cli/personality.hpp"
#include "io/file.hpp"

namespace fhash::cli {
namespace {

enum Opt {
    o_check,
    o_keyed,
    o_no_mmap,
    o_no_names,
    o_quiet,
    o_raw,
    o_derive_key,
    o_length,
    o_num_threads,
    o_help,
    o_version,
};

// clap, which b3sum uses, takes no abbreviations.
constexpr OptionDef k_options[] = {
    {o_check, 'c', "check", false, false},
    {o_keyed, 0, "keyed", false, false},
    {o_no_mmap, 0, "no-mmap", false, false},
    {o_no_names, 0, "no-names", false, false},
    {o_quiet, 0, "quiet", false, false},
    {o_raw, 0, "raw", false, false},
    {o_derive_key, 0, "derive-key", true, false},
    {o_length, 'l', "length", true, false},
    {o_num_threads, 0, "num-threads", true, false},
    {o_help, 'h', "help", false, false},
    {o_version, 'V', "version", false, false},
};

/// clap's way of reporting a usage error.
ExitCode usage_error(Console& console, std::string_view message) {
    console.error_line(fmt::format("error: {}", message));
    console.error_line("\nFor more information try --help");
    return ExitCode::failure;
}

struct Request {
    RawOptions raw;
    bool keyed = false;
    std::string context;  ///< --derive-key CONTEXT
    bool raw_output = false;
    bool derive = false;
    bool length = false;
    bool help = false;
    bool version = false;
};

/// A decimal count, as clap parses a usize.
std::optional<unsigned long long> number(const std::string& text) {
    if (text.empty() || text.size() > 19 || text.find_first_not_of("0123456789") != text.npos) {
        return std::nullopt;
    }
    return std::stoull(text);
}

/// Takes one option; a usage error's message otherwise.
std::optional<std::string> take(Request& r, const ParsedOption& o) {
    Options& d = r.raw.direct;
    const std::optional<unsigned long long> n = number(o.value);
    switch (o.id) {
        case o_check:
            d.check = true;
            break;
        case o_keyed:
            r.keyed = true;
            break;
        case o_no_mmap:
            r.raw.read_mode = "chunked";
            break;
        case o_no_names:
            d.no_names = true;
            break;
        case o_quiet:
            d.quiet = true;
            break;
        case o_raw:
            r.raw_output = true;
            break;
        case o_derive_key:
            r.derive = true;
            r.context = o.value;
            break;
        case o_help:
            r.help = true;
            break;
        case o_version:
            r.version = true;
            break;
        case o_length:
            if (!n || *n == 0 || *n > 128) {
                return fmt::format("invalid length '{}': fhash's b3sum gives 1 to 128 bytes",
                                   o.value);
            }
            d.length_bits = static_cast<unsigned>(*n * 8);
            r.length = true;
            break;
        default:  // o_num_threads
            if (!n || *n > 1024) {
                return fmt::format("Invalid value for '--num-threads': '{}'", o.value);
            }
            d.jobs = static_cast<unsigned>(*n);
            break;
    }
    return std::nullopt;
}

/// b3sum's conflicts, worded as clap words them.
std::optional<std::string> conflict(const Request& r) {
    const Options& d = r.raw.direct;
    if (d.quiet && !d.check) {
        return "The following required arguments were not provided:\n    --check";
    }
    if (d.check) {
        const std::pair<bool, const char*> with_check[] = {{r.keyed, "--keyed"},
                                                           {r.derive, "--derive-key <CONTEXT>"},
                                                           {r.length, "--length <LEN>"},
                                                           {r.raw_output, "--raw"},
                                                           {d.no_names, "--no-names"}};
        for (const auto& [given, name] : with_check) {
            if (given) {
                return fmt::format("The argument '{}' cannot be used with '--check'", name);
            }
        }
    }
    if (r.keyed && r.derive) {
        return "The argument '--keyed' cannot be used with '--derive-key <CONTEXT>'";
    }
    return std::nullopt;
}

/// --keyed: the key is exactly 32 bytes on standard input.
std::optional<std::string> read_key(Console& console) {
    std::array<std::uint8_t, 33> buffer{};
    std::size_t have = 0;
    io::File input = io::File::standard_input();
    while (have < buffer.size()) {
        Result<std::size_t> got = input.read(std::span(buffer).subspan(have));
        if (!got) {
            console.file_error(with_path(got.error(), "standard input"));
            return std::nullopt;
        }
        if (*got == 0) {
            break;
        }
        have += *got;
    }
    if (have != 32) {
        console.error(fmt::format("expected 32 key bytes from stdin, found {}{}", have,
                                  have > 32 ? " or more" : ""));
        return std::nullopt;
    }
    return std::string(reinterpret_cast<const char*>(buffer.data()), 32);
}

/// --keyed: reads the key; standard input held it, so, as in b3sum, "-" among the files is an
/// error of its own and the others go on. False when nothing is left to do.
bool take_key(Request& r, std::string& key, bool& stdin_refused, Console& console) {
    std::optional<std::string> read = read_key(console);
    if (!read) {
        return false;
    }
    key = std::move(*read);
    std::vector<std::string>& paths = r.raw.direct.paths;
    if (paths.empty()) {
        paths.emplace_back("-");
    }
    stdin_refused = std::erase(paths, std::string("-")) != 0;
    if (stdin_refused) {
        console.error("-: Cannot open `-` in keyed mode");
    }
    return !paths.empty();
}

void print_help(Console& console) {
    console.out(
        "Usage: b3sum [OPTIONS] [FILE]...\n"
        "fhash as b3sum: BLAKE3 digests, printed or checked, with b3sum's options, output\n"
        "and exit codes. With no FILE, or when FILE is -, standard input is read.\n\n"
        "  -c, --check            verify the digests listed in the FILEs\n"
        "  -l, --length LEN       output bytes before hex encoding (default 32)\n"
        "      --keyed            keyed mode: the 32-byte key is read from standard input\n"
        "      --derive-key CTX   key derivation mode with the context string CTX\n"
        "      --no-names         digests only\n"
        "      --raw              the digest's bytes only (one input)\n"
        "      --quiet            with --check: no OK lines\n"
        "      --no-mmap          read without memory mapping\n"
        "      --num-threads NUM  threads (0: one per core)\n"
        "  -h, --help             this help\n"
        "  -V, --version          the version\n\n"
        "fhash's own options work here too: -j N, -r, --base-dir DIR, --files-from FILE,\n"
        "--progress, --no-progress. Full documentation: man fhash (DROP-IN).\n");
}

ExitCode run_request(Request& r, Console& console) {
    if (r.help) {
        print_help(console);
        return ExitCode::ok;
    }
    if (r.version) {
        console.out(fmt::format("b3sum (fhash) {}\n", FHASH_VERSION));
        return ExitCode::ok;
    }
    if (const std::optional<std::string> problem = conflict(r)) {
        return usage_error(console, *problem);
    }
    std::string key;
    bool stdin_refused = false;
    if (r.keyed && !take_key(r, key, stdin_refused, console)) {
        return ExitCode::failure;
    }
    if (r.raw_output && r.raw.direct.paths.size() > 1) {
        console.error("Only one filename can be provided when using --raw");
        return ExitCode::failure;
    }
    r.raw.algorithms = {"blake3"};
    Options options;
    std::string error;
    if (!validate(r.raw, options, error)) {
        console.error(error);
        return ExitCode::failure;
    }
    options.raw = r.raw_output;
    options.layout.b3sum_names = true;
    options.key_use = r.keyed ? KeyUse::keyed : r.derive ? KeyUse::derive_key : KeyUse::none;
    options.key = r.keyed ? std::move(key) : r.context;
    if (options.check) {
        options.warn = true;    // every improperly formatted line is reported ...
        options.strict = true;  // ... and fails the run
    }
    options.profile.lines_only = true;
    options.profile.check_type = "BLAKE3";
    options.profile.hints = false;
    options.profile.check_style = CheckStyle::b3sum;
    const ExitCode code = options.check ? run_check(options, console) : run_hash(options, console);
    return code == ExitCode::usage || stdin_refused ? ExitCode::failure : code;
}

}  // namespace

ExitCode run_b3sum(const std::vector<std::string>& args, Console& console) {
    Request request;
    const std::optional<std::string> problem =
        parse_tool_args(args, k_options, true, request.raw,
                        [&request](const ParsedOption& option) { return take(request, option); });
    if (problem) {
        return usage_error(console, *problem);
    }
    return run_request(request, console);
}

}  // namespace fhash::cli
