// The staff PIN keypad (and, before a PIN exists, how to set one). Digits show as dots;
// after a wrong PIN it says how many tries are left, and during a lockout how long remains.
#include "staff_screens.hpp"

#include <algorithm>

namespace dv::ui {

namespace {

std::string minutes_left(std::int64_t seconds) {
    const std::int64_t m = (seconds + 59) / 60;
    return std::to_string(m) + (m == 1 ? " minute" : " minutes");
}

std::string keypad_message(const StaffFrame& s) {
    const std::int64_t locked = s.staff.seconds_locked(s.view.now_unix);
    if (locked > 0) return "Too many wrong PINs. Try again in " + minutes_left(locked) + ".";
    if (!s.staff.has_outcome()) return "Enter the staff PIN.";
    switch (s.staff.last_outcome()) {
        case StaffLock::Outcome::WrongPin: {
            const int left = s.staff.tries_left();
            return "Wrong PIN. " + std::to_string(left) + (left == 1 ? " try" : " tries") +
                   " left before a pause.";
        }
        case StaffLock::Outcome::NotSaved: return "The kiosk cannot save right now, so the PIN was not checked.";
        default: return "Enter the staff PIN.";
    }
}

void not_set_up(StaffFrame& s) {
    staff_heading(s, "Staff mode is not set up on this kiosk", "staff_not_set_up");
    staff_text(s,
               "A staff PIN has to be set first. On the kiosk's computer, run:\n"
               "    echo 123456 | datavoice-kiosk --set-pin --site-label \"Your site\"\n"
               "(with your own PIN of 4 to 8 digits), then restart the kiosk.",
               s.f.pal.text, "setup_help");
    ImGui::Dummy(ImVec2(0, 2 * s.f.m.gap));
    if (staff_button_row(s, {{"staff_cancel", "Back to visitor screens", ButtonKind::Primary}}) == 0)
        s.emit(StaffEvent::of(StaffEvent::Kind::Cancel));
}

}  // namespace

void screen_staff_keypad(StaffFrame& s) {
    if (s.staff.screen() == StaffScreen::NotSetUp) return not_set_up(s);
    Frame& f = s.f;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float key = std::max(f.m.min_target, 150 * f.m.scale);
    const float pad_w = 3 * key + 2 * f.m.gap;
    const float x0 = ImGui::GetCursorPosX() + (avail - pad_w) * 0.5f;
    const bool locked = s.staff.seconds_locked(s.view.now_unix) > 0;
    if (locked) f.out.wake_at = std::min(f.out.wake_at, f.now + 30);  // the countdown, in minutes

    ImGui::SetCursorPosX(x0);
    ImGui::BeginGroup();
    text_block(f, f.fonts.heading, "Staff PIN", pad_w, f.pal.text, "keypad_title", true);
    // The typed digits as dots, never the digits themselves.
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float dot = 16 * f.m.scale, row_h = 4 * dot;
    for (size_t i = 0; i < 8; ++i) {
        const ImVec2 c(p.x + pad_w * 0.5f + (static_cast<float>(i) - 3.5f) * dot * 3, p.y + row_h * 0.5f);
        if (i < s.staff.typed_digits())
            ImGui::GetWindowDrawList()->AddCircleFilled(c, dot, f.pal.text);
        else
            ImGui::GetWindowDrawList()->AddCircle(c, dot, f.pal.disabled, 24, 2 * f.m.scale);
    }
    ImGui::Dummy(ImVec2(pad_w, row_h));
    text_block(f, f.fonts.small, keypad_message(s), pad_w,
               locked || s.staff.has_outcome() ? f.pal.accent_concern : f.pal.text_muted, "keypad_message", true);
    ImGui::Dummy(ImVec2(0, f.m.gap));

    staff_digit_pad(s, key, !locked, s.staff.typed_digits() >= 4);
    ImGui::Dummy(ImVec2(0, f.m.gap));
    if (button(f, "staff_cancel", "Cancel", ImVec2(pad_w, f.m.button_h * 0.8f), ButtonKind::Quiet))
        s.emit(StaffEvent::of(StaffEvent::Kind::Cancel));
    ImGui::EndGroup();
}

}  // namespace dv::ui
