// TempDir's platform-independent part: moving, and removing the folder with its content.

#include <fstream>
#include <system_error>
#include <utility>

#include "io/process.hpp"

namespace fhash::io {

TempDir::TempDir(TempDir&& other) noexcept : m_path(std::exchange(other.m_path, {})) {}

TempDir& TempDir::operator=(TempDir&& other) noexcept {
    if (this != &other) {
        remove();
        m_path = std::exchange(other.m_path, {});
    }
    return *this;
}

TempDir::~TempDir() {
    remove();
}

Result<std::filesystem::path> TempDir::write(const std::string& name,
                                             std::string_view bytes) const {
    std::filesystem::path file = m_path / name;
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
        return make_error(Errc::output_failure, file.string());
    }
    return file;
}

void TempDir::remove() noexcept {
    if (!m_path.empty()) {
        std::error_code ec;  // best effort: a scratch folder left behind is no failure
        std::filesystem::remove_all(m_path, ec);
        m_path.clear();
    }
}

}  // namespace fhash::io
