// "What others said here": this kiosk's answers before and after the cards, only once enough
// people have answered (the privacy rules decide; the screen only draws what it is given).
#include "screens.hpp"

#include <algorithm>

namespace dv::ui {

namespace {

float bars(Frame& f, const std::vector<ResultsBar>& rows, const std::string& caption, float w) {
    const float start = ImGui::GetCursorScreenPos().y;
    text_block(f, f.fonts.bold, caption, w, f.pal.text, nullptr);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float label_w = w * 0.38f;
    const float bar_w = w - label_w - f.m.gap;
    for (const auto& r : rows) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float lh = text_height(f.fonts.body, r.label, label_w);
        const float h = std::max(lh, f.fonts.body->FontSize * 1.5f);
        draw_wrapped(dl, f.fonts.body, p, label_w, r.label, f.pal.text, false);
        const float bx = p.x + label_w + f.m.gap;
        const float len = bar_w * 0.8f * static_cast<float>(r.percent) / 100.0f;
        dl->AddRectFilled(ImVec2(bx, p.y), ImVec2(bx + len, p.y + f.fonts.body->FontSize * 1.2f), f.pal.bar, 6 * f.m.scale);
        // The number is written beside every bar, so colour is never the only cue.
        const std::string pct = std::to_string(r.percent) + "%";
        dl->AddText(f.fonts.bold, f.fonts.bold->FontSize, ImVec2(bx + len + f.m.gap * 0.5f, p.y), f.pal.text, pct.c_str());
        ImGui::Dummy(ImVec2(w, h + f.m.gap * 0.4f));
    }
    return ImGui::GetCursorScreenPos().y - start;
}

}  // namespace

void screen_results(Frame& f) {
    const float w = ImGui::GetContentRegionAvail().x;
    text_block(f, f.fonts.heading, f.word("results_title"), w, f.pal.text, "results_title");
    ImGui::Dummy(ImVec2(0, f.m.gap));
    if (!f.results || !f.results->available) {
        text_block(f, f.fonts.body, f.word("results_waiting"), w, f.pal.text, "results_waiting");
        return;
    }
    bars(f, f.results->first, f.word("results_before"), w);
    ImGui::Dummy(ImVec2(0, f.m.gap));
    bars(f, f.results->second, f.word("results_after"), w);
    if (!f.results->shift_text.empty()) {
        ImGui::Dummy(ImVec2(0, f.m.gap));
        text_block(f, f.fonts.bold, f.results->shift_text, w, f.pal.text, "results_shift");
    }
}

}  // namespace dv::ui
