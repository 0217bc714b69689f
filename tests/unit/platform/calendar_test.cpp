#include "support/catch.hpp"

#include "platform/calendar.hpp"

using namespace fhash;

TEST_CASE("calendar_time in UTC", "[platform][calendar]") {
    const std::tm epoch = platform::calendar_time(0, true);
    CHECK(epoch.tm_year == 70);
    CHECK(epoch.tm_mon == 0);
    CHECK(epoch.tm_mday == 1);
    CHECK(epoch.tm_hour == 0);

    // The SOURCE_DATE_EPOCH of the FCIV golden cases: 04/16/2020 at 21h37'43.
    const std::tm tm = platform::calendar_time(1587073063, true);
    CHECK(tm.tm_year + 1900 == 2020);
    CHECK(tm.tm_mon + 1 == 4);
    CHECK(tm.tm_mday == 16);
    CHECK(tm.tm_hour == 21);
    CHECK(tm.tm_min == 37);
    CHECK(tm.tm_sec == 43);
}

TEST_CASE("calendar_time in local time keeps minutes and seconds", "[platform][calendar]") {
    // Zone offsets are whole quarter hours: the seconds never change.
    const std::tm local = platform::calendar_time(1587073063, false);
    CHECK(local.tm_sec == 43);
    CHECK(local.tm_year + 1900 == 2020);
}
