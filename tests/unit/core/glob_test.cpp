#include "support/catch.hpp"

#include <string>

#include "fhash/glob.hpp"

using fhash::glob_match;
using fhash::GlobOptions;

TEST_CASE("name masks", "[glob]") {
    CHECK(glob_match("*.exe", "setup.exe"));
    CHECK_FALSE(glob_match("*.exe", "setup.exe.txt"));
    CHECK(glob_match("a?c", "abc"));
    CHECK_FALSE(glob_match("a?c", "ac"));
    CHECK(glob_match("[ab]*", "beta"));
    CHECK_FALSE(glob_match("[!ab]*", "beta"));
    CHECK(glob_match("[a-c]x", "bx"));
    CHECK(glob_match("\\*", "*"));
    CHECK_FALSE(glob_match("\\*", "a"));
    CHECK(glob_match("*", ""));
    CHECK(glob_match("", ""));
    CHECK_FALSE(glob_match("", "a"));
    CHECK(glob_match("[", "["));
    CHECK(glob_match("*a*b*c", "xxaxxbxxc"));
}

TEST_CASE("case-insensitive masks as FCIV's -type", "[glob]") {
    GlobOptions ci;
    ci.case_insensitive = true;
    CHECK(glob_match("*.EXE", "setup.exe", ci));
    CHECK_FALSE(glob_match("*.EXE", "setup.exe"));
    CHECK(glob_match("[A-C]x", "bX", ci));
}

TEST_CASE("path patterns keep '*' within one folder, '**' crosses", "[glob]") {
    GlobOptions path;
    path.pathname = true;
    CHECK(glob_match("*.txt", "a.txt", path));
    CHECK_FALSE(glob_match("*.txt", "sub/a.txt", path));
    CHECK(glob_match("**/*.txt", "sub/a.txt", path));
    CHECK(glob_match("**/*.txt", "a.txt", path));
    CHECK(glob_match("sub/**", "sub/x/y/z", path));
    CHECK_FALSE(glob_match("s?b/a", "s/b/a", path));
    CHECK(glob_match("build", "build", path));
}

TEST_CASE("hostile patterns finish quickly", "[glob]") {
    const std::string text(5000, 'a');
    const std::string pattern = std::string(50, '*') + "b";
    CHECK_FALSE(glob_match(pattern, text));
    std::string many;
    for (int i = 0; i < 30; ++i) {
        many += "a*";
    }
    CHECK_FALSE(glob_match(many + "b", text));
}

TEST_CASE("many '**/' finish quickly and still match", "[glob]") {
    GlobOptions path;
    path.pathname = true;
    std::string pattern;
    for (int i = 0; i < 40; ++i) {
        pattern += "**/";
    }
    std::string deep;
    for (int i = 0; i < 40; ++i) {
        deep += "a/";
    }
    CHECK_FALSE(glob_match(pattern + "x", deep + "y", path));
    CHECK(glob_match(pattern + "x", deep + "x", path));
    CHECK(glob_match(pattern + "x", "x", path));
    CHECK(glob_match("a/**/b", "a/b", path));
    CHECK(glob_match("a/**/b", "a/x/y/b", path));
    CHECK_FALSE(glob_match("a/**/b", "a/xb", path));
    CHECK(glob_match("**a*b", "a/ab", path));  // '**' takes "a/", '*' within the last folder
}
