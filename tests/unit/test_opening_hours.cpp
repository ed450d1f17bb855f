// Opening hours: when the kiosk sleeps, and how long until it next changes.
#include "core/opening_hours.hpp"

#include <catch2/catch.hpp>

using namespace dv;

namespace {
CivilTime at(int h, int m, int s = 0) { return CivilTime{2026, 3, 9, h, m, s}; }
}  // namespace

TEST_CASE("Opening hours/a day's hours open and close on the minute", "[hours]") {
    const auto h = OpeningHours::from_text("08:00", "18:30");
    CHECK_FALSE(h.is_open(at(7, 59)));
    CHECK(h.is_open(at(8, 0)));
    CHECK(h.is_open(at(18, 29)));
    CHECK_FALSE(h.is_open(at(18, 30)));
    CHECK(h.seconds_until_change(at(7, 0)) == 3600);
    CHECK(h.seconds_until_change(at(18, 0)) == 1800);
    CHECK(h.seconds_until_change(at(19, 0)) == 13 * 3600);  // until 08:00 tomorrow
}

TEST_CASE("Opening hours/hours across midnight", "[hours]") {
    const auto h = OpeningHours::from_text("20:00", "02:00");
    CHECK(h.is_open(at(23, 0)));
    CHECK(h.is_open(at(1, 59)));
    CHECK_FALSE(h.is_open(at(2, 0)));
    CHECK_FALSE(h.is_open(at(12, 0)));
}

TEST_CASE("Opening hours/00:00 to 24:00 is always open", "[hours]") {
    const auto h = OpeningHours::from_text("00:00", "24:00");
    CHECK(h.always_open());
    for (int hour = 0; hour < 24; ++hour) CHECK(h.is_open(at(hour, 30)));
    CHECK(h.seconds_until_change(at(3, 0)) == 86400);
}
