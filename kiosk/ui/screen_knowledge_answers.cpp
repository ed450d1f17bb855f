// The answers to the quick check, after the visitor has answered it the second time: each
// statement with whether it is true or false and one line of why. There is no score and no
// sign of what the visitor answered: it is there to inform, not to mark.
#include "screens.hpp"

namespace dv::ui {

void screen_knowledge_answers(Frame& f) {
    const Scenario* s = f.journey.scenario();
    if (!s) return;
    const float w = ImGui::GetContentRegionAvail().x;
    text_block(f, f.fonts.heading, f.word("knowledge_answers_title"), w, f.pal.text, "title");
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    ImFont* mark_font = f.fonts.heading;
    const float mark_w = mark_font->FontSize * 1.4f;
    int n = 0;
    for (const auto& k : s->knowledge) {
        const std::string id = "answer_" + std::to_string(++n);
        ImGui::BeginGroup();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const char* mark = icon_glyph(k.answer ? "check" : "cross");
        ImGui::GetWindowDrawList()->AddText(mark_font, mark_font->FontSize * 0.8f, ImVec2(p.x, p.y + 2 * f.m.scale),
                                            f.pal.primary, mark);
        ImGui::Dummy(ImVec2(mark_w, mark_font->FontSize));
        ImGui::EndGroup();
        ImGui::SameLine(0, f.m.gap * 0.5f);
        ImGui::BeginGroup();
        const float tw = w - mark_w - f.m.gap * 0.5f;
        text_block(f, f.fonts.bold, k.statement, tw, f.pal.text, (id + "_statement").c_str());
        const std::string verdict = f.word(k.answer ? "knowledge_answer_true" : "knowledge_answer_false");
        text_block(f, f.fonts.body, verdict + " " + k.explanation, tw, f.pal.text, (id + "_explanation").c_str());
        ImGui::EndGroup();
        ImGui::Dummy(ImVec2(0, f.m.gap * 0.6f));
    }
}

}  // namespace dv::ui
