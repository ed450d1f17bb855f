// The touch test: a grid of 9 mm-or-larger cells over the whole screen that fill in where
// touched, with crosshairs at the last touch, to find dead or misaligned areas of a panel.
#include "staff_screens.hpp"

#include <algorithm>
#include <cmath>

namespace dv::ui {

void screen_staff_touch_test(StaffFrame& s) {
    Frame& f = s.f;
    const ImVec2 d = f.display;
    const float cell = std::max(f.m.min_target, 90 * f.m.scale);
    const int cols = std::max(1, static_cast<int>(d.x / cell)), rows = std::max(1, static_cast<int>(d.y / cell));
    const float cw = d.x / static_cast<float>(cols), ch = d.y / static_cast<float>(rows);
    auto& touched = s.ui.touched;
    touched.resize(static_cast<size_t>(cols * rows));

    const ImGuiIO& io = ImGui::GetIO();
    const bool down = io.MouseDown[0] && io.MousePos.x >= 0 && io.MousePos.y >= 0;
    if (down) {
        const int c = std::min(cols - 1, static_cast<int>(io.MousePos.x / cw));
        const int r = std::min(rows - 1, static_cast<int>(io.MousePos.y / ch));
        touched[static_cast<size_t>(r * cols + c)] = 1;
        s.ui.last_touch = io.MousePos;
        if (io.MouseClicked[0]) s.emit(StaffEvent::of(StaffEvent::Kind::Touch));
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            const ImVec2 a(c * cw, r * ch), b((c + 1) * cw, (r + 1) * ch);
            if (touched[static_cast<size_t>(r * cols + c)]) dl->AddRectFilled(a, b, f.pal.accent_benefit);
            dl->AddRect(a, b, f.pal.disabled, 0, 0, std::max(1.0f, f.m.scale));
        }
    if (s.ui.last_touch.x >= 0) {
        const ImVec2 t = s.ui.last_touch;
        dl->AddLine(ImVec2(0, t.y), ImVec2(d.x, t.y), f.pal.accent_concern, 2 * f.m.scale);
        dl->AddLine(ImVec2(t.x, 0), ImVec2(t.x, d.y), f.pal.accent_concern, 2 * f.m.scale);
    }
    // The way out sits in the middle, so no edge has to work to leave the test.
    const float bw = std::min(d.x * 0.4f, 700 * f.m.scale);
    const std::string help = "Touch every square. Squares that stay white did not register.";
    const float th = text_height(f.fonts.small, help, bw);
    const ImVec2 a((d.x - bw) * 0.5f, d.y * 0.5f - f.m.button_h);
    dl->AddRectFilled(ImVec2(a.x - f.m.gap, a.y - th - 2 * f.m.gap),
                      ImVec2(a.x + bw + f.m.gap, a.y + f.m.button_h + f.m.gap), f.pal.surface, f.m.rounding);
    draw_wrapped(dl, f.fonts.small, ImVec2(a.x, a.y - th - f.m.gap), bw, help, f.pal.text, true);
    ImGui::SetCursorScreenPos(a);
    if (button(f, "staff_back", std::string(glyph::back) + "  Finish the touch test", ImVec2(bw, f.m.button_h),
               ButtonKind::Primary)) {
        touched.assign(touched.size(), 0);
        s.ui.last_touch = ImVec2(-1, -1);
        s.emit(StaffEvent::of(StaffEvent::Kind::Back));
    }
}

}  // namespace dv::ui
