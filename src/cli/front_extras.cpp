#include "cli/front_extras.hpp"

#include <fmt/format.h>

namespace fhash::cli {
namespace {

enum Extra {
    e_jobs = k_extra_first,
    e_recursive,
    e_base_dir,
    e_files_from,
    e_null,
    e_read_mode,
    e_progress,
    e_no_progress,
    e_output,
    e_io_threads,
};

}  // namespace

std::vector<OptionDef> extra_option_defs(bool recursive) {
    std::vector<OptionDef> defs{
        {e_jobs, 'j', "jobs", true, false},
        {e_base_dir, 0, "base-dir", true, false},
        {e_files_from, 0, "files-from", true, false},
        {e_null, '0', "null", false, false},
        {e_read_mode, 0, "read-mode", true, false},
        {e_progress, 0, "progress", false, false},
        {e_no_progress, 0, "no-progress", false, false},
        {e_output, 'o', "output", true, false},
        {e_io_threads, 0, "io-threads", true, false},
    };
    if (recursive) {
        defs.push_back({e_recursive, 'r', "recursive", false, false});
    }
    return defs;
}

std::optional<std::string> take_extra(RawOptions& raw, const ParsedOption& option) {
    const std::string& value = option.value;
    switch (option.id) {
        case e_jobs:
            if (value.empty() || value.size() > 4 ||
                value.find_first_not_of("0123456789") != std::string::npos) {
                return fmt::format("invalid number of jobs '{}'", value);
            }
            raw.direct.jobs = static_cast<unsigned>(std::stoul(value));
            return std::nullopt;
        case e_io_threads:
            if (value.empty() || value.size() > 4 ||
                value.find_first_not_of("0123456789") != std::string::npos ||
                std::stoul(value) > 1024) {
                return fmt::format("invalid number of I/O threads '{}'", value);
            }
            raw.direct.io_threads = static_cast<unsigned>(std::stoul(value));
            return std::nullopt;
        case e_recursive:
            raw.direct.recursive = true;
            return std::nullopt;
        case e_base_dir:
            raw.base_dir = value;
            return std::nullopt;
        case e_files_from:
            raw.files_from = value;
            return std::nullopt;
        case e_null:
            raw.direct.null_separated = true;
            return std::nullopt;
        case e_read_mode:
            raw.read_mode = value;
            return std::nullopt;
        case e_progress:
            raw.progress = true;
            return std::nullopt;
        case e_no_progress:
            raw.no_progress = true;
            return std::nullopt;
        default:  // e_output
            raw.output = value;
            return std::nullopt;
    }
}

std::optional<std::string> parse_tool_args(
    std::span<const std::string> args, std::span<const OptionDef> own, bool permute,
    RawOptions& raw, const std::function<std::optional<std::string>(const ParsedOption&)>& take) {
    std::vector<OptionDef> defs(own.begin(), own.end());
    const std::vector<OptionDef> extras = extra_option_defs(true);
    defs.insert(defs.end(), extras.begin(), extras.end());
    ParsedArgs parsed;
    std::string error;
    if (!parse_gnu_args(args, defs, parsed, error, permute)) {
        return error;
    }
    raw.direct.paths = std::move(parsed.operands);
    for (const ParsedOption& option : parsed.options) {
        if (std::optional<std::string> problem =
                is_extra(option) ? take_extra(raw, option) : take(option)) {
            return problem;
        }
    }
    return std::nullopt;
}

}  // namespace fhash::cli
