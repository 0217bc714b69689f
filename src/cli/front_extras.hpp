#pragma once
/// @file front_extras.hpp
/// fhash's own options that every tool personality accepts besides the tool's: -j N,
/// --base-dir DIR, --files-from FILE, -0, --read-mode MODE, --progress, --no-progress,
/// -o FILE and (where the tool has no -r of its own) -r. They are spelled out in full only
/// (OptionDef::abbreviable false), so the tool's own abbreviations stay as unambiguous as
/// they are. Their ids start at k_extra_first, above any tool's own.

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cli/gnu_args.hpp"
#include "cli/options.hpp"

namespace fhash::cli {

inline constexpr int k_extra_first = 1000;

/// The extras' definitions; `recursive`: include -r/--recursive.
std::vector<OptionDef> extra_option_defs(bool recursive);

/// True if `option` is one of the extras.
[[nodiscard]] inline bool is_extra(const ParsedOption& option) noexcept {
    return option.id >= k_extra_first;
}

/// Stores an extra in `raw`; a usage error's message when its value is unusable.
std::optional<std::string> take_extra(RawOptions& raw, const ParsedOption& option);

/// Parses `args` by the tool's `own` options plus the extras (`permute` as parse_gnu_args):
/// the extras go to `raw`, the operands to raw.direct.paths, the tool's own options to
/// `take`. A usage error's message otherwise.
std::optional<std::string> parse_tool_args(
    std::span<const std::string> args, std::span<const OptionDef> own, bool permute,
    RawOptions& raw, const std::function<std::optional<std::string>(const ParsedOption&)>& take);

}  // namespace fhash::cli
