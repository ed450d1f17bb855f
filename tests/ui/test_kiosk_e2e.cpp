// The real kiosk under Xvfb, driven by input scripts the way a visitor would use it; then
// the database is opened and checked.
#include "store/store.hpp"
#include "support/png_colours.hpp"
#include "support/process.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace dv;

namespace {

std::string script(const std::string& name) { return test::source_dir() + "/tests/ui/scripts/" + name; }

std::string artefacts(const std::string& name) { return test::fresh_artefacts_dir(name); }

std::map<std::string, std::string> answers_by_question(Store& store) {
    std::map<std::string, std::string> out;
    for (const auto& a : store.effective_answers()) out[a.question_id + (a.phase.empty() ? "" : "#" + a.phase)] = a.value;
    return out;
}

// The answers complete_journey.dvs and keyboard_journey.dvs both give.
const std::map<std::string, std::string>& beyond_care_answers() {
    static const std::map<std::string, std::string> answers = {
        {"aware", "yes"},
        {"comfort_wider", "somewhat_comfortable"},
        {"reassure", "names_removed;security"},
        {"age_band", "56_75"},
        {"conditions", "long_term;carer"},
    };
    return answers;
}

bool is_png(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char sig[8] = {};
    in.read(sig, 8);
    return in && std::string(sig, 8) == std::string("\x89PNG\r\n\x1a\n", 8) && std::filesystem::file_size(path) > 10000;
}

}  // namespace

TEST_CASE("Kiosk/a scripted visitor completes a journey and exactly those answers are stored", "[ui]") {
    test::TempDir data;
    const std::string shots = artefacts("complete_journey");
    const auto r = test::run_kiosk_headless(
        {"--data", data.path(), "--script", script("complete_journey.dvs"), "--screenshots", shots});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);

    std::string error;
    auto store = Store::open(data.file("datavoice.sqlite"), error);
    REQUIRE(store);
    const auto sessions = store->sessions();
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].pack_id == "default");
    CHECK(sessions[0].language == "en");
    CHECK(sessions[0].session_id.size() == 32);
    CHECK_FALSE(sessions[0].date_uncertain);  // the machine's clock is after the build date
    for (const auto& a : store->all_answers()) CHECK(a.session_id == sessions[0].session_id);

    CHECK(answers_by_question(*store) == beyond_care_answers());
    // The skipped question is stored as a skip, so reports can count who saw it.
    int skips = 0;
    for (const auto& a : store->all_answers())
        if (a.skipped) {
            ++skips;
            CHECK(a.question_id == "confidence_protected");
        }
    CHECK(skips == 1);

    for (const char* shot : {"01-attract", "02-welcome", "03-topics", "04-explainer-what-nhs-keeps",
                             "06-explainer-privacy-code", "07-question-aware", "09-question-scale", "11-question-multi",
                             "13-closing-opt-out", "14-thank-you", "15-attract-again"})
        CHECK(is_png(shots + "/" + shot + ".png"));
}

TEST_CASE("Kiosk/a keyboard-only visitor completes the same journey with Tab and Enter", "[ui][a11y]") {
    test::TempDir data;
    const std::string shots = artefacts("keyboard_journey");
    const auto r = test::run_kiosk_headless(
        {"--data", data.path(), "--script", script("keyboard_journey.dvs"), "--screenshots", shots});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string error;
    auto store = Store::open(data.file("datavoice.sqlite"), error);
    REQUIRE(store);
    CHECK(store->session_count() == 1);
    CHECK(answers_by_question(*store) == beyond_care_answers());
}

TEST_CASE("Kiosk/with read-aloud on, one tap reads an answer or button and chooses it", "[ui][a11y]") {
    test::TempDir data;
    const auto r = test::run_kiosk_headless(
        {"--data", data.path(), "--script", script("read_aloud_taps.dvs"), "--screenshots", data.path()}, 1920, 1080,
        test::sound_device_env(data.path(), true));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);  // the script's expect-screen lines check each Next moved on at one tap
    std::string error;
    auto store = Store::open(data.file("datavoice.sqlite"), error);
    REQUIRE(store);
    // Every answer was tapped once, with read-aloud on (the scale's first answer then
    // replaced by another), and the last one after Stop reading, itself tapped once.
    CHECK(answers_by_question(*store) == std::map<std::string, std::string>{{"aware", "yes"},
                                                                            {"comfort_wider", "very_comfortable"},
                                                                            {"confidence_protected", "very_confident"}});
    for (const auto& a : store->all_answers()) CHECK_FALSE(a.skipped);
}

namespace {

// The welcome and topics screens' widgets, as the kiosk drew them with or without a sound device.
std::string welcome_widgets(bool sound_device) {
    test::TempDir data;
    std::ofstream(data.file("look.dvs")) << "tap start\ndump-widgets welcome\ntap next\ndump-widgets topics\nquit\n";
    const auto r = test::run_kiosk_headless({"--data", data.path(), "--script", data.file("look.dvs"),
                                             "--screenshots", data.path()},
                                            1920, 1080, test::sound_device_env(data.path(), sound_device));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK((r.err.find("no sound device; read-aloud is not offered") != std::string::npos) == !sound_device);
    return test::read_file(data.file("welcome.json")) + test::read_file(data.file("topics.json"));
}

}  // namespace

TEST_CASE("Kiosk/with no sound device there is no read-aloud control", "[ui][a11y]") {
    const std::string without = welcome_widgets(false);
    CHECK(without.find("\"text_size\"") != std::string::npos);  // the dump is of the real header
    CHECK(without.find("\"read_aloud\"") == std::string::npos);
    // The same kiosk with a (null) sound device offers it.
    CHECK(welcome_widgets(true).find("\"read_aloud\"") != std::string::npos);
}

TEST_CASE("Kiosk/high contrast and extra-large text reach every kind of screen", "[ui][a11y]") {
    test::TempDir data;
    const std::string shots = artefacts("high_contrast_large");
    const auto r = test::run_kiosk_headless(
        {"--data", data.path(), "--script", script("high_contrast_large.dvs"), "--screenshots", shots});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    for (const char* shot : {"01-welcome", "02-topics", "03-explainer", "04-scenario", "05-first-view", "06-sure",
                             "07-knowledge", "08-card", "09-reasons", "10-knowledge-answers", "11-results",
                             "12-about-you", "13-closing", "14-leave", "15-thank-you"}) {
        CHECK(is_png(shots + "/" + shot + ".png"));
        test::check_high_contrast(shots + "/" + shot + ".png");  // the pixels, not just a file
    }
    // The comparison group's pause, in the same colours.
    const std::string pause_shots = artefacts("high_contrast_pause");
    test::TempDir pause_data;
    const auto p = test::run_kiosk_headless(
        {"--data", pause_data.path(), "--script", script("high_contrast_pause.dvs"), "--screenshots", pause_shots}, 1920,
        1080, {{"DATAVOICE_TEST_PERCENT_DRAW", test::kDrawComparisonGroup}});
    INFO(p.err);
    REQUIRE(p.exit_code == 0);  // the pause came where the cards would have
    test::check_high_contrast(pause_shots + "/01-pause.png");
}

TEST_CASE("Kiosk/an abandoned journey keeps what was answered and resets to attract", "[ui]") {
    test::TempDir data;
    const std::string shots = artefacts("abandon_journey");
    const auto r = test::run_kiosk_headless(
        {"--data", data.path(), "--script", script("abandon_journey.dvs"), "--screenshots", shots});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);

    std::string error;
    auto store = Store::open(data.file("datavoice.sqlite"), error);
    REQUIRE(store);
    CHECK(store->session_count() == 1);
    // The answer moved on from is stored; the one chosen but never moved on from is not.
    CHECK(answers_by_question(*store) == std::map<std::string, std::string>{{"know_can_opt_out", "no"}});
    CHECK(is_png(shots + "/02-still-there.png"));
    CHECK(is_png(shots + "/03-reset.png"));

    // Nothing of the visitor is on screen after the reset: only the attract screen's start area.
    const std::string widgets = test::read_file(shots + "/03-reset.json");
    CHECK(widgets.find("\"screen\": \"attract\"") != std::string::npos);
    CHECK(widgets.find("\"id\": \"start\"") != std::string::npos);
    CHECK(widgets.find("opt_") == std::string::npos);
    CHECK(widgets.find("still_here") == std::string::npos);
}

TEST_CASE("Kiosk/a script that expects the wrong screen fails with its file and line", "[ui]") {
    test::TempDir data;
    std::ofstream(data.file("wrong.dvs")) << "tap start\nexpect-screen topics\nquit\n";
    const auto r = test::run_kiosk_headless({"--data", data.path(), "--script", data.file("wrong.dvs"), "--screenshots",
                                             data.path()});
    CHECK(r.exit_code == 3);
    CHECK(r.err.find(data.file("wrong.dvs") + ":2: expected screen 'topics' but 'welcome' is showing") !=
          std::string::npos);
}

namespace {

// One visit (an opting-out answer) with DATAVOICE_TEST_WALL_CLOCK set to 1970, through the
// fake-clock preload or without it; its database is in `data`.
test::ProcessResult visit_in_1970(const test::TempDir& data, bool preload) {
    std::ofstream(data.file("visit.dvs")) << "tap start\ntap next\ntap topic_opting_out\ntap next\ntap next\n"
                                             "tap opt_yes\ntap next\nquit\n";
    test::Xvfb x(1920, 1080);
    std::map<std::string, std::string> env = {{"DISPLAY", x.display()}, {"DATAVOICE_TEST_WALL_CLOCK", "1970-01-02 10:00"}};
    if (preload) env["LD_PRELOAD"] = FAKE_CLOCK_PRELOAD;
    return test::run_process({test::kiosk_binary(), "--data", data.path(), "--script", data.file("visit.dvs"),
                              "--screenshots", data.path()},
                             env);
}

}  // namespace

TEST_CASE("Kiosk/a visit on an untrusted clock is stored, marked date-uncertain with its boot", "[ui][clock]") {
    test::TempDir data;
    const auto r = visit_in_1970(data, true);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("The clock is set before this software was made.") != std::string::npos);
    std::string error;
    auto store = Store::open(data.file("datavoice.sqlite"), error);
    REQUIRE(store);
    const auto sessions = store->sessions();
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].date_uncertain);
    CHECK(sessions[0].boot == 1);
    CHECK(sessions[0].visit_date == "1970-01-02");
    bool logged = false;
    for (const auto& e : store->audit_log()) logged |= e.event == "clock_untrusted";
    CHECK(logged);
}

TEST_CASE("Kiosk/the shipped kiosk ignores the test clock variable: only the test preload moves time", "[ui][clock]") {
    test::TempDir data;
    const auto r = visit_in_1970(data, false);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("The clock is set before this software was made.") == std::string::npos);
    std::string error;
    auto store = Store::open(data.file("datavoice.sqlite"), error);
    REQUIRE(store);
    const auto sessions = store->sessions();
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].visit_date != "1970-01-02");
    CHECK(sessions[0].visit_date.rfind("20", 0) == 0);
}

TEST_CASE("Kiosk/tapping the scroll arrows keeps \"Still there?\" away, as any choice does", "[ui][a11y]") {
    test::TempDir data;
    const std::string shots = artefacts("scroll_keeps_awake");
    const auto r = test::run_kiosk_headless({"--profile", test::source_dir() + "/firmware_profiles/pi-7in-800x480.toml",
                                             "--data", data.path(), "--script", script("scroll_keeps_awake.dvs"),
                                             "--screenshots", shots},
                                            800, 480);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);  // and the script's last line: 61 s of nothing still brings the overlay
    const std::string dump = test::read_file(shots + "/after-scrolling.json");
    CHECK(dump.find("\"topics\"") != std::string::npos);
    CHECK(dump.find("scroll_down") != std::string::npos);  // the page did scroll: the arrows were there
    CHECK(dump.find("still_here") == std::string::npos);   // 63 s after the last choice, 9 s after a scroll
}
