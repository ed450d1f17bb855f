// Whether the kiosk trusts its clock: every rule, with readings the test chooses (a fake
// clock in all but name), and the invariants numbered in kiosk/core/clock_trust.hpp.
#include "core/clock.hpp"
#include "core/clock_trust.hpp"
#include "support/fixed_clock.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

using namespace dv;

namespace {

const std::int64_t kDay = 86400;
std::int64_t at(const char* text) {
    CivilTime c;
    REQUIRE(parse_civil(text, c));
    return unix_from_civil(c);
}

ClockRules rules() {
    ClockRules r;
    r.build_time = at("2026-01-10");
    r.max_forward_seconds = 60 * kDay;
    return r;
}

}  // namespace

TEST_CASE("Clock trust/a first boot with a sensible clock is trusted", "[clock]") {
    ClockTrust t(rules(), {}, "");
    CHECK(t.start(at("2026-03-01 09:00"), 5.0) == ClockVerdict::Trusted);
    CHECK(t.trusted());
    CHECK(t.boot() == 1);
}

TEST_CASE("Clock trust/booting in 1970 after a power cut is not trusted", "[clock]") {
    ClockTrust t(rules(), {at("2026-03-01 09:00"), 4}, "2026-03-01");
    CHECK(t.start(0, 3.0) == ClockVerdict::BeforeBuild);
    CHECK_FALSE(t.trusted());
    CHECK(t.boot() == 5);
}

TEST_CASE("Clock trust/a clock a week behind the last trusted reading is not trusted", "[clock]") {
    ClockTrust t(rules(), {at("2026-03-08 17:00"), 2}, "2026-03-08");
    CHECK(t.start(at("2026-03-01 09:00"), 1.0) == ClockVerdict::BeforeStoredData);
    ClockTrust u(rules(), {at("2026-03-08 17:00"), 2}, "");
    CHECK(u.start(at("2026-03-08 16:00"), 1.0) == ClockVerdict::WentBackwards);
    CHECK_FALSE(u.trusted());
}

TEST_CASE("Clock trust/a jump forward of a year is not trusted", "[clock]") {
    ClockTrust t(rules(), {at("2026-03-08 17:00"), 2}, "2026-03-08");
    CHECK(t.start(at("2027-03-08 09:00"), 1.0) == ClockVerdict::JumpedForward);
    CHECK_FALSE(t.trusted());
}

TEST_CASE("Clock trust/a normal restart the next morning is trusted", "[clock]") {
    ClockTrust t(rules(), {at("2026-03-08 17:00"), 2}, "2026-03-08");
    CHECK(t.start(at("2026-03-09 08:00"), 1.0) == ClockVerdict::Trusted);
    CHECK(t.boot() == 3);
}

TEST_CASE("Clock trust/(1) a clock changed while running is no longer trusted", "[clock]") {
    ClockTrust t(rules(), {}, "");
    REQUIRE(t.start(at("2026-03-09 08:00"), 100.0) == ClockVerdict::Trusted);
    CHECK(t.check(at("2026-03-09 09:00"), 100.0 + 3600) == ClockVerdict::Trusted);  // both moved an hour
    CHECK(t.check(at("2026-03-02 09:00"), 100.0 + 3700) == ClockVerdict::JumpedWhileRunning);
    CHECK_FALSE(t.trusted());
    // It stays untrusted even once readings look consistent again.
    CHECK(t.check(at("2026-03-02 09:10"), 100.0 + 4300) == ClockVerdict::JumpedWhileRunning);
    CHECK_FALSE(t.trusted());
}

TEST_CASE("Clock trust/(1)(3) a staff correction trusts the clock through an offset", "[clock]") {
    ClockTrust t(rules(), {at("2026-03-08 17:00"), 2}, "2026-03-08");
    const std::int64_t wrong = at("1970-01-01 00:05");
    REQUIRE(t.start(wrong, 300.0) == ClockVerdict::BeforeBuild);
    const std::int64_t actual = at("2026-03-10 09:30");
    CHECK(t.staff_confirm(actual, wrong + 60, 360.0) == actual - (wrong + 60));
    CHECK(t.trusted());
    CHECK(t.offset() == actual - wrong - 60);
    // Running checks compare the system clock with the monotonic one: still consistent.
    CHECK(t.check(wrong + 660, 960.0) == ClockVerdict::Trusted);
}

TEST_CASE("Clock trust/(2) the remembered reading never goes back or records an untrusted time", "[clock]") {
    ClockTrust t(rules(), {at("2026-03-08 17:00"), 2}, "");
    REQUIRE(t.start(at("2026-03-09 08:00"), 1.0) == ClockVerdict::Trusted);
    CHECK(t.remember(at("2026-03-09 10:00")).last_trusted == at("2026-03-09 10:00"));
    t.check(at("2020-01-01 00:00"), 2.0);  // jumps back: untrusted
    CHECK(t.remember(at("2020-01-01 00:00")).last_trusted == at("2026-03-09 10:00"));
    ClockTrust u(rules(), {at("2026-03-08 17:00"), 2}, "");
    REQUIRE(u.start(0, 1.0) == ClockVerdict::BeforeBuild);
    CHECK(u.remember(0).last_trusted == at("2026-03-08 17:00"));
}

TEST_CASE("Clock trust/each boot gets the next number, so sessions across boots stay apart", "[clock]") {
    ClockMemory mem{};
    for (int boot = 1; boot <= 3; ++boot) {
        ClockTrust t(rules(), mem, "");
        t.start(at("2026-03-09 08:00") + boot * kDay, 1.0);
        mem = t.remember(at("2026-03-09 09:00") + boot * kDay);
        CHECK(mem.boot == boot);
    }
}

TEST_CASE("Clock trust/the build date parses to midnight UTC", "[clock]") {
    CHECK(build_time_from_date("2026-01-10") == at("2026-01-10 00:00"));
    CHECK(build_time_from_date("not a date") == 0);
}

TEST_CASE("Clock trust/a week in the past, then a staff correction: the offset is the week and the clock is trusted",
          "[clock]") {
    ClockTrust t(rules(), {at("2026-03-08 17:00"), 2}, "2026-03-08");
    const std::int64_t wrong = at("2026-03-02 09:00");  // the clock lost a week
    REQUIRE(t.start(wrong, 50.0) == ClockVerdict::BeforeStoredData);
    CHECK(t.remember(wrong).last_trusted == at("2026-03-08 17:00"));  // invariant 2
    const std::int64_t actual = at("2026-03-09 09:00");
    CHECK(t.staff_confirm(actual, wrong, 50.0) == 7 * kDay);
    CHECK(t.trusted());
    // Later readings carry the correction; the next boot remembers the corrected time.
    CHECK(t.remember(wrong + 3600).last_trusted == actual + 3600);
}

TEST_CASE("Clock trust/(4) a correction carried over a restart is judged by the same rules", "[clock]") {
    // Staff corrected 1970 to 2026-03-10 09:30 in boot 3; the kiosk restarts within the same OS boot.
    const std::int64_t offset = at("2026-03-10 09:30") - at("1970-01-01 00:05");
    ClockTrust t(rules(), {at("2026-03-10 09:00"), 3}, "2026-03-10");
    CHECK(t.start(at("1970-01-01 01:00"), 3600.0, offset) == ClockVerdict::Trusted);
    CHECK(t.offset() == offset);
    CHECK(t.boot() == 4);
    CHECK(t.remember(at("1970-01-01 02:00")).last_trusted == at("1970-01-01 02:00") + offset);
    // A carried correction that still leaves the clock wrong does not make it trusted.
    ClockTrust u(rules(), {at("2026-03-10 09:00"), 3}, "2026-03-10");
    CHECK(u.start(at("1970-01-01 01:00"), 3600.0, 60) == ClockVerdict::BeforeBuild);
    CHECK_FALSE(u.trusted());
}

TEST_CASE("Clock trust/sessions across two boots: an untrusted boot, then a trusted one after staff fixed it",
          "[clock]") {
    // Boot 1: a power cut left the clock in 1970; staff correct it during the boot.
    ClockTrust first(rules(), {at("2026-03-08 17:00"), 0}, "2026-03-08");
    REQUIRE(first.start(at("1970-01-01 00:00"), 1.0) == ClockVerdict::BeforeBuild);
    const int uncertain_boot = first.boot();
    const std::int64_t offset = first.staff_confirm(at("2026-03-09 08:30"), at("1970-01-01 00:30"), 1801.0);
    ClockMemory mem = first.remember(at("1970-01-01 05:00"));
    CHECK(mem.last_trusted == at("2026-03-09 13:00"));
    // Boot 2: the system clock was set by then (say by staff on the Pi), the next morning.
    ClockTrust second(rules(), mem, "2026-03-09");
    CHECK(second.start(at("2026-03-10 08:00"), 1.0) == ClockVerdict::Trusted);
    CHECK(second.boot() == uncertain_boot + 1);
    CHECK(second.offset() == 0);  // boot 1's correction belongs to boot 1
    CHECK(offset == at("2026-03-09 08:30") - at("1970-01-01 00:30"));
}

TEST_CASE("Clock/steppers wrap day, month, hour and minute and keep the day inside the month", "[clock]") {
    CivilTime t;
    REQUIRE(parse_civil("2026-01-31 23:59", t));
    CHECK(step_civil(t, ClockField::Minute, +1).time_hm() == "23:00");  // wraps, no carry
    CHECK(step_civil(t, ClockField::Hour, +1).time_hm() == "00:59");
    CHECK(step_civil(t, ClockField::Day, +1).date() == "2026-01-01");
    CHECK(step_civil(t, ClockField::Month, +1).date() == "2026-02-28");   // 31 Feb is not a day
    CHECK(step_civil(t, ClockField::Month, -1).date() == "2026-12-31");
    CHECK(step_civil(step_civil(t, ClockField::Month, +1), ClockField::Year, +2).date() == "2028-02-28");
    REQUIRE(parse_civil("2099-06-01 00:00", t));
    CHECK(step_civil(t, ClockField::Year, +1).year == 2099);
    CHECK(step_civil(t, ClockField::Minute, -1).time_hm() == "00:59");
}

TEST_CASE("Clock/a local time set on the kiosk converts back to the same reading", "[clock]") {
    test::FixedClock clock(at("2019-03-04 10:00"));
    CivilTime set;
    REQUIRE(parse_civil("2026-07-01 14:05", set));
    const std::int64_t u = unix_from_local(clock, set);
    CHECK(clock.local_time(u).date() == "2026-07-01");
    CHECK(clock.local_time(u).time_hm() == "14:05");
    CHECK(iso_minute(clock.local_time(u)) == "2026-07-01T14:05");
}

TEST_CASE("Clock/the test clock stands in for the system clock: setting it moves only itself", "[clock]") {
    test::FixedClock base(at("2019-03-04 10:00"));
    ShiftedClock system(base);
    std::string error;
    REQUIRE(system.set_wall_time(at("2026-03-04 10:00"), error));
    CHECK(system.unix_seconds() == at("2026-03-04 10:00"));
    CHECK(base.unix_seconds() == at("2019-03-04 10:00"));
    CHECK(system.monotonic_seconds() == base.monotonic_seconds());
}

namespace {

// The machine's time zone rules (SystemClock::local_time) at a fixed "now", under TZ set for
// the test and put back after it.
class ZoneClock final : public Clock {
public:
    explicit ZoneClock(std::int64_t now) : m_now(now) {}
    double monotonic_seconds() const override { return 0; }
    std::int64_t unix_seconds() const override { return m_now; }
    CivilTime local_time(std::int64_t unix_seconds) const override { return m_system.local_time(unix_seconds); }

private:
    std::int64_t m_now;
    SystemClock m_system;
};

struct TimeZone {
    explicit TimeZone(const char* zone) {
        if (const char* old = std::getenv("TZ")) m_old = old;
        setenv("TZ", zone, 1);
        tzset();
    }
    ~TimeZone() {
        if (m_old) setenv("TZ", m_old->c_str(), 1);
        else unsetenv("TZ");
        tzset();
    }
    std::optional<std::string> m_old;
};

}  // namespace

TEST_CASE("Clock/in Europe/London a time set across a clock change converts with that date's offset", "[clock]") {
    TimeZone london("Europe/London");
    const std::int64_t winter_now = 1764590400;  // 2025-12-01 12:00 GMT
    const std::int64_t summer_now = 1751367600;  // 2025-07-01 12:00 BST = 11:00 UTC
    REQUIRE(ZoneClock(summer_now).local_now().time_hm() == "12:00");  // tzdata is there: BST is one hour on
    for (const std::int64_t now : {winter_now, summer_now}) {
        const ZoneClock clock(now);
        CivilTime summer, winter;
        REQUIRE(parse_civil("2025-07-01 12:00", summer));
        REQUIRE(parse_civil("2025-12-01 12:00", winter));
        // Set in winter for a summer date (and the other way round): the offset of the date set.
        CHECK(unix_from_local(clock, summer) == summer_now);
        CHECK(unix_from_local(clock, winter) == winter_now);
        CHECK(clock.local_time(unix_from_local(clock, summer)).time_hm() == "12:00");
    }
}
