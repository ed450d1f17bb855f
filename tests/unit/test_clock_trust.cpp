// Whether the kiosk trusts its clock: every rule, with readings the test chooses (a fake
// clock in all but name), and the invariants numbered in kiosk/core/clock_trust.hpp.
#include "core/clock.hpp"
#include "core/clock_trust.hpp"

#include <catch2/catch.hpp>

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
