// QR sync: results off the kiosk by phone camera. Not in this version yet; the screen says
// so and leads back.
#include "staff_screens.hpp"

#include <algorithm>

namespace dv::ui {

void screen_staff_qr_sync(StaffFrame& s) {
    Frame& f = s.f;
    const float bottom = ImGui::GetCursorScreenPos().y + ImGui::GetContentRegionAvail().y - f.m.button_h;
    staff_heading(s, "QR sync", "qr_sync_title");
    staff_text(s, "Sending results to a phone by QR codes is not in this version of the kiosk yet. Use a USB drive.",
               f.pal.text, "qr_sync_note");
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, std::max(bottom, ImGui::GetCursorScreenPos().y)));
    if (staff_button_row(s, {{"staff_back", std::string(glyph::back) + "  Back", ButtonKind::Primary}}) == 0)
        s.emit(StaffEvent::of(StaffEvent::Kind::Back));
}

}  // namespace dv::ui
