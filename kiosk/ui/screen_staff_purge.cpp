// Delete exported visits from the kiosk, after a checked export: says how many, that only
// visits a verified export holds go, and that it cannot be undone.
#include "staff_screens.hpp"

#include <algorithm>

namespace dv::ui {

void screen_staff_purge(StaffFrame& s) {
    Frame& f = s.f;
    const float bottom = ImGui::GetCursorScreenPos().y + ImGui::GetContentRegionAvail().y - f.m.button_h;
    const std::int64_t n = s.view.totals.sessions_purgeable;
    staff_heading(s, "Delete exported visits from this kiosk", "purge_title");
    staff_text(s,
               n > 0 ? std::to_string(n) +
                           " visits are in an export that was read back and checked. Deleting them frees space "
                           "and keeps less on the kiosk. It cannot be undone.\n"
                           "Visits not yet exported, or with answers added since, are kept."
                     : "Nothing to delete: no visit is in a checked export yet. Export first.",
               f.pal.text, "purge_help");
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, std::max(bottom, ImGui::GetCursorScreenPos().y)));
    const int tapped = staff_button_row(
        s, {{"staff_back", std::string(glyph::back) + "  Cancel"},
            {"confirm_purge", std::string(glyph::trash) + "  Delete " + std::to_string(n) + " visits",
             ButtonKind::Primary, n > 0}});
    if (tapped == 0) s.emit(StaffEvent::of(StaffEvent::Kind::Back));
    if (tapped == 1) s.emit(StaffEvent::of(StaffEvent::Kind::ConfirmPurge));
}

}  // namespace dv::ui
