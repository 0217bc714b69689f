#pragma once
// RAII scratch directory for tests: created unique under the system temp folder, removed
// with everything in it on destruction.

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

namespace fhash::test {

class TempDir {
public:
    TempDir() {
        static std::atomic<unsigned> counter{0};
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        m_path = std::filesystem::temp_directory_path() /
                 ("fhash-test-" + std::to_string(stamp) + "-" + std::to_string(counter++));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

    /// Writes a file (binary) below the directory and returns its path.
    std::filesystem::path write(const std::string& name, std::string_view content) const {
        const auto p = m_path / name;
        std::filesystem::create_directories(p.parent_path());
        std::ofstream out(p, std::ios::binary);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        return p;
    }

private:
    std::filesystem::path m_path;
};

/// `prefix` followed by `n` in decimal, e.g. numbered_name("f", 12) == "f12": a file name
/// per size or index. Built with append: GCC 12's -Wrestrict misfires on
/// `"f" + std::to_string(n)` at -O3 (GCC bug 105329).
inline std::string numbered_name(std::string_view prefix, std::size_t n) {
    std::string name(prefix);
    name.append(std::to_string(n));
    return name;
}

}  // namespace fhash::test
