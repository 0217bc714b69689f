// Windows paths: UTF-8 <-> UTF-16, display form, and the "\\?\" form for long paths.
// Wine does not enforce MAX_PATH, so the long-path test shows that the prefixed form works,
// not that the plain form would fail on Windows.

#include <windows.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "platform/long_path_win32.hpp"
#include "platform/paths.hpp"
#include "platform/utf16_win32.hpp"
#include "support/catch.hpp"
#include "support/temp_dir.hpp"

using namespace fhash::platform;

namespace {

// "données_日本語_ü_😀.txt": two-, three- and four-byte UTF-8 (a surrogate pair in UTF-16).
const std::string k_utf8_name =
    "donn\xC3\xA9"
    "es_\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E_\xC3\xBC_\xF0\x9F\x98\x80.txt";
const std::wstring k_utf16_name = L"donn\u00E9es_\u65E5\u672C\u8A9E_\u00FC_\U0001F600.txt";

const std::string k_replacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

std::wstring repeat_folder(wchar_t c, int folders) {
    std::wstring out;
    for (int i = 0; i < folders; ++i) {
        out += std::wstring(50, c) + L"\\";
    }
    return out;
}

}  // namespace

TEST_CASE("UTF-8 and UTF-16 convert both ways, surrogate pairs included", "[platform][win32]") {
    CHECK(k_utf16_name.size() == 20);  // 19 characters: the emoji takes two UTF-16 units
    CHECK(utf8_to_utf16(k_utf8_name) == k_utf16_name);
    CHECK(utf16_to_utf8(k_utf16_name) == k_utf8_name);
    CHECK(utf8_to_utf16("").empty());
    CHECK(utf16_to_utf8(L"").empty());
    CHECK(utf16_to_utf8(std::wstring(L"a\0b", 3)) == std::string("a\0b", 3));
}

TEST_CASE("invalid input becomes U+FFFD", "[platform][win32]") {
    CHECK(utf16_to_utf8(std::wstring(L"a") + wchar_t(0xD800) + L"b") == "a" + k_replacement + "b");
    CHECK(utf8_to_utf16("a\xFF"
                        "b") == L"a\uFFFDb");
}

TEST_CASE("paths from and to UTF-8", "[platform][win32]") {
    const std::filesystem::path p = path_from_utf8("dir/" + k_utf8_name);
    CHECK(p.native() == L"dir/" + k_utf16_name);
    CHECK(path_to_utf8(p) == "dir/" + k_utf8_name);
    CHECK(path_to_utf8(std::filesystem::path(L"C:\\x\\" + k_utf16_name)) ==
          "C:\\x\\" + k_utf8_name);
}

TEST_CASE("display form uses forward slashes and hides the verbatim prefix", "[platform][win32]") {
    CHECK(generic_display(std::filesystem::path(L"a\\b/c.txt")) == "a/b/c.txt");
    CHECK(generic_display(std::filesystem::path(L"C:\\dir\\" + k_utf16_name)) ==
          "C:/dir/" + k_utf8_name);
    CHECK(generic_display(std::filesystem::path(L"\\\\?\\C:\\dir\\f")) == "C:/dir/f");
    CHECK(generic_display(std::filesystem::path(L"\\\\?\\UNC\\server\\share\\f")) ==
          "//server/share/f");
    CHECK(generic_display(std::filesystem::path(L"\\\\server\\share\\f")) == "//server/share/f");
}

TEST_CASE("short paths are passed through unchanged", "[platform][win32]") {
    CHECK(to_long_path(std::filesystem::path(L"file.txt")) == L"file.txt");
    CHECK(to_long_path(std::filesystem::path(L"C:\\dir\\file.txt")) == L"C:\\dir\\file.txt");
    CHECK(to_long_path(std::filesystem::path(L"sub/dir/file.txt")) == L"sub/dir/file.txt");
    CHECK(to_long_path(std::filesystem::path(L"NUL")) == L"NUL");
    CHECK(to_long_path(std::filesystem::path()).empty());
}

TEST_CASE("long paths become absolute with the verbatim prefix", "[platform][win32]") {
    const std::wstring tail = repeat_folder(L'd', 6) + L"f.bin";  // 311 characters

    const std::wstring drive = to_long_path(std::filesystem::path(L"C:\\" + tail));
    CHECK(drive == L"\\\\?\\C:\\" + tail);

    // Forward slashes and "." / ".." are resolved, as the verbatim form would not.
    std::wstring slashed = L"C:/x/../" + tail;
    std::replace(slashed.begin(), slashed.end(), L'\\', L'/');
    CHECK(to_long_path(std::filesystem::path(slashed)) == L"\\\\?\\C:\\" + tail);

    CHECK(to_long_path(std::filesystem::path(L"\\\\server\\share\\" + tail)) ==
          L"\\\\?\\UNC\\server\\share\\" + tail);

    // A relative path becomes absolute.
    const std::wstring relative = to_long_path(std::filesystem::path(tail));
    CHECK(relative.starts_with(L"\\\\?\\"));
    CHECK(relative.ends_with(L"\\" + tail));
    CHECK(relative.find(L'/') == std::wstring::npos);

    // Already verbatim or device paths are left alone.
    const std::wstring verbatim = L"\\\\?\\C:\\" + tail;
    CHECK(to_long_path(std::filesystem::path(verbatim)) == verbatim);
    const std::wstring device = L"\\\\.\\PhysicalDrive0";
    CHECK(to_long_path(std::filesystem::path(device)) == device);
}

TEST_CASE("the threshold counts the full path", "[platform][win32]") {
    const std::wstring at = L"C:\\" + std::wstring(k_long_path_threshold - 3, L'a');
    REQUIRE(at.size() == k_long_path_threshold);
    CHECK(to_long_path(std::filesystem::path(at)) == L"\\\\?\\" + at);
    const std::wstring below = at.substr(0, at.size() - 1);
    CHECK(to_long_path(std::filesystem::path(below)) == below);
}

TEST_CASE("a file below a long non-ASCII path can be created and read", "[platform][win32]") {
    const fhash::test::TempDir temp;
    const std::filesystem::path dir =
        temp.path() / (repeat_folder(L'\u00E9', 6) + L"\u9577\u3044");  // é..., 長い
    const std::filesystem::path file = dir / k_utf16_name;
    REQUIRE(file.native().size() > MAX_PATH);

    std::error_code ec;
    std::filesystem::create_directories(to_long_path(dir), ec);
    REQUIRE_FALSE(ec);

    const std::wstring long_file = to_long_path(file);
    REQUIRE(long_file.starts_with(L"\\\\?\\"));
    HANDLE out = CreateFileW(long_file.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW,
                             FILE_ATTRIBUTE_NORMAL, nullptr);
    REQUIRE(out != INVALID_HANDLE_VALUE);
    DWORD written = 0;
    CHECK(WriteFile(out, "abc", 3, &written, nullptr));
    CloseHandle(out);
    CHECK(written == 3);

    HANDLE in = CreateFileW(long_file.c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr,
                            OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    REQUIRE(in != INVALID_HANDLE_VALUE);
    char buffer[8] = {};
    DWORD read = 0;
    CHECK(ReadFile(in, buffer, sizeof(buffer), &read, nullptr));
    CloseHandle(in);
    CHECK(std::string(buffer, read) == "abc");

    CHECK(std::filesystem::file_size(long_file) == 3);
    CHECK(generic_display(file).ends_with("/" + k_utf8_name));

    // Remove the tree through the long forms: on Windows the plain ones stop at MAX_PATH.
    CHECK(DeleteFileW(long_file.c_str()));
    for (std::filesystem::path p = dir; p != temp.path(); p = p.parent_path()) {
        CHECK(RemoveDirectoryW(to_long_path(p).c_str()));
    }
}
