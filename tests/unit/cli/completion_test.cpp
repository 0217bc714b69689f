#include "support/catch.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/completion.hpp"
#include "cli/options.hpp"

using fhash::cli::completion_options;
using fhash::cli::completion_script;
using fhash::cli::CompletionOption;
using fhash::cli::parse_shell;
using fhash::cli::RawOptions;
using fhash::cli::Shell;
using fhash::cli::ValueKind;

namespace {

const CompletionOption* find_option(const std::vector<CompletionOption>& options,
                                    const std::string& long_name) {
    const auto found =
        std::find_if(options.begin(), options.end(), [&](const CompletionOption& option) {
            return std::find(option.long_names.begin(), option.long_names.end(), long_name) !=
                   option.long_names.end();
        });
    return found == options.end() ? nullptr : &*found;
}

/// `fhash LONG_NAME VALUE` parsed by build_app's CLI11 app and checked by validate().
bool accepted(const std::string& long_name, const std::string& value) {
    CLI::App app{"fhash", "fhash"};
    RawOptions raw;
    fhash::cli::build_app(app, raw);
    std::vector<std::string> args = {"file.txt", value, long_name};  // CLI11 pops the back
    app.parse(args);
    if (long_name == "--completion") {
        return parse_shell(raw.completion).has_value();
    }
    fhash::cli::Options options;
    std::string error;
    return fhash::cli::validate(raw, options, error);
}

}  // namespace

TEST_CASE("every word a completion offers is a value fhash accepts", "[cli][completion]") {
    const std::vector<CompletionOption> options = completion_options();
    int checked = 0;
    for (const CompletionOption& option : options) {
        if (option.kind != ValueKind::words) {
            continue;
        }
        REQUIRE_FALSE(option.words.empty());
        for (const std::string& word : option.words) {
            INFO(option.long_names.front() << " " << word);
            CHECK(accepted(option.long_names.front(), word));
            ++checked;
        }
    }
    CHECK(checked >= 15);  // -f 5, --read-mode 3, --color 3, --completion 4
}

TEST_CASE("completion options come from the CLI definition", "[cli][completion]") {
    const std::vector<CompletionOption> options = completion_options();
    const CompletionOption* algorithm = find_option(options, "--algorithm");
    REQUIRE(algorithm != nullptr);
    CHECK(algorithm->short_names == std::vector<std::string>{"-a"});
    CHECK(algorithm->kind == ValueKind::algorithms);
    CHECK(algorithm->value_name == "LIST");

    const CompletionOption* include = find_option(options, "--include");
    REQUIRE(include != nullptr);
    CHECK(include->repeatable);
    CHECK(include->kind == ValueKind::text);

    const CompletionOption* output = find_option(options, "--output");
    REQUIRE(output != nullptr);
    CHECK(output->kind == ValueKind::file);
    CHECK_FALSE(output->repeatable);
    REQUIRE(find_option(options, "--base-dir") != nullptr);
    CHECK(find_option(options, "--base-dir")->kind == ValueKind::directory);

    const CompletionOption* no_names = find_option(options, "--no-names");
    REQUIRE(no_names != nullptr);
    CHECK(no_names->kind == ValueKind::flag);
    CHECK(no_names->value_name.empty());
    CHECK(find_option(options, "--help") != nullptr);
    CHECK(find_option(options, "--completion") != nullptr);
}

TEST_CASE("shell names", "[cli][completion]") {
    CHECK(parse_shell("bash") == Shell::bash);
    CHECK(parse_shell("zsh") == Shell::zsh);
    CHECK(parse_shell("fish") == Shell::fish);
    CHECK(parse_shell("powershell") == Shell::powershell);
    CHECK(parse_shell("pwsh") == Shell::powershell);
    CHECK_FALSE(parse_shell("tcsh").has_value());
    CHECK_FALSE(parse_shell("Bash").has_value());
}

TEST_CASE("quotes in help texts are escaped for each shell", "[cli][completion]") {
    CompletionOption option;
    option.long_names = {"--odd"};
    option.help = "it's [odd]";
    const std::vector<CompletionOption> options = {option};
    CHECK(completion_script(Shell::zsh, options).find(R"('--odd[it'\''s \[odd\]]')") !=
          std::string::npos);
    CHECK(completion_script(Shell::fish, options).find(R"(-d 'it\'s [odd]')") != std::string::npos);
    CHECK(completion_script(Shell::powershell, options).find("Help = 'it''s [odd]'") !=
          std::string::npos);
}
