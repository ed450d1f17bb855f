// The kiosk's clock records: staff confirmations in the store (with their audit entries),
// the count of date-uncertain visits, the correction carried across a restart, and the
// "clock" key exports write into manifest.json (docs/bundle-format.md).
#include "exchange/manifest.hpp"
#include "store/clock_records.hpp"
#include "support/export_fixture.hpp"
#include "support/fixed_clock.hpp"
#include "support/process.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace dv;

namespace {

std::int64_t at(const char* text) {
    CivilTime c;
    REQUIRE(parse_civil(text, c));
    return unix_from_civil(c);
}

// A system clock with an OS boot id, so a correction can be tied to it.
class BootClock final : public Clock {
public:
    BootClock(std::int64_t unix, std::string run) : m_clock(unix), m_run(std::move(run)) {}
    test::FixedClock& fixed() { return m_clock; }
    void reboot(std::string run) { m_run = std::move(run); }
    double monotonic_seconds() const override { return m_clock.monotonic_seconds(); }
    std::int64_t unix_seconds() const override { return m_clock.unix_seconds(); }
    CivilTime local_time(std::int64_t u) const override { return m_clock.local_time(u); }
    std::string run_id() const override { return m_run; }

private:
    test::FixedClock m_clock;
    std::string m_run;
};

// n visits of the tiny pack on `date`, each stamped with the boot and (un)certainty given.
void add_stamped(test::ExportFixture& x, int n, int first, const std::string& date, bool uncertain, int boot) {
    for (int i = first; i < first + n; ++i) {
        PendingCommit p = test::visit_to(test::tiny_pack(), "clock" + std::to_string(100000 + i), date, "morning", boot);
        p.session.stamp.date_uncertain = uncertain;
        p.answers.push_back({"q_single", "", "yes", test::tiny_pack().default_content().question("q_single")->content_hash,
                             false});
        REQUIRE(x.store->commit(p));
    }
}

}  // namespace

TEST_CASE("Store clock/a confirmation is stored with its audit entry, and the latest of each boot counts", "[store][clock]") {
    test::ExportFixture x;
    Store& s = *x.store;
    REQUIRE(s.record_clock_confirmation({3, 600, "2026-03-09"}, "clock_set", "offset 600 seconds, boot 3",
                                        "2026-03-09 09:00:00"));
    REQUIRE(s.record_clock_confirmation({3, 660, "2026-03-09"}, "clock_set", "offset 660 seconds, boot 3",
                                        "2026-03-09 09:05:00"));
    REQUIRE(s.record_clock_confirmation({2, 0, "2026-03-08"}, "clock_confirmed", "offset 0 seconds, boot 2",
                                        "2026-03-08 12:00:00"));
    const auto c = s.clock_confirmations();
    REQUIRE(c.size() == 2);
    CHECK(c[0].boot == 2);
    CHECK(c[0].offset_seconds == 0);
    CHECK(c[1].boot == 3);
    CHECK(c[1].offset_seconds == 660);
    CHECK(c[1].confirmed_on == "2026-03-09");
    std::map<std::string, int> events;
    for (const auto& e : s.audit_log()) ++events[e.event];
    CHECK(events["clock_set"] == 2);
    CHECK(events["clock_confirmed"] == 1);
}

TEST_CASE("Store clock/the staff screen gets the number of visits with uncertain dates, a count only", "[store][clock]") {
    test::ExportFixture x;
    add_stamped(x, 4, 0, "1970-01-01", true, 5);
    add_stamped(x, 3, 10, "2026-03-09", false, 6);
    CHECK(x.store->date_uncertain_count() == 4);
    const StaffTotals t = x.store->staff_totals();
    CHECK(t.sessions_date_uncertain == 4);
    CHECK(t.sessions == 7);
    // Each day says how many of its visits have an uncertain date, so the table can mark it.
    REQUIRE(t.days.size() == 2);
    CHECK(t.days[0].date == "2026-03-09");
    CHECK(t.days[0].date_uncertain == 0);
    CHECK(t.days[1].date == "1970-01-01");
    CHECK(t.days[1].date_uncertain == 4);
}

TEST_CASE("Store clock/a correction holds across a restart in the same OS boot, not after a reboot or a clock change",
          "[store][clock]") {
    test::ExportFixture x;
    Store& s = *x.store;
    BootClock system(at("1970-01-01 00:10"), "boot-a");
    REQUIRE(save_carried_correction(s, system, 1000000));
    system.fixed().advance(3600);  // the clock kept running from the same base
    CHECK(carried_correction(s, system) == 1000000);
    system.fixed().set(system.unix_seconds() + 3600);  // someone set the clock since
    CHECK(carried_correction(s, system) == 0);
    system.fixed().set(system.unix_seconds() - 3600);
    REQUIRE(carried_correction(s, system) == 1000000);
    system.reboot("boot-b");  // after a reboot the trust rules decide again
    CHECK(carried_correction(s, system) == 0);
    // Nothing is carried when the OS boot cannot be told apart.
    BootClock unknown(at("1970-01-01 00:10"), "");
    REQUIRE(save_carried_correction(s, unknown, 500));
    CHECK(carried_correction(s, unknown) == 0);
}

TEST_CASE("Store clock/the clock memory is saved rounded down to the hour and read back", "[store][clock]") {
    test::ExportFixture x;
    REQUIRE(save_clock_memory(*x.store, {at("2026-03-09 10:47"), 7}));
    const ClockMemory m = load_clock_memory(*x.store);
    CHECK(m.last_trusted == at("2026-03-09 10:00"));
    CHECK(m.boot == 7);
}

TEST_CASE("Store clock/an export outside the kiosk judges the clock by the same rules, without counting a boot",
          "[store][clock]") {
    test::ExportFixture x;
    Store& s = *x.store;
    // A real time after this build, as staff would set it.
    const std::int64_t actual = clock_rules().build_time + 10 * 86400 + 11 * 3600;
    REQUIRE(save_clock_memory(s, {actual - 3600, 4}));
    BootClock system(at("1970-01-01 02:00"), "boot-a");
    ExportClock c = clock_for_export_without_kiosk(s, system);
    CHECK_FALSE(c.trusted);
    CHECK(c.boot == 4);
    CHECK(c.at_export == "1970-01-01T02:00");
    // With staff's correction still valid for this run of the clock, it is applied and trusted.
    REQUIRE(save_carried_correction(s, system, actual - system.unix_seconds()));
    c = clock_for_export_without_kiosk(s, system);
    CHECK(c.trusted);
    CHECK(c.at_export == iso_minute(civil_from_unix(actual)));
    CHECK(load_clock_memory(s).boot == 4);
}

TEST_CASE("Store clock/an export carries the clock and the correction of each boot whose uncertain visits it holds",
          "[store][clock][bundle]") {
    test::ExportFixture x;
    add_stamped(x, 6, 0, "1970-01-01", true, 3);    // uncertain, corrected in boot 3
    add_stamped(x, 5, 10, "2019-03-04", true, 4);   // uncertain, never corrected
    add_stamped(x, 6, 20, "2026-03-09", false, 5);  // trusted
    Store& s = *x.store;
    REQUIRE(s.record_clock_confirmation({3, 100, "2026-03-08"}, "clock_set", "", "2026-03-08 09:00:00"));
    REQUIRE(s.record_clock_confirmation({3, 1770000000, "2026-03-08"}, "clock_set", "", "2026-03-08 09:10:00"));
    REQUIRE(s.record_clock_confirmation({5, 0, "2026-03-09"}, "clock_confirmed", "", "2026-03-09 09:00:00"));
    REQUIRE(s.record_clock_confirmation({1, 50, "2026-01-20"}, "clock_set", "", "2026-01-20 09:00:00"));

    ExportOptions o = x.options();
    o.min_group = 5;
    o.clock = ExportClock{"2026-03-09T15:42", true, 5, {{9, 9, "2000-01-01"}}};  // corrections come from the store
    ExportResult r;
    const BundleContents b = x.run_and_open(o, &r);
    REQUIRE(b.manifest.clock);
    const ExportClock& c = *b.manifest.clock;
    CHECK(c.at_export == "2026-03-09T15:42");
    CHECK(c.trusted);
    CHECK(c.boot == 5);
    // Boot 3 only: boot 4 has no confirmation, boot 5's visits are not uncertain, boot 1 has none here.
    REQUIRE(c.corrections.size() == 1);
    CHECK(c.corrections[0].boot == 3);
    CHECK(c.corrections[0].offset_seconds == 1770000000);  // the latest confirmation of the boot
    CHECK(c.corrections[0].confirmed_on == "2026-03-08");
    // The uncertain visits keep their boot in sessions.csv, so the correction can find them.
    int boot3 = 0;
    for (const auto& row : b.sessions) boot3 += row.date_uncertain && row.boot == 3;
    CHECK(boot3 == 6);
    const std::string text = test::read_file(r.bundle_dir + "/manifest.json");
    CHECK(text.find("\"clock\": {") != std::string::npos);
    CHECK(text.find("\"offset_seconds\": 1770000000") != std::string::npos);
}

TEST_CASE("Store clock/manifests without the clock key still read, and a malformed one is refused by name",
          "[bundle][clock]") {
    Manifest m;
    m.export_id = "00112233aabbccdd";
    m.created_on = "2026-03-09";
    Manifest back;
    std::string error;
    REQUIRE(parse_manifest(manifest_json(m), "old/manifest.json", back, error));
    CHECK_FALSE(back.clock);
    CHECK(manifest_json(m).find("\"clock\"") == std::string::npos);

    m.clock = ExportClock{"2026-03-09T15:42", false, 12, {{11, -3600, "2026-03-09"}, {12, 86400 * 365, "2026-03-09"}}};
    REQUIRE(parse_manifest(manifest_json(m), "new/manifest.json", back, error));
    REQUIRE(back.clock);
    CHECK(back.clock->at_export == "2026-03-09T15:42");
    CHECK_FALSE(back.clock->trusted);
    CHECK(back.clock->boot == 12);
    REQUIRE(back.clock->corrections.size() == 2);
    CHECK(back.clock->corrections[0].offset_seconds == -3600);
    CHECK(back.clock->corrections[1].boot == 12);

    std::string bad = manifest_json(m);
    bad.replace(bad.find("2026-03-09T15:42"), 16, "2026-03-09 15:42");
    CHECK_FALSE(parse_manifest(bad, "bad/manifest.json", back, error));
    CHECK(error == "bad/manifest.json: clock: 'at_export' must be a time like 2026-03-04T10:00 and 'boot' not negative");
    bad = manifest_json(m);
    bad.replace(bad.find("\"trusted\": false"), 16, "\"trusted\": \"no\"");
    CHECK_FALSE(parse_manifest(bad, "bad/manifest.json", back, error));
    CHECK(error == "bad/manifest.json: 'clock' is missing or has the wrong type");
}

namespace {

// A kiosk's clocks and trust over a store, as datavoice-kiosk wires them at start-up.
struct KioskTime {
    BootClock os;
    ShiftedClock system{os};  // stands in for the system clock (it can be set, as root could)
    ShiftedClock kiosk{static_cast<Clock&>(system)};
    ClockTrust trust;
    KioskClocks clocks{system, kiosk, trust, false};
    ClockVerdict verdict;

    KioskTime(Store& store, std::int64_t os_unix, const std::string& run, bool may_set_system = false)
        : os(os_unix, run),
          trust(clock_rules(), load_clock_memory(store), store.latest_visit_date()),
          verdict(start_clock_trust(trust, store, system)) {
        clocks.may_set_system = may_set_system;
        kiosk.set_wall_offset(trust.offset());
    }
};

CivilTime civil(std::int64_t unix) { return civil_from_unix(unix); }

std::vector<std::string> clock_events(Store& s) {
    std::vector<std::string> out;
    for (const auto& e : s.audit_log())
        if (e.event.rfind("clock_", 0) == 0) out.push_back(e.event + ": " + e.detail);
    return out;
}

}  // namespace

TEST_CASE("Store clock/staff setting the time trusts the clock through an offset, recorded with the boot",
          "[store][clock]") {
    test::ExportFixture x;
    Store& s = *x.store;
    const std::int64_t actual = clock_rules().build_time + 10 * 86400 + 11 * 3600;  // to the minute
    KioskTime k(s, at("1970-01-01 00:05"), "boot-a");
    REQUIRE(k.verdict == ClockVerdict::BeforeBuild);
    CHECK(k.trust.boot() == 1);
    k.os.fixed().advance(90);  // staff take a minute and a half to set it
    const ClockConfirmOutcome out = confirm_clock(k.clocks, s, true, civil(actual));
    CHECK(out.saved);
    CHECK(out.message.empty());
    CHECK(k.trust.trusted());
    CHECK(k.kiosk.unix_seconds() == actual);
    CHECK(k.system.unix_seconds() == at("1970-01-01 00:06:30"));  // only the kiosk's offset moved
    const std::int64_t found = actual - at("1970-01-01 00:06:30");
    const auto c = s.clock_confirmations();
    REQUIRE(c.size() == 1);
    CHECK(c[0].boot == 1);
    CHECK(c[0].offset_seconds == found);
    CHECK(c[0].confirmed_on == civil(actual).date());
    CHECK(clock_events(s) == std::vector<std::string>{
                                 "clock_untrusted: The clock is set before this software was made.",
                                 "clock_set: offset " + std::to_string(found) + " seconds, boot 1; kiosk offset only"});
    CHECK(s.audit_log().back().at.rfind(civil(actual).date(), 0) == 0);  // stamped on the corrected clock
}

TEST_CASE("Store clock/a correction is carried to a restart whose system clock ran on from the same base",
          "[store][clock]") {
    test::ExportFixture x;
    Store& s = *x.store;
    const std::int64_t actual = clock_rules().build_time + 10 * 86400 + 11 * 3600;
    BootClock os(at("1970-01-01 00:05"), "boot-a");
    ShiftedClock system(os);
    ShiftedClock kiosk(static_cast<Clock&>(system));
    {
        ClockTrust trust(clock_rules(), load_clock_memory(s), s.latest_visit_date());
        REQUIRE(start_clock_trust(trust, s, system) == ClockVerdict::BeforeBuild);
        KioskClocks clocks{system, kiosk, trust, false};
        REQUIRE(confirm_clock(clocks, s, true, civil(actual)).saved);
    }
    os.fixed().advance(3600);  // the kiosk restarts an hour later, same OS boot
    ClockTrust restarted(clock_rules(), load_clock_memory(s), s.latest_visit_date());
    CHECK(start_clock_trust(restarted, s, system) == ClockVerdict::Trusted);
    CHECK(restarted.boot() == 2);
    CHECK(system.unix_seconds() + restarted.offset() == actual + 3600);
    os.reboot("boot-b");  // after a reboot the rules judge the bare clock again
    ClockTrust rebooted(clock_rules(), load_clock_memory(s), s.latest_visit_date());
    CHECK(start_clock_trust(rebooted, s, system) == ClockVerdict::BeforeBuild);
    CHECK(rebooted.offset() == 0);
    CHECK(rebooted.boot() == 3);
}

TEST_CASE("Store clock/where the profile allows it the system clock is set, and the offset found is still recorded",
          "[store][clock]") {
    test::ExportFixture x;
    Store& s = *x.store;
    const std::int64_t actual = clock_rules().build_time + 10 * 86400 + 11 * 3600;
    KioskTime k(s, at("2019-03-04 10:00"), "boot-a", true);
    REQUIRE_FALSE(k.trust.trusted());
    REQUIRE(confirm_clock(k.clocks, s, true, civil(actual)).saved);
    CHECK(k.system.unix_seconds() == actual);  // the system clock itself now reads right
    CHECK(k.trust.offset() == 0);
    CHECK(k.kiosk.unix_seconds() == actual);
    REQUIRE(s.clock_confirmations().size() == 1);
    CHECK(s.clock_confirmations()[0].offset_seconds == actual - at("2019-03-04 10:00"));
    CHECK(clock_events(s).back() ==
          "clock_set: offset " + std::to_string(actual - at("2019-03-04 10:00")) + " seconds, boot 1; system clock set");
    CHECK(s.setting(kSettingClockCorrection).value_or("") == "");  // nothing to carry
}

TEST_CASE("Store clock/'yes, that is right' trusts the clock with no offset and logs clock_confirmed", "[store][clock]") {
    test::ExportFixture x;
    Store& s = *x.store;
    REQUIRE(save_clock_memory(s, {clock_rules().build_time + 86400, 1}));
    // A year on: too far forward to trust without staff.
    KioskTime k(s, clock_rules().build_time + 366 * 86400, "boot-a");
    REQUIRE(k.verdict == ClockVerdict::JumpedForward);
    REQUIRE(confirm_clock(k.clocks, s, false, CivilTime{}).saved);
    CHECK(k.trust.trusted());
    CHECK(k.trust.offset() == 0);
    REQUIRE(s.clock_confirmations().size() == 1);
    CHECK(s.clock_confirmations()[0].offset_seconds == 0);
    CHECK(s.clock_confirmations()[0].boot == 2);
    CHECK(clock_events(s).back() == "clock_confirmed: offset 0 seconds, boot 2");
    CHECK(load_clock_memory(s).last_trusted > clock_rules().build_time + 365 * 86400);
}
