#include "cli/status.hpp"

#include "cli/names.hpp"

namespace fhash::cli {

std::string status_word(const Console& console, Status status) {
    switch (status) {
        case Status::ok:
            return console.paint("OK", Tone::good);
        case Status::failed:
            return console.paint("FAILED", Tone::bad);
        case Status::unreadable:
            return console.paint("FAILED open or read", Tone::bad);
        case Status::changed:
            return console.paint("CHANGED", Tone::bad);
        case Status::missing:
            return console.paint("MISSING", Tone::bad);
        case Status::added:
            return console.paint("NEW", Tone::warn);
        case Status::moved:
            return console.paint("MOVED", Tone::warn);
    }
    return {};
}

std::string status_line(const Console& console, std::string_view name, Status status,
                        std::string_view suffix) {
    std::string line = status_name(std::string(name));
    line += ": ";
    line += status_word(console, status);
    line += suffix;
    line += '\n';
    return line;
}

}  // namespace fhash::cli
