// The date-correction rule (core/date_correction.hpp): an uncertain date is moved by the
// staff-confirmed offset of its boot only when the result is one calendar date.
#include "core/date_correction.hpp"
#include "core/export_rows.hpp"
#include "exchange/manifest.hpp"

#include <catch2/catch.hpp>

#include <cstdint>

using namespace dv;

namespace {
constexpr std::int64_t kDay = 86400;

ExportSession uncertain(const std::string& date, const std::string& part, int boot) {
    ExportSession s;
    s.session_id = date + part + std::to_string(boot);
    s.visit_date = date;
    s.part_of_day = part;
    s.date_uncertain = true;
    s.boot = boot;
    return s;
}
}  // namespace

TEST_CASE("Date correction/a whole-day offset moves the date and keeps the part of day", "[date_correction]") {
    const auto r = shift_date_label({"1970-01-01", "afternoon"}, 20000 * kDay);
    REQUIRE(r);
    CHECK(r->visit_date == "2024-10-04");  // 1970-01-01 + 20000 days
    CHECK(r->part_of_day == "afternoon");
    const auto week = shift_date_label({"2025-11-16", ""}, 7 * kDay);
    REQUIRE(week);
    CHECK(week->visit_date == "2025-11-23");
    CHECK(week->part_of_day.empty());
}

TEST_CASE("Date correction/a year forward lands on the same day of the next year", "[date_correction]") {
    const auto r = shift_date_label({"2024-11-23", "morning"}, 365 * kDay);
    REQUIRE(r);
    CHECK(r->visit_date == "2025-11-23");
    CHECK(r->part_of_day == "morning");
    const auto back = shift_date_label({"2025-03-01", ""}, -365 * kDay);  // across 29 February 2024
    REQUIRE(back);
    CHECK(back->visit_date == "2024-03-01");
}

TEST_CASE("Date correction/an offset that makes the interval straddle midnight leaves the date uncertain",
          "[date_correction]") {
    CHECK_FALSE(shift_date_label({"2025-11-23", ""}, 3 * 3600));          // a whole day moved 3 hours
    CHECK_FALSE(shift_date_label({"2025-11-23", "evening"}, 3 * 3600));   // 20:00–03:00: two dates
    CHECK_FALSE(shift_date_label({"2025-11-23", "morning"}, -1));         // 23:59:59 the day before to 11:59:59
}

TEST_CASE("Date correction/a part of day shifted within one date keeps the date and the part only if it stays in one",
          "[date_correction]") {
    const auto r = shift_date_label({"2025-11-23", "morning"}, 3 * 3600 + 2 * kDay);  // 03:00–15:00
    REQUIRE(r);
    CHECK(r->visit_date == "2025-11-25");
    CHECK(r->part_of_day.empty());  // morning and afternoon: the part is not known
    const auto evening = shift_date_label({"2025-11-23", "evening"}, 8 * 3600);  // 01:00–08:00 the next day
    REQUIRE(evening);
    CHECK(evening->visit_date == "2025-11-24");
    CHECK(evening->part_of_day == "morning");
    const auto afternoon = shift_date_label({"2025-11-23", "afternoon"}, 3600);  // 13:00–18:00
    REQUIRE(afternoon);
    CHECK(afternoon->part_of_day.empty());
    const auto early = shift_date_label({"2025-11-23", "afternoon"}, -3600 * 2);  // 10:00–15:00
    REQUIRE(early);
    CHECK(early->visit_date == "2025-11-23");
}

TEST_CASE("Date correction/a period moves only when the shift keeps it one calendar date", "[date_correction]") {
    CHECK_FALSE(shift_date_label({"2025-11-17/2025-11-23", ""}, 7 * kDay));  // still a week: not one date
    const auto one = shift_date_label({"2025-11-23/2025-11-23", ""}, kDay);
    REQUIRE(one);
    CHECK(one->visit_date == "2025-11-24");
    CHECK_FALSE(shift_date_label({"2025-11-23/2025-11-22", ""}, 0));  // malformed: ends before it starts
    CHECK_FALSE(shift_date_label({"2025-11-23", ""}, INT64_MAX));      // not a clock correction
}

TEST_CASE("Date correction/only sessions of a boot with a correction change and the latest correction wins",
          "[date_correction]") {
    std::vector<ExportSession> sessions = {uncertain("1970-01-02", "morning", 3), uncertain("1970-01-02", "morning", 4),
                                           uncertain("1970-01-02", "", 3)};
    ExportSession trusted = uncertain("2025-11-20", "", 0);
    trusted.date_uncertain = false;
    sessions.push_back(trusted);
    const std::vector<ClockCorrection> corrections = {{3, kDay, "2025-11-23"}, {3, 20414 * kDay, "2025-11-23"}};
    const auto count = correct_uncertain_dates(sessions, corrections);
    CHECK(count.corrected == 2);
    CHECK(count.still_uncertain == 1);
    CHECK(sessions[0].visit_date == "2025-11-23");  // 1970-01-02 + 20414 days
    CHECK(sessions[0].part_of_day == "morning");
    CHECK_FALSE(sessions[0].date_uncertain);
    CHECK(sessions[0].boot == 0);
    CHECK(sessions[1].date_uncertain);  // boot 4 has no correction
    CHECK(sessions[1].visit_date == "1970-01-02");
    CHECK(sessions[2].visit_date == "2025-11-23");
    CHECK(sessions[3].visit_date == "2025-11-20");  // trusted dates are never touched
}

TEST_CASE("Date correction/the manifest's clock key round-trips and is optional and a malformed one names the key",
          "[date_correction][bundle]") {
    Manifest m;
    m.export_id = "0123456789abcdef";
    std::string error;
    Manifest back;
    REQUIRE(parse_manifest(manifest_json(m), "manifest.json", back, error));
    CHECK_FALSE(back.clock);  // older bundles have no clock key
    m.clock = ExportClock{"2025-11-23T15:40", false, 3, {{3, 1763776800, "2025-11-23"}, {2, -3600, "2025-11-20"}}};
    REQUIRE(parse_manifest(manifest_json(m), "manifest.json", back, error));
    REQUIRE(back.clock);
    CHECK(back.clock->at_export == "2025-11-23T15:40");
    CHECK_FALSE(back.clock->trusted);
    CHECK(back.clock->boot == 3);
    REQUIRE(back.clock->corrections.size() == 2);
    CHECK(back.clock->corrections[0].offset_seconds == 1763776800);
    CHECK(back.clock->corrections[1].boot == 2);
    std::string text = manifest_json(m);
    text.replace(text.find("1763776800"), 10, "\"soon\"");
    CHECK_FALSE(parse_manifest(text, "b/manifest.json", back, error));
    CHECK(error == "b/manifest.json: 'clock' is missing or has the wrong type");
}
