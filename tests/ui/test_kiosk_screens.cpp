// Every screen of the default pack, in every language, at the default profile (1920×1080):
// screenshotted for people to look at (build/tests/ui/test-artefacts/screens_<lang>/), and
// checked from the widget dumps for text that does not fit its box or leaves the window.
//
// The input script is generated from the pack by walking every topic with core's own Journey,
// so the test follows the content as it changes; each dump also names the screen showing,
// which must be the one the walk expects.
#include "core/journey.hpp"
#include "support/process.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace dv;

namespace {

constexpr float kWidth = 1920, kHeight = 1080;

struct Capture {
    std::string name;    // file stem of the dump and the screenshot
    std::string screen;  // what the walk expects the kiosk to show
};

struct Walk {
    std::string script;
    std::vector<Capture> captures;
};

// The option a walk picks so that a conditional question depending on this one is shown too;
// empty when no question depends on it.
std::string option_to_pick(const LanguageContent& lang, const Question& q) {
    for (const auto& other : lang.questions)
        if (other.show_if && other.show_if->question == q.id && !other.show_if->any_of.empty())
            return other.show_if->any_of.front();
    return {};
}

Walk walk_every_topic(const Pack& pack, const std::string& language) {
    JourneyConfig config;
    config.pack = &pack;
    Journey j(config);
    Now now;
    now.local = CivilTime{2025, 6, 1, 10, 0, 0};
    auto act = [&](const Event& e) {
        now.monotonic += 1;
        j.handle(e, now);
        if (j.pending()) j.handle(Event::of(Event::Kind::Committed), now);
    };
    Walk w;
    std::set<std::string> seen;
    int n = 0;
    auto capture = [&](const std::string& ref) {
        const std::string screen = screen_name(j.screen());
        char num[16];
        std::snprintf(num, sizeof num, "%03d", ++n);
        const std::string name = std::string(num) + "-" + screen + (ref.empty() ? "" : "-" + ref);
        // A screen met again in a later topic (the same explainer, say) looks the same: once is enough.
        if (!seen.insert(screen + "/" + ref).second) return;
        w.script += "dump-widgets " + name + "\nscreenshot " + name + "\n";
        w.captures.push_back({name, screen});
    };

    w.script += "tap start\ntap lang_" + language + "\n";
    act(Event::start());
    act(Event::language(language));
    capture("");
    w.script += "tap next\n";
    act(Event::of(Event::Kind::Next));
    capture("");
    const LanguageContent& lang = *pack.language(language);
    for (size_t t = 0; t < pack.topic_order.size(); ++t) {
        w.script += "tap topic_" + pack.topic_order[t] + "\n";
        act(Event::topic(pack.topic_order[t]));
        while (j.screen() != Screen::ThankYou) {
            std::string ref;
            if (const Question* q = j.question()) ref = q->id;
            else if (j.card()) ref = j.scenario()->id + "-" + std::to_string(j.card_number());
            else if (const Explainer* e = j.explainer()) ref = e->id;
            else if (const Scenario* s = j.scenario()) ref = s->id;
            capture(ref);
            // Questions are skipped (one tap, not two) unless an answer opens a later question.
            const Question* q = j.question();
            const std::string pick = q ? option_to_pick(lang, *q) : std::string();
            if (!pick.empty()) {
                w.script += "tap opt_" + pick + "\ntap next\n";
                act(Event::toggle(pick));
                act(Event::of(Event::Kind::Next));
            } else if (q) {
                w.script += "tap skip\n";
                act(Event::of(Event::Kind::Skip));
            } else {
                w.script += "tap next\n";
                act(Event::of(Event::Kind::Next));
            }
        }
        capture("");
        if (t + 1 < pack.topic_order.size()) {
            w.script += "tap another_topic\n";
            act(Event::of(Event::Kind::AnotherTopic));
        }
    }
    // The "Still there?" overlay, then the attract screen after the reset.
    w.script += "tap another_topic\nadvance 61\nexpect-widget still_here\ndump-widgets 900-still-there\nscreenshot 900-still-there\n"
                "advance 21\nexpect-screen attract\ndump-widgets 901-attract\nscreenshot 901-attract\nquit\n";
    w.captures.push_back({"900-still-there", "topics"});
    w.captures.push_back({"901-attract", "attract"});
    return w;
}

struct Widget {
    std::string id, kind;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool overflow = false, visible = false;
};

std::string text_after(const std::string& line, const std::string& key) {
    const size_t at = line.find("\"" + key + "\": ");
    return at == std::string::npos ? std::string() : line.substr(at + key.size() + 4);
}

// Reads the dump-widgets format (kiosk/platform/script.cpp): the screen on the first line,
// then one widget per line.
std::vector<Widget> read_widgets(const std::string& path, std::string& screen) {
    std::vector<Widget> out;
    std::istringstream in(test::read_file(path));
    std::string line;
    std::getline(in, line);
    const std::string s = text_after(line, "screen");
    screen = s.size() > 1 ? s.substr(1, s.find('"', 1) - 1) : std::string();
    while (std::getline(in, line)) {
        if (line.find("\"id\": ") == std::string::npos) continue;
        Widget w;
        const std::string id = text_after(line, "id");
        w.id = id.substr(1, id.find('"', 1) - 1);
        const std::string kind = text_after(line, "kind");
        w.kind = kind.substr(1, kind.find('"', 1) - 1);
        w.x0 = std::stof(text_after(line, "x0"));
        w.y0 = std::stof(text_after(line, "y0"));
        w.x1 = std::stof(text_after(line, "x1"));
        w.y1 = std::stof(text_after(line, "y1"));
        w.overflow = text_after(line, "overflow").rfind("true", 0) == 0;
        w.visible = text_after(line, "visible").rfind("true", 0) == 0;
        out.push_back(w);
    }
    return out;
}

void check_every_screen(const std::string& language) {
    const Pack& pack = test::default_pack();
    REQUIRE(pack.language(language));
    const Walk walk = walk_every_topic(pack, language);
    test::TempDir data;
    const std::string shots = test::fresh_artefacts_dir("screens_" + language);
    std::ofstream(data.file("walk.dvs")) << walk.script;
    const auto r = test::run_kiosk_headless({"--data", data.path(), "--script", data.file("walk.dvs"), "--screenshots", shots});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);

    int screens = 0, scrolling = 0;
    for (const Capture& c : walk.captures) {
        INFO(shots + "/" + c.name + ".json");
        std::string screen;
        const std::vector<Widget> widgets = read_widgets(shots + "/" + c.name + ".json", screen);
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
