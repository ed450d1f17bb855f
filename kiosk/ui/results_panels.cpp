// The bars and sentences of a scenario's results, shared by the walk-up results screen
// (screen_results.cpp) and facilitator mode's big-screen results (screen_facilitator_results.cpp).
//
// Every bar carries its option's words and its percentage in text, so colour is never the
// only cue. The figures are also recorded as widget ids ("bar_first_yes=25",
// "results_people=20", "results_changed_in_10=3") so headless tests can read them.
#include "screens.hpp"

#include <algorithm>

namespace dv::ui {

namespace {


ImU32 with_alpha(ImU32 colour, int alpha) {
    return (colour & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha) << IM_COL32_A_SHIFT);
}


// One column of bars (before or after), drawn at x within width w, one row per option.
void bar_column(Frame& f, const std::vector<ResultsBar>& bars, const char* which, float x, float w,
                const std::vector<float>& row_y, float row_h, ImU32 colour, bool big) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* num = big ? f.fonts.heading : f.fonts.bold;
    const float pct_w = num->CalcTextSizeA(num->FontSize, FLT_MAX, 0, "100%").x + f.m.gap;
    const float track_w = std::max(1.0f, w - pct_w);
    const float bar_h = std::min(row_h * 0.7f, (big ? f.fonts.heading : f.fonts.body)->FontSize * 1.1f);
    for (size_t i = 0; i < bars.size() && i < row_y.size(); ++i) {
        const float y = row_y[i] + (row_h - bar_h) * 0.5f;
        const float r = 8 * f.m.scale;
        dl->AddRectFilled(ImVec2(x, y), ImVec2(x + track_w, y + bar_h), with_alpha(f.pal.disabled, 160), r);
        const float len = track_w * static_cast<float>(std::clamp(bars[i].percent, 0, 100)) / 100.0f;
        if (len > 0.5f) dl->AddRectFilled(ImVec2(x, y), ImVec2(x + std::max(len, 2 * r), y + bar_h), colour, r);
        const std::string pct = std::to_string(bars[i].percent) + "%";
        const float tw = num->CalcTextSizeA(num->FontSize, FLT_MAX, 0, pct.c_str()).x;
        const float ty = row_y[i] + (row_h - num->FontSize) * 0.5f;
        dl->AddText(num, num->FontSize, ImVec2(x + w - tw, ty), f.pal.text, pct.c_str());
        record_text(f, std::string("bar_") + which + "_" + bars[i].option_id + "=" + std::to_string(bars[i].percent),
                    ImVec2(x, row_y[i]), ImVec2(x + w, row_y[i] + row_h), bars[i].label + ": " + pct);
    }
}

}  // namespace

void record_text(Frame& f, const std::string& id, ImVec2 a, ImVec2 b, const std::string& spoken) {
    f.widgets.add(id, "text", a, b, spoken, !spoken.empty());
}

// The before/after table: option words on the left, a column of bars for each view.
void results_bar_table(Frame& f, const ResultsView& r, float w, bool big) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float gap = f.m.gap * 2;
    const float label_w = std::min(w * 0.3f, (big ? 780 : 520) * f.m.scale * f.m.text_factor);
    ImFont* head = big ? f.fonts.heading : f.fonts.bold;
    const float col_w = (w - label_w - 2 * gap) * 0.5f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float x_first = origin.x + label_w + gap;
    const float x_second = x_first + col_w + gap;

    // Column headings: which view each column is.
    const std::string before = f.word("results_before"), after = f.word("results_after");
    const float head_h = std::max(text_height(head, before, col_w), text_height(head, after, col_w));
    draw_wrapped(dl, head, ImVec2(x_first, origin.y), col_w, before, f.pal.text_muted, false);
    draw_wrapped(dl, head, ImVec2(x_second, origin.y), col_w, after, f.pal.text, false);
    float y = origin.y + head_h + f.m.gap * 0.5f;
    dl->AddLine(ImVec2(origin.x, y), ImVec2(origin.x + w, y), f.pal.disabled, std::max(1.0f, 2 * f.m.scale));
    y += f.m.gap * 0.5f;

    std::vector<float> row_y;
    ImFont* font = big ? f.fonts.heading : f.fonts.body;
    // Wrapped text ends with a quarter line of spacing below the last line: leave it out when centring.
    const auto ink_height = [&](const std::string& label) {
        return text_height(font, label, label_w) - font->FontSize * 0.25f;
    };
    float row_h = font->FontSize * 1.4f;
    for (const auto& b : r.first) row_h = std::max(row_h, ink_height(b.label) + f.m.gap * 0.5f);
    for (const auto& b : r.first) {
        draw_wrapped(dl, font, ImVec2(origin.x, y + (row_h - ink_height(b.label)) * 0.5f), label_w, b.label, f.pal.text,
                     false);
        row_y.push_back(y);
        y += row_h + f.m.gap * 0.3f;
    }
    bar_column(f, r.first, "first", x_first, col_w, row_y, row_h, f.pal.text_muted, big);
    bar_column(f, r.second, "second", x_second, col_w, row_y, row_h, f.pal.bar, big);
    ImGui::Dummy(ImVec2(w, y - origin.y));
}

// The shift in words, on a quiet panel: how many changed, and which way.
void results_shift_panel(Frame& f, const ResultsView& r, float w, bool big) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 28 * f.m.scale;
    const float stripe = 12 * f.m.scale;
    const float tw = w - 2 * pad - stripe;
    ImFont* lead = big ? f.fonts.heading : f.fonts.bold;
    ImFont* rest = big ? f.fonts.bold : f.fonts.body;
    const float h1 = text_height(lead, r.shift_text, tw);
    const float h2 = r.direction_text.empty() ? 0 : text_height(rest, r.direction_text, tw) + f.m.gap * 0.3f;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 b(a.x + w, a.y + h1 + h2 + 2 * pad);
    dl->AddRectFilled(a, b, f.pal.surface, f.m.rounding);
    dl->AddRectFilled(a, ImVec2(a.x + stripe, b.y), f.pal.primary, f.m.rounding, ImDrawFlags_RoundCornersLeft);
    const float tx = a.x + stripe + pad;
    draw_wrapped(dl, lead, ImVec2(tx, a.y + pad), tw, r.shift_text, f.pal.text, false);
    record_text(f, "results_shift", a, b);
    record_text(f, "results_changed_in_10=" + std::to_string(r.changed_in_10), a, b);
    if (!r.direction_text.empty()) {
        draw_wrapped(dl, rest, ImVec2(tx, a.y + pad + h1 + f.m.gap * 0.3f), tw, r.direction_text, f.pal.text, false);
        record_text(f, "results_direction", a, b);
    }
    ImGui::Dummy(ImVec2(w, b.y - a.y));
}

// Nothing to show yet: say so calmly, and why.
void results_waiting_panel(Frame& f, const ResultsView& r, float w) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 36 * f.m.scale;
    const float icon = f.fonts.title->FontSize * 1.6f;
    const float tw = w - 3 * pad - icon;
    const std::string waiting = r.waiting_text.empty() ? f.word("results_waiting") : r.waiting_text;
    ImFont* lead = f.m.text_factor > 1.3f ? f.fonts.bold : f.fonts.heading;  // extra-large text: keep it on screen
    const float h1 = text_height(lead, waiting, tw);
    const float h2 = text_height(f.fonts.body, r.why_text, tw);
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 b(a.x + w, a.y + std::max(icon, h1 + f.m.gap + h2) + 2 * pad);
    dl->AddRectFilled(a, b, f.pal.surface, f.m.rounding);
    const ImVec2 c(a.x + pad + icon * 0.5f, a.y + pad + icon * 0.5f);
    dl->AddCircleFilled(c, icon * 0.5f, with_alpha(f.pal.primary, 30), 48);
    const char* g = icon_glyph("users");
    ImFont* gf = f.fonts.title;
    const ImVec2 gs = gf->CalcTextSizeA(gf->FontSize, FLT_MAX, 0, g);
    dl->AddText(gf, gf->FontSize, ImVec2(c.x - gs.x * 0.5f, c.y - gs.y * 0.5f), f.pal.primary, g);
    const float tx = a.x + 2 * pad + icon;
    draw_wrapped(dl, lead, ImVec2(tx, a.y + pad), tw, waiting, f.pal.text, false);
    draw_wrapped(dl, f.fonts.body, ImVec2(tx, a.y + pad + h1 + f.m.gap), tw, r.why_text, f.pal.text_muted, false);
    record_text(f, "results_waiting", a, b);
    record_text(f, "results_why", a, b);
    ImGui::Dummy(ImVec2(w, b.y - a.y));
}


}  // namespace dv::ui
