#include "platform/paths.hpp"

namespace fhash::platform {

std::string path_to_utf8(const std::filesystem::path& path) {
    return path.native();
}

std::filesystem::path path_from_utf8(std::string_view text) {
    return std::filesystem::path(std::string(text));
}

std::string generic_display(const std::filesystem::path& path) {
    return path.native();
}

std::string program_key(std::string_view argv0) {
    const std::size_t slash = argv0.rfind('/');
    return std::string(slash == std::string_view::npos ? argv0 : argv0.substr(slash + 1));
}

}  // namespace fhash::platform
