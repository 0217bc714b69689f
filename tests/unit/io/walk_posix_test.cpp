#include "support/catch.hpp"

#include <sys/stat.h>
#include <unistd.h>

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
        out.push_back(p.native().substr(root.native().size() + 1));
    }
    return out;
}

}  // namespace

TEST_CASE("symlinks are not followed by default", "[io][walk]") {
    test::TempDir dir;
    dir.write("real/f", "x");
    std::filesystem::create_directory_symlink("real", dir.path() / "link-dir");
    std::filesystem::create_symlink("real/f", dir.path() / "link-file");
    const io::WalkResult result = io::walk_tree(dir.path(), {});
    CHECK(relative_files(result, dir.path()) == std::vector<std::string>{"real/f"});
    REQUIRE(result.notes.size() == 2);
    for (const io::WalkNote& note : result.notes) {
        CHECK(note.kind == io::WalkNote::Kind::skipped);
        CHECK(note.cause == io::WalkNote::Cause::symlink_not_followed);
        CHECK(note.error.code == make_error_code(Errc::not_a_regular_file));
        CHECK(note.error.detail.empty());  // wording (and any flag to suggest) is the CLI's
    }
}

TEST_CASE("followed symlinks are walked and loops are reported", "[io][walk]") {
    test::TempDir dir;
    dir.write("real/f", "x");
    std::filesystem::create_directory_symlink("real", dir.path() / "link-dir");
    std::filesystem::create_directory_symlink("..", dir.path() / "real" / "up");
    std::filesystem::create_symlink("missing", dir.path() / "broken");
    io::WalkOptions options;
    options.follow_symlinks = true;
    const io::WalkResult result = io::walk_tree(dir.path(), options);
    CHECK(relative_files(result, dir.path()) == std::vector<std::string>{"link-dir/f", "real/f"});
    std::size_t loops = 0;
    std::size_t broken = 0;
    for (const io::WalkNote& note : result.notes) {
        CHECK(note.kind == io::WalkNote::Kind::error);
        CHECK(note.cause == io::WalkNote::Cause::none);
        if (note.error.code == make_error_code(Errc::symlink_loop)) {
            ++loops;
        } else if (note.error.code == std::errc::no_such_file_or_directory) {
            CHECK(note.error.path == (dir.path() / "broken").native());
            ++broken;
        }
    }
    CHECK(loops == 2);  // real/up and link-dir/up both lead back to the root
    CHECK(broken == 1);
}

TEST_CASE("FIFOs are skipped with a note, unreadable directories are errors", "[io][walk]") {
    test::TempDir dir;
    dir.write("sub/ok", "x");
    REQUIRE(::mkfifo((dir.path() / "pipe").c_str(), 0600) == 0);
    const io::WalkResult result = io::walk_tree(dir.path(), {});
    CHECK(relative_files(result, dir.path()) == std::vector<std::string>{"sub/ok"});
    REQUIRE(result.notes.size() == 1);
    CHECK(result.notes[0].kind == io::WalkNote::Kind::skipped);
    CHECK(result.notes[0].cause == io::WalkNote::Cause::fifo);
    CHECK(result.notes[0].error.detail.empty());
    CHECK(result.notes[0].error.path == (dir.path() / "pipe").native());

    if (::geteuid() != 0) {  // root reads everything
        dir.write("locked/secret", "x");
        REQUIRE(::chmod((dir.path() / "locked").c_str(), 0) == 0);
        const io::WalkResult locked = io::walk_tree(dir.path(), {});
        ::chmod((dir.path() / "locked").c_str(), 0700);
        CHECK(relative_files(locked, dir.path()) == std::vector<std::string>{"sub/ok"});
        bool seen = false;
        for (const io::WalkNote& note : locked.notes) {
            if (note.error.code == std::errc::permission_denied) {
                CHECK(note.error.path == (dir.path() / "locked").native());
                seen = true;
            }
        }
        CHECK(seen);
    }
}
