// --expect DIGEST [FILE]: one file against one digest typed on the command line (a release
// page's "sha256: ..."), without writing a manifest first.

#include <optional>
#include <string>

#include <fmt/format.h>

#include "cli/expected_digest.hpp"
#include "cli/hash_pool.hpp"
#include "cli/modes.hpp"
#include "cli/status.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

std::optional<ExpectedDigest> read_expected(const Options& options, Console& console) {
    std::optional<Algorithm> forced;
    if (options.algorithm_given) {
        forced = options.algorithms.front();
    }
    std::optional<ExpectedDigest> expected = parse_expected_digest(*options.expect, forced);
    if (!expected) {
        console.error(fmt::format(
            "{}: not a digest of {}", quote_name(*options.expect),
            forced ? fmt::format("algorithm {}", algorithm_info(*forced).name)
                   : std::string(
                         "a known length (hex of 32, 40, 56, 64, 96 or 128 digits, or base64)")));
    }
    return expected;
}

/// Hashes the one input (standard input for "-") through the pool, for its progress line.
std::optional<Result<FileDigests>> hash_one(const Options& options, Console& console,
                                            const ExpectedDigest& expected,
                                            const std::string& name) {
    std::optional<Result<FileDigests>> result;
    // One input: one worker, which runs inline (no threads, no per-worker hashers to set
    // up); a big file still gets the extra threads of ReadOptions.
    RunSettings settings = run_settings(options);
    settings.jobs = 1;
    settings.length = expected.digest.size();  // BLAKE3 or SHAKE at the expected length
    Result<std::unique_ptr<HashPool>> pool =
        HashPool::create({expected.algorithm}, settings, console,
                         [&result](Hashed&& hashed) { result = std::move(hashed.digests); });
    if (!pool) {
        console.file_error(pool.error());
        return std::nullopt;
    }
    (*pool)->submit(Input{platform::path_from_utf8(name), name, name == "-"});
    (*pool)->finish();
    return result;
}

ExitCode report(const Options& options, Console& console, const std::string& name,
                const ExpectedDigest& expected, const Result<FileDigests>& digests) {
    if (!digests) {
        console.file_error(digests.error());
        if (!options.status) {
            console.out(status_line(console, name, Status::unreadable));
        }
        return ExitCode::failure;
    }
    const Digest& computed = digests->digests.front();
    if (computed == expected.digest) {
        if (!options.quiet && !options.status) {
            console.out(status_line(console, name, Status::ok));
        }
        return ExitCode::ok;
    }
    if (!options.status) {
        console.out(status_line(console, name, Status::failed));
        console.error(fmt::format("{}: {} is {}, expected {}", quote_name(name),
                                  algorithm_info(expected.algorithm).name, to_hex(computed),
                                  to_hex(expected.digest)));
    }
    return ExitCode::failure;
}

}  // namespace

ExitCode run_expect(const Options& options, Console& console) {
    const std::optional<ExpectedDigest> expected = read_expected(options, console);
    if (!expected) {
        return ExitCode::usage;
    }
    const std::string name = options.paths.empty() ? "-" : options.paths.front();
    const std::optional<Result<FileDigests>> digests = hash_one(options, console, *expected, name);
    if (!digests) {
        return ExitCode::usage;
    }
    return report(options, console, name, *expected, *digests);
}

}  // namespace fhash::cli
