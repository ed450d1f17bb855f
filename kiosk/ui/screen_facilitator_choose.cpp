// Facilitator mode, first screen: which scenario of the pack to run, and how — one person
// at a time on the screen, or a show of hands the facilitator counts.
#include "facilitator_screens.hpp"

#include <algorithm>

namespace dv::ui {

void screen_facilitator_choose(FacilitatorFrame& s) {
    Frame& f = s.f;
    using K = FacilitatorEvent::Kind;
    const float w = ImGui::GetContentRegionAvail().x;
    text_block(f, f.fonts.heading, "Run a scenario with a group", w, f.pal.text, "facilitator_title");
    text_block(f, f.fonts.small,
               "Kept apart from walk-up visitors' answers, and never shown on their results screen.",
               w, f.pal.text_muted, "facilitator_help");
    text_block(f, f.fonts.bold, "1. Choose a scenario", w, f.pal.text, "choose_scenario_title");
    const Scenario* chosen = s.group.scenario();
    const float half = (w - f.m.gap) * 0.5f;
    const auto& scenarios = s.content.scenarios;
    for (size_t i = 0; i < scenarios.size(); ++i) {  // two to a row
        const Scenario& sc = scenarios[i];
        if (i % 2) ImGui::SameLine(0, f.m.gap);
        const size_t pair = i - i % 2;  // both of a row share one height
        float h = option_height(f, scenarios[pair].title, half, icon_glyph(scenarios[pair].icon));
        if (pair + 1 < scenarios.size())
            h = std::max(h, option_height(f, scenarios[pair + 1].title, half, icon_glyph(scenarios[pair + 1].icon)));
        if (option_button(f, "scenario_" + sc.id, sc.title, half, chosen && chosen->id == sc.id, false,
                          icon_glyph(sc.icon), h))
            s.emit(FacilitatorEvent::of(K::ChooseScenario, sc.id));
        if (i % 2 || i + 1 == scenarios.size()) ImGui::Dummy(ImVec2(0, f.m.gap * 0.3f));
    }
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    text_block(f, f.fonts.bold, "2. Choose how the group answers", w, f.pal.text, "choose_mode_title");
    const bool hands = s.group.mode() == GroupMode::Hands;
    if (option_button(f, "mode_people", "One person at a time", half, !hands, false, icon_glyph("user")))
        s.emit(FacilitatorEvent::of(K::ChooseMode, {}, 0));
    ImGui::SameLine(0, f.m.gap);
    if (option_button(f, "mode_hands", "Show of hands", half, hands, false, icon_glyph("users")))
        s.emit(FacilitatorEvent::of(K::ChooseMode, {}, 1));
    if (facilitator_buttons(s, {{"facilitator_start", std::string(glyph::next) + "  Start"}}, 0, {chosen != nullptr}) ==
        0)
        s.emit(FacilitatorEvent::of(K::Start));
}

}  // namespace dv::ui
