#include "support/catch.hpp"

#include <string>
#include <vector>

#include "cli/path_filter.hpp"

using fhash::cli::PathFilter;
using fhash::cli::walk_options_for;

namespace {

constexpr bool k_file = false;
constexpr bool k_folder = true;

PathFilter excluding(std::vector<std::string> patterns) {
    return PathFilter({}, std::move(patterns));
}
PathFilter including(std::vector<std::string> patterns) {
    return PathFilter(std::move(patterns), {});
}

}  // namespace

TEST_CASE("path filter: an empty filter keeps everything", "[cli][filter]") {
    const PathFilter filter({}, {});
    CHECK(filter.empty());
    CHECK(filter.accept("a.txt", k_file));
    CHECK(filter.accept("deep/down/x.tmp", k_file));
    CHECK(filter.accept(".git", k_folder));
    CHECK_FALSE(walk_options_for(false, filter).accept);  // the walk is not even asked
    CHECK_FALSE(excluding({"*.tmp"}).empty());
    CHECK_FALSE(including({"*.iso"}).empty());
}

TEST_CASE("path filter: a pattern without '/' matches the last component at any depth",
          "[cli][filter]") {
    const PathFilter filter = excluding({"*.tmp", ".git"});
    CHECK_FALSE(filter.accept("x.tmp", k_file));
    CHECK_FALSE(filter.accept("a/b/c/x.tmp", k_file));
    CHECK_FALSE(filter.accept(".git", k_folder));
    CHECK_FALSE(filter.accept("vendor/lib/.git", k_folder));
    CHECK(filter.accept("x.tmp.keep", k_file));
    CHECK(filter.accept("a.tmp/keep.txt", k_file));  // only the last component is compared
    CHECK(filter.accept(".github", k_folder));
    CHECK(filter.accept("x.TMP", k_file));  // case-sensitive
}

TEST_CASE("path filter: a pattern with '/' matches the whole relative path", "[cli][filter]") {
    const PathFilter filter = excluding({"docs/*.pdf"});
    CHECK_FALSE(filter.accept("docs/a.pdf", k_file));
    CHECK(filter.accept("docs/sub/a.pdf", k_file));  // '*' stops at '/'
    CHECK(filter.accept("other/docs/a.pdf", k_file));
    CHECK(filter.accept("a.pdf", k_file));

    // A leading '/' (or "./") anchors a name at the walked folder.
    const PathFilter anchored = excluding({"/build"});
    CHECK_FALSE(anchored.accept("build", k_folder));
    CHECK(anchored.accept("src/build", k_folder));
    const PathFilter dotted = excluding({"./build"});
    CHECK_FALSE(dotted.accept("build", k_folder));
    CHECK(dotted.accept("src/build", k_folder));
}

TEST_CASE("path filter: a trailing '/' matches folders only", "[cli][filter]") {
    const PathFilter filter = excluding({"cache/"});
    CHECK_FALSE(filter.accept("cache", k_folder));
    CHECK_FALSE(filter.accept("a/b/cache", k_folder));
    CHECK(filter.accept("cache", k_file));
    CHECK(filter.accept("a/cache", k_file));

    const PathFilter nested = excluding({"out/tmp/"});
    CHECK_FALSE(nested.accept("out/tmp", k_folder));
    CHECK(nested.accept("out/tmp", k_file));
    CHECK(nested.accept("x/out/tmp", k_folder));
}

TEST_CASE("path filter: double star crosses folders", "[cli][filter]") {
    const PathFilter filter = excluding({"build/**"});
    CHECK_FALSE(filter.accept("build/a.o", k_file));
    CHECK_FALSE(filter.accept("build/x/y/z.o", k_file));
    CHECK(filter.accept("src/build/a.o", k_file));

    const PathFilter any_depth = including({"**/*.iso"});
    CHECK(any_depth.accept("a.iso", k_file));  // "**/" also matches no folder
    CHECK(any_depth.accept("a/b/c.iso", k_file));
    CHECK_FALSE(any_depth.accept("a/b/c.img", k_file));
}

TEST_CASE("path filter: include and exclude together", "[cli][filter]") {
    const PathFilter filter({"*.iso", "*.img"}, {"old/", "*-beta.iso"});
    CHECK(filter.accept("release.iso", k_file));
    CHECK(filter.accept("x/disk.img", k_file));
    CHECK_FALSE(filter.accept("notes.txt", k_file));   // no include matches
    CHECK_FALSE(filter.accept("x-beta.iso", k_file));  // exclude wins over include
    CHECK_FALSE(filter.accept("old", k_folder));       // excluded folders are not entered
    CHECK(filter.accept("new", k_folder));             // include patterns never drop folders

    // The walk asks the filter through walk_options_for.
    const fhash::io::WalkOptions options = walk_options_for(true, filter);
    CHECK(options.follow_symlinks);
    REQUIRE(options.accept);
    CHECK(options.accept("release.iso", k_file));
    CHECK_FALSE(options.accept("notes.txt", k_file));
    CHECK_FALSE(options.accept("old", k_folder));
}
