#include "cli/own_files.hpp"

#include <system_error>

#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

std::string absolute_key(const std::filesystem::path& path) {
    std::error_code ec;
    return platform::generic_display(std::filesystem::absolute(path, ec).lexically_normal());
}

}  // namespace

void OwnFiles::add(const std::string& arg) {
    if (arg != "-") {
        m_keys.insert(absolute_key(platform::path_from_utf8(arg)));
    }
}

bool OwnFiles::contains(const std::filesystem::path& file) const {
    return !m_keys.empty() && m_keys.contains(absolute_key(file));
}

}  // namespace fhash::cli
