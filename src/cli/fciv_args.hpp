#pragma once
/// @file fciv_args.hpp
/// Parsing of Microsoft FCIV 2.05's command syntax: options are case-insensitive, may come
/// in any order, and the command word -add may be omitted.
///
/// Options start with '-' or, as on Windows, '/': `fciv /sha1 file`, `fciv /add f /xml db`,
/// `/?`. Because a POSIX absolute path also starts with '/', an argument "/word" is an
/// option only when `word` is a known option name (an FCIV option, -j or an algorithm name;
/// any case) and holds no further '/'; anything else ("/tmp", "/home/me/file", "/") is a
/// file name. A file at the root named like an option ("/r") is reached as "//r". An
/// argument "-word" is always an option, and an unknown one is an error.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fhash/algorithm.hpp"

namespace fhash::cli {

enum class FcivCommand { add, list, verify, help };

struct FcivArgs {
    FcivCommand command = FcivCommand::add;
    std::vector<std::string> targets;       ///< files or folders for -add
    bool recursive = false;                 ///< -r
    std::vector<std::string> masks;         ///< -type (several allowed)
    std::optional<std::string> exclusions;  ///< -exc FILE
    bool without_path = false;              ///< -wp
    std::optional<std::string> base_path;   ///< -bp BASE
    std::vector<Algorithm> algorithms;      ///< -md5 -sha1 -both -sha256 ...; empty = default
    std::optional<std::string> xml;         ///< -xml DB
    unsigned jobs = 0;  ///< -j N (fhash extension): worker threads; 0 = one per core
};

/// If `arg` is an option (see above), its name in lower case without the prefix ("-SHA1"
/// and "/sha1" give "sha1"); otherwise nothing: `arg` names a file.
std::optional<std::string> fciv_option_name(std::string_view arg);

/// Parses the arguments after "fciv". Algorithms come out in table order (MD5 before
/// SHA-1, as FCIV writes them, whatever the order given). -?, -h or -help stops the parse
/// with the help command. On error returns false with a one-line message in `error`
/// ("unknown option -x", "option -xml needs a value", "option -j needs a number, not 'x'").
bool parse_fciv_args(const std::vector<std::string>& args, FcivArgs& out, std::string& error);

}  // namespace fhash::cli
