#include "support/catch.hpp"

#include "platform/paths.hpp"

#include <filesystem>
#include <string>
#include <vector>

#include "io/walk.hpp"
#include "support/temp_dir.hpp"

using namespace fhash;

namespace {

std::vector<std::string> relative_files(const io::WalkResult& result,
                                        const std::filesystem::path& root) {
    std::vector<std::string> out;
    for (const std::filesystem::path& p : result.files) {
        out.push_back(fhash::platform::generic_display(p.lexically_relative(root)));
    }
    return out;
}

}  // namespace

TEST_CASE("walk lists regular files sorted by path bytes", "[io][walk]") {
    test::TempDir dir;
    dir.write("b", "");
    dir.write("a/z", "");
    dir.write("a-c", "");
    dir.write("a/b/c", "");
    dir.write("Z", "");
    dir.write(".hidden", "");
    const io::WalkResult result = io::walk_tree(dir.path(), {});
    CHECK(result.notes.empty());
    // '-' (0x2d) sorts before '/' (0x2f), upper case before lower case.
    CHECK(relative_files(result, dir.path()) ==
          std::vector<std::string>{".hidden", "Z", "a-c", "a/b/c", "a/z", "b"});
}

TEST_CASE("walk of a file root returns the file itself", "[io][walk]") {
    test::TempDir dir;
    const auto file = dir.write("single", "x");
    const io::WalkResult result = io::walk_tree(file, {});
    REQUIRE(result.files.size() == 1);
    CHECK(result.files[0] == file);
    const io::WalkResult missing = io::walk_tree(dir.path() / "nope", {});
    CHECK(missing.files.empty());
    REQUIRE(missing.notes.size() == 1);
    CHECK(missing.notes[0].kind == io::WalkNote::Kind::error);
    CHECK(missing.notes[0].error.code == std::errc::no_such_file_or_directory);
}
