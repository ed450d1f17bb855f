// Update the content from a USB drive: only a pack signed with the staff key, checked before
// it replaces the current one (the app does the checking and copying).
#include "staff_screens.hpp"

#include <algorithm>

namespace dv::ui {

void screen_staff_pack_update(StaffFrame& s) {
    Frame& f = s.f;
    const float bottom = ImGui::GetCursorScreenPos().y + ImGui::GetContentRegionAvail().y - f.m.button_h;
    staff_heading(s, "Update the content from a USB drive", "pack_update_title");
    staff_text(s,
               "The drive must hold a folder named datavoice-pack, signed with the staff key "
               "(datavoice sign-pack). It is checked before it replaces the current content.",
               f.pal.text_muted, "pack_update_help");
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    staff_drive_list(s);
    if (!s.view.staff_key) {
        ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
        staff_text(s,
                   std::string(icon_glyph("warning")) +
                       "  No staff key on this kiosk, so no pack can be checked. Set one with "
                       "datavoice-kiosk --staff-key.",
                   f.pal.accent_concern, "pack_update_no_key");
    }
    if (!s.staff.message().empty()) {
        ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
        staff_text(s, s.staff.message(), s.staff.message_ok() ? f.pal.accent_benefit : f.pal.accent_concern,
                   "pack_update_result");
    }
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, std::max(bottom, ImGui::GetCursorScreenPos().y)));
    const int tapped = staff_button_row(s, {{"staff_back", std::string(glyph::back) + "  Back"},
                                            {"install_pack", std::string(glyph::upload) + "  Check and install",
                                             ButtonKind::Primary, s.staff.chosen_drive() >= 0 && s.view.staff_key}});
    if (tapped == 0) s.emit(StaffEvent::of(StaffEvent::Kind::Back));
    if (tapped == 1) s.emit(StaffEvent::of(StaffEvent::Kind::InstallPack));
}

}  // namespace dv::ui
