// Generating walks through every screen of a pack, and reading the kiosk's widget dumps.
#include "screen_walk.hpp"

#include "core/journey.hpp"
#include "process.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <set>
#include <sstream>

namespace dv::test {

namespace {

// The option a walk picks so that a conditional question depending on this one is shown too;
// empty when no question depends on it.
std::string option_to_pick(const LanguageContent& lang, const Question& q) {
    for (const auto& other : lang.questions)
        if (other.show_if && other.show_if->question == q.id && !other.show_if->any_of.empty())
            return other.show_if->any_of.front();
    return {};
}

}  // namespace

Walk walk_every_topic(const Pack& pack, const WalkOptions& options) {
    const std::string& language = options.language;
    JourneyConfig config;
    config.pack = &pack;
    const bool comparison = options.comparison_group;
    config.draw_percent = [comparison] { return comparison ? 0u : 99u; };
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
        const std::string name = options.prefix + num + "-" + screen + (ref.empty() ? "" : "-" + ref);
        // A screen met again in a later topic (the same explainer, say) looks the same: once is enough.
        if (!seen.insert(screen + "/" + ref).second) return;
        w.script += "dump-widgets " + name + "\n" + (options.screenshots ? "screenshot " + name + "\n" : "");
        w.captures.push_back({name, screen});
    };

    w.script += "tap start\ntap lang_" + language + "\ntap size_" + std::to_string(options.text_size) + "\n";
    act(Event::start());
    act(Event::language(language));
    act(Event::text_size(static_cast<TextSize>(options.text_size)));
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
    const std::string still = options.prefix + "900-still-there", attract = options.prefix + "901-attract";
    w.script += "tap another_topic\nadvance " + std::to_string(options.idle_seconds + 1) +
                "\nexpect-widget still_here\ndump-widgets " + still + "\n" +
                (options.screenshots ? "screenshot " + still + "\n" : "") + "advance " +
                std::to_string(options.still_there_seconds + 1) + "\nexpect-screen attract\n" +
                "dump-widgets " + attract + "\n" + (options.screenshots ? "screenshot " + attract + "\n" : "");
    w.captures.push_back({still, "topics"});
    w.captures.push_back({attract, "attract"});
    return w;
}

// Reads the dump-widgets format (kiosk/platform/script.cpp): a JSON object with the screen
// and its widgets.
std::vector<Widget> read_widgets(const std::string& path, std::string& screen) {
    std::vector<Widget> out;
    const auto doc = nlohmann::json::parse(test::read_file(path));
    screen = doc.at("screen").get<std::string>();
    for (const auto& j : doc.at("widgets")) {
        Widget w;
        w.id = j.at("id").get<std::string>();
        w.kind = j.at("kind").get<std::string>();
        w.x0 = j.at("x0").get<float>(), w.y0 = j.at("y0").get<float>();
        w.x1 = j.at("x1").get<float>(), w.y1 = j.at("y1").get<float>();
        w.vx0 = j.at("vx0").get<float>(), w.vy0 = j.at("vy0").get<float>();
        w.vx1 = j.at("vx1").get<float>(), w.vy1 = j.at("vy1").get<float>();
        w.overflow = j.at("overflow").get<bool>();
        w.visible = j.at("visible").get<bool>();
        out.push_back(w);
    }
    return out;
}

}  // namespace dv::test
