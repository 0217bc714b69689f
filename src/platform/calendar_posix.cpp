#include "platform/calendar.hpp"

namespace fhash::platform {

std::tm calendar_time(std::time_t t, bool utc) noexcept {
    std::tm tm{};
    if ((utc ? gmtime_r(&t, &tm) : localtime_r(&t, &tm)) == nullptr) {
        return std::tm{};
    }
    return tm;
}

}  // namespace fhash::platform
