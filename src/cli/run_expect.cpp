#include "cli/expected_digest.hpp"
#include "cli/modes.hpp"

#include <fmt/format.h>

#include "fhash/engine.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
ExitCode run_expect(const Options& options, Console& console) {
    std::optional<Algorithm> forced;
    if (options.algorithm_given) {
        forced = options.algorithms.front();
    }
    const std::optional<ExpectedDigest> expected = parse_expected_digest(*options.expect, forced);
    if (!expected) {
        console.error(fmt::format(
            "{}: not a digest of {}", quote_name(*options.expect),
            forced ? fmt::format("algorithm {}", algorithm_info(*forced).name)
                   : std::string("a known length (hex of 32, 40, 56, 64, 96 or 128 digits, or base64)")));
        return ExitCode::usage;
    }
    const std::string name = options.paths.empty() ? "-" : options.paths.front();
    Result<FileHasher> hasher = FileHasher::create({expected->algorithm}, options.read);
    if (!hasher) {
        console.file_error(hasher.error());
        return ExitCode::usage;
    }
    Result<FileDigests> digests =
        name == "-" ? hasher->hash_stdin() : hasher->hash_file(platform::path_from_utf8(name));
    if (!digests) {
        Error e = std::move(digests).error();
        e.path = name;
        console.file_error(e);
        if (!options.status) {
            console.out(status_name(name) + ": " + console.paint("FAILED open or read", Tone::bad) + "\n");
        }
        return ExitCode::failure;
    }
    const bool match = digests->digests.front() == expected->digest;
    if (match) {
        if (!options.quiet && !options.status) {
            console.out(status_name(name) + ": " + console.paint("OK", Tone::good) + "\n");
        }
        return ExitCode::ok;
    }
    if (!options.status) {
        console.out(status_name(name) + ": " + console.paint("FAILED", Tone::bad) + "\n");
        console.error(fmt::format("{}: {} is {}, expected {}", quote_name(name),
                                  algorithm_info(expected->algorithm).name,
                                  to_hex(digests->digests.front()), to_hex(expected->digest)));
    }
    return ExitCode::failure;
}

}  // namespace fhash::cli
