// Thank you: the answers are saved; answer more, or finish (which starts again for the next person).
#include "screens.hpp"

#include <algorithm>

namespace dv::ui {

void screen_thank_you(Frame& f) {
    const float w = ImGui::GetContentRegionAvail().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = f.fonts.title->FontSize;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 c(p.x + w * 0.5f, p.y + r * 1.2f);
    dl->AddCircleFilled(c, r, f.pal.accent_benefit, 48);
    dl->AddText(f.fonts.title, r, ImVec2(c.x - r * 0.45f, c.y - r * 0.5f), f.pal.on_primary, glyph::tick);
    ImGui::Dummy(ImVec2(w, r * 2.6f));
    text_block(f, f.fonts.title, f.word("thank_you_title"), w, f.pal.text, "thank_you_title", true);
    ImGui::Dummy(ImVec2(0, f.m.gap));
    text_block(f, f.fonts.body, f.word("thank_you_body"), w, f.pal.text, "thank_you_body", true);
    ImGui::Dummy(ImVec2(0, 2 * f.m.gap));

    const float bw = std::min(w, 900 * f.m.scale * std::max(1.0f, f.m.text_factor * 0.8f));
    // Tall enough for the words on two lines when a narrow screen makes them wrap.
    const float pad = 2 * (18 * f.m.scale + f.fonts.bold->FontSize * 0.3f);
    const float bh = std::max(f.m.button_h, text_height(f.fonts.bold, f.word("another_topic"), bw - pad) + pad);
    centre_next(bw);
    if (button(f, "another_topic", f.word("another_topic"), ImVec2(bw, bh), ButtonKind::Secondary))
        f.emit(Event::of(Event::Kind::AnotherTopic));
    ImGui::Dummy(ImVec2(0, f.m.gap));
    centre_next(bw);
    if (button(f, "done", f.word("finish"), ImVec2(bw, f.m.button_h), ButtonKind::Primary))
        f.emit(Event::of(Event::Kind::Finish));
}

}  // namespace dv::ui
