// The app's modes (kiosk/app/kiosk_mode.hpp) in the real kiosk: what a visitor taps applies
// to the journey that visitor is in, walk-up or a facilitator's turn, and a turn that rests
// after a failed commit comes back by itself. Tests name the invariant they check.
#include "support/png_colours.hpp"
#include "support/staff_kiosk.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace dv;
namespace fs = std::filesystem;

namespace {

// Staff unlock with PIN 2468, confirm the clock, and start the warm homes scenario one
// person at a time: the script then stands on the first person's welcome screen.
const char* kFacilitatorTurn =
    "hold 30 30 5.5\ntap key_2\ntap key_4\ntap key_6\ntap key_8\ntap key_enter\n"
    "expect-screen staff_clock\ntap clock_right\nexpect-screen staff_home\n"
    "tap open_facilitator\nexpect-screen facilitator_choose\n"
    "tap scenario_warm_homes\ntap mode_people\ntap facilitator_start\nexpect-screen welcome\n";

std::string write_script(const test::StaffKiosk& k, const std::string& text) {
    const std::string path = k.dir.file("script.dvs");
    std::ofstream(path) << text;
    return path;
}

}  // namespace

TEST_CASE("Kiosk modes/(2) high contrast tapped on the walk-up welcome screen shows black and yellow", "[ui][a11y][modes]") {
    test::StaffKiosk k;
    const std::string shots = test::fresh_artefacts_dir("modes_contrast_walkup");
    const auto r = k.run(write_script(k, "tap start\nscreenshot 01-standard\ntap contrast_high\nscreenshot 02-high\n"
                                         "tap next\nscreenshot 03-topics-high\nquit\n"),
                         shots);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const test::ScreenColours standard = test::sample_colours(shots + "/01-standard.png", 0.15, 0.85);
    CHECK(standard.background != 0x000000);
    test::check_high_contrast(shots + "/02-high.png");
    test::check_high_contrast(shots + "/03-topics-high.png");
}

TEST_CASE("Kiosk modes/(2) high contrast tapped in a facilitator turn shows black and yellow", "[ui][a11y][modes][facilitator]") {
    test::StaffKiosk k;
    const std::string shots = test::fresh_artefacts_dir("modes_contrast_facilitator");
    const auto r = k.run(write_script(k, std::string(kFacilitatorTurn) +
                                             "tap contrast_high\nscreenshot 01-welcome-high\ntap next\n"
                                             "expect-screen scenario\nscreenshot 02-scenario-high\nquit\n"),
                         shots);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    test::check_high_contrast(shots + "/01-welcome-high.png");
    test::check_high_contrast(shots + "/02-scenario-high.png");
}

TEST_CASE("Kiosk modes/(2) read-aloud tapped in a facilitator turn reads the page", "[ui][a11y][modes][facilitator]") {
    test::StaffKiosk k;
    const std::string shots = test::fresh_artefacts_dir("modes_read_aloud_facilitator");
    k.env = test::sound_device_env(shots, true);  // read-aloud is offered only with a sound device
    const auto r = k.run(write_script(k, std::string(kFacilitatorTurn) +
                                             "tap read_aloud\nexpect-spoken Choose your language\ntap next\n"
                                             "expect-screen scenario\nexpect-spoken Warm homes\nquit\n"),
                         shots);
    INFO(r.err);
    CHECK(r.exit_code == 0);
}

TEST_CASE("Kiosk modes/(4) a facilitator turn resting after a failed commit recovers by itself", "[ui][modes][facilitator]") {
    test::StaffKiosk k;
    const std::string data_dir = fs::canonical(k.data).string();
    test::StaffKiosk& kiosk = k;
    kiosk.env = {{"LD_PRELOAD", FULL_DISK_PRELOAD},
                 {"DATAVOICE_TEST_FULL_DIR", data_dir},
                 {"ASAN_OPTIONS", "verify_asan_link_order=0"}};
    const std::string shots = test::fresh_artefacts_dir("modes_facilitator_resting");
    const auto r = k.run(write_script(k, std::string(kFacilitatorTurn) +
                                             "tap next\nexpect-screen scenario\ntap next\nexpect-screen first_view\n"
                                             "screenshot disk-full-on\ntap opt_yes\ntap next\n"
                                             "expect-screen resting\nscreenshot 01-resting\nscreenshot disk-full-off\n"
                                             "advance 6\nexpect-screen facilitator_between\nquit\n"),
                         shots);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("a facilitator answer was not saved") != std::string::npos);
    CHECK(r.err.find("accepts answers again") != std::string::npos);
}
