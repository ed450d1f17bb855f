// A perspective card: one short view on the scenario, marked as a good thing or a worry.
//
// The mark is a shape and a word as well as a colour (a tick for a good thing, "!" for a
// worry), so it never relies on colour alone. A row of the same marks shows every card of
// the scenario in the order this visitor sees them, so the balance of good things and
// worries is visible at a glance, and how far through they are.
#include "screens.hpp"

#include "core/text.hpp"

#include <algorithm>

namespace dv::ui {

namespace {

ImU32 with_alpha(ImU32 colour, int alpha) {
    return (colour & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha) << IM_COL32_A_SHIFT);
}

// A round mark: a tick for a good thing, an exclamation mark for a worry. Filled when
// `solid`, otherwise an outline (a card still to come).
void side_mark(Frame& f, ImVec2 c, float radius, bool benefit, ImU32 accent, bool solid) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float lw = std::max(2.0f, radius * 0.18f);
    const ImU32 fg = solid ? f.pal.surface : accent;
    if (solid)
        dl->AddCircleFilled(c, radius, accent, 32);
    else
        dl->AddCircle(c, radius - lw * 0.5f, accent, 32, lw);
    const float k = radius * 0.5f;
    if (benefit) {
        const ImVec2 p1(c.x - k, c.y + k * 0.05f), p2(c.x - k * 0.2f, c.y + k * 0.7f), p3(c.x + k, c.y - k * 0.6f);
        dl->AddLine(p1, p2, fg, lw * 1.2f);
        dl->AddLine(p2, p3, fg, lw * 1.2f);
    } else {
        dl->AddLine(ImVec2(c.x, c.y - k), ImVec2(c.x, c.y + k * 0.25f), fg, lw * 1.3f);
        dl->AddCircleFilled(ImVec2(c.x, c.y + k * 0.75f), lw * 0.8f, fg, 12);
    }
}

const Card* find_card(const Scenario& s, const std::string& id) {
    for (const auto& c : s.cards)
        if (c.id == id) return &c;
    return nullptr;
}

// The width progress_row() needs: "View 2 of 4" and one mark per card.
float progress_width(const Frame& f, const std::string& progress, size_t cards) {
    ImFont* font = f.fonts.bold;
    const float radius = font->FontSize * 0.55f;
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, progress.c_str()).x + f.m.gap * 1.5f +
           static_cast<float>(cards) * (2 * radius + f.m.gap);
}

// "View 2 of 4" and a mark for every card, in this visitor's order, from x at row top y.
void progress_row(Frame& f, const Scenario& s, const std::string& progress, ImVec2 a, float h) {
    const Journey& j = f.journey;
    ImFont* font = f.fonts.bold;
    const float radius = font->FontSize * 0.55f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddText(font, font->FontSize, ImVec2(a.x, a.y + (h - font->FontSize) * 0.5f), f.pal.text_muted,
                progress.c_str());
    float x = a.x + font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, progress.c_str()).x + f.m.gap * 1.5f + radius;
    std::string marks = "card_marks=";
    for (size_t i = 0; i < j.card_order().size(); ++i) {
        const Card* c = find_card(s, j.card_order()[i]);
        if (!c) continue;
        const bool benefit = c->side == CardSide::Benefit;
        const ImU32 accent = benefit ? f.pal.accent_benefit : f.pal.accent_concern;
        const bool reached = static_cast<int>(i) < j.card_number();
        side_mark(f, ImVec2(x, a.y + h * 0.5f), radius, benefit, accent, reached);
        if (static_cast<int>(i) + 1 == j.card_number())  // the card on screen: a ring around its mark
            dl->AddCircle(ImVec2(x, a.y + h * 0.5f), radius + 6 * f.m.scale, f.pal.text, 32, std::max(2.0f, 3 * f.m.scale));
        marks += benefit ? '+' : '-';
        x += 2 * radius + f.m.gap;
    }
    f.widgets.add({marks, "text", a, ImVec2(x, a.y + h), false, {}, {}});
}

// Above the card: the scenario's name, what the cards are, and how far through they are.
// With extra-large text the name is left out and the rest shares one line when it fits, so
// the card itself stays on screen.
void card_heading(Frame& f, const Scenario& s, float w, bool compact) {
    const Journey& j = f.journey;
    const std::string progress = fill(f.word("card_progress"), {{"n", std::to_string(j.card_number())},
                                                                 {"total", std::to_string(j.card_count())}});
    const float row_h = std::max(f.fonts.bold->FontSize * 1.25f, 2 * f.fonts.bold->FontSize * 0.55f);
    const float pw = progress_width(f, progress, j.card_order().size());
    if (!compact) {
        const std::string about = std::string(icon_glyph(s.icon)) + "  " + s.title;
        text_block(f, f.fonts.body, about, w, f.pal.text_muted, "card_scenario");
        text_block(f, f.fonts.heading, f.word("cards_title"), w, f.pal.text, "cards_title");
        ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    } else {
        const std::string& title = f.word("cards_title");
        ImFont* font = f.fonts.bold;
        const float tw = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, title.c_str()).x;
        if (tw + 2 * f.m.gap + pw <= w) {  // one line: title on the left, progress on the right
            const ImVec2 a = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddText(font, font->FontSize, ImVec2(a.x, a.y + (row_h - font->FontSize) * 0.5f),
                                                f.pal.text, title.c_str());
            f.widgets.add({"cards_title", "text", a, ImVec2(a.x + tw, a.y + row_h), false, {}, {}});
            progress_row(f, s, progress, ImVec2(a.x + w - pw, a.y), row_h);
            ImGui::Dummy(ImVec2(w, row_h));
            return;
        }
        text_block(f, font, title, w, f.pal.text, "cards_title");
    }
    progress_row(f, s, progress, ImGui::GetCursorScreenPos(), row_h);
    ImGui::Dummy(ImVec2(w, row_h));
}

}  // namespace

void screen_card(Frame& f) {
    const Journey& j = f.journey;
    const Card* c = j.card();
    const Scenario* s = j.scenario();
    if (!c || !s) return;
    const float w = ImGui::GetContentRegionAvail().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const bool compact = f.m.text_factor > 1.3f;  // extra-large text
    card_heading(f, *s, w, compact);
    ImGui::Dummy(ImVec2(0, f.m.gap * (compact ? 1.0f : 1.5f)));

    // The card: a pictogram in a soft circle, the mark, then the view itself. Wide: the
    // pictogram on the left of everything. Compact: a smaller pictogram beside the mark, and
    // the view below both, across the whole card.
    const bool benefit = c->side == CardSide::Benefit;
    const ImU32 accent = benefit ? f.pal.accent_benefit : f.pal.accent_concern;
    const std::string side = f.word(benefit ? "card_benefit" : "card_concern");
    const float pad = (compact ? 36 : 48) * f.m.scale;
    const float stripe = 14 * f.m.scale;
    ImFont* side_font = f.fonts.bold;
    const float mark_r = side_font->FontSize * 0.6f;
    const float disc = compact ? std::max(2 * mark_r, side_font->FontSize * 2.0f)
                               : std::min(190 * f.m.scale * f.m.text_factor, w * 0.2f);
    const float text_x = stripe + pad + (compact ? 0 : disc + pad);  // from the card's left edge
    const float tw = w - text_x - pad;
    const float side_x = stripe + pad + disc + pad;
    const float side_w = w - side_x - pad - 2 * mark_r - f.m.gap;
    const float label_h = text_height(side_font, side, side_w);
    const float side_h = std::max(compact ? disc : 2 * mark_r, label_h);
    const float text_h = text_height(f.fonts.heading, c->text, tw);
    const float stack_h = side_h + f.m.gap * 1.2f + text_h;
    const float inner_h = compact ? stack_h : std::max(disc, stack_h);
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 b(a.x + w, a.y + inner_h + 2 * pad);

    dl->AddRectFilled(a, b, f.pal.surface, f.m.rounding);
    dl->AddRect(a, b, f.pal.disabled, f.m.rounding, 0, std::max(1.0f, 2 * f.m.scale));
    dl->AddRectFilled(a, ImVec2(a.x + stripe, b.y), accent, f.m.rounding, ImDrawFlags_RoundCornersLeft);

    float y = a.y + pad + (compact ? 0 : std::max(0.0f, (inner_h - stack_h) * 0.5f));
    const ImVec2 dc(a.x + stripe + pad + disc * 0.5f, compact ? y + side_h * 0.5f : a.y + pad + disc * 0.5f);
    dl->AddCircleFilled(dc, disc * 0.5f, with_alpha(accent, 28), 64);
    const char* glyph = icon_glyph(c->icon);
    ImFont* gf = f.fonts.title;
    const float gsize = disc * 0.55f;
    const ImVec2 gs = gf->CalcTextSizeA(gsize, FLT_MAX, 0, glyph);
    dl->AddText(gf, gsize, ImVec2(dc.x - gs.x * 0.5f, dc.y - gs.y * 0.5f), accent, glyph);

    const float sx = a.x + (compact ? side_x : text_x);
    side_mark(f, ImVec2(sx + mark_r, y + side_h * 0.5f), mark_r, benefit, accent, true);
    draw_wrapped(dl, side_font, ImVec2(sx + 2 * mark_r + f.m.gap, y + (side_h - label_h) * 0.5f), side_w, side, accent,
                 false);
    y += side_h + f.m.gap * 1.2f;
    draw_wrapped(dl, f.fonts.heading, ImVec2(a.x + text_x, y), tw, c->text, f.pal.text, false);

    f.widgets.add({"card", "text", a, b, false, {}, {}});
    f.widgets.add({std::string("card_side=") + (benefit ? "benefit" : "concern"), "text", a, b, false, {}, {}});
    ImGui::Dummy(ImVec2(w, b.y - a.y));
}

}  // namespace dv::ui
