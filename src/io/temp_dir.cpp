// TempDir's platform-independent part: moving, and removing the folder with its content.

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

void TempDir::remove() noexcept {
    if (!m_path.empty()) {
        std::error_code ec;  // best effort: a scratch folder left behind is no failure
        std::filesystem::remove_all(m_path, ec);
        m_path.clear();
    }
}

}  // namespace fhash::io
