#pragma once
/// @file subcommand.hpp
/// The CLI11 parse of a subcommand's words (`fhash merge ...`, `fhash tree ...`): --help
/// printed, a usage error worded with where help is.

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/console.hpp"
#include "cli/exit_code.hpp"

namespace fhash::cli {

/// Parses `args` (the words after the subcommand) into `app`; an exit code when the run ends
/// here: ok after --help, usage after an error ("Try 'fhash NAME --help' ...").
inline std::optional<ExitCode> parse_subcommand(CLI::App& app, const std::vector<std::string>& args,
                                                const std::string& name, Console& console) {
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 pops the back
    try {
        app.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        console.out(app.help());
        return ExitCode::ok;
    } catch (const CLI::ParseError& e) {
        console.error(e.what());
        console.error_line("Try 'fhash " + name + " --help' for more information.");
        return ExitCode::usage;
    }
    return std::nullopt;
}

}  // namespace fhash::cli
