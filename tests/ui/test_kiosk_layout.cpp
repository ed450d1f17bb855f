// Layout on every kind of kiosk: every screen of the default pack, in every language and at
// every text size, on every hardware profile in firmware_profiles/, at that profile's
// resolution. From the widget dumps: no text clipped or outside the window, no two touch
// targets overlapping, no touch target smaller than 9 mm at the profile's density.
// English screenshots are kept (build/tests/ui/test-artefacts/layout_<profile>/): at every
// text size for the smallest and the portrait screens, at the standard size for the rest.
// A question shows with every one of its answers, without scrolling; a QR code is always
// wholly on screen, and zbarimg reads its link from every screenshot it is in.
#include "core/profile.hpp"
#include "support/process.hpp"
#include "support/screen_walk.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

using namespace dv;

namespace {

HardwareProfile load_profile(const std::string& name) {
    const std::string path = test::source_dir() + "/firmware_profiles/" + name + ".toml";
    const ProfileResult r = parse_profile(test::read_file(path), path);
    REQUIRE(r.profile);
    return *r.profile;
}

// Where two touch targets can both be touched: the parts of them not scrolled out of view.
float overlap_area(const test::Widget& a, const test::Widget& b) {
    const float w = std::min(a.vx1, b.vx1) - std::max(a.vx0, b.vx0);
    const float h = std::min(a.vy1, b.vy1) - std::max(a.vy0, b.vy0);
    return w > 0 && h > 0 ? w * h : 0;
}

// Wholly on screen as first shown: nothing of it scrolled away, nothing outside the window.
bool wholly_shown(const test::Widget& w, float width, float height) {
    return w.visible && w.x0 >= -0.5f && w.y0 >= -0.5f && w.x1 <= width + 0.5f && w.y1 <= height + 0.5f &&
           std::abs(w.vx0 - w.x0) < 0.5f && std::abs(w.vy0 - w.y0) < 0.5f && std::abs(w.vx1 - w.x1) < 0.5f &&
           std::abs(w.vy1 - w.y1) < 0.5f;
}

bool is_question_screen(const std::string& screen) {
    return screen == "question" || screen == "first_view" || screen == "second_view";
}

// The visitor sees the whole question at once: the words and every answer (answers below the
// fold invite the first, most comfortable ones), and an opt-out code a phone can read.
void check_whole_question_and_codes(const std::vector<test::Widget>& widgets, const std::string& screen,
                                    const std::string& png, float width, float height, int& codes_read) {
    const auto question = std::find_if(widgets.begin(), widgets.end(), [](const auto& w) { return w.id == "question"; });
    bool any_answer = false;
    for (const auto& w : widgets) {
        if (w.id.rfind("opt_", 0) != 0) continue;
        any_answer = true;
        INFO("answer '" << w.id << "' is not wholly on screen without scrolling");
        CHECK(wholly_shown(w, width, height));
    }
    if (is_question_screen(screen) && any_answer) {
        INFO("the question is scrolled away while its answers show");
        REQUIRE(question != widgets.end());
        CHECK(wholly_shown(*question, width, height));
    }
    for (const auto& w : widgets) {
        if (w.id != "qr") continue;
        INFO("QR code at " << w.x0 << "," << w.y0 << " - " << w.x1 << "," << w.y1 << " is cut off");
        CHECK(wholly_shown(w, width, height));
        if (!std::filesystem::exists(png)) continue;
        INFO("zbarimg " << png);
        const auto texts = test::zbar_texts(png);
        CHECK(texts.size() == 1);
        CHECK(std::any_of(texts.begin(), texts.end(),
                          [](const std::string& t) { return t.find("nhs.uk/your-nhs-data-matters") != std::string::npos; }));
        ++codes_read;
    }
}

void check_profile(const std::string& name, bool screenshots_at_every_size) {
    const HardwareProfile profile = load_profile(name);
    const Pack& pack = test::default_pack();
    const float width = static_cast<float>(profile.width), height = static_cast<float>(profile.height);
    const float min_target = static_cast<float>(profile.min_touch_target_px());

    std::string script;
    std::vector<test::Capture> captures;
    for (const auto& lang : pack.languages)
        for (int size = 0; size < 3; ++size) {
            test::WalkOptions o;
            o.language = lang.info.code;
            o.text_size = size;
            o.screenshots = lang.info.code == "en" && (size == 0 || screenshots_at_every_size);
            o.prefix = lang.info.code + "-size" + std::to_string(size) + "-";
            o.idle_seconds = profile.idle_seconds;
            o.still_there_seconds = profile.still_there_seconds;
            test::Walk walk = test::walk_every_topic(pack, o);
            script += walk.script.substr(0, walk.script.rfind("quit\n"));
            captures.insert(captures.end(), walk.captures.begin(), walk.captures.end());
        }
    script += "quit\n";

    test::TempDir data;
    const std::string shots = test::fresh_artefacts_dir("layout_" + name);
    std::ofstream(shots + "/walk.dvs") << script;  // kept beside the dumps, to replay by hand
    const std::string path = test::source_dir() + "/firmware_profiles/" + name + ".toml";
    const auto r = test::run_kiosk_headless({"--profile", path, "--data", data.path(), "--script", shots + "/walk.dvs",
                                             "--screenshots", shots, "--skip-unseen-frames"},
                                            profile.width, profile.height);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);

    int checked = 0, scrolling = 0, codes_read = 0;
    for (const auto& c : captures) {
        INFO(name << ": " << shots << "/" << c.name << ".json");
        std::string screen;
        const auto widgets = test::read_widgets(shots + "/" + c.name + ".json", screen);
        REQUIRE_FALSE(widgets.empty());
        CHECK(screen == c.screen);
        ++checked;
        const bool scrolls = std::any_of(widgets.begin(), widgets.end(), [](const auto& w) { return w.id == "scroll_down"; });
        scrolling += scrolls;
        const bool overlay = std::any_of(widgets.begin(), widgets.end(), [](const auto& w) { return w.id == "still_here"; });
        for (const auto& w : widgets) {
            INFO("widget '" << w.id << "' at " << w.x0 << "," << w.y0 << " - " << w.x1 << "," << w.y1);
            CHECK_FALSE(w.overflow);
            CHECK(w.x0 >= -0.5f);
            CHECK(w.x1 <= width + 0.5f);
            // Above or below the window only inside the scrolling column, which then has its arrows.
            if (w.y0 < -0.5f || w.y1 > height + 0.5f) CHECK(scrolls);
            if (w.kind == "button") {
                CHECK(w.x1 - w.x0 >= min_target - 0.5f);
                CHECK(w.y1 - w.y0 >= min_target - 0.5f);
            }
        }
        if (overlay || screen == "attract") continue;  // the overlay covers the page on purpose
        check_whole_question_and_codes(widgets, screen, shots + "/" + c.name + ".png", width, height, codes_read);
        for (size_t i = 0; i < widgets.size(); ++i)
            for (size_t k = i + 1; k < widgets.size(); ++k) {
                const auto &a = widgets[i], &b = widgets[k];
                if (a.kind != "button" || b.kind != "button" || !a.visible || !b.visible) continue;
                INFO("touch targets '" << a.id << "' and '" << b.id << "' overlap");
                CHECK(overlap_area(a, b) < 1.0f);
            }
    }
    CHECK(checked > 100);
    if (screenshots_at_every_size) CHECK(codes_read >= 3);  // the opt-out code at every text size
    WARN(name << ": " << checked << " screens checked, " << scrolling << " scroll, " << codes_read
              << " QR codes read by zbarimg");
}

}  // namespace

TEST_CASE("Layout/the 21.5-inch floor kiosk (1920x1080)", "[ui][layout]") { check_profile("floor-21in-1920x1080", false); }
TEST_CASE("Layout/the 15.6-inch desk screen (1920x1080)", "[ui][layout]") { check_profile("desk-15in-1920x1080", false); }
TEST_CASE("Layout/the 10.1-inch panel (1280x800)", "[ui][layout]") { check_profile("tablet-10in-1280x800", false); }
TEST_CASE("Layout/the Raspberry Pi 7-inch screen (800x480)", "[ui][layout]") { check_profile("pi-7in-800x480", true); }
TEST_CASE("Layout/the Raspberry Pi Touch Display 2 in portrait (720x1280)", "[ui][layout]") {
    check_profile("pi-touch2-portrait-720x1280", true);
}
TEST_CASE("Layout/the 55-inch big screen (3840x2160)", "[ui][layout]") { check_profile("bigscreen-55in-3840x2160", false); }

TEST_CASE("Layout/every shipped profile is covered", "[ui][layout]") {
    const std::vector<std::string> covered = {"floor-21in-1920x1080", "desk-15in-1920x1080", "tablet-10in-1280x800",
                                              "pi-7in-800x480", "pi-touch2-portrait-720x1280", "bigscreen-55in-3840x2160"};
    for (const auto& e : std::filesystem::directory_iterator(test::source_dir() + "/firmware_profiles"))
        if (e.path().extension() == ".toml")
            CHECK(std::find(covered.begin(), covered.end(), e.path().stem().string()) != covered.end());
}
