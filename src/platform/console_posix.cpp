#include "platform/console.hpp"

#include <unistd.h>

namespace fhash::platform {

bool stdout_is_terminal() {
    return ::isatty(STDOUT_FILENO) == 1;
}

bool stderr_is_terminal() {
    return ::isatty(STDERR_FILENO) == 1;
}

}  // namespace fhash::platform
