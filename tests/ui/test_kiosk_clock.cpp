// A kiosk whose clock is years behind, on the real binary under Xvfb: visitors' sessions are
// kept, marked date-uncertain with the boot; staff are asked "Is this right?" as they unlock,
// set the right time with the steppers, and the USB export carries the correction
// (manifest.json "clock") and the audit log the confirmation.
#include "exchange/bundle_read.hpp"
#include "store/store.hpp"
#include "support/process.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

using namespace dv;
namespace fs = std::filesystem;

namespace {

std::int64_t at(const char* text) {
    CivilTime c;
    REQUIRE(parse_civil(text, c));
    return unix_from_civil(c);
}

// The script: `visits` short visits (one answer each, then walking away), the staff gesture
// and PIN, the clock check, the clock moved on by `years` and one hour, and an export.
std::string clock_script(int visits, int years) {
    std::ostringstream s;
    for (int i = 0; i < visits; ++i)
        s << "tap start\ntap next\ntap topic_opting_out\ntap next\ntap next\nexpect-screen question\n"
          << "tap opt_" << (i % 2 ? "yes" : "no") << "\ntap next\nadvance 61\nadvance 21\nexpect-screen attract\n";
    s << "hold 30 30 5.5\nexpect-screen staff_keypad\n";
    for (const char* k : {"key_2", "key_4", "key_6", "key_8", "key_enter"}) s << "tap " << k << "\n";
    s << "expect-screen staff_clock\nscreenshot 01-clock-check\ntap clock_change\nexpect-screen staff_clock_set\n";
    for (int i = 0; i < years; ++i) s << "tap clock_year_up\n";
    s << "tap clock_hour_up\nscreenshot 02-clock-set\ntap clock_save\nexpect-screen staff_home\n"
      << "expect-widget clock_warning\nscreenshot 03-home\n"
      << "tap open_export\nexpect-widget drive_0\ntap start_export\nwait 40\nexpect-screen staff_export_result\n"
      << "tap staff_back\ntap staff_exit\nexpect-screen attract\nquit\n";
    return s.str();
}

}  // namespace

TEST_CASE("Kiosk clock/a kiosk years behind keeps visits as date-uncertain, and the export carries staff's correction",
          "[ui][clock]") {
    test::TempDir dir;
    const std::string data = dir.file("data"), media = dir.file("media"), drive = dir.file("media/drive");
    fs::create_directories(drive);
    std::ifstream in(test::source_dir() + "/firmware_profiles/floor-21in-1920x1080.toml");
    std::stringstream profile;
    profile << in.rdbuf();
    std::ofstream(dir.file("profile.toml")) << std::regex_replace(
        profile.str(), std::regex("removable_media_root = \"/media\""), "removable_media_root = \"" + media + "\"");
    const auto pin = test::run_process({test::kiosk_binary(), "--data", data, "--set-pin"}, {}, "2468\n");
    INFO(pin.err);
    REQUIRE(pin.exit_code == 0);

    const int visits = 10, years = 7;  // 10: the export's min_group, so coarsening lets them out
    const char* fake_start = "2019-03-04 10:00";
    std::ofstream(dir.file("clock.dvs")) << clock_script(visits, years);
    const std::string shots = test::fresh_artefacts_dir("clock");
    test::Xvfb x(1920, 1080);
    const auto started = std::chrono::steady_clock::now();
    const auto r = test::run_process({test::kiosk_binary(), "--profile", dir.file("profile.toml"), "--data", data,
                                      "--script", dir.file("clock.dvs"), "--screenshots", shots},
                                     {{"DISPLAY", x.display()}, {"DATAVOICE_TEST_WALL_CLOCK", fake_start}});
    const auto ran_for = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);

    // Every visit was kept, with the wrong date, marked uncertain with the boot.
    std::string error;
    auto store = Store::open(data + "/datavoice.sqlite", error);
    REQUIRE(store);
    const auto sessions = store->sessions();
    REQUIRE(sessions.size() == static_cast<size_t>(visits));
    for (const auto& s : sessions) {
        CHECK(s.date_uncertain);
        CHECK(s.boot == 1);
        CHECK(s.visit_date == "2019-03-04");
    }

    // Staff set the clock to 7 years and an hour after what it showed (to the minute): the
    // offset found is that, less the seconds the kiosk had already run into its minute.
    const std::int64_t nominal = at("2026-03-04 11:00") - at(fake_start);
    auto near_nominal = [&](std::int64_t offset) {
        return offset <= nominal && offset > nominal - 60 - ran_for.count();
    };
    const auto confirmations = store->clock_confirmations();
    REQUIRE(confirmations.size() == 1);
    CHECK(confirmations[0].boot == 1);
    CHECK(near_nominal(confirmations[0].offset_seconds));
    CHECK(confirmations[0].confirmed_on == "2026-03-04");
    bool untrusted = false, set = false;
    for (const auto& e : store->audit_log()) {
        untrusted |= e.event == "clock_untrusted";
        if (e.event == "clock_set") {
            set = true;
            CHECK(e.detail == "offset " + std::to_string(confirmations[0].offset_seconds) +
                                  " seconds, boot 1; kiosk offset only");
            CHECK(e.at.rfind("2026-03-04 11:", 0) == 0);  // stamped on the corrected clock
        }
    }
    CHECK(untrusted);
    CHECK(set);

    // The bundle on the drive: the visits as stored, and the clock with the correction.
    std::vector<fs::path> bundles;
    for (const auto& e : fs::directory_iterator(drive)) bundles.push_back(e.path());
    REQUIRE(bundles.size() == 1);
    BundleContents b;
    REQUIRE(open_bundle(bundles[0].string(), nullptr, b, error));
    CHECK(b.sessions.size() == static_cast<size_t>(visits));
    for (const auto& s : b.sessions) {
        CHECK(s.date_uncertain);
        CHECK(s.boot == 1);
    }
    REQUIRE(b.manifest.clock);
    const ExportClock& c = *b.manifest.clock;
    CHECK(c.at_export.rfind("2026-03-04T11:", 0) == 0);
    CHECK(c.trusted);
    CHECK(c.boot == 1);
    REQUIRE(c.corrections.size() == 1);
    CHECK(c.corrections[0].boot == 1);
    CHECK(c.corrections[0].offset_seconds == confirmations[0].offset_seconds);
    CHECK(c.corrections[0].confirmed_on == "2026-03-04");
    for (const char* shot : {"01-clock-check", "02-clock-set", "03-home"})
        CHECK(fs::file_size(shots + "/" + std::string(shot) + ".png") > 10000);
}
