// "Leave now?": the header's "I'm done" asks once before the visit ends, so a stray tap does
// not end it. Leaving keeps every answer so far and shows how to opt out before thank you.
// A tap outside the box, or Escape, is "No, go back".
#include "screens.hpp"

namespace dv::ui {

void overlay_leave(Frame& f) {
    const OverlayPanel p = begin_overlay(f, "leave", f.word("leave_question"), f.word("leave_text"), 2);
    ImGui::SetCursorScreenPos(p.buttons_at);
    const ImVec2 size(p.button_w, f.m.button_h);
    bool stay = p.tapped_outside || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    if (button(f, "leave_yes", f.word("leave_yes"), size, ButtonKind::Primary, {}, true, nullptr, true))
        f.emit(Event::of(Event::Kind::LeaveConfirmed));
    ImGui::SetCursorScreenPos(ImVec2(p.buttons_at.x, p.buttons_at.y + f.m.button_h + f.m.gap));
    if (button(f, "leave_no", f.word("leave_no"), size, ButtonKind::Secondary, {}, true, nullptr, true)) stay = true;
    if (stay && f.out.events.empty()) f.emit(Event::of(Event::Kind::LeaveCancelled));
    end_overlay();
}

}  // namespace dv::ui
