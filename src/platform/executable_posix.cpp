#include "platform/executable.hpp"

namespace fhash::platform {

bool is_executable(const std::filesystem::file_status& status) noexcept {
    return (status.permissions() & std::filesystem::perms::owner_exec) !=
           std::filesystem::perms::none;
}

}  // namespace fhash::platform
