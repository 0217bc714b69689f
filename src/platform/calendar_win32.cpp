#include "platform/calendar.hpp"

namespace fhash::platform {

std::tm calendar_time(std::time_t t, bool utc) noexcept {
    std::tm tm{};
    if ((utc ? gmtime_s(&tm, &t) : localtime_s(&tm, &t)) != 0) {
        return std::tm{};
    }
    return tm;
}

}  // namespace fhash::platform
