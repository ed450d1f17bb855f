// Close the program: the only way out of a locked-down kiosk. Says plainly that the kiosk
// stops collecting answers until it is started again, and asks staff to confirm.
#include "staff_screens.hpp"

#include <algorithm>

namespace dv::ui {

void screen_staff_close_program(StaffFrame& s) {
    Frame& f = s.f;
    const float bottom = ImGui::GetCursorScreenPos().y + ImGui::GetContentRegionAvail().y - f.m.button_h;
    staff_heading(s, "Close the program?", "close_program_title");
    staff_text(s,
               std::string(icon_glyph("warning")) +
                   "  The kiosk stops collecting answers until someone starts it again. "
                   "Answers already given are kept.\n"
                   "If the kiosk runs as a service, it may start again by itself.",
               f.pal.accent_concern, "close_program_warning");
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, std::max(bottom, ImGui::GetCursorScreenPos().y)));
    const int tapped = staff_button_row(s, {{"staff_back", std::string(glyph::back) + "  Cancel"},
                                            {"confirm_close_program", std::string(glyph::sign_out) + "  Close program",
                                             ButtonKind::Primary}});
    if (tapped == 0) s.emit(StaffEvent::of(StaffEvent::Kind::Back));
    if (tapped == 1) s.emit(StaffEvent::of(StaffEvent::Kind::ConfirmClose));
}

}  // namespace dv::ui
