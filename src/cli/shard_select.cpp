#include "cli/shard_select.hpp"

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "fhash/manifest.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

/// A decimal variable's value; nullopt if it is not a plain number.
std::optional<long long> number_of(const std::optional<std::string>& value) {
    if (!value || value->empty()) {
        return std::nullopt;
    }
    long long number = 0;
    const char* end = value->data() + value->size();
    const auto [stop, ec] = std::from_chars(value->data(), end, number);
    if (ec != std::errc() || stop != end) {
        return std::nullopt;
    }
    return number;
}

/// A Slurm array task. With --shards N the index is SLURM_ARRAY_TASK_ID itself (the array's
/// indices are the shards 0..N-1, so one task sent again alone, `sbatch --array=2`, is still
/// shard 2 of N); without it, the index counts from SLURM_ARRAY_TASK_MIN and the count is
/// SLURM_ARRAY_TASK_COUNT (or _MAX - _MIN + 1).
bool slurm_shard(const EnvLookup& env, unsigned shards, ResolvedShard& resolved,
                 std::string& error) {
    const std::optional<long long> id = number_of(env("SLURM_ARRAY_TASK_ID"));
    const std::optional<long long> min = number_of(env("SLURM_ARRAY_TASK_MIN"));
    const std::optional<long long> max = number_of(env("SLURM_ARRAY_TASK_MAX"));
    std::optional<long long> count = number_of(env("SLURM_ARRAY_TASK_COUNT"));
    std::string source = fmt::format("SLURM_ARRAY_TASK_ID={}", id.value_or(-1));
    long long index = id.value_or(-1);
    if (shards != 0) {
        count = shards;
        source += fmt::format(", --shards {}", shards);
    } else if (count) {
        index -= min.value_or(0);
        source += fmt::format(", SLURM_ARRAY_TASK_COUNT={}", *count);
    } else if (min && max) {
        index -= *min;
        count = *max - *min + 1;
        source += fmt::format(", SLURM_ARRAY_TASK_MIN={}, SLURM_ARRAY_TASK_MAX={}", *min, *max);
    }
    if (!id || !count || *count < 1 || *count > 1'000'000 || index < 0 || index >= *count) {
        error = fmt::format(
            "--shard auto: cannot take a shard from {} (an array of consecutive indices, such as "
            "--array=0-3, is needed; with --shards N, indices 0 to N-1)",
            source);
        return false;
    }
    resolved.shard =
        ShardSpec{static_cast<std::uint32_t>(index), static_cast<std::uint32_t>(*count)};
    resolved.source = std::move(source);
    return true;
}

/// A Kubernetes Indexed Job: JOB_COMPLETION_INDEX, and the count from --shards.
bool kubernetes_shard(const EnvLookup& env, unsigned shards, ResolvedShard& resolved,
                      std::string& error) {
    const std::optional<std::string> value = env("JOB_COMPLETION_INDEX");
    const std::optional<long long> index = number_of(value);
    if (shards == 0) {
        error = "--shard auto with JOB_COMPLETION_INDEX needs --shards N (the Job's completions)";
        return false;
    }
    if (!index || *index < 0 || *index >= static_cast<long long>(shards)) {
        error =
            fmt::format("--shard auto: JOB_COMPLETION_INDEX={} is not an index below --shards {}",
                        value.value_or(""), shards);
        return false;
    }
    resolved.shard = ShardSpec{static_cast<std::uint32_t>(*index), shards};
    resolved.source = fmt::format("JOB_COMPLETION_INDEX={}, --shards {}", *index, shards);
    return true;
}

/// --shard's checks against the mode and the output format.
std::optional<std::string> shard_fits_mode(const RawOptions& raw, const Options& options) {
    if (options.expect || options.update || options.audit) {
        return "--shard applies to hashing and to -c, not to --expect, --update or --audit";
    }
    const bool mergeable =
        options.format == ManifestFormat::gnu || options.format == ManifestFormat::bsd ||
        options.format == ManifestFormat::sfv || options.format == ManifestFormat::hashdeep ||
        options.format == ManifestFormat::csv || options.format == ManifestFormat::json;
    if (!options.check && (options.no_names || options.raw || !mergeable)) {
        return fmt::format(
            "--shard writes gnu, bsd, sfv, hashdeep, csv or json manifests, a record per file "
            "between the lines that name the shard; not {} (fciv-xml, intoto and slsa-subjects "
            "are one document, not a record per file; --raw and --no-names write no names)",
            options.no_names ? std::string("--no-names")
            : options.raw    ? std::string("--raw")
                             : "--format " + raw.format);
    }
    return std::nullopt;
}

std::optional<std::string> take_resume(const Options& options) {
    if (!options.resume) {
        return std::nullopt;
    }
    if (options.check || options.expect || options.update) {
        return "--resume applies to hashing only";
    }
    if (!options.output || *options.output == "-") {
        return "--resume needs -o FILE (its journal is FILE.fhash-journal)";
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> process_env(const char* name) {
    const char* value = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): read at start-up
    if (value == nullptr) {
        return std::nullopt;
    }
    return std::string(value);
}

bool resolve_shard(std::string_view text, unsigned shards, const EnvLookup& env,
                   ResolvedShard& resolved, std::string& error) {
    if (text != "auto") {
        const std::optional<ShardSpec> shard = parse_shard_spec(text);
        if (!shard) {
            error = fmt::format("--shard {}: use K/N with 0 <= K < N (or auto)", text);
            return false;
        }
        if (shards != 0) {
            error = "--shards is for --shard auto; with --shard K/N the count is N";
            return false;
        }
        resolved = ResolvedShard{*shard, {}};
        return true;
    }
    if (env("SLURM_ARRAY_TASK_ID")) {
        return slurm_shard(env, shards, resolved, error);
    }
    if (env("JOB_COMPLETION_INDEX")) {
        return kubernetes_shard(env, shards, resolved, error);
    }
    error =
        "--shard auto: neither SLURM_ARRAY_TASK_ID (a Slurm array) nor JOB_COMPLETION_INDEX (a "
        "Kubernetes Indexed Job) is set; use --shard K/N";
    return false;
}

std::optional<std::string> take_scale_out(const RawOptions& raw, Options& options) {
    if (raw.shard.empty()) {
        if (raw.shards != 0) {
            return "--shards needs --shard auto";
        }
        return take_resume(options);
    }
    ResolvedShard resolved;
    std::string error;
    if (!resolve_shard(raw.shard, raw.shards, process_env, resolved, error)) {
        return error;
    }
    options.shard = resolved.shard;
    options.shard_source = std::move(resolved.source);
    if (std::optional<std::string> problem = shard_fits_mode(raw, options)) {
        return problem;
    }
    return take_resume(options);
}

}  // namespace fhash::cli

namespace fhash::cli {
namespace {

/// `arg` as an absolute, lexically normal path ("-" stays "-").
std::string absolute_text(const std::string& arg) {
    if (arg == "-") {
        return arg;
    }
    std::error_code ec;
    const std::filesystem::path path =
        std::filesystem::absolute(platform::path_from_utf8(arg), ec).lexically_normal();
    return ec ? arg : platform::path_to_utf8(path);
}

}  // namespace

std::string run_identity(const Options& options) {
    std::string text = "fhash run 1\n";
    auto add = [&text](std::string_view key, std::string_view value) {
        text += fmt::format("{}={}\n", key, value);  // each value on its own line: no ambiguity
    };
    for (const std::string& path : options.paths) {
        add("path", absolute_text(path));
    }
    add("files-from", options.files_from ? absolute_text(*options.files_from) : "");
    add("base-dir", options.base_dir ? absolute_text(*options.base_dir) : "");
    add("recursive", options.recursive ? "1" : "0");
    add("follow", options.follow_symlinks ? "1" : "0");
    for (const std::string& glob : options.include) {
        add("include", glob);
    }
    for (const std::string& glob : options.exclude) {
        add("exclude", glob);
    }
    for (const Algorithm algorithm : options.algorithms) {
        add("algorithm", algorithm_info(algorithm).name);
    }
    add("length", std::to_string(options.length_bits));
    add("format", std::to_string(static_cast<int>(options.format)));
    add("shards", std::to_string(options.shard ? options.shard->count : 1));
    return fmt::format("{:016x}", shard_hash(text));
}

}  // namespace fhash::cli
