// A perspective card: one short view on the scenario, marked as a good thing or a worry.
#include "screens.hpp"

#include "core/text.hpp"

#include <algorithm>

namespace dv::ui {

void screen_card(Frame& f) {
    const Journey& j = f.journey;
    const Card* c = j.card();
    const Scenario* s = j.scenario();
    if (!c || !s) return;
    const float w = ImGui::GetContentRegionAvail().x;
    text_block(f, f.fonts.bold, f.word("cards_title"), w, f.pal.text_muted, "cards_title");
    const std::string progress = fill(f.word("card_progress"), {{"n", std::to_string(j.card_number())},
                                                                 {"total", std::to_string(j.card_count())}});
    text_block(f, f.fonts.body, progress, w, f.pal.text_muted, "card_progress");
    ImGui::Dummy(ImVec2(0, f.m.gap));

    const bool benefit = c->side == CardSide::Benefit;
    const ImU32 accent = benefit ? f.pal.accent_benefit : f.pal.accent_concern;
    const std::string side = f.word(benefit ? "card_benefit" : "card_concern");
    const float pad = 40 * f.m.scale;
    const float icon = f.fonts.title->FontSize * 1.4f;
    const float tw = w - 2 * pad;
    const float sh = text_height(f.fonts.bold, side, tw - icon - pad);
    const float th = text_height(f.fonts.heading, c->text, tw);
    const float h = std::max(icon, sh) + f.m.gap * 1.5f + th + 2 * pad;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 b(a.x + w, a.y + h);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, b, f.pal.surface, f.m.rounding);
    dl->AddRectFilled(a, ImVec2(a.x + 14 * f.m.scale, b.y), accent, f.m.rounding, ImDrawFlags_RoundCornersLeft);
    dl->AddText(f.fonts.title, icon, ImVec2(a.x + pad, a.y + pad), accent, icon_glyph(c->icon));
    draw_wrapped(dl, f.fonts.bold, ImVec2(a.x + 2 * pad + icon, a.y + pad + (icon - sh) * 0.5f), tw - icon - pad, side,
                 accent, false);
    const float ty = a.y + pad + std::max(icon, sh) + f.m.gap * 1.5f;
    draw_wrapped(dl, f.fonts.heading, ImVec2(a.x + pad, ty), tw, c->text, f.pal.text, false);
    f.widgets.add("card", "text", a, b, side + ". " + c->text);
    ImGui::Dummy(ImVec2(w, h));
}

}  // namespace dv::ui
