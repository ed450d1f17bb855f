// A kiosk whose clock is years behind, on the real binary under Xvfb: visitors' sessions are
// kept, marked date-uncertain with the boot; staff are asked "Is this right?" as they unlock,
// set the right time with the steppers, and the USB export carries the correction
// (manifest.json "clock") and the audit log the confirmation. On the staff laptop the real
// `datavoice collect` gives those visits the corrected date, and `datavoice report` shows
// them under it; visits from an earlier boot, which no confirmation covers, stay uncertain.
#include "exchange/bundle_read.hpp"
#include "store/store.hpp"
#include "support/central_run.hpp"
#include "support/process.hpp"
#include "support/staff_kiosk.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace dv;
namespace fs = std::filesystem;

namespace {

const char* const kFakeStart = "2019-03-04 10:00";  // the kiosk's system clock at start-up

CivilTime civil(const char* text) {
    CivilTime c;
    REQUIRE(parse_civil(text, c));
    return c;
}

// `visits` short visits, one answer each ("no", "yes", "no", … to the opting-out topic's
// first question), then walking away.
std::string visits_script(int visits) {
    std::ostringstream s;
    for (int i = 0; i < visits; ++i)
        s << "tap start\ntap next\ntap topic_opting_out\ntap next\ntap next\nexpect-screen question\n"
          << "tap opt_" << (i % 2 ? "yes" : "no") << "\ntap next\nadvance 61\nadvance 21\nexpect-screen attract\n";
    return s.str();
}

// The staff gesture and PIN, the clock check, the clock moved on by `years` and one hour
// with the steppers, an export to the drive, and out.
std::string staff_script(int years) {
    std::ostringstream s;
    s << "hold 30 30 5.5\nexpect-screen staff_keypad\n";
    for (const char* k : {"key_2", "key_4", "key_6", "key_8", "key_enter"}) s << "tap " << k << "\n";
    s << "expect-screen staff_clock\nscreenshot 01-clock-check\ntap clock_change\nexpect-screen staff_clock_set\n";
    for (int i = 0; i < years; ++i) s << "tap clock_year_up\n";
    s << "tap clock_hour_up\nscreenshot 02-clock-set\ntap clock_save\nexpect-screen staff_home\n"
      << "expect-widget clock_warning\nscreenshot 03-home\n"
      << "tap open_export\nexpect-widget drive_0\ntap start_export\nwait-for-screen staff_export_result 60\n"
      << "tap staff_back\ntap staff_exit\nexpect-screen attract\nquit\n";
    return s.str();
}

// What the steppers in staff_script(years) set: the clock as shown, `years` and an hour on.
CivilTime time_set_by_staff(int years) {
    CivilTime t = civil(kFakeStart);
    t.year += years;
    t.hour += 1;
    return t;
}

// The staff test kiosk (PIN 2468, one drive plugged in) with its system clock started at
// kFakeStart on every run.
struct SlowClockKiosk : test::StaffKiosk {
    SlowClockKiosk() {
        env["DATAVOICE_TEST_WALL_CLOCK"] = kFakeStart;
        env["LD_PRELOAD"] = FAKE_CLOCK_PRELOAD;
        env["TZ"] = "Europe/London";  // a zone with daylight saving
    }

    // One start of the kiosk (one boot) playing `script`; fails the test unless it exits 0.
    void play(const std::string& name, const std::string& script, const std::string& shots) const {
        std::ofstream(dir.file(name + ".dvs")) << script;
        const auto r = run(dir.file(name + ".dvs"), shots);
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
    }

    // The one bundle on the drive.
    std::string bundle() const {
        std::vector<fs::path> bundles;
        for (const auto& e : fs::directory_iterator(drive)) bundles.push_back(e.path());
        REQUIRE(bundles.size() == 1);
        return bundles[0].string();
    }

    // The question every stored answer is to (the scripts answer only one).
    std::string asked_question() const {
        std::string question;
        for (const auto& a : store()->all_answers()) {
            if (question.empty()) question = a.question_id;
            CHECK(a.question_id == question);
        }
        REQUIRE_FALSE(question.empty());
        return question;
    }
};

// The label of option `id` of question `question` in the default pack (the report's words).
std::string option_label(const std::string& question, const std::string& id) {
    const Question* q = test::default_pack().default_content().question(question);
    REQUIRE(q);
    const Option* o = q->option(id);
    REQUIRE(o);
    return o->label;
}

std::string pack_dir() { return test::source_dir() + "/assets/content/default"; }

}  // namespace

TEST_CASE("Kiosk clock/a kiosk years behind keeps visits as date-uncertain, and collect gives them the date staff set",
          "[ui][clock]") {
    SlowClockKiosk kiosk;
    const int visits = 10, years = 7;  // 10: the export's min_group, so coarsening lets them out
    const std::string shots = test::fresh_artefacts_dir("clock");
    const auto started = std::chrono::steady_clock::now();
    kiosk.play("clock", visits_script(visits) + staff_script(years), shots);
    const auto ran_for = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started);

    // Every visit was kept, with the wrong date, marked uncertain with the boot.
    std::string error;
    const auto store = kiosk.store();
    const auto sessions = store->sessions();
    REQUIRE(sessions.size() == static_cast<size_t>(visits));
    for (const auto& s : sessions) {
        CHECK(s.date_uncertain);
        CHECK(s.boot == 1);
        CHECK(s.visit_date == civil(kFakeStart).date());
    }

    // Staff set the clock to 7 years and an hour after what it showed (to the minute): the
    // offset found is that, less the seconds the kiosk had already run into its minute.
    const CivilTime set_to = time_set_by_staff(years);
    const std::int64_t nominal = unix_from_civil(set_to) - unix_from_civil(civil(kFakeStart));
    auto near_nominal = [&](std::int64_t offset) {
        return offset <= nominal && offset > nominal - 60 - ran_for.count();
    };
    const auto confirmations = store->clock_confirmations();
    REQUIRE(confirmations.size() == 1);
    CHECK(confirmations[0].boot == 1);
    CHECK(near_nominal(confirmations[0].offset_seconds));
    CHECK(confirmations[0].confirmed_on == set_to.date());
    const std::string set_hour = set_to.date() + " " + set_to.time_hm().substr(0, 3);  // "YYYY-MM-DD HH:"
    bool untrusted = false, set = false;
    for (const auto& e : store->audit_log()) {
        untrusted |= e.event == "clock_untrusted";
        if (e.event == "clock_set") {
            set = true;
            CHECK(e.detail == "offset " + std::to_string(confirmations[0].offset_seconds) +
                                  " seconds, boot 1; kiosk offset only");
            CHECK(e.at.rfind(set_hour, 0) == 0);  // stamped on the corrected clock
        }
    }
    CHECK(untrusted);
    CHECK(set);

    // The bundle on the drive: the visits as stored, and the clock with the correction.
    BundleContents b;
    REQUIRE(open_bundle(kiosk.bundle(), nullptr, b, error));
    CHECK(b.sessions.size() == static_cast<size_t>(visits));
    for (const auto& s : b.sessions) {
        CHECK(s.date_uncertain);
        CHECK(s.boot == 1);
    }
    REQUIRE(b.manifest.clock);
    const ExportClock& c = *b.manifest.clock;
    CHECK(c.at_export.rfind(set_to.date() + "T" + set_to.time_hm().substr(0, 3), 0) == 0);
    CHECK(c.trusted);
    CHECK(c.boot == 1);
    REQUIRE(c.corrections.size() == 1);
    CHECK(c.corrections[0].boot == 1);
    CHECK(c.corrections[0].offset_seconds == confirmations[0].offset_seconds);
    CHECK(c.corrections[0].confirmed_on == set_to.date());
    for (const char* shot : {"01-clock-check", "02-clock-set", "03-home"})
        CHECK(fs::file_size(shots + "/" + std::string(shot) + ".png") > 10000);

    // The staff laptop: collect corrects every visit, none stays uncertain.
    const std::string central = kiosk.dir.file("central.sqlite");
    const test::Collected collected = test::collect_into(central, {kiosk.drive});
    CHECK(collected.bundles == 1);
    CHECK(collected.visits == visits);
    CHECK(collected.dates_corrected == visits);
    CHECK(collected.dates_uncertain == 0);

    // The report split by month shows them all in the month staff set, none as "date uncertain".
    const std::string question = kiosk.asked_question();
    const std::string by_month = kiosk.dir.file("report-by-month");
    test::write_report(central, by_month, {"--by", "month", "--suppression", "none", "--pack-dir", pack_dir()});
    const CsvTable months = test::report_table(by_month, question + "_by_month");
    REQUIRE(months.rows.size() == 2);  // the month, and TOTAL
    CHECK(months.rows[0][0] == set_to.date().substr(0, 7));
    CHECK(months.rows[0].back() == std::to_string(visits));
    CHECK(test::row_named(months, "date uncertain") == nullptr);

    // Asked for that one day, the report counts every visit and every answer as entered.
    const std::string day = kiosk.dir.file("report-day");
    test::write_report(central, day,
                       {"--from", set_to.date(), "--to", set_to.date(), "--suppression", "none", "--pack-dir", pack_dir()});
    const CsvTable answers = test::report_table(day, question);
    const auto* yes = test::row_named(answers, option_label(question, "yes"));
    const auto* no = test::row_named(answers, option_label(question, "no"));
    const auto* total = test::row_named(answers, "TOTAL");
    REQUIRE((yes && no && total));
    CHECK((*yes)[1] == std::to_string(visits / 2));  // visits_script answers yes on odd visits
    CHECK((*no)[1] == std::to_string(visits - visits / 2));
    CHECK((*total)[1] == std::to_string(visits));
}

TEST_CASE("Kiosk clock/visits stored in an earlier boot stay uncertain through collect, never guessed from a later "
          "correction",
          "[ui][clock]") {
    // Boot 1: visits on the wrong clock, then the kiosk restarts (a power cut) still on the wrong
    // clock. Boot 2: more visits, and staff set the time and export. The offset staff found in
    // boot 2 says nothing certain about boot 1's clock, so only boot 2's visits are corrected.
    SlowClockKiosk kiosk;
    const int first_boot = 4, second_boot = 6, years = 7;  // 10 in all: the export's min_group
    const std::string shots = test::fresh_artefacts_dir("clock_two_boots");
    kiosk.play("boot1", visits_script(first_boot) + "quit\n", shots);
    kiosk.play("boot2", visits_script(second_boot) + staff_script(years), shots);

    std::string error;
    std::map<int, int> per_boot;
    for (const auto& s : kiosk.store()->sessions()) {
        CHECK(s.date_uncertain);
        ++per_boot[s.boot];
    }
    CHECK(per_boot == std::map<int, int>{{1, first_boot}, {2, second_boot}});
    BundleContents b;
    REQUIRE(open_bundle(kiosk.bundle(), nullptr, b, error));
    REQUIRE(b.manifest.clock);
    REQUIRE(b.manifest.clock->corrections.size() == 1);
    CHECK(b.manifest.clock->corrections[0].boot == 2);

    const std::string central = kiosk.dir.file("central.sqlite");
    const test::Collected collected = test::collect_into(central, {kiosk.drive});
    CHECK(collected.visits == first_boot + second_boot);
    CHECK(collected.dates_corrected == second_boot);
    CHECK(collected.dates_uncertain == first_boot);

    // The report says so: boot 1's visits under "date uncertain", boot 2's in the month staff set.
    const CivilTime set_to = time_set_by_staff(years);
    const std::string out = kiosk.dir.file("report");
    test::write_report(central, out, {"--by", "month", "--suppression", "none", "--pack-dir", pack_dir()});
    const CsvTable months = test::report_table(out, kiosk.asked_question() + "_by_month");
    const auto* uncertain = test::row_named(months, "date uncertain");
    const auto* corrected = test::row_named(months, set_to.date().substr(0, 7));
    REQUIRE((uncertain && corrected));
    CHECK(uncertain->back() == std::to_string(first_boot));
    CHECK(corrected->back() == std::to_string(second_boot));
    CHECK(months.rows.size() == 3);  // the two groups and TOTAL: no visit got a guessed date
}
