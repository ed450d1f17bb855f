// Animated diagrams drawn with ImGui's draw list. Each asks for its next frame through
// Frame::out.wake_at, so it moves only while it is on screen.
#include "screens.hpp"

#include <algorithm>
#include <cmath>

namespace dv::ui {

namespace {

constexpr double kFrameSeconds = 1.0 / 30.0;

// A patient record travels from the GP surgery to the planners. On the way its name and
// address are replaced by a code: what "de-identified" means, without the word.
void record_journey(Frame& f, ImVec2 p, ImVec2 size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float s = f.m.scale;
    const double cycle = 7.0;
    const float t = static_cast<float>(std::fmod(f.now, cycle) / cycle);
    f.out.wake_at = std::min(f.out.wake_at, f.now + kFrameSeconds);

    const float icon = std::min(size.y * 0.45f, f.fonts.title->FontSize * 1.6f);
    ImFont* font = f.fonts.title;
    const float iy = p.y + size.y * 0.5f - icon * 0.5f;
    // Left: the surgery. Right: the planners' chart.
    dl->AddText(font, icon, ImVec2(p.x, iy), f.pal.primary, icon_glyph("hospital"));
    dl->AddText(font, icon, ImVec2(p.x + size.x - icon, iy), f.pal.primary, icon_glyph("chart"));
    // The road, and the gate in the middle where identifying details come off.
    const float road_y = p.y + size.y * 0.5f;
    const float x0 = p.x + icon * 1.3f, x1 = p.x + size.x - icon * 1.3f;
    for (float x = x0; x < x1; x += 28 * s) dl->AddLine(ImVec2(x, road_y), ImVec2(x + 14 * s, road_y), f.pal.disabled, 4 * s);
    const float gate_x = (x0 + x1) * 0.5f;
    dl->AddText(f.fonts.heading, f.fonts.heading->FontSize, ImVec2(gate_x - f.fonts.heading->FontSize * 0.4f, p.y),
                f.pal.accent_benefit, icon_glyph("lock"));

    // The record card.
    const float ease = t < 0.1f ? 0 : t > 0.9f ? 1 : (t - 0.1f) / 0.8f;
    const float card_w = std::min(300 * s, (x1 - x0) * 0.4f), card_h = size.y * 0.5f;
    const float cx = x0 + (x1 - x0 - card_w) * ease;
    const ImVec2 a(cx, road_y - card_h * 0.5f), b(cx + card_w, road_y + card_h * 0.5f);
    dl->AddRectFilled(a, b, f.pal.surface, 10 * s);
    dl->AddRect(a, b, f.pal.primary, 10 * s, 0, 3 * s);
    const bool coded = cx + card_w * 0.5f > gate_x;
    const float line_h = card_h / 4.5f;
    ImFont* small = f.fonts.small;
    const float fs = std::min(small->FontSize, line_h * 0.9f);
    if (!coded) {
        // Name and address: shown as bars of "writing", not real words.
        dl->AddRectFilled(ImVec2(a.x + 16 * s, a.y + line_h * 0.6f), ImVec2(a.x + card_w * 0.7f, a.y + line_h * 1.3f),
                          f.pal.accent_concern, 4 * s);
        dl->AddRectFilled(ImVec2(a.x + 16 * s, a.y + line_h * 1.7f), ImVec2(a.x + card_w * 0.85f, a.y + line_h * 2.4f),
                          f.pal.accent_concern, 4 * s);
    } else {
        dl->AddText(small, fs, ImVec2(a.x + 16 * s, a.y + line_h * 0.6f), f.pal.accent_benefit, "ID 7F3K-92");
    }
    // Health details stay on the record either way.
    dl->AddRectFilled(ImVec2(a.x + 16 * s, a.y + line_h * 2.9f), ImVec2(a.x + card_w * 0.6f, a.y + line_h * 3.5f),
                      f.pal.text_muted, 4 * s);
    dl->AddRectFilled(ImVec2(a.x + 16 * s, a.y + line_h * 3.7f), ImVec2(a.x + card_w * 0.5f, a.y + line_h * 4.2f),
                      f.pal.text_muted, 4 * s);
}

}  // namespace

bool draw_diagram(Frame& f, const std::string& name, ImVec2 pos, ImVec2 size) {
    if (name == "record_journey") {
        record_journey(f, pos, size);
        return true;
    }
    return false;
}

}  // namespace dv::ui
