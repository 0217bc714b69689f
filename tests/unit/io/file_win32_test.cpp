// Windows file access through the engine: Unicode names, paths past MAX_PATH, files another
// program is writing, the directory walk, and atomic writes (devices included).
// Wine does not enforce MAX_PATH: the long-path test shows that the "\\?\" form works, not
// that the plain form would fail on Windows.

#include <windows.h>

#include <filesystem>
#include <string>

#include "fhash/digest.hpp"
#include "fhash/engine.hpp"
#include "io/atomic_file.hpp"
#include "io/file.hpp"
#include "io/walk.hpp"
#include "platform/long_path_win32.hpp"
#include "platform/paths.hpp"
#include "support/catch.hpp"
#include "support/temp_dir.hpp"

using namespace fhash;

namespace {

constexpr const char* k_abc_sha256 =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

std::string sha256_of(const std::filesystem::path& path, ReadMode mode = ReadMode::automatic) {
    ReadOptions options;
    options.mode = mode;
    Result<FileHasher> hasher = FileHasher::create({Algorithm::sha256}, options);
    REQUIRE(hasher);
    Result<FileDigests> digests = hasher->hash_file(path);
    if (!digests) {
        FAIL("hash_file failed: " << digests.error().reason());
    }
    return to_hex(digests->digests.at(0));
}

/// Creates a file with CreateFileW on the "\\?\" form (works at any length).
void write_file(const std::filesystem::path& path, const std::string& content) {
    HANDLE h = CreateFileW(platform::to_long_path(path).c_str(), GENERIC_WRITE, 0, nullptr,
                           CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
    REQUIRE(h != INVALID_HANDLE_VALUE);
    DWORD written = 0;
    REQUIRE(WriteFile(h, content.data(), static_cast<DWORD>(content.size()), &written, nullptr));
    CloseHandle(h);
}

std::string read_file(const std::filesystem::path& path) {
    Result<io::File> file = io::File::open_read(path);
    REQUIRE(file);
    std::string out(static_cast<std::size_t>(file->size()), '\0');
    Result<std::size_t> got = file->read({reinterpret_cast<std::uint8_t*>(out.data()), out.size()});
    REQUIRE(got);
    out.resize(*got);
    return out;
}

}  // namespace

TEST_CASE("A file with a non-ASCII name is hashed, by both read paths", "[io][win32]") {
    const test::TempDir dir;
    // "données_日本語_😀.txt", named through UTF-8 as the command line gives it.
    const std::filesystem::path path =
        dir.path() / platform::path_from_utf8(
                         "donn\xC3\xA9"
                         "es_\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E_\xF0\x9F\x98\x80.txt");
    write_file(path, "abc");
    CHECK(sha256_of(path, ReadMode::chunked) == k_abc_sha256);
    CHECK(sha256_of(path, ReadMode::mmap) == k_abc_sha256);
}

TEST_CASE("A path longer than MAX_PATH is hashed through the engine", "[io][win32]") {
    const test::TempDir dir;
    std::filesystem::path deep = dir.path();
    for (int i = 0; i < 6; ++i) {
        deep /= std::wstring(50, static_cast<wchar_t>(L'a' + i));
        REQUIRE(CreateDirectoryW(platform::to_long_path(deep).c_str(), nullptr));
    }
    const std::filesystem::path file = deep / L"f\u00EFl\u00E9.bin";
    REQUIRE(file.native().size() > 300);
    write_file(file, "abc");
    CHECK(sha256_of(file, ReadMode::chunked) == k_abc_sha256);
    CHECK(sha256_of(file, ReadMode::mmap) == k_abc_sha256);

    const io::WalkResult walked = io::walk_tree(dir.path(), {});
    REQUIRE(walked.files.size() == 1);
    CHECK(walked.files[0] == file);
    CHECK(walked.notes.empty());
}

TEST_CASE("A file another handle holds open for writing can be hashed", "[io][win32]") {
    const test::TempDir dir;
    const std::filesystem::path path = dir.path() / "busy.log";
    HANDLE writer = CreateFileW(path.c_str(), GENERIC_WRITE, FILE_SHARE_READ, nullptr,
                                CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
    REQUIRE(writer != INVALID_HANDLE_VALUE);
    DWORD written = 0;
    REQUIRE(WriteFile(writer, "abc", 3, &written, nullptr));
    REQUIRE(FlushFileBuffers(writer));
    CHECK(sha256_of(path, ReadMode::chunked) == k_abc_sha256);
    CHECK(sha256_of(path, ReadMode::mmap) == k_abc_sha256);
    CloseHandle(writer);
}

TEST_CASE("Opening reports missing files and folders the POSIX way", "[io][win32]") {
    const test::TempDir dir;
    Result<io::File> missing = io::File::open_read(dir.path() / "nope.txt");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == std::errc::no_such_file_or_directory);
    CHECK(missing.error().reason() == "No such file or directory");
    Result<io::File> missing_dir = io::File::open_read(dir.path() / "no" / "where.txt");
    REQUIRE_FALSE(missing_dir);
    CHECK(missing_dir.error().code == std::errc::no_such_file_or_directory);
    Result<io::File> folder = io::File::open_read(dir.path());
    REQUIRE_FALSE(folder);
    CHECK(folder.error().code == make_error_code(Errc::is_a_directory));
}

TEST_CASE("The walk sorts by UTF-8 path and returns root / relative", "[io][win32]") {
    const test::TempDir dir;
    dir.write("b.txt", "b");
    dir.write("a-c.txt", "x");
    dir.write("a/z.txt", "z");
    write_file(dir.path() / platform::path_from_utf8("\xC3\xA9t\xC3\xA9.txt"), "e");
    dir.write("C.txt", "C");  // names differing only in case are one file on Windows
    const io::WalkResult walked = io::walk_tree(dir.path(), {});
    REQUIRE(walked.files.size() == 5);
    std::vector<std::string> names;
    for (const std::filesystem::path& file : walked.files) {
        names.push_back(platform::path_to_utf8(file.lexically_relative(dir.path())));
    }
    // '-' (0x2D) sorts before '/' (0x2F), upper case before lower case, UTF-8 last.
    CHECK(names == std::vector<std::string>{"C.txt", "a-c.txt", "a\\z.txt", "b.txt",
                                            "\xC3\xA9t\xC3\xA9.txt"});
    CHECK(walked.files[0] == dir.path() / "C.txt");
}

TEST_CASE("AtomicFile replaces the target only on commit", "[io][win32]") {
    const test::TempDir dir;
    const std::filesystem::path target = dir.write("out.sha256", "old\n");
    {
        Result<io::AtomicFile> file = io::AtomicFile::create(target);
        REQUIRE(file);
        REQUIRE(file->write("discarded\n"));
    }
    CHECK(read_file(target) == "old\n");
    {
        Result<io::AtomicFile> file = io::AtomicFile::create(target);
        REQUIRE(file);
        REQUIRE(file->write("new\n"));
        REQUIRE(file->commit());
    }
    CHECK(read_file(target) == "new\n");
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        ++count;
    }
    CHECK(count == 1);  // no temporary file left behind
}

TEST_CASE("AtomicFile writes devices straight through and refuses folders", "[io][win32]") {
    Result<io::AtomicFile> nul = io::AtomicFile::create("NUL");
    REQUIRE(nul);
    REQUIRE(nul->write("anything\n"));
    REQUIRE(nul->commit());
    const test::TempDir dir;
    Result<io::AtomicFile> folder = io::AtomicFile::create(dir.path());
    REQUIRE_FALSE(folder);
    CHECK(folder.error().code == make_error_code(Errc::is_a_directory));
}
