#include "cli/check_selection.hpp"

#include <fmt/format.h>

#include "cli/names.hpp"
#include "platform/paths.hpp"

namespace fhash::cli {

CheckSelection::CheckSelection(const std::vector<std::string>& only) {
    for (const std::string& given : only) {
        m_files.push_back(File{given, path_key(platform::path_from_utf8(given)), false});
    }
}

bool CheckSelection::wants(const std::string& entry_name, const Verifier& verifier) {
    if (entry_name == "-") {
        return false;
    }
    const std::string key = path_key(verifier.resolve(entry_name));
    bool wanted = false;
    for (File& file : m_files) {
        if (file.key == key) {
            file.listed = true;
            wanted = true;
        }
    }
    return wanted;
}

bool CheckSelection::report_unlisted(Console& console,
                                     const std::vector<std::string>& manifests) const {
    bool all = true;
    const std::string where = manifests.size() == 1
                                  ? (manifests.front() == "-" ? std::string("standard input")
                                                              : quote_name(manifests.front()))
                                  : std::string("any manifest");
    for (const File& file : m_files) {
        if (!file.listed) {
            console.error(fmt::format("{}: not listed in {}", quote_name(file.given), where));
            all = false;
        }
    }
    return all;
}

}  // namespace fhash::cli
