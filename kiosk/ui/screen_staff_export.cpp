// Export to USB: choose the drive, what to export and whether to leave out the part of day,
// then start. Says plainly whether the files will be encrypted.
#include "staff_screens.hpp"

#include <algorithm>

namespace dv::ui {

void screen_staff_export(StaffFrame& s) {
    Frame& f = s.f;
    const float w = ImGui::GetContentRegionAvail().x;
    const float bottom = ImGui::GetCursorScreenPos().y + ImGui::GetContentRegionAvail().y - f.m.button_h;
    staff_heading(s, "Export to a USB drive", "export_title");
    staff_drive_list(s);
    ImGui::Dummy(ImVec2(0, f.m.gap));

    text_block(f, f.fonts.bold, "What to export", w, f.pal.text, "scope_title");
    const std::int64_t fresh = s.view.totals.sessions_not_exported;
    const float half = (w - f.m.gap) / 2;
    if (option_button(f, "scope_new", "New visits only (" + std::to_string(fresh) + ")", half, !s.staff.everything(),
                      false))
        s.emit(StaffEvent::of(StaffEvent::Kind::SetEverything, 0));
    ImGui::SameLine(0, f.m.gap);
    if (option_button(f, "scope_all", "Everything (" + std::to_string(s.view.totals.sessions) + " visits)", half,
                      s.staff.everything(), false))
        s.emit(StaffEvent::of(StaffEvent::Kind::SetEverything, 1));
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    if (option_button(f, "drop_part_of_day", "Leave out morning, afternoon and evening (dates only)", w,
                      s.staff.drop_part_of_day(), true))
        s.emit(StaffEvent::of(StaffEvent::Kind::SetDropPartOfDay, s.staff.drop_part_of_day() ? 0 : 1));
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    staff_text(s,
               s.view.staff_key ? std::string(icon_glyph("lock")) +
                                      "  The files will be encrypted: only the staff key can open them."
                                : std::string(icon_glyph("warning")) +
                                      "  No staff key on this kiosk: the files will NOT be encrypted.",
               s.view.staff_key ? f.pal.text : f.pal.accent_concern, "encryption_note");

    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, std::max(bottom, ImGui::GetCursorScreenPos().y)));
    const bool ready = s.staff.chosen_drive() >= 0;
    const int tapped = staff_button_row(s, {{"staff_back", std::string(glyph::back) + "  Back"},
                                            {"start_export", "Export", ButtonKind::Primary, ready}});
    if (tapped == 0) s.emit(StaffEvent::of(StaffEvent::Kind::Back));
    if (tapped == 1) s.emit(StaffEvent::of(StaffEvent::Kind::StartExport));
}

}  // namespace dv::ui
