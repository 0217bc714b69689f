#pragma once
/// @file completion.hpp
/// Shell completion scripts (bash, zsh, fish, PowerShell) written from the CLI11 definition
/// of fhash's options (build_app), so that they list exactly the options of --help.
/// `fhash --completion SHELL` prints one; the build runs it to install them.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/console.hpp"
#include "cli/exit_code.hpp"

namespace fhash::cli {

/// The shells a completion script is written for.
enum class Shell { bash, zsh, fish, powershell };

/// `bash`, `zsh`, `fish` or `powershell` (also `pwsh`); nothing for another name.
std::optional<Shell> parse_shell(std::string_view name);

/// What the value of an option completes to.
enum class ValueKind {
    flag,        ///< the option takes no value
    text,        ///< free text (a number, a digest, a pattern): nothing offered
    words,       ///< one of `words`
    algorithms,  ///< a comma-separated list of `fhash --list-algorithms`, asked at run time
    file,        ///< a file name
    directory,   ///< a folder name
};

/// One option of --help, as the completion scripts need it.
struct CompletionOption {
    std::vector<std::string> short_names;  ///< "-a"
    std::vector<std::string> long_names;   ///< "--algorithm"
    std::string help;                      ///< the --help text, on one line
    std::string value_name;                ///< "LIST"; empty for a flag
    bool repeatable = false;               ///< may be given again (--include GLOB ...)
    ValueKind kind = ValueKind::flag;
    std::vector<std::string> words;  ///< the values, for ValueKind::words
};

/// Every option --help shows (hidden ones and positionals left out), in build_app's order.
std::vector<CompletionOption> completion_options();

/// The completion script for `shell`, from `options` (completion_scripts.cpp).
std::string completion_script(Shell shell, const std::vector<CompletionOption>& options);

/// --completion SHELL: prints the script, or a usage error for an unknown shell.
ExitCode print_completion(Console& console, std::string_view shell_name);

}  // namespace fhash::cli
