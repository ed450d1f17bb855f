// Facilitator mode, show of hands: the question and its answers in the group's language,
// large, and beside each answer a counter the facilitator sets with − and +.
#include "facilitator_screens.hpp"

#include <algorithm>

namespace dv::ui {

void screen_facilitator_hands(FacilitatorFrame& s) {
    Frame& f = s.f;
    using K = FacilitatorEvent::Kind;
    const Question* q = s.group.question();
    if (!q) return;
    const bool first = s.group.screen() == FacilitatorScreen::HandsFirst;
    const float w = ImGui::GetContentRegionAvail().x;
    text_block(f, f.fonts.bold, s.content.word(first ? "first_view_title" : "second_view_title"), w,
               f.pal.text_muted, "hands_title");
    text_block(f, f.fonts.heading, q->text, w, f.pal.text, "hands_question");
    if (first)
        text_block(f, f.fonts.small, "Ask for hands for each answer, then set the count.", w, f.pal.text_muted,
                   "hands_help");
    const auto& counts = first ? s.group.first_counts() : s.group.second_counts();
    ImFont* big = f.fonts.heading;
    // Rows as tall as the space above the button allows, for however many answers there are.
    const float room = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y - f.m.button_h - f.m.gap -
                       ImGui::GetCursorScreenPos().y;
    const float per_row = room / static_cast<float>(std::max<size_t>(1, q->options.size())) - f.m.gap * 0.5f;
    const float side = std::max({f.m.min_target, big->FontSize * 1.1f, std::min(f.m.option_h * 0.8f, per_row)});
    // Answers in the large font when they fit, else one size down.
    ImFont* label_font = big;
    for (const auto& o : q->options)
        if (text_height(big, o.label, w * 0.6f) > per_row) label_font = f.fonts.bold;
    const float count_w = big->CalcTextSizeA(big->FontSize, FLT_MAX, 0, "0000").x;
    const float label_w = w - 2 * side - count_w - 4 * f.m.gap;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < q->options.size(); ++i) {
        const Option& o = q->options[i];
        const std::int64_t n = i < counts.size() ? counts[i] : 0;
        const ImVec2 row = ImGui::GetCursorScreenPos();
        const float text_h = text_height(label_font, o.label, label_w);
        const float row_h = std::max(side, text_h);
        draw_wrapped(dl, label_font, ImVec2(row.x, row.y + (row_h - text_h) * 0.5f), label_w, o.label, f.pal.text,
                     false);
        f.widgets.add("hands_label_" + o.id, "text", row, ImVec2(row.x + label_w, row.y + row_h));
        ImGui::SetCursorScreenPos(ImVec2(row.x + label_w + f.m.gap, row.y + (row_h - side) * 0.5f));
        if (button(f, "minus_" + o.id, glyph::minus, ImVec2(side, side), ButtonKind::Secondary, {}, n > 0, big))
            s.emit(FacilitatorEvent::of(K::Minus, o.id));
        const std::string count = std::to_string(n);
        const float cx = row.x + label_w + 2 * f.m.gap + side;
        const float tw = big->CalcTextSizeA(big->FontSize, FLT_MAX, 0, count.c_str()).x;
        dl->AddText(big, big->FontSize, ImVec2(cx + (count_w - tw) * 0.5f, row.y + (row_h - big->FontSize) * 0.5f),
                    f.pal.text, count.c_str());
        f.widgets.add("count_" + o.id + "=" + count, "text", ImVec2(cx, row.y), ImVec2(cx + count_w, row.y + row_h));
        ImGui::SetCursorScreenPos(ImVec2(cx + count_w + f.m.gap, row.y + (row_h - side) * 0.5f));
        if (button(f, "plus_" + o.id, glyph::plus, ImVec2(side, side), ButtonKind::Primary, {}, true, big))
            s.emit(FacilitatorEvent::of(K::Plus, o.id));
        ImGui::SetCursorScreenPos(ImVec2(row.x, row.y + row_h + f.m.gap * 0.5f));
    }
    ImGui::Dummy(ImVec2(0, 0));
    const std::string next = first ? "Done: show the other views" : "Done: show the results";
    if (facilitator_buttons(s, {{"hands_done", std::string(glyph::next) + "  " + next}}, 0) == 0)
        s.emit(FacilitatorEvent::of(K::Done));
}

}  // namespace dv::ui
