// --expect DIGEST [FILE]: one file against one digest typed on the command line (a release
// page's "sha256: ..."), without writing a manifest first.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/expected_digest.hpp"
#include "cli/hash_pool.hpp"
#include "cli/modes.hpp"
#include "cli/names.hpp"
#include "cli/part_size.hpp"
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
                                  algorithm_info(expected.algorithm).name,
                                  digest_text(expected.algorithm, computed),
                                  digest_text(expected.algorithm, expected.digest)));
    }
    return ExitCode::failure;
}

/// The "-N" of a digest with parts (0: uploaded whole).
std::uint32_t part_count(const Digest& digest) {
    std::uint32_t count = 0;
    for (const std::uint8_t byte : digest.bytes().last(4)) {
        count = (count << 8) | byte;
    }
    return count;
}

/// An S3 digest of N parts without --part-size: every usual part size that cuts the file
/// into N parts is tried, all from one read, and the one that matches is named.
class PartSizeSearch {
public:
    PartSizeSearch(const Options& options, Console& console, std::string name,
                   const ExpectedDigest& expected)
        : m_options(options), m_console(console), m_name(std::move(name)), m_expected(expected) {}

    ExitCode run() {
        std::error_code ec;
        const std::uint64_t size = std::filesystem::file_size(platform::path_from_utf8(m_name), ec);
        if (ec) {
            return unreadable(Error{ec, m_name, {}});
        }
        const std::vector<std::uint64_t> sizes =
            candidate_part_sizes(size, part_count(m_expected.digest));
        if (sizes.empty()) {
            return failed(fmt::format("no usual part size cuts {} bytes into {} parts", size,
                                      part_count(m_expected.digest)));
        }
        std::vector<HashSpec> specs;
        for (const std::uint64_t part : sizes) {
            specs.push_back(HashSpec{m_expected.algorithm, 0, part});
        }
        Result<FileHasher> hasher = FileHasher::create(specs, m_options.read);
        if (!hasher) {
            return unreadable(std::move(hasher).error());
        }
        Result<FileDigests> digests = hasher->hash_file(platform::path_from_utf8(m_name));
        if (!digests) {
            return unreadable(with_path(std::move(digests).error(), m_name));
        }
        for (std::size_t i = 0; i < sizes.size(); ++i) {
            if (digests->digests[i] == m_expected.digest) {
                return matched(sizes[i]);
            }
        }
        std::string tried;
        for (const std::uint64_t part : sizes) {
            tried += (tried.empty() ? "" : ", ") + part_size_text(part);
        }
        return failed(fmt::format("no part size gives this {} (tried {})",
                                  algorithm_info(m_expected.algorithm).name, tried));
    }

private:
    ExitCode matched(std::uint64_t part) {
        if (!m_options.quiet && !m_options.status) {
            m_console.out(status_line(m_console, m_name, Status::ok));
            m_console.out(fmt::format("{}: {} with parts of {} ({} bytes)\n", m_name,
                                      algorithm_info(m_expected.algorithm).name,
                                      part_size_text(part), part));
        }
        return ExitCode::ok;
    }

    ExitCode failed(const std::string& why) {
        if (!m_options.status) {
            m_console.out(status_line(m_console, m_name, Status::failed));
            m_console.error(fmt::format("{}: {}", quote_name(m_name), why));
        }
        return ExitCode::failure;
    }

    ExitCode unreadable(const Error& error) {
        m_console.file_error(error);
        if (!m_options.status) {
            m_console.out(status_line(m_console, m_name, Status::unreadable));
        }
        return ExitCode::failure;
    }

    const Options& m_options;
    Console& m_console;
    std::string m_name;
    const ExpectedDigest& m_expected;
};

}  // namespace

ExitCode run_expect(const Options& options, Console& console) {
    const std::optional<ExpectedDigest> expected = read_expected(options, console);
    if (!expected) {
        return ExitCode::usage;
    }
    const std::string name = options.paths.empty() ? "-" : options.paths.front();
    if (takes_part_size(expected->algorithm) && options.part_size == 0 && name != "-" &&
        part_count(expected->digest) != 0) {
        return PartSizeSearch(options, console, name, *expected).run();
    }
    const std::optional<Result<FileDigests>> digests = hash_one(options, console, *expected, name);
    if (!digests) {
        return ExitCode::usage;
    }
    return report(options, console, name, *expected, *digests);
}

}  // namespace fhash::cli
