// The panel both overlays draw ("Still there?" and "Leave now?"): the screen dimmed, a box
// in the middle with a title and a few words, and room for buttons under them.
#include "screens.hpp"

#include <algorithm>

namespace dv::ui {

OverlayPanel begin_overlay(Frame& f, const char* window, const std::string& title, const std::string& body,
                           int buttons) {
    const ImVec2 d = f.display;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(d);
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleColor(ImGuiCol_WindowBg, f.pal.overlay);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin(window, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    OverlayPanel p;

    const float w = std::min(d.x - 2 * f.m.pad, 1200 * f.m.scale * std::max(1.0f, f.m.text_factor * 0.85f));
    const float pad = std::min(48 * f.m.scale, f.m.pad);
    const float th = text_height(f.fonts.title, title, w - 2 * pad);
    const float bh = text_height(f.fonts.body, body, w - 2 * pad);
    const float h = pad * 2 + th + f.m.gap + bh + 2 * f.m.gap + buttons * f.m.button_h + (buttons - 1) * f.m.gap;
    const ImVec2 a((d.x - w) * 0.5f, std::max(0.0f, (d.y - h) * 0.5f));
    // Taps are seen by hand, not by a button under the box, so the box's own buttons get them.
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    p.tapped_anywhere = ImGui::IsMouseReleased(0);
    p.tapped_outside = p.tapped_anywhere && !(mouse.x >= a.x && mouse.x < a.x + w && mouse.y >= a.y && mouse.y < a.y + h);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h), f.pal.surface, f.m.rounding);
    float y = a.y + pad;
    const float title_y = y;
    y += draw_wrapped(dl, f.fonts.title, ImVec2(a.x + pad, y), w - 2 * pad, title, f.pal.text, true);
    y += f.m.gap;
    y += draw_wrapped(dl, f.fonts.body, ImVec2(a.x + pad, y), w - 2 * pad, body, f.pal.text, true);
    f.widgets.add(window, "text", ImVec2(a.x, title_y), ImVec2(a.x + w, y), title + " " + body, true);
    y += 2 * f.m.gap;
    p.buttons_at = ImVec2(a.x + pad, y);
    p.button_w = w - 2 * pad;
    return p;
}

void end_overlay() {
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

}  // namespace dv::ui
