#pragma once
/// @file fciv_args.hpp
/// Parsing of Microsoft FCIV 2.05's command syntax: options are case-insensitive, start
/// with '-' (or '/'), may come in any order, and the command word -add may be omitted.

#include <optional>
#include <string>
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
};

/// Parses the arguments after "fciv". On error returns false with a message.
bool parse_fciv_args(const std::vector<std::string>& args, FcivArgs& out, std::string& error);

}  // namespace fhash::cli
