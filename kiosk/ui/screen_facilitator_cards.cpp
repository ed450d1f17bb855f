// Facilitator mode, show of hands: between the two rounds, the scenario's perspective cards
// all on one screen for the group to read (benefits and worries, each with its pictogram).
#include "facilitator_screens.hpp"

#include <algorithm>

namespace dv::ui {

void screen_facilitator_cards(FacilitatorFrame& s) {
    Frame& f = s.f;
    const Scenario* sc = s.group.scenario();
    if (!sc) return;
    const float w = ImGui::GetContentRegionAvail().x;
    text_block(f, f.fonts.heading, s.content.word("cards_title"), w, f.pal.text, "cards_title");
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float col_w = (w - f.m.gap) * 0.5f;
    const float pad = 24 * f.m.scale;
    const float icon = f.fonts.heading->FontSize * 1.2f;
    const float tw = col_w - 3 * pad - icon;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    // The words as large as the room size allows, smaller only if all the cards would not fit
    // above the button.
    const float room = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y - f.m.button_h - f.m.gap - origin.y;
    const auto card_h = [&](const Card& c, float size) {
        const std::string side = s.content.word(c.side == CardSide::Benefit ? "card_benefit" : "card_concern");
        return std::max(icon, text_height(f.fonts.small, side, tw) + text_height(f.fonts.body, c.text, tw, size)) +
               2 * pad;
    };
    const auto layout_h = [&](float size) {
        float col_y[2] = {0, 0};
        for (const auto& c : sc->cards) col_y[col_y[0] <= col_y[1] ? 0 : 1] += card_h(c, size) + f.m.gap;
        return std::max(col_y[0], col_y[1]);
    };
    float size = f.fonts.body->FontSize;
    while (layout_h(size) > room && size > f.fonts.small->FontSize * 0.8f) size *= 0.92f;
    float col_y[2] = {origin.y, origin.y};
    for (size_t i = 0; i < sc->cards.size(); ++i) {
        const Card& c = sc->cards[i];
        const int col = col_y[0] <= col_y[1] ? 0 : 1;
        const ImVec2 a(origin.x + static_cast<float>(col) * (col_w + f.m.gap), col_y[col]);
        const bool benefit = c.side == CardSide::Benefit;
        const std::string side = s.content.word(benefit ? "card_benefit" : "card_concern");
        const ImVec2 b(a.x + col_w, a.y + card_h(c, size));
        dl->AddRectFilled(a, b, f.pal.surface, f.m.rounding);
        const ImU32 accent = benefit ? f.pal.accent_benefit : f.pal.accent_concern;
        dl->AddRectFilled(a, ImVec2(a.x + 10 * f.m.scale, b.y), accent, f.m.rounding, ImDrawFlags_RoundCornersLeft);
        if (const char* g = icon_glyph(c.icon); g && *g)
            dl->AddText(f.fonts.heading, f.fonts.heading->FontSize, ImVec2(a.x + pad, a.y + pad), accent, g);
        const float tx = a.x + 2 * pad + icon;
        const float sh = draw_wrapped(dl, f.fonts.small, ImVec2(tx, a.y + pad), tw, side, accent, false);
        draw_wrapped(dl, f.fonts.body, ImVec2(tx, a.y + pad + sh), tw, c.text, f.pal.text, false, size);
        f.widgets.add("card_" + c.id, "text", a, b);
        col_y[col] = b.y + f.m.gap;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, std::max(col_y[0], col_y[1])));
    ImGui::Dummy(ImVec2(0, 0));
    if (facilitator_buttons(s, {{"hands_done", std::string(glyph::next) + "  Ask again"}}, 0) == 0)
        s.emit(FacilitatorEvent::of(FacilitatorEvent::Kind::Done));
}

}  // namespace dv::ui
