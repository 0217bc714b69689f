// Replays every fuzz seed (testdata/fuzz/<target>/) and every input that once crashed, hung
// or broke a property (testdata/regressions/<target>/) through the same entry functions the
// libFuzzer targets use (tests/fuzz/fuzz_targets.hpp), so the ordinary test suite, under
// ASan + UBSan in scripts/test.sh, keeps them fixed.

#include "support/catch.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz/fuzz_targets.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<std::uint8_t> read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Runs every file below `root`/<target>/ through its target; returns how many ran.
std::size_t replay(const fs::path& root) {
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
            const std::vector<std::uint8_t> input = read_bytes(entry.path());
            INFO("target " << target.name << ", input " << entry.path().string());
            const auto start = std::chrono::steady_clock::now();
            const fhash::fuzz::Outcome outcome = target.run(input);
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
    (void)replay(fs::path(FHASH_TESTDATA_DIR) / "regressions");
}
