#include "support/catch.hpp"

#include <string>
#include <vector>

#include "cli/check_selection.hpp"
#include "cli/console.hpp"
#include "fhash/verify.hpp"
#include "support/temp_dir.hpp"

using fhash::Verifier;
using fhash::VerifyOptions;
using fhash::cli::CheckSelection;
using fhash::cli::Console;

namespace {

Verifier verifier_in(const std::filesystem::path& base_dir) {
    VerifyOptions options;
    options.base_dir = base_dir;
    return Verifier(options);
}

}  // namespace

TEST_CASE("check selection: without --only nothing is selected", "[cli][only]") {
    const fhash::test::TempDir dir;
    CheckSelection selection(std::vector<std::string>{});
    CHECK_FALSE(selection.active());
    CHECK_FALSE(selection.wants("a.txt", verifier_in(dir.path())));
    Console console;
    CHECK(selection.report_unlisted(console, {"m.sha256"}));
}

TEST_CASE("check selection: entry names are resolved as the verifier resolves them",
          "[cli][only]") {
    const fhash::test::TempDir dir;
    const std::filesystem::path a = dir.write("a.txt", "a");
    const std::filesystem::path b = dir.write("sub/b.txt", "b");
    CheckSelection selection({a.string(), b.string()});
    CHECK(selection.active());
    const Verifier verifier = verifier_in(dir.path());

    CHECK(selection.wants("a.txt", verifier));
    CHECK(selection.wants("./a.txt", verifier));
    CHECK(selection.wants("sub/../a.txt", verifier));
    CHECK(selection.wants(a.string(), verifier));  // an absolute name ignores the base folder
    CHECK(selection.wants("sub/b.txt", verifier));
    CHECK(selection.wants("sub\\b.txt", verifier));  // a Windows manifest's separator
    CHECK(selection.wants("./sub//b.txt", verifier));

    CHECK_FALSE(selection.wants("b.txt", verifier));
    CHECK_FALSE(selection.wants("sub/a.txt", verifier));
    CHECK_FALSE(selection.wants("A.TXT", verifier));
    // Resolved against another base folder, the same name is another file.
    CHECK_FALSE(selection.wants("a.txt", verifier_in(dir.path() / "sub")));
}

TEST_CASE("check selection: a dash entry is never wanted", "[cli][only]") {
    const fhash::test::TempDir dir;
    const std::filesystem::path dash = dir.write("-", "stdin lookalike");
    CheckSelection selection({dash.string()});
    const Verifier verifier = verifier_in(dir.path());
    CHECK_FALSE(selection.wants("-", verifier));
    CHECK(selection.wants("./-", verifier));  // the file itself, named another way
}

TEST_CASE("check selection: files no entry named are reported", "[cli][only]") {
    const fhash::test::TempDir dir;
    const std::filesystem::path a = dir.write("a.txt", "a");
    const std::filesystem::path b = dir.write("b.txt", "b");
    CheckSelection selection({a.string(), b.string()});
    const Verifier verifier = verifier_in(dir.path());
    Console console;

    CHECK_FALSE(selection.report_unlisted(console, {"m.sha256"}));  // neither listed yet
    CHECK(selection.wants("a.txt", verifier));
    CHECK_FALSE(selection.wants("c.txt", verifier));  // an unwanted entry marks nothing
    CHECK_FALSE(selection.report_unlisted(console, {"m.sha256"}));  // b.txt still is not
    CHECK(selection.wants("b.txt", verifier));
    CHECK(selection.report_unlisted(console, {"m.sha256"}));
    CHECK(selection.report_unlisted(console, {"m1", "m2"}));
}
