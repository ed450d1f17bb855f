// "What others said here": this kiosk's answers before and after the perspective cards, and
// how many people changed their mind, only once enough people have answered. The privacy
// rules decide every figure (core/results.hpp); this screen only draws what it is given.
// The bars and panels are drawn by results_panels.cpp.
#include "screens.hpp"

#include <algorithm>

namespace dv::ui {


void screen_results(Frame& f) {
    const float w = ImGui::GetContentRegionAvail().x;
    text_block(f, f.fonts.heading, f.word("results_title"), w, f.pal.text, "results_title");
    if (const Question* q = f.journey.scenario() ? f.journey.content().question(f.journey.scenario()->question)
                                                 : nullptr) {
        text_block(f, f.fonts.body, q->text, w, f.pal.text_muted, "results_question");
    }
    ImGui::Dummy(ImVec2(0, f.m.gap));
    static const ResultsView kNothing{};
    const ResultsView& r = f.results ? *f.results : kNothing;
    if (!r.available) {
        results_waiting_panel(f, r, w);
        return;
    }
    results_bar_table(f, r, w);
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    results_shift_panel(f, r, w);
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    const ImVec2 a = ImGui::GetCursorScreenPos();
    text_block(f, f.fonts.small, r.based_on_text + " " + r.why_text, w, f.pal.text_muted, "results_why");
    record_text(f, "results_people=" + std::to_string(r.people), a, ImVec2(a.x + w, ImGui::GetCursorScreenPos().y));
}

}  // namespace dv::ui
