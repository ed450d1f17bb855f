// Every screen of the default pack, in every language, at the default profile (1920×1080):
// screenshotted for people to look at (build/tests/ui/test-artefacts/screens_<lang>/), and
// checked from the widget dumps for text that does not fit its box or leaves the window.
//
// The input script is generated from the pack by walking every topic with core's own Journey,
// so the test follows the content as it changes; each dump also names the screen showing,
// which must be the one the walk expects.
#include "support/process.hpp"
#include "support/screen_walk.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace dv;

namespace {

constexpr float kWidth = 1920, kHeight = 1080;

void check_every_screen(const std::string& language) {
    const Pack& pack = test::default_pack();
    REQUIRE(pack.language(language));
    test::WalkOptions options;
    options.language = language;
    const test::Walk walk = test::walk_every_topic(pack, options);
    test::TempDir data;
    const std::string shots = test::fresh_artefacts_dir("screens_" + language);
    std::ofstream(data.file("walk.dvs")) << walk.script;
    const auto r = test::run_kiosk_headless(
        {"--data", data.path(), "--script", data.file("walk.dvs"), "--screenshots", shots, "--skip-unseen-frames"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);

    int screens = 0, scrolling = 0;
    for (const test::Capture& c : walk.captures) {
        INFO(shots + "/" + c.name + ".json");
        std::string screen;
        const std::vector<test::Widget> widgets = test::read_widgets(shots + "/" + c.name + ".json", screen);
        REQUIRE_FALSE(widgets.empty());
        CHECK(screen == c.screen);
        ++screens;
        bool scrolls = false;
        for (const auto& w : widgets) scrolls = scrolls || w.id == "scroll_down";
        scrolling += scrolls;
        // At the default text size every screen of the default pack fits without scrolling:
        // a visitor should never miss the last answer or topic below the fold.
        CHECK_FALSE(scrolls);
        for (const auto& w : widgets) {
            INFO("widget '" << w.id << "' at " << w.x0 << "," << w.y0 << " - " << w.x1 << "," << w.y1);
            CHECK_FALSE(w.overflow);
            CHECK(w.x0 >= 0);
            CHECK(w.x1 <= kWidth);
            CHECK(w.y0 >= 0);
            // Below the window only inside the scrolling column, which then has its arrows.
            if (w.y1 > kHeight) CHECK(scrolls);
        }
        CHECK(std::filesystem::file_size(shots + "/" + c.name + ".png") > 10000);
    }
    // Every topic was visited: at least its first explainer, its first question and thank you.
    CHECK(screens >= static_cast<int>(pack.topic_order.size()) + 6);
    WARN(language << ": " << screens << " screens checked, " << scrolling << " of them scroll");
}

}  // namespace

TEST_CASE("Screens/the walk covers every language of the default pack", "[ui][screens]") {
    const std::set<std::string> tested = {"en", "en-easy", "pl", "lt", "ro", "pt"};
    for (const auto& lang : test::default_pack().languages) CHECK(tested.count(lang.info.code));
}

TEST_CASE("Screens/every English screen fits its boxes", "[ui][screens]") { check_every_screen("en"); }
TEST_CASE("Screens/every Easy Read screen fits its boxes", "[ui][screens]") { check_every_screen("en-easy"); }
TEST_CASE("Screens/every Polish screen fits its boxes", "[ui][screens]") { check_every_screen("pl"); }
TEST_CASE("Screens/every Lithuanian screen fits its boxes", "[ui][screens]") { check_every_screen("lt"); }
TEST_CASE("Screens/every Romanian screen fits its boxes", "[ui][screens]") { check_every_screen("ro"); }
TEST_CASE("Screens/every Portuguese screen fits its boxes", "[ui][screens]") { check_every_screen("pt"); }
