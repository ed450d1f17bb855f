// A question: the words, a hint ("Choose one", "Choose up to 3"), and big answer options,
// or for a free-text question the on-screen keyboard (keyboard.cpp).
// The first and second views of a scenario are questions too, with a line above them.
#include "keyboard.hpp"
#include "screens.hpp"

#include "core/text.hpp"

#include <algorithm>

namespace dv::ui {

namespace {

// How the answers are laid out: in one or two columns, with or without pictograms, and with
// the words (question and answers) drawn at `scale` of their usual size.
struct AnswerLayout {
    int cols = 1;
    bool icons = true;
    float scale = 1;
};

struct QuestionWords {
    std::string view_title, hint;
};

std::string icon_of(const Option& o, const AnswerLayout& l) { return l.icons ? icon_glyph(o.icon) : ""; }

float column_width(const Frame& f, float w, const AnswerLayout& l) { return (w - (l.cols - 1) * f.m.gap) / l.cols; }

// The question's font: on a short screen the bold body font stands in for the heading.
ImFont* question_font(const Frame& f) { return f.m.compact ? f.fonts.bold : f.fonts.heading; }

float page_height(const Frame& f, const Question& q, const QuestionWords& words, float w, const AnswerLayout& l) {
    float h = 0;
    if (!words.view_title.empty())
        h += text_height(f.fonts.bold, words.view_title, w, f.fonts.bold->FontSize * l.scale) + f.m.gap * 0.5f;
    ImFont* qf = question_font(f);
    h += text_height(qf, q.text, w, qf->FontSize * l.scale);
    if (!words.hint.empty())
        h += f.m.gap * 0.5f + text_height(f.fonts.body, words.hint, w, f.fonts.body->FontSize * l.scale);
    h += f.m.gap;
    const float cw = column_width(f, w, l);
    const auto& opts = q.options;
    for (size_t row = 0; row < opts.size(); row += static_cast<size_t>(l.cols)) {
        float rh = 0;
        for (size_t i = row; i < std::min(opts.size(), row + l.cols); ++i)
            rh = std::max(rh, option_height(f, opts[i].label, cw, icon_of(opts[i], l), l.scale));
        h += rh + f.m.gap * 0.5f;
    }
    return h;
}

// The roomiest layout that shows the question and every answer in `room`: first one column,
// then two (or for a long list three) side by side (a scale still reads in order, left to
// right and down), then without pictograms, then the words a step smaller at a time, never
// below 85 % of the standard size. If nothing fits, the smallest one (and the page scrolls).
AnswerLayout fit_answers(const Frame& f, const Question& q, const QuestionWords& words, float w, float room) {
    const float min_col = 9 * f.fonts.body->FontSize;  // a column narrower than this wraps every answer
    const bool wide = w > 1100 * f.m.scale * f.m.text_factor;
    // A long list on a wide screen goes in two columns anyway, as it always has.
    const int first_cols =
        (q.type != QuestionType::Scale && q.options.size() > 4 && wide) || (f.m.compact && q.options.size() > 4) ? 2 : 1;
    const int max_cols = q.options.size() > 4 ? 3 : 2;  // three only for a long list
    const float floor_scale = 0.85f / f.m.text_factor;
    AnswerLayout best;
    for (int step = 0; 1.0f - 0.05f * static_cast<float>(step - 1) > floor_scale; ++step)
        for (bool icons : {true, false})
            for (int cols = first_cols; cols <= max_cols; ++cols) {
                AnswerLayout l{cols, icons, std::max(floor_scale, 1.0f - 0.05f * static_cast<float>(step))};
                if (cols > 1 && (q.options.size() < 2 || column_width(f, w, l) < min_col * l.scale)) continue;
                best = l;
                if (page_height(f, q, words, w, l) <= room) return l;
            }
    return best;
}

// The line above the question and the hint under it. A scenario's first view says it will be
// asked again, and after what; the second view says after what it is asked.
QuestionWords words_for(const Frame& f, const Question& q) {
    const Journey& j = f.journey;
    const bool pause = j.group() == StudyGroup::Comparison;
    QuestionWords words;
    switch (j.screen()) {
        case Screen::FirstView: words.view_title = f.word("first_view_title"); break;
        case Screen::SecondView: words.view_title = f.word(pause ? "second_view_after_pause" : "second_view_title"); break;
        case Screen::KnowledgeBefore:
        case Screen::KnowledgeAfter: words.view_title = f.word("knowledge_title"); break;
        default: break;
    }
    words.hint = q.help;
    if (words.hint.empty() && q.type != QuestionType::FreeText) {
        words.hint = q.type == QuestionType::Multi ? j.content().counted("choose_up_to", q.max_choices)
                                                   : f.word("choose_one");
    }
    if (j.screen() == Screen::FirstView) words.hint += " " + f.word(pause ? "view_again_pause" : "view_again_cards");
    return words;
}

}  // namespace

void screen_question(Frame& f) {
    const Journey& j = f.journey;
    const Question* q = j.question();
    if (!q) return;
    const float w = ImGui::GetContentRegionAvail().x;
    const float room = ImGui::GetContentRegionAvail().y;

    const QuestionWords words = words_for(f, *q);
    const AnswerLayout l = q->type == QuestionType::FreeText ? AnswerLayout{} : fit_answers(f, *q, words, w, room);

    if (!words.view_title.empty()) {
        text_block(f, f.fonts.bold, words.view_title, w, f.pal.text_muted, "view_title", false,
                   f.fonts.bold->FontSize * l.scale);
        ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    }
    ImFont* qf = question_font(f);
    text_block(f, qf, q->text, w, f.pal.text, "question", false, qf->FontSize * l.scale);
    if (!words.hint.empty()) {
        ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
        text_block(f, f.fonts.body, words.hint, w, f.pal.text_muted, "hint", false, f.fonts.body->FontSize * l.scale);
    }
    ImGui::Dummy(ImVec2(0, f.m.gap));
    if (q->type == QuestionType::FreeText) {
        draw_free_text(f, *q, w);
        return;
    }

    const bool multi = q->type == QuestionType::Multi;
    const size_t cols = static_cast<size_t>(l.cols);
    const float cw = column_width(f, w, l);
    const auto& opts = q->options;
    for (size_t row = 0; row < opts.size(); row += cols) {
        float h = 0;
        for (size_t i = row; i < std::min(opts.size(), row + cols); ++i)
            h = std::max(h, option_height(f, opts[i].label, cw, icon_of(opts[i], l), l.scale));
        for (size_t i = row; i < std::min(opts.size(), row + cols); ++i) {
            const Option& o = opts[i];
            if (i != row) ImGui::SameLine(0, f.m.gap);
            if (option_button(f, "opt_" + o.id, o.label, cw, j.is_selected(o.id), multi, icon_of(o, l), h, l.scale))
                f.emit(Event::toggle(o.id));
        }
        ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    }
}

}  // namespace dv::ui
