#include <cstdlib>
#include <string_view>

#include "cli/console.hpp"
#include "platform/console.hpp"

namespace fhash::cli {

bool color_wanted(ColorMode mode) {
    if (mode != ColorMode::automatic) {
        return mode == ColorMode::always;
    }
    const char* no_color = std::getenv("NO_COLOR");  // https://no-color.org
    if (no_color != nullptr && *no_color != '\0') {
        return false;
    }
    const char* term = std::getenv("TERM");
    if (term != nullptr && std::string_view(term) == "dumb") {
        return false;
    }
    return platform::stdout_is_terminal();
}

}  // namespace fhash::cli
