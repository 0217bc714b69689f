#include "support/catch.hpp"
#include "support/temp_dir.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "io/walk.hpp"

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
