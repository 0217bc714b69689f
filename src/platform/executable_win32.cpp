#include "platform/executable.hpp"

namespace fhash::platform {

bool is_executable(const std::filesystem::file_status& /*status*/) noexcept {
    return false;
}

}  // namespace fhash::platform
