#include "cli/check_selection.hpp"

#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "platform/paths.hpp"

namespace fhash::cli {
namespace {

namespace fs = std::filesystem;

std::string key_of(const fs::path& path) {
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec);
    if (ec) {
        absolute = path;
    }
    return platform::generic_display(absolute.lexically_normal());
}

}  // namespace

CheckSelection::CheckSelection(const std::vector<std::string>& only) {
    for (const std::string& given : only) {
        m_files.push_back(File{given, key_of(platform::path_from_utf8(given)), false});
    }
}

bool CheckSelection::wants(const std::string& entry_name, const Verifier& verifier) {
    if (entry_name == "-") {
        return false;
    }
    const std::string key = key_of(verifier.resolve(entry_name));
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
