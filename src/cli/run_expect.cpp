#include "cli/run_expect.hpp"

#include <fmt/format.h>

#include "fhash/engine.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

bool all_hex(std::string_view text) noexcept {
    for (const char c : text) {
        const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!hex) {
            return false;
        }
    }
    return true;
}

std::optional<ExpectedDigest> fit(const std::optional<Digest>& digest, std::optional<Algorithm> forced) {
    if (!digest || digest->empty()) {
        return std::nullopt;
    }
    if (forced) {
        if (algorithm_info(*forced).digest_size != digest->size()) {
            return std::nullopt;
        }
        return ExpectedDigest{*forced, *digest};
    }
    const std::optional<Algorithm> implied = default_algorithm_for_size(digest->size());
    if (!implied) {
        return std::nullopt;
    }
    return ExpectedDigest{*implied, *digest};
}

}  // namespace

std::optional<ExpectedDigest> parse_expected_digest(std::string_view text, std::optional<Algorithm> forced) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n')) {
        text.remove_suffix(1);
    }
    if (const std::size_t colon = text.find(':'); colon != std::string_view::npos) {
        const std::optional<Algorithm> named = parse_algorithm(text.substr(0, colon));
        if (!named || (forced && *forced != *named)) {
            return std::nullopt;
        }
        forced = named;
        text.remove_prefix(colon + 1);
    }
    if (all_hex(text)) {
        if (std::optional<ExpectedDigest> hex = fit(digest_from_hex(text), forced)) {
            return hex;
        }
    }
    return fit(digest_from_base64(text), forced);
}

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
