// Outside opening hours the screen is black; a tap shows when it wakes, then it goes dark again.
// The black screen needs no next frame: only the notice asks to be redrawn (to take it away).
#include "screens.hpp"
#include "staff_screens.hpp"

#include "core/text.hpp"

#include <algorithm>

namespace dv::ui {

void draw_closed_frame(Frame& f, double notice_until, const std::string& opens_at) {
    f.out.clear_colour = IM_COL32(0, 0, 0, 255);
    const ImVec2 d = f.display;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(d);
    ImGui::Begin("closed", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBackground);
    if (f.now < notice_until) {
        f.out.wake_at = std::min(f.out.wake_at, notice_until);  // one more frame, to take it away
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float w = std::min(d.x - 2 * f.m.pad, f.m.content_w);
        const float x = (d.x - w) * 0.5f;
        const ImU32 grey = IM_COL32(0xC8, 0xCC, 0xCE, 255);  // 12:1 on black, and not glaring at night
        float y = d.y * 0.35f;
        y += draw_wrapped(dl, f.fonts.title, ImVec2(x, y), w, f.word("closed_title"), grey, true);
        y += f.m.gap;
        draw_wrapped(dl, f.fonts.body, ImVec2(x, y), w, fill(f.word("closed_body"), {{"time", opens_at}}), grey, true);
        f.widgets.add("closed_notice", "text", ImVec2(x, d.y * 0.35f), ImVec2(x + w, y));
    }
    watch_staff_gesture(f);  // staff may visit outside opening hours
    ImGui::End();
}

}  // namespace dv::ui
