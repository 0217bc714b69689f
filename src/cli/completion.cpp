// The options that shell completion offers, read from the same CLI11 definition that
// prints --help (build_app), so a new option completes as soon as it exists.

#include "cli/completion.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/options.hpp"

namespace fhash::cli {
namespace {

/// The values of the options that take one of a few words. They are the names
/// options_validate.cpp accepts (its aliases left out); a unit test feeds each one back
/// through validate().
struct WordValues {
    std::string_view option;
    std::vector<std::string> words;
};

const std::vector<WordValues>& word_values() {
    static const std::vector<WordValues> k_values = {
        {"format",
         {"gnu", "bsd", "fciv-xml", "json", "csv", "sfv", "hashdeep", "intoto", "slsa-subjects"}},
        {"read-mode", {"auto", "mmap", "chunked"}},
        {"color", {"auto", "always", "never"}},
        {"completion", {"bash", "zsh", "fish", "powershell"}},
    };
    return k_values;
}

/// What the value of `option` completes to: its words, the algorithm list, or by the name
/// of its value (FILE, MANIFEST and DIR are names on disk; N, BITS, GLOB, DIGEST are text).
ValueKind value_kind(const CLI::Option& option, std::vector<std::string>& words) {
    if (option.get_expected_max() == 0) {
        return ValueKind::flag;
    }
    const std::vector<std::string>& names = option.get_lnames();
    const std::string long_name = names.empty() ? std::string() : names.front();
    if (long_name == "algorithm") {
        return ValueKind::algorithms;
    }
    for (const WordValues& values : word_values()) {
        if (values.option == long_name) {
            words = values.words;
            return ValueKind::words;
        }
    }
    const std::string& type = option.get_type_name();
    if (type == "FILE" || type == "MANIFEST") {
        return ValueKind::file;
    }
    return type == "DIR" ? ValueKind::directory : ValueKind::text;
}

/// --help's text on one line (CLI11 keeps the newlines of a description).
std::string one_line(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

}  // namespace

std::optional<Shell> parse_shell(std::string_view name) {
    if (name == "bash") {
        return Shell::bash;
    }
    if (name == "zsh") {
        return Shell::zsh;
    }
    if (name == "fish") {
        return Shell::fish;
    }
    if (name == "powershell" || name == "pwsh") {
        return Shell::powershell;
    }
    return std::nullopt;
}

std::vector<CompletionOption> completion_options() {
    CLI::App app{"fhash", "fhash"};
    RawOptions raw;
    build_app(app, raw);
    std::vector<CompletionOption> out;
    for (const CLI::Option* option : app.get_options()) {
        // A positional, or an option --help does not show (an empty group hides it).
        if (!option->nonpositional() || option->get_group().empty()) {
            continue;
        }
        CompletionOption entry;
        for (const std::string& name : option->get_snames()) {
            entry.short_names.push_back("-" + name);
        }
        for (const std::string& name : option->get_lnames()) {
            entry.long_names.push_back("--" + name);
        }
        entry.help = one_line(option->get_description());
        entry.kind = value_kind(*option, entry.words);
        if (entry.kind != ValueKind::flag) {
            entry.value_name = option->get_type_name();
            entry.repeatable = option->get_expected_max() >= CLI::detail::expected_max_vector_size;
        }
        out.push_back(std::move(entry));
    }
    return out;
}

ExitCode print_completion(Console& console, std::string_view shell_name) {
    const std::optional<Shell> shell = parse_shell(shell_name);
    if (!shell) {
        console.error(fmt::format(
            "unknown shell '{}' for --completion (use bash, zsh, fish or powershell)", shell_name));
        console.error_line("Try 'fhash --help' for more information.");
        return ExitCode::usage;
    }
    console.out(completion_script(*shell, completion_options()));
    return ExitCode::ok;
}

}  // namespace fhash::cli
