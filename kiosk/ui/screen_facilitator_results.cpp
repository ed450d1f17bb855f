// Facilitator mode, the group's result on the big screen: the answers before and after the
// other views as large bars, and the shift in words. The figures come from core/results.hpp
// with the pack's privacy rules (threshold, whole percentages adding up to 100), built by the
// app from this run only — never from walk-up visitors.
#include "facilitator_screens.hpp"
#include "screens.hpp"

namespace dv::ui {

void screen_facilitator_results(FacilitatorFrame& s) {
    Frame& f = s.f;
    using K = FacilitatorEvent::Kind;
    const float w = ImGui::GetContentRegionAvail().x;
    const bool tall = f.display.y / f.m.scale >= 1000;  // else the question is on the screen before
    // Larger fonts for a room, where there is the height for them; a big-screen profile's own
    // scale (1.5 on the 55-inch one) already draws everything larger.
    const bool big = f.m.text_factor < 1.01f && tall;
    text_block(f, big ? f.fonts.title : f.fonts.heading, s.content.word("results_group_title"), w, f.pal.text,
               "group_results_title");
    if (const Question* q = s.group.question(); q && tall)
        text_block(f, f.fonts.bold, q->text, w, f.pal.text_muted, "results_question");
    ImGui::Dummy(ImVec2(0, f.m.gap));
    const ResultsView& r = s.results;
    if (!r.available) {
        results_waiting_panel(f, r, w);
    } else {
        results_bar_table(f, r, w, big);
        ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
        if (!r.shift_text.empty()) {
            results_shift_panel(f, r, w, big);
            ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
        }
        const ImVec2 a = ImGui::GetCursorScreenPos();
        text_block(f, f.fonts.body, r.based_on_text, w, f.pal.text_muted, "results_based_on");
        record_text(f, "results_people=" + std::to_string(r.people), a, ImVec2(a.x + w, ImGui::GetCursorScreenPos().y));
    }
    if (!s.note.empty()) text_block(f, f.fonts.small, s.note, w, f.pal.accent_concern, "facilitator_note");
    const bool more = s.group.mode() == GroupMode::OneAtATime;
    std::vector<std::pair<std::string, std::string>> buttons = {{"facilitator_finish", "Finish"}};
    if (more) buttons.push_back({"next_person", std::string(glyph::next) + "  More people"});
    const int tapped = facilitator_buttons(s, buttons, -1);
    if (tapped == 0) s.emit(FacilitatorEvent::of(K::Exit));
    if (tapped == 1) s.emit(FacilitatorEvent::of(K::NextPerson));
}

}  // namespace dv::ui
