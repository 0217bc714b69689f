#include <map>
#include <string>

#include "cli/shard_select.hpp"
#include "support/catch.hpp"

using fhash::cli::EnvLookup;
using fhash::cli::resolve_shard;
using fhash::cli::ResolvedShard;

namespace {

EnvLookup env_of(std::map<std::string, std::string> vars) {
    return [vars = std::move(vars)](const char* name) -> std::optional<std::string> {
        const auto found = vars.find(name);
        if (found == vars.end()) {
            return std::nullopt;
        }
        return found->second;
    };
}

ResolvedShard resolved(std::string_view text, unsigned shards, const EnvLookup& env) {
    ResolvedShard shard;
    std::string error;
    INFO(error);
    REQUIRE(resolve_shard(text, shards, env, shard, error));
    return shard;
}

std::string refusal(std::string_view text, unsigned shards, const EnvLookup& env) {
    ResolvedShard shard;
    std::string error;
    REQUIRE_FALSE(resolve_shard(text, shards, env, shard, error));
    return error;
}

}  // namespace

TEST_CASE("a shard given as K/N needs no environment", "[shard]") {
    const ResolvedShard shard = resolved("1/3", 0, env_of({}));
    CHECK(shard.shard.index == 1);
    CHECK(shard.shard.count == 3);
    CHECK(shard.source.empty());
    CHECK(refusal("3/3", 0, env_of({})).find("K/N") != std::string::npos);
    CHECK(refusal("1/3", 3, env_of({})).find("--shards") != std::string::npos);
}

TEST_CASE("shard auto reads a Slurm array", "[shard]") {
    const ResolvedShard counted = resolved(
        "auto", 0, env_of({{"SLURM_ARRAY_TASK_ID", "2"}, {"SLURM_ARRAY_TASK_COUNT", "4"}}));
    CHECK(counted.shard.index == 2);
    CHECK(counted.shard.count == 4);
    CHECK(counted.source == "SLURM_ARRAY_TASK_ID=2, SLURM_ARRAY_TASK_COUNT=4");
    const ResolvedShard ranged = resolved("auto", 0,
                                          env_of({{"SLURM_ARRAY_TASK_ID", "12"},
                                                  {"SLURM_ARRAY_TASK_MIN", "10"},
                                                  {"SLURM_ARRAY_TASK_MAX", "13"}}));
    CHECK(ranged.shard.index == 2);
    CHECK(ranged.shard.count == 4);
    // --shards N: the task id is the index, so one task sent again alone keeps its shard.
    const ResolvedShard alone = resolved(
        "auto", 4, env_of({{"SLURM_ARRAY_TASK_ID", "3"}, {"SLURM_ARRAY_TASK_COUNT", "1"}}));
    CHECK(alone.shard.index == 3);
    CHECK(alone.shard.count == 4);
    CHECK(refusal("auto", 4, env_of({{"SLURM_ARRAY_TASK_ID", "4"}})).find("0 to N-1") !=
          std::string::npos);
    CHECK_FALSE(refusal("auto", 0, env_of({{"SLURM_ARRAY_TASK_ID", "x"}})).empty());
    CHECK_FALSE(
        refusal("auto", 0, env_of({{"SLURM_ARRAY_TASK_ID", "9"}, {"SLURM_ARRAY_TASK_COUNT", "4"}}))
            .empty());
}

TEST_CASE("shard auto reads a Kubernetes Indexed Job", "[shard]") {
    const ResolvedShard shard = resolved("auto", 5, env_of({{"JOB_COMPLETION_INDEX", "4"}}));
    CHECK(shard.shard.index == 4);
    CHECK(shard.shard.count == 5);
    CHECK(shard.source == "JOB_COMPLETION_INDEX=4, --shards 5");
    CHECK(refusal("auto", 0, env_of({{"JOB_COMPLETION_INDEX", "1"}})).find("--shards N") !=
          std::string::npos);
    CHECK_FALSE(refusal("auto", 5, env_of({{"JOB_COMPLETION_INDEX", "5"}})).empty());
    CHECK(refusal("auto", 0, env_of({})).find("SLURM_ARRAY_TASK_ID") != std::string::npos);
}
