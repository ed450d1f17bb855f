// The frame around facilitator mode's screens: a slim header naming the mode and the
// scenario, with the way back to the staff home, and the content area below.
#include "facilitator_screens.hpp"

#include <algorithm>

namespace dv::ui {

namespace {

void draw_header(FacilitatorFrame& s) {
    Frame& f = s.f;
    const float h = f.m.header_h * 0.75f;  // slim: the room reads what is below it
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(f.display.x, h), f.pal.text);
    std::string title = std::string(icon_glyph("users")) + "  Facilitator";
    if (const Scenario* sc = s.group.scenario()) title += "  \xe2\x80\x94  " + sc->title;
    ImFont* font = f.fonts.bold;
    const std::string label = std::string(glyph::sign_out) + "  Back to staff home";
    const float bw = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str()).x + 80 * f.m.scale;
    ImGui::PushClipRect(ImVec2(0, 0), ImVec2(f.display.x - bw - 2 * f.m.pad, h), true);
    dl->AddText(font, font->FontSize, ImVec2(f.m.pad, (h - font->FontSize) * 0.5f), f.pal.on_primary, title.c_str());
    ImGui::PopClipRect();
    if (s.group.tally_pending()) return;
    const float bh = h - 2 * 14 * f.m.scale;
    ImGui::SetCursorScreenPos(ImVec2(f.display.x - f.m.pad - bw, (h - bh) * 0.5f));
    if (button(f, "facilitator_exit", label, ImVec2(bw, bh), ButtonKind::Secondary))
        s.emit(FacilitatorEvent::of(FacilitatorEvent::Kind::Exit));
}

}  // namespace

void draw_facilitator_frame(FacilitatorFrame& s) {
    Frame& f = s.f;
    begin_full_screen(f, "facilitator");
    draw_header(s);
    begin_content_column(f, "facilitator_content", f.m.header_h * 0.75f, 2400 * f.m.scale);
    switch (s.group.screen()) {
        case FacilitatorScreen::Choose: screen_facilitator_choose(s); break;
        case FacilitatorScreen::BetweenPeople: screen_facilitator_between(s); break;
        case FacilitatorScreen::HandsFirst:
        case FacilitatorScreen::HandsSecond: screen_facilitator_hands(s); break;
        case FacilitatorScreen::HandsCards: screen_facilitator_cards(s); break;
        case FacilitatorScreen::Results: screen_facilitator_results(s); break;
        case FacilitatorScreen::Person:
        case FacilitatorScreen::Off: break;
    }
    ImGui::EndChild();
    end_full_screen();
}

int facilitator_buttons(FacilitatorFrame& s, const std::vector<std::pair<std::string, std::string>>& buttons,
                        int primary, const std::vector<bool>& enabled) {
    Frame& f = s.f;
    const float bottom = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y - f.m.button_h;
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x, std::max(bottom, ImGui::GetCursorScreenPos().y)));
    const float w = ImGui::GetContentRegionAvail().x;
    const float bw = (w - (buttons.size() - 1) * f.m.gap) / static_cast<float>(buttons.size());
    int tapped = -1;
    for (size_t i = 0; i < buttons.size(); ++i) {
        if (i) ImGui::SameLine(0, f.m.gap);
        const bool on = i >= enabled.size() || enabled[i];
        const ButtonKind kind = static_cast<int>(i) == primary ? ButtonKind::Primary : ButtonKind::Secondary;
        if (button(f, buttons[i].first, buttons[i].second, ImVec2(bw, f.m.button_h), kind, {}, on))
            tapped = static_cast<int>(i);
    }
    return tapped;
}

}  // namespace dv::ui
