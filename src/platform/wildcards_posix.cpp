#include "platform/wildcards.hpp"

namespace fhash::platform {

std::vector<std::string> expand_wildcards(std::vector<std::string> args) {
    return args;
}

}  // namespace fhash::platform
