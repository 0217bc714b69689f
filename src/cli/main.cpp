#include "cli/main.hpp"

#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/completion.hpp"
#include "cli/console.hpp"
#include "cli/exit_code.hpp"
#include "cli/hash_pool.hpp"
#include "cli/modes.hpp"
#include "cli/options.hpp"
#include "cli/personality.hpp"
#include "fhash/algorithm.hpp"
#include "fhash/hasher.hpp"

namespace fhash::cli {
namespace {

/// One name per line; with -v also the length in bits (a range for the variable ones) and
/// the library that computes it.
void print_algorithms(Console& console, bool verbose) {
    for (const AlgorithmInfo& info : all_algorithms()) {
        if (!backend_supports(info.id)) {
            continue;
        }
        if (!verbose) {
            console.out(fmt::format("{}\n", info.name));
            continue;
        }
        const std::string bits =
            has_variable_length(info) && backend_supports(info.id, info.min_size)
                ? fmt::format("{} ({}-{})", info.digest_size * 8, info.min_size * 8,
                              info.max_size * 8)
                : fmt::format("{}", digest_value_size(info.id) * 8);
        console.out(fmt::format("{:<11} {:<14} {}\n", info.name, bits, provider_name(info.id)));
    }
}

void usage_error(Console& console, std::string_view message) {
    console.error(message);
    console.error_line("Try 'fhash --help' for more information.");
}

void print_version(Console& console) {
    console.out(fmt::format("fhash {}\ndigest backend: {}\n", FHASH_VERSION, backend_name()));
    for (const std::string& line : provider_summary()) {
        console.out(fmt::format("provider {}\n", line));
    }
}

constexpr const char* k_footer =
    "Exit status: 0 all inputs hashed or all checked files matched; 1 a file mismatched, was\n"
    "missing or unreadable, or nothing was verified; 2 usage error or unusable manifest.\n"
    "Microsoft FCIV syntax: fhash fciv [FCIV-ARGS...] (fhash fciv -h).\n"
    "Drop-in syntax of md5sum, sha1sum ... sha512sum, b2sum, cksum, sum, b3sum, xxhsum:\n"
    "fhash TOOL [TOOL-ARGS...], or fhash run under the tool's name.\n"
    "One digest per folder (h1, dirhash, nar, git): fhash tree DIR... (fhash tree -h).\n"
    "Shards of one run into its manifest: fhash merge PART... -o MANIFEST (fhash merge -h).\n"
    "Full documentation: man fhash";

/// Parses fhash's own syntax into `raw`; an exit code when the run ends here (help, a
/// usage error).
std::optional<ExitCode> parse(const std::vector<std::string>& args, RawOptions& raw,
                              Console& console) {
    if (!args.empty() && parse_operands_only(std::span<const std::string>(args).subspan(1), raw)) {
        return std::nullopt;  // `fhash FILE...`: no parser to build
    }
    CLI::App app{"fhash", "fhash"};
    build_app(app, raw);
    app.footer(k_footer);
    std::vector<std::string> reversed(args.rbegin(), args.rend() - 1);  // CLI11 pops the back
    try {
        app.parse(reversed);
        apply_last_wins(app, raw);
    } catch (const CLI::CallForHelp&) {
        console.out(app.help());
        return ExitCode::ok;
    } catch (const CLI::CallForAllHelp&) {
        console.out(app.help("", CLI::AppFormatMode::All));
        return ExitCode::ok;
    } catch (const CLI::ParseError& e) {
        usage_error(console, e.what());
        return ExitCode::usage;
    }
    return std::nullopt;
}

/// The mode the options select.
ExitCode run_mode(const Options& options, Console& console) {
    if (options.expect) {
        return run_expect(options, console);
    }
    if (options.update) {
        return run_update(options, console);
    }
    if (options.check) {
        return options.audit ? run_audit(options, console) : run_check(options, console);
    }
    return run_hash(options, console);
}

/// fhash's own front end.
ExitCode run(const std::vector<std::string>& args, Console& console) {
    RawOptions raw;
    if (const std::optional<ExitCode> done = parse(args, raw, console)) {
        return *done;
    }
    if (raw.version) {
        print_version(console);
        return ExitCode::ok;
    }
    if (raw.list_algorithms) {
        print_algorithms(console, raw.verbose);
        return ExitCode::ok;
    }
    if (!raw.completion.empty()) {
        return print_completion(console, raw.completion);
    }
    Options options;
    std::string error;
    if (!validate(raw, options, error)) {
        usage_error(console, error);
        return ExitCode::usage;
    }
    for (const HashSpec& spec : hash_specs(options.algorithms, options.length_bits / 8)) {
        if (!backend_supports(spec.algorithm, spec.size)) {
            console.error(fmt::format(
                "algorithm '{}'{} is not available in this build ({})",
                algorithm_info(spec.algorithm).name,
                spec.size != 0 ? fmt::format(" at {} bits", spec.size * 8) : std::string(),
                provider_name(spec.algorithm)));
            return ExitCode::usage;
        }
    }
    console.set_color(color_wanted(options.color));
    return run_mode(options, console);
}

/// Picks the front end before anything is parsed: the name fhash was invoked under
/// (sha256sum, b3sum.exe, fciv...) or the first word (`fhash sha256sum ...`,
/// `fhash fciv ...`) selects a tool personality; anything else is fhash's own syntax.
ExitCode dispatch(std::vector<std::string> args, Console& console) {
    if (!args.empty()) {
        if (const std::optional<Personality> tool = personality_named(args[0])) {
            return run_personality(*tool, std::string(tool->name),
                                   std::vector<std::string>(args.begin() + 1, args.end()), console);
        }
    }
    if (args.size() >= 2 && args[1].find_first_of("/\\") == std::string::npos) {
        if (const std::optional<Personality> tool = personality_named(args[1])) {
            return run_personality(*tool, std::string(tool->name),
                                   std::vector<std::string>(args.begin() + 2, args.end()), console);
        }
    }
    if (args.size() >= 2 && args[1] == "tree") {
        return run_tree(std::vector<std::string>(args.begin() + 2, args.end()), console);
    }
    if (args.size() >= 2 && args[1] == "merge") {
        return run_merge(std::vector<std::string>(args.begin() + 2, args.end()), console);
    }
    return run(args, console);
}

/// The one way out of every mode: standard output is flushed and checked here, and only
/// here, so a failed write (a full disk) is reported once and fails the run, whatever the
/// mode. A closed pipe (| head) ends the run quietly, with the mode's own code.
ExitCode finish(Console& console, ExitCode code) {
    if (console.flush_out()) {
        return code;
    }
    if (console.out_pipe_closed()) {
        return code;
    }
    console.error("write error on standard output");
    return worst(code, ExitCode::failure);
}

}  // namespace

int fhash_main(std::vector<std::string> args) {
    Console console;
    ExitCode code = ExitCode::usage;
    try {
        code = dispatch(std::move(args), console);
    } catch (const std::exception& e) {
        console.error(fmt::format("internal error: {}", e.what()));
        code = ExitCode::usage;
    } catch (...) {
        console.error("internal error");
        code = ExitCode::usage;
    }
    return static_cast<int>(finish(console, code));
}

}  // namespace fhash::cli
