// "Are you still there?": after a while with no touch, a countdown before starting again.
// Any tap keeps the visitor where they were.
#include "screens.hpp"

#include "core/text.hpp"

#include <algorithm>

namespace dv::ui {

void overlay_still_there(Frame& f) {
    const int seconds = f.journey.still_there_seconds_left(f.now);
    f.out.wake_at = std::min(f.out.wake_at, f.now + 1.0);  // the countdown ticks once a second
    const std::string body = f.journey.content().counted("still_there_body", seconds);
    const OverlayPanel p = begin_overlay(f, "still_there", f.word("still_there_title"), body, 1);
    // A tap anywhere counts as "still here", and so does any key: keyboard and switch users
    // must be able to answer it too.
    bool here = p.tapped_anywhere;
    for (ImGuiKey k : {ImGuiKey_Tab, ImGuiKey_Enter, ImGuiKey_Space})
        here |= ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), false);
    ImGui::SetCursorScreenPos(p.buttons_at);
    if (button(f, "still_here", f.word("still_there_yes"), ImVec2(p.button_w, f.m.button_h), ButtonKind::Primary, {},
               true, nullptr, true))
        here = true;
    if (here) f.emit(Event::of(Event::Kind::StillHere));
    end_overlay();
}

}  // namespace dv::ui
