#pragma once
/// @file shard_select.hpp
/// --shard K/N, --shard auto (from the scheduler's variables), --shards N and --resume:
/// their checks, and the identity of a run that every shard of it computes alike.

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "cli/options.hpp"
#include "fhash/shard.hpp"

namespace fhash::cli {

/// Looks up an environment variable: its value, or nullopt when it is not set.
using EnvLookup = std::function<std::optional<std::string>(const char* name)>;

/// The process environment.
std::optional<std::string> process_env(const char* name);

/// A shard and where it came from (empty for K/N given as such).
struct ResolvedShard {
    ShardSpec shard;
    std::string source;  ///< "SLURM_ARRAY_TASK_ID=2, SLURM_ARRAY_TASK_COUNT=4", ...
};

/// Turns --shard TEXT (K/N or auto) and --shards N (0: not given) into a shard, reading
/// auto's index and count from `env`: a Slurm array (SLURM_ARRAY_TASK_ID; with --shards N
/// it is the index and N the count, else the index counts from SLURM_ARRAY_TASK_MIN and the
/// count is SLURM_ARRAY_TASK_COUNT, or _MAX - _MIN + 1), else a Kubernetes Indexed Job
/// (JOB_COMPLETION_INDEX, with --shards N). On a usage error returns
/// false and sets `error`.
bool resolve_shard(std::string_view text, unsigned shards, const EnvLookup& env,
                   ResolvedShard& resolved, std::string& error);

/// The validation step of --shard, --shards and --resume (options_validate.cpp); a usage
/// error's message, or nothing.
std::optional<std::string> take_scale_out(const RawOptions& raw, Options& options);

/// The identity of a run: 16 hex digits of a hash of everything that decides which names
/// and bytes the run writes (the inputs as absolute paths, -r, --base-dir, --files-from,
/// filters, algorithms, -l, the format and the shard count), but not the shard index, -j or
/// the read mode. Every shard of one run computes the same identity; a run over another
/// tree, or with other algorithms, gets another.
std::string run_identity(const Options& options);

}  // namespace fhash::cli
