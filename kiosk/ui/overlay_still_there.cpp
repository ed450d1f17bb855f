// "Are you still there?": after a while with no touch, a countdown before starting again.
// Any tap keeps the visitor where they were.
#include "screens.hpp"

#include "core/text.hpp"

#include <algorithm>

namespace dv::ui {

void overlay_still_there(Frame& f) {
    const ImVec2 d = f.display;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(d);
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleColor(ImGuiCol_WindowBg, f.pal.overlay);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("still_there", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    // A tap anywhere counts as "still here".
    ImGui::SetCursorScreenPos(ImVec2(0, 0));
    bool here = ImGui::InvisibleButton("##anywhere", d);
    // So does any key: keyboard and switch users must be able to answer it too.
    for (ImGuiKey k : {ImGuiKey_Tab, ImGuiKey_Enter, ImGuiKey_Space})
        here |= ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), false);

    const int seconds = f.journey.still_there_seconds_left(f.now);
    f.out.wake_at = std::min(f.out.wake_at, f.now + 1.0);  // the countdown ticks once a second
    const float w = std::min(d.x - 2 * f.m.pad, 1200 * f.m.scale * std::max(1.0f, f.m.text_factor * 0.85f));
    const float pad = 48 * f.m.scale;
    const std::string body = f.journey.content().counted("still_there_body", seconds);
    const float th = text_height(f.fonts.title, f.word("still_there_title"), w - 2 * pad);
    const float bh = text_height(f.fonts.body, body, w - 2 * pad);
    const float h = pad * 2 + th + f.m.gap + bh + 2 * f.m.gap + f.m.button_h;
    const ImVec2 a((d.x - w) * 0.5f, (d.y - h) * 0.5f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h), f.pal.surface, f.m.rounding);
    float y = a.y + pad;
    const float title_y = y;
    y += draw_wrapped(dl, f.fonts.title, ImVec2(a.x + pad, y), w - 2 * pad, f.word("still_there_title"), f.pal.text, true);
    y += f.m.gap;
    y += draw_wrapped(dl, f.fonts.body, ImVec2(a.x + pad, y), w - 2 * pad, body, f.pal.text, true);
    f.widgets.add("still_there", "text", ImVec2(a.x, title_y), ImVec2(a.x + w, y), f.word("still_there_title") + " " + body, true);
    y += 2 * f.m.gap;
    ImGui::SetCursorScreenPos(ImVec2(a.x + pad, y));
    if (button(f, "still_here", f.word("still_there_yes"), ImVec2(w - 2 * pad, f.m.button_h), ButtonKind::Primary, {},
               true, nullptr, true))
        here = true;
    if (here) f.emit(Event::of(Event::Kind::StillHere));
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

}  // namespace dv::ui
