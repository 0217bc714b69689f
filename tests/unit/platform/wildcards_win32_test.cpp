// Wildcard expansion of file arguments on Windows (cmd.exe leaves "*.txt" to the program).

#include <windows.h>

#include <fstream>
#include <string>
#include <vector>

#include "platform/paths.hpp"
#include "platform/wildcards.hpp"
#include "support/catch.hpp"
#include "support/temp_dir.hpp"

using fhash::platform::expand_wildcards;

namespace {

/// Runs the expansion with `dir` as the current folder.
std::vector<std::string> expand_in(const std::filesystem::path& dir,
                                   std::vector<std::string> args) {
    const std::filesystem::path previous = std::filesystem::current_path();
    std::filesystem::current_path(dir);
    std::vector<std::string> out = expand_wildcards(std::move(args));
    std::filesystem::current_path(previous);
    return out;
}

}  // namespace

TEST_CASE("Wildcards expand to the sorted matching names", "[platform][win32]") {
    const fhash::test::TempDir dir;
    dir.write("b.txt", "");
    dir.write("a.txt", "");
    dir.write("c.iso", "");
    dir.write(".hidden.txt", "");
    std::ofstream(dir.path() / fhash::platform::path_from_utf8("\xC3\xA9t\xC3\xA9.txt")).put('e');
    dir.write("sub/x.txt", "");
    dir.write("sub/y.txt", "");
    CHECK(expand_in(dir.path(), {"*.txt"}) ==
          std::vector<std::string>{"a.txt", "b.txt", "\xC3\xA9t\xC3\xA9.txt"});
    CHECK(expand_in(dir.path(), {"?.iso", "-", "plain.txt"}) ==
          std::vector<std::string>{"c.iso", "-", "plain.txt"});
    CHECK(expand_in(dir.path(), {"sub/*"}) == std::vector<std::string>{"sub/x.txt", "sub/y.txt"});
    CHECK(expand_in(dir.path(), {"sub\\?.txt"}) ==
          std::vector<std::string>{"sub\\x.txt", "sub\\y.txt"});
    CHECK(expand_in(dir.path(), {".*.txt"}) == std::vector<std::string>{".hidden.txt"});
}

TEST_CASE("A pattern that matches nothing stays as typed", "[platform][win32]") {
    const fhash::test::TempDir dir;
    dir.write("a.txt", "");
    CHECK(expand_in(dir.path(), {"*.iso"}) == std::vector<std::string>{"*.iso"});
    CHECK(expand_in(dir.path(), {"nowhere/*.txt"}) == std::vector<std::string>{"nowhere/*.txt"});
    CHECK(expand_in(dir.path(), {"*/a.txt"}) ==
          std::vector<std::string>{"*/a.txt"});  // only the last part
}

TEST_CASE("Matches are checked against the long name, not the 8.3 one", "[platform][win32]") {
    const fhash::test::TempDir dir;
    dir.write("page.html", "");
    dir.write("old.htm", "");
    CHECK(expand_in(dir.path(), {"*.htm"}) == std::vector<std::string>{"old.htm"});
}
