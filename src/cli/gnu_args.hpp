#pragma once
/// @file gnu_args.hpp
/// Command-line parsing with GNU getopt_long's rules, for the tool personalities (md5sum,
/// cksum, b3sum, xxhsum...), whose scripts rely on them: options and operands in any order
/// until "--"; short options clustered ("-bc") with a value attached or in the next argument
/// ("-l256", "-l 256"); long options with "=VALUE" or the next argument, and abbreviated to
/// any unambiguous prefix ("--stat"). Errors are worded as glibc words them, without the
/// program name: "invalid option -- 'x'", "unrecognized option '--foo'",
/// "option requires an argument -- 'l'", "option '--length' requires an argument",
/// "option '--tag' doesn't allow an argument",
/// "option '--s' is ambiguous; possibilities: '--status' '--strict'".
/// Pure: no globals, no printing; the same on every platform.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fhash::cli {

/// One option a tool takes.
struct OptionDef {
    int id;                      ///< what the caller matches on
    char short_name;             ///< 0: long only
    std::string_view long_name;  ///< empty: short only
    bool takes_value = false;
    /// false: the long name matches only when spelled out in full (fhash's own extras in a
    /// personality, so that the tool's own abbreviations stay exactly as unambiguous).
    bool abbreviable = true;
};

/// One option found, in command-line order.
struct ParsedOption {
    int id;
    std::string value;
};

struct ParsedArgs {
    std::vector<ParsedOption> options;
    std::vector<std::string> operands;
};

/// Parses `args` (without the program name). On a usage error returns false and sets
/// `error` to the message. `permute` false: the first operand ends the options, as
/// xxhsum's own parser does (and POSIXLY_CORRECT getopt).
bool parse_gnu_args(std::span<const std::string> args, std::span<const OptionDef> defs,
                    ParsedArgs& out, std::string& error, bool permute = true);

}  // namespace fhash::cli
