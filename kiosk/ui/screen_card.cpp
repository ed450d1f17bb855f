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
// Draws "View n of N" and the marks within max_w: on a narrow screen the marks get smaller.
void progress_row(Frame& f, const Scenario& s, const std::string& progress, ImVec2 a, float h, float max_w) {
    const Journey& j = f.journey;
    ImFont* font = f.fonts.bold;
    const float text_w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, progress.c_str()).x + f.m.gap * 1.5f;
    const float cards = static_cast<float>(std::max<size_t>(1, j.card_order().size()));
    const float fit = (max_w - text_w) / cards * 0.5f - f.m.gap * 0.5f;
    const float radius = std::max(font->FontSize * 0.25f, std::min(font->FontSize * 0.55f, fit));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddText(font, font->FontSize, ImVec2(a.x, a.y + (h - font->FontSize) * 0.5f), f.pal.text_muted,
                progress.c_str());
    float x = a.x + text_w + radius;
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
    f.widgets.add(marks, "text", a, ImVec2(x - f.m.gap - radius, a.y + h), {}, false);
}

// Above the card: the scenario's name, what the cards are, and how far through they are.
// Compact: the name is left out and the rest shares one line when it fits. Returns the
// height it takes (nothing is drawn when draw is false).
float card_heading(Frame& f, const Scenario& s, float w, bool compact, bool draw) {
    const Journey& j = f.journey;
    const std::string progress = fill(f.word("card_progress"), {{"n", std::to_string(j.card_number())},
                                                                 {"total", std::to_string(j.card_count())}});
    ImFont* bold = f.fonts.bold;
    const float row_h = std::max(bold->FontSize * 1.25f, 2 * bold->FontSize * 0.55f);
    const float pw = progress_width(f, progress, j.card_order().size());
    const std::string& title = f.word("cards_title");
    const ImVec2 a = ImGui::GetCursorScreenPos();
    if (compact && bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, title.c_str()).x + 2 * f.m.gap + pw <= w) {
        if (draw) {  // one line: title on the left, progress on the right
            ImGui::GetWindowDrawList()->AddText(bold, bold->FontSize, ImVec2(a.x, a.y + (row_h - bold->FontSize) * 0.5f),
                                                f.pal.text, title.c_str());
            f.widgets.add("cards_title", "text", a, ImVec2(a.x + w - pw, a.y + row_h), title, true);
            progress_row(f, s, progress, ImVec2(a.x + w - pw, a.y), row_h, pw);
            ImGui::Dummy(ImVec2(w, row_h));
        }
        return row_h;
    }
    const std::string about = std::string(icon_glyph(s.icon)) + "  " + s.title;
    ImFont* title_font = compact ? bold : f.fonts.heading;
    const float h = (compact ? 0 : text_height(f.fonts.body, about, w) + f.m.gap * 0.5f) +
                    text_height(title_font, title, w) + row_h;
    if (!draw) return h;
    if (!compact) text_block(f, f.fonts.body, about, w, f.pal.text_muted, "card_scenario");
    text_block(f, title_font, title, w, f.pal.text, "cards_title");
    if (!compact) ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    progress_row(f, s, progress, ImGui::GetCursorScreenPos(), row_h, w);
    ImGui::Dummy(ImVec2(w, row_h));
    return h;
}

// Where the parts of a card go. Wide: the pictogram in a big soft circle on the left of
// everything. Compact: a smaller pictogram beside the mark, and the view below both, across
// the whole card. x offsets are from the card's left edge.
struct CardGeometry {
    bool compact = false;
    float pad = 0, stripe = 0, mark_r = 0, disc = 0;
    float text_x = 0, text_w = 0, side_x = 0, side_w = 0;
    float label_h = 0, side_h = 0, text_h = 0, stack_h = 0, inner_h = 0;
    float height() const { return inner_h + 2 * pad; }
};

CardGeometry card_geometry(const Frame& f, const Card& c, const std::string& side, float w, bool compact) {
    CardGeometry g;
    g.compact = compact;
    g.pad = (compact ? 36 : 48) * f.m.scale;
    g.stripe = 14 * f.m.scale;
    ImFont* side_font = f.fonts.bold;
    g.mark_r = side_font->FontSize * 0.6f;
    g.disc = compact ? std::max(2 * g.mark_r, side_font->FontSize * 2.0f)
                     : std::min(190 * f.m.scale * f.m.text_factor, w * 0.2f);
    g.text_x = g.stripe + g.pad + (compact ? 0 : g.disc + g.pad);
    g.text_w = w - g.text_x - g.pad;
    g.side_x = g.stripe + g.pad + g.disc + g.pad;
    g.side_w = w - g.side_x - g.pad - 2 * g.mark_r - f.m.gap;
    g.label_h = text_height(side_font, side, g.side_w);
    g.side_h = std::max(compact ? g.disc : 2 * g.mark_r, g.label_h);
    g.text_h = text_height(f.fonts.heading, c.text, g.text_w);
    g.stack_h = g.side_h + f.m.gap * 1.2f + g.text_h;
    g.inner_h = compact ? g.stack_h : std::max(g.disc, g.stack_h);
    return g;
}

float gap_below_heading(const Frame& f, bool compact) { return f.m.gap * (compact ? 1.0f : 1.5f); }

}  // namespace

void screen_card(Frame& f) {
    const Journey& j = f.journey;
    const Card* c = j.card();
    const Scenario* s = j.scenario();
    if (!c || !s) return;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float w = avail.x;
    const bool benefit = c->side == CardSide::Benefit;
    const ImU32 accent = benefit ? f.pal.accent_benefit : f.pal.accent_concern;
    const std::string side = f.word(benefit ? "card_benefit" : "card_concern");

    // The wide layout when it fits on screen and leaves the view a comfortable line length;
    // otherwise (large text, small or portrait screens) compact, so the view itself is
    // neither pushed below the fold nor squeezed into a narrow column.
    CardGeometry g = card_geometry(f, *c, side, w, false);
    if (card_heading(f, *s, w, false, false) + gap_below_heading(f, false) + g.height() > avail.y ||
        g.text_w < 16 * f.fonts.heading->FontSize)
        g = card_geometry(f, *c, side, w, true);
    card_heading(f, *s, w, g.compact, true);
    ImGui::Dummy(ImVec2(0, gap_below_heading(f, g.compact)));

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 b(a.x + w, a.y + g.height());
    dl->AddRectFilled(a, b, f.pal.surface, f.m.rounding);
    dl->AddRect(a, b, f.pal.disabled, f.m.rounding, 0, std::max(1.0f, 2 * f.m.scale));
    dl->AddRectFilled(a, ImVec2(a.x + g.stripe, b.y), accent, f.m.rounding, ImDrawFlags_RoundCornersLeft);

    float y = a.y + g.pad + (g.compact ? 0 : std::max(0.0f, (g.inner_h - g.stack_h) * 0.5f));
    const ImVec2 dc(a.x + g.stripe + g.pad + g.disc * 0.5f, g.compact ? y + g.side_h * 0.5f : a.y + g.pad + g.disc * 0.5f);
    dl->AddCircleFilled(dc, g.disc * 0.5f, with_alpha(accent, 28), 64);
    const char* glyph = icon_glyph(c->icon);
    ImFont* gf = f.fonts.title;
    const float gsize = g.disc * 0.55f;
    const ImVec2 gs = gf->CalcTextSizeA(gsize, FLT_MAX, 0, glyph);
    dl->AddText(gf, gsize, ImVec2(dc.x - gs.x * 0.5f, dc.y - gs.y * 0.5f), accent, glyph);

    const float sx = a.x + (g.compact ? g.side_x : g.text_x);
    side_mark(f, ImVec2(sx + g.mark_r, y + g.side_h * 0.5f), g.mark_r, benefit, accent, true);
    draw_wrapped(dl, f.fonts.bold, ImVec2(sx + 2 * g.mark_r + f.m.gap, y + (g.side_h - g.label_h) * 0.5f), g.side_w,
                 side, accent, false);
    y += g.side_h + f.m.gap * 1.2f;
    draw_wrapped(dl, f.fonts.heading, ImVec2(a.x + g.text_x, y), g.text_w, c->text, f.pal.text, false);

    f.widgets.add("card", "text", a, b, side + ". " + c->text);
    f.widgets.add(std::string("card_side=") + (benefit ? "benefit" : "concern"), "text", a, b, {}, false);
    ImGui::Dummy(ImVec2(w, b.y - a.y));
}

}  // namespace dv::ui
