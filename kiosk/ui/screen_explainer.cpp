// An explainer screen: a title, a few short sentences, and maybe a diagram or a QR code to
// take away. Also draws the closing screen (how to opt out) and the scenario introduction.
//
// When the content gives a pictogram per paragraph (Easy Read does, always), each paragraph
// becomes a row with its pictogram beside it, and the title carries the screen's own icon.
#include "screens.hpp"

#include "core/readability.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace dv::ui {

namespace {

// A pictogram on a soft square, `box` pixels on a side, at the cursor; advances the cursor.
void pictogram_box(Frame& f, const std::string& name, float box) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + box, p.y + box), f.pal.surface, f.m.rounding);
    const char* g = icon_glyph(name);
    ImFont* font = f.fonts.heading;
    const float size = box * 0.62f;
    const ImVec2 gs = font->CalcTextSizeA(size, FLT_MAX, 0, g);
    dl->AddText(font, size, ImVec2(p.x + (box - gs.x) * 0.5f, p.y + (box - gs.y) * 0.5f), f.pal.primary, g);
    ImGui::Dummy(ImVec2(box, box));
}

// One row: the pictogram, then the words beside it, centred on it when they are shorter.
void pictogram_row(Frame& f, const std::string& pictogram, const std::string& words, ImFont* font, float w,
                   const std::string& id) {
    const float box = f.fonts.heading->FontSize * 1.7f;
    const float gap = f.m.gap * 1.25f;
    const float text_w = w - box - gap;
    const float th = text_height(font, words, text_w);
    ImGui::BeginGroup();
    pictogram_box(f, pictogram, box);
    ImGui::EndGroup();
    ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    if (th < box) ImGui::Dummy(ImVec2(0, (box - th) * 0.5f - ImGui::GetStyle().ItemSpacing.y));
    text_block(f, font, words, text_w, f.pal.text, id.c_str());
    ImGui::EndGroup();
}

// The words of the screen: as paragraphs beside pictograms, or as one block.
void explainer_words(Frame& f, const ExplainerView& v, float text_w) {
    const std::vector<std::string> paragraphs = split_paragraphs(v.text);
    const bool rows = !v.pictograms.empty() && v.pictograms.size() == paragraphs.size();
    if (!rows) {
        const char* g = icon_glyph(v.icon);
        if (*g) {
            ImGui::GetWindowDrawList()->AddText(f.fonts.title, f.fonts.title->FontSize, ImGui::GetCursorScreenPos(),
                                                f.pal.primary, g);
            ImGui::Dummy(ImVec2(f.fonts.title->FontSize, f.fonts.title->FontSize * 1.1f));
        }
        text_block(f, f.fonts.heading, v.title, text_w, f.pal.text, "title");
        ImGui::Dummy(ImVec2(0, f.m.gap));
        text_block(f, f.fonts.body, v.text, text_w, f.pal.text, "body");
        return;
    }
    if (!v.icon.empty())
        pictogram_row(f, v.icon, v.title, f.fonts.heading, text_w, "title");
    else
        text_block(f, f.fonts.heading, v.title, text_w, f.pal.text, "title");
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    for (size_t i = 0; i < paragraphs.size(); ++i) {
        pictogram_row(f, v.pictograms[i], paragraphs[i], f.fonts.body, text_w, "body_" + std::to_string(i + 1));
        ImGui::Dummy(ImVec2(0, f.m.gap * 0.4f));
    }
}

// Title, words, then a diagram under them; the right-hand column holds a QR code if any.
// The code is always wholly on screen as the page opens, at the top of its column: beside the
// words where the screen is wide, or where the words and the code would not fit one above the
// other; it shrinks to the column's height but keeps at least 3 pixels a module.
}  // namespace

void explainer_body(Frame& f, const ExplainerView& v) {
    const float w = ImGui::GetContentRegionAvail().x;
    const float column_h = ImGui::GetContentRegionAvail().y;
    const bool has_qr = !v.qr_url.empty();
    const QrMatrix* qr = has_qr ? f.link_code(v.qr_url) : nullptr;
    const float qr_min = qr ? 3.0f * static_cast<float>(qr->size + 8) : 0;
    float qr_col = has_qr ? std::min(460 * f.m.scale * std::max(1.0f, f.m.text_factor * 0.8f), w * 0.4f) : 0;
    bool side_by_side = has_qr && w > 1000 * f.m.scale;
    if (has_qr && !side_by_side) {
        const float stacked_h = text_height(f.fonts.heading, v.title, w) + text_height(f.fonts.body, v.text, w) +
                                text_height(f.fonts.bold, v.qr_caption, w) + std::min(qr_col, 420 * f.m.scale) +
                                4 * f.m.gap;
        side_by_side = stacked_h > column_h;
    }
    if (side_by_side) qr_col = std::max(qr_col, std::min(qr_min, w * 0.45f));
    const float text_w = side_by_side ? w - qr_col - 2 * f.m.gap : w;
    const ImVec2 start = ImGui::GetCursorScreenPos();

    explainer_words(f, v, text_w);

    if (!v.diagram.empty()) {
        ImGui::Dummy(ImVec2(0, f.m.gap));
        // As tall as the space left allows, within limits, so it rarely pushes the words off screen.
        const float room = ImGui::GetContentRegionAvail().y - f.m.gap;
        const float dh = std::clamp(room, 200 * f.m.scale, std::min(360 * f.m.scale, text_w * 0.35f));
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        if (draw_diagram(f, v.diagram, pos, ImVec2(text_w, dh))) ImGui::Dummy(ImVec2(text_w, dh));
    }

    if (qr && qr->size > 0) {
        ImVec2 pos;
        if (side_by_side) {
            pos = ImVec2(start.x + text_w + 2 * f.m.gap, start.y);
        } else {
            ImGui::Dummy(ImVec2(0, f.m.gap));
            pos = ImGui::GetCursorScreenPos();
        }
        const float cap_w = side_by_side ? qr_col : w;
        const float cap_h = text_height(f.fonts.bold, v.qr_caption, cap_w);
        const float below = side_by_side ? column_h : column_h - (pos.y - start.y);
        const float side = std::max(qr_min, std::min({qr_col, 420 * f.m.scale, below - cap_h - f.m.gap}));
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float x = side_by_side ? pos.x + (qr_col - side) * 0.5f : pos.x + (w - side) * 0.5f;
        draw_wrapped(dl, f.fonts.bold, ImVec2(side_by_side ? pos.x : start.x, pos.y), cap_w, v.qr_caption, f.pal.text,
                     true);
        f.widgets.add("qr_caption", "text", ImVec2(side_by_side ? pos.x : start.x, pos.y),
                      ImVec2((side_by_side ? pos.x : start.x) + cap_w, pos.y + cap_h), v.qr_caption);
        draw_qr(dl, qr->modules, qr->size, ImVec2(x, pos.y + cap_h + f.m.gap), side);
        f.widgets.add("qr", "image", ImVec2(x, pos.y + cap_h + f.m.gap), ImVec2(x + side, pos.y + cap_h + f.m.gap + side));
        if (!side_by_side) {
            ImGui::Dummy(ImVec2(w, cap_h + f.m.gap + side));
        } else {
            // The column may be taller than the words: make the page long enough to scroll to it.
            const float bottom = pos.y + cap_h + f.m.gap + side;
            const float y = ImGui::GetCursorScreenPos().y;
            if (y < bottom) ImGui::Dummy(ImVec2(0, bottom - y));
        }
    }
}

void screen_explainer(Frame& f) {
    const Explainer* e = f.journey.explainer();
    if (!e) return;
    explainer_body(f, {e->icon, e->title, e->text, e->diagram, e->qr_url, e->qr_caption, e->pictograms});
}

void screen_scenario(Frame& f) {
    const Scenario* s = f.journey.scenario();
    if (!s) return;
    static const std::string none;
    explainer_body(f, {s->icon, s->title, s->text, none, none, none, s->pictograms});
}

}  // namespace dv::ui
