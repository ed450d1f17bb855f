// Facilitator mode, between two people: how many have answered so far, then the next
// person, or the group's results.
#include "facilitator_screens.hpp"

namespace dv::ui {

void screen_facilitator_between(FacilitatorFrame& s) {
    Frame& f = s.f;
    using K = FacilitatorEvent::Kind;
    const float w = ImGui::GetContentRegionAvail().x;
    int both = 0;
    for (const auto& p : s.group.people()) both += !p.first.empty() && !p.second.empty();
    const size_t turns = s.group.people().size();
    text_block(f, f.fonts.title, std::string(glyph::tick) + "  Thank you", w, f.pal.text, "between_title");
    text_block(f, f.fonts.body,
               std::to_string(turns) + (turns == 1 ? " person has" : " people have") + " had a turn; " +
                   std::to_string(both) + " answered both times.\nPass the screen to the next person, or show the "
                                          "group's results.",
               w, f.pal.text_muted, "between_count");
    const int tapped = facilitator_buttons(
        s, {{"show_results", "Show results"}, {"next_person", std::string(glyph::next) + "  Next person"}}, 1);
    if (tapped == 0) s.emit(FacilitatorEvent::of(K::ShowResults));
    if (tapped == 1) s.emit(FacilitatorEvent::of(K::NextPerson));
}

}  // namespace dv::ui
