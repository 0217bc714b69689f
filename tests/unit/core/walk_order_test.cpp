#include "support/catch.hpp"
#include "support/temp_dir.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "io/walk.hpp"
#include "platform/paths.hpp"

using namespace fhash;

TEST_CASE("the streamed walk lists files in the byte order of their whole path", "[walk]") {
    test::TempDir dir;
    for (const char* name :
         {"a.b", "a/x", "a/b/c", "a-b/y", "ab", "a0", "Q", "z/a", "a/b.c", "a/b/d/e"}) {
        dir.write(name, "x");
    }
    std::vector<std::string> streamed;
    io::walk_tree(
        dir.path(), io::WalkOptions{},
        [&](const std::filesystem::path& p) { streamed.push_back(p.generic_string()); },
        [](io::WalkNote&&) { FAIL("unexpected note"); });
    std::vector<std::string> sorted = streamed;
    std::sort(sorted.begin(), sorted.end());
    CHECK(streamed.size() == 10);
    CHECK(streamed == sorted);
}

TEST_CASE("a walked file displays as the walk's display prefix and its relative name", "[walk]") {
    test::TempDir dir;
    for (const char* name : {"a/x", "a/b/c", "top"}) {
        dir.write(name, "x");
    }
    const std::string base = platform::generic_display(dir.path());
    for (const std::string& root : {base, base + "/", base + "//a/..", base + "/a"}) {
        const std::filesystem::path path = platform::path_from_utf8(root);
        const std::optional<std::string> prefix = io::walk_display_prefix(path);
        if (!prefix) {
            continue;  // not promised on this platform
        }
        std::vector<std::string> relatives;
        io::WalkOptions options;
        options.accept = [&](std::string_view relative, bool is_directory) {
            if (!is_directory) {
                relatives.emplace_back(relative);
            }
            return true;
        };
        std::vector<std::string> shown;
        io::walk_tree(
            path, options,
            [&](const std::filesystem::path& p) { shown.push_back(platform::generic_display(p)); },
            [](io::WalkNote&&) { FAIL("unexpected note"); });
        REQUIRE(shown.size() == relatives.size());
        for (std::size_t i = 0; i < shown.size(); ++i) {
            CHECK(shown[i] == *prefix + relatives[i]);
        }
    }
}
