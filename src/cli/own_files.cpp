#include "cli/own_files.hpp"

#include "cli/names.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {

void OwnFiles::add(const std::string& arg) {
    if (arg != "-") {
        m_keys.insert(path_key(platform::path_from_utf8(arg)));
    }
}

bool OwnFiles::contains(const std::filesystem::path& file) const {
    return !m_keys.empty() && m_keys.contains(path_key(file));
}

}  // namespace fhash::cli
