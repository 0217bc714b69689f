#include "support/catch.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "cli/options.hpp"

using fhash::cli::RawOptions;

namespace {

/// `args` parsed by the full CLI11 parser, as main.cpp does when an option is given.
RawOptions by_cli11(const std::vector<std::string>& args) {
    CLI::App app{"fhash", "fhash"};
    RawOptions raw;
    fhash::cli::build_app(app, raw);
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 pops the back
    app.parse(reversed);
    fhash::cli::apply_last_wins(app, raw);
    return raw;
}

/// The validated options, in the fields that differ between runs of operands alone.
std::string summary(const RawOptions& raw) {
    fhash::cli::Options options;
    std::string error;
    const bool ok = fhash::cli::validate(raw, options, error);
    std::string out = ok ? "ok" : "error: " + error;
    for (const std::string& path : options.paths) {
        out += " [" + path + "]";
    }
    out += " algorithms " + std::to_string(options.algorithms.size());
    out += options.check ? " check" : "";
    out += options.recursive ? " recursive" : "";
    out += options.output ? " output" : "";
    out += " jobs " + std::to_string(options.jobs) + " io " + std::to_string(options.io_threads);
    return out;
}

}  // namespace

TEST_CASE("operands alone parse as CLI11 parses them", "[cli][options]") {
    const std::vector<std::vector<std::string>> cases = {
        {}, {"a.txt"}, {"-"}, {"a", "-", "b"}, {"/x", ""}, {"dir/", "c:\\\\x"},
    };
    for (const std::vector<std::string>& args : cases) {
        RawOptions fast;
        REQUIRE(fhash::cli::parse_operands_only(args, fast));
        const RawOptions full = by_cli11(args);
        CHECK(fast.direct.paths == full.direct.paths);
        CHECK(fast.binary == full.binary);
        CHECK(summary(fast) == summary(full));
    }
}

TEST_CASE("a word that starts with '-' goes to CLI11", "[cli][options]") {
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{{"-j2", "a"},
                                                                                      {"a", "--"},
                                                                                      {"a", "-r"},
                                                                                      {"--help"},
                                                                                      {"a",
                                                                                       "-"
                                                                                       "x"}}) {
        RawOptions raw;
        CHECK_FALSE(fhash::cli::parse_operands_only(args, raw));
        CHECK(raw.direct.paths.empty());
    }
}
