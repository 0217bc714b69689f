// Replays every fuzz seed (testdata/fuzz/<target>/) and every input that once crashed, hung
// or broke a property (testdata/regressions/<target>/) through the same entry functions the
// libFuzzer targets use (tests/fuzz/fuzz_targets.hpp), so the ordinary test suite, under
// ASan + UBSan in scripts/test.sh, keeps them fixed. A missing or empty folder, or a folder
// named after no target, fails: a replay that finds nothing must not pass.

#include "support/catch.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_targets.hpp"
#include "support/bytes.hpp"
#include "support/read_file.hpp"

namespace {

namespace fs = std::filesystem;

bool is_target(std::string_view name) {
    return std::any_of(std::begin(fhash::fuzz::k_targets), std::end(fhash::fuzz::k_targets),
                       [&](const fhash::fuzz::Target& target) { return target.name == name; });
}

/// Runs every file below `root`/<target>/ through its target; returns how many ran. Every
/// folder below `root` must be named after a target.
std::size_t replay(const fs::path& root) {
    INFO("folder " << root.string());
    REQUIRE(fs::is_directory(root));
    for (const fs::directory_entry& entry : fs::directory_iterator(root)) {
        INFO("entry " << entry.path().string());
        CHECK(entry.is_directory());
        CHECK(is_target(entry.path().filename().string()));
    }
    std::size_t count = 0;
    for (const fhash::fuzz::Target& target : fhash::fuzz::k_targets) {
        const fs::path dir = root / std::string(target.name);
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) {
            continue;
        }
        for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
            if (!entry.is_regular_file()) {
                continue;
            }
            const std::string input = fhash::test::read_file(entry.path());
            INFO("target " << target.name << ", input " << entry.path().string());
            const auto start = std::chrono::steady_clock::now();
            const fhash::fuzz::Outcome outcome = target.run(fhash::test::bytes_of(input));
            const auto elapsed = std::chrono::steady_clock::now() - start;
            const std::string broken = outcome != nullptr ? outcome : "";
            CHECK(broken.empty());
            // The fuzzers run with -timeout=10; a replay (maybe under a sanitizer) gets the
            // same budget.
            CHECK(elapsed < std::chrono::seconds(10));
            ++count;
        }
    }
    return count;
}

}  // namespace

TEST_CASE("fuzz seeds pass every target's properties", "[fuzz]") {
    CHECK(replay(fs::path(FHASH_TESTDATA_DIR) / "fuzz") > 0);
}

TEST_CASE("inputs that once failed a fuzz target stay fixed", "[fuzz]") {
    CHECK(replay(fs::path(FHASH_TESTDATA_DIR) / "regressions") > 0);
}

TEST_CASE("the fuzz entry functions are the targets of tests/fuzz/targets.txt", "[fuzz]") {
    // targets.txt is the list the fuzz executables are built from and scripts/fuzz.sh runs.
    std::istringstream text(fhash::test::read_file(FHASH_FUZZ_TARGETS_FILE));
    std::vector<std::string> listed;
    for (std::string line; std::getline(text, line);) {
        if (!line.empty() && line.front() != '#') {
            listed.push_back(line);
        }
    }
    std::vector<std::string> defined;
    for (const fhash::fuzz::Target& target : fhash::fuzz::k_targets) {
        defined.emplace_back(target.name);
    }
    CHECK(listed == defined);
}
