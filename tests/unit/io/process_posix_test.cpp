#include "support/catch.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "io/process.hpp"

using namespace fhash;

namespace {

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("ChildProcess: exit status and standard streams to files", "[process]") {
    Result<io::TempDir> dir = io::TempDir::create();
    REQUIRE(dir);
    const std::filesystem::path out = dir->path() / "out";
    const std::filesystem::path err = dir->path() / "err";
    Result<io::ChildProcess> child = io::ChildProcess::spawn(
        "sh", {"-c", "read x || echo no-input; echo to-out; echo to-err >&2; exit 3"}, {out, err});
    REQUIRE(child);
    Result<int> status = child->wait();
    REQUIRE(status);
    CHECK(*status == 3);
    CHECK(slurp(out) == "no-input\nto-out\n");
    CHECK(slurp(err) == "to-err\n");
}

TEST_CASE("ChildProcess: a missing program is ENOENT", "[process]") {
    Result<io::ChildProcess> child =
        io::ChildProcess::spawn("/nonexistent/fhash-no-such-program", {}, {});
    REQUIRE_FALSE(child);
    CHECK(child.error().code == std::errc::no_such_file_or_directory);
    CHECK(child.error().path == "/nonexistent/fhash-no-such-program");
}

TEST_CASE("ChildProcess: dropped while running, the child is killed and reaped", "[process]") {
    const auto start = std::chrono::steady_clock::now();
    {
        Result<io::ChildProcess> child = io::ChildProcess::spawn("sleep", {"30"}, {});
        REQUIRE(child);
    }
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
}

TEST_CASE("TempDir: private, written, removed with its content", "[process]") {
    std::filesystem::path kept;
    {
        Result<io::TempDir> dir = io::TempDir::create();
        REQUIRE(dir);
        kept = dir->path();
        const auto perms = std::filesystem::status(kept).permissions();
        CHECK((perms & std::filesystem::perms::others_all) == std::filesystem::perms::none);
        Result<std::filesystem::path> file = dir->write("f", std::string("a\0b", 3));
        REQUIRE(file);
        CHECK(slurp(*file) == std::string("a\0b", 3));
        io::TempDir moved = std::move(*dir);
        CHECK(std::filesystem::exists(kept));
    }
    CHECK_FALSE(std::filesystem::exists(kept));
}
