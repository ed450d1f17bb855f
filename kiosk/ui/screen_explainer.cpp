// An explainer screen: a title, a few short sentences, and maybe a diagram or a QR code to
// take away. Also draws the closing screen (how to opt out) and the scenario introduction.
#include "screens.hpp"

#include <algorithm>

namespace dv::ui {

namespace {

// Title with its pictogram, then the words; the right-hand column holds a QR code if any.
void explainer_body(Frame& f, const std::string& icon, const std::string& title, const std::string& text,
                    const std::string& diagram, const std::string& qr_url, const std::string& qr_caption) {
    const float w = ImGui::GetContentRegionAvail().x;
    const bool has_qr = !qr_url.empty();
    const bool side_by_side = has_qr && w > 1000 * f.m.scale;
    const float qr_col = has_qr ? std::min(460 * f.m.scale * std::max(1.0f, f.m.text_factor * 0.8f), w * 0.4f) : 0;
    const float text_w = side_by_side ? w - qr_col - 2 * f.m.gap : w;
    const ImVec2 start = ImGui::GetCursorScreenPos();

    const char* g = icon_glyph(icon);
    if (*g) {
        ImGui::GetWindowDrawList()->AddText(f.fonts.title, f.fonts.title->FontSize, ImGui::GetCursorScreenPos(),
                                            f.pal.primary, g);
        ImGui::Dummy(ImVec2(f.fonts.title->FontSize, f.fonts.title->FontSize * 1.1f));
    }
    text_block(f, f.fonts.heading, title, text_w, f.pal.text, "title");
    ImGui::Dummy(ImVec2(0, f.m.gap));
    text_block(f, f.fonts.body, text, text_w, f.pal.text, "body");

    if (!diagram.empty()) {
        ImGui::Dummy(ImVec2(0, f.m.gap));
        const float dh = std::min(360 * f.m.scale, text_w * 0.35f);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        if (draw_diagram(f, diagram, pos, ImVec2(text_w, dh))) ImGui::Dummy(ImVec2(text_w, dh));
    }

    if (has_qr) {
        const QrMatrix& qr = f.state.qr(qr_url);
        if (qr.size == 0) return;
        ImVec2 pos;
        if (side_by_side) {
            pos = ImVec2(start.x + text_w + 2 * f.m.gap, start.y);
        } else {
            ImGui::Dummy(ImVec2(0, f.m.gap));
            pos = ImGui::GetCursorScreenPos();
        }
        const float side = std::min(qr_col, 420 * f.m.scale);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float cap_w = side_by_side ? qr_col : w;
        const float cap_h = text_height(f.fonts.bold, qr_caption, cap_w);
        const float x = side_by_side ? pos.x + (qr_col - side) * 0.5f : pos.x + (w - side) * 0.5f;
        draw_wrapped(dl, f.fonts.bold, ImVec2(side_by_side ? pos.x : start.x, pos.y), cap_w, qr_caption, f.pal.text, true);
        draw_qr(dl, qr.modules, qr.size, ImVec2(x, pos.y + cap_h + f.m.gap), side);
        f.widgets.add("qr", "image", ImVec2(x, pos.y + cap_h + f.m.gap), ImVec2(x + side, pos.y + cap_h + f.m.gap + side));
        if (!side_by_side) ImGui::Dummy(ImVec2(w, cap_h + f.m.gap + side));
    }
}

}  // namespace

void screen_explainer(Frame& f) {
    const Explainer* e = f.journey.explainer();
    if (!e) return;
    explainer_body(f, e->icon, e->title, e->text, e->diagram, e->qr_url, e->qr_caption);
}

void screen_scenario(Frame& f) {
    const Scenario* s = f.journey.scenario();
    if (!s) return;
    explainer_body(f, s->icon, s->title, s->text, {}, {}, {});
}

}  // namespace dv::ui
