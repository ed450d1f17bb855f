// A question: the words, a hint ("Choose one", "Choose up to 3"), and big answer options,
// or for a free-text question the on-screen keyboard (keyboard.cpp).
// The first and second views of a scenario are questions too, with a line above them.
#include "keyboard.hpp"
#include "screens.hpp"

#include "core/text.hpp"

#include <algorithm>

namespace dv::ui {

void screen_question(Frame& f) {
    const Journey& j = f.journey;
    const Question* q = j.question();
    if (!q) return;
    const float w = ImGui::GetContentRegionAvail().x;

    if (j.screen() == Screen::FirstView || j.screen() == Screen::SecondView) {
        const char* key = j.screen() == Screen::FirstView ? "first_view_title" : "second_view_title";
        text_block(f, f.fonts.bold, f.word(key), w, f.pal.text_muted, "view_title");
        ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    }
    text_block(f, f.fonts.heading, q->text, w, f.pal.text, "question");
    std::string hint = q->help;
    if (hint.empty() && q->type != QuestionType::FreeText) {
        hint = q->type == QuestionType::Multi
                   ? fill(f.word("choose_up_to"), {{"max", std::to_string(q->max_choices)}})
                   : f.word("choose_one");
    }
    if (!hint.empty()) {
        ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
        text_block(f, f.fonts.body, hint, w, f.pal.text_muted, "hint");
    }
    ImGui::Dummy(ImVec2(0, f.m.gap));
    if (q->type == QuestionType::FreeText) {
        draw_free_text(f, *q, w);
        return;
    }

    const bool multi = q->type == QuestionType::Multi;
    // A long list goes in two columns on a wide screen; a scale stays one column, in order.
    const int cols = (q->type != QuestionType::Scale && q->options.size() > 4 && w > 1100 * f.m.scale * f.m.text_factor) ? 2 : 1;
    const float cw = (w - (cols - 1) * f.m.gap) / cols;
    const auto& opts = q->options;
    for (size_t row = 0; row < opts.size(); row += cols) {
        float h = 0;
        for (size_t i = row; i < std::min(opts.size(), row + cols); ++i)
            h = std::max(h, option_height(f, opts[i].label, cw, icon_glyph(opts[i].icon)));
        for (size_t i = row; i < std::min(opts.size(), row + cols); ++i) {
            const Option& o = opts[i];
            if (i != row) ImGui::SameLine(0, f.m.gap);
            if (option_button(f, "opt_" + o.id, o.label, cw, j.is_selected(o.id), multi, icon_glyph(o.icon), h))
                f.emit(Event::toggle(o.id));
        }
        ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    }
}

}  // namespace dv::ui
