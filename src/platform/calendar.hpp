#pragma once
/// @file calendar.hpp
/// Broken-down calendar time, thread-safe (gmtime_r/localtime_r on POSIX, gmtime_s/
/// localtime_s on Windows). One declaration, one definition per platform:
/// calendar_posix.cpp, calendar_win32.cpp.

#include <ctime>

namespace fhash::platform {

/// `t` as calendar fields: in UTC when `utc`, else in the local time zone. A time the C
/// library cannot convert gives a zeroed std::tm (all fields 0), never an error.
std::tm calendar_time(std::time_t t, bool utc) noexcept;

}  // namespace fhash::platform
