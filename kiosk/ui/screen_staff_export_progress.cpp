// The export under way (stage and progress, "do not remove the drive"), then its result:
// "Safe to remove" only after the bundle was read back and checked, or what went wrong.
#include "staff_screens.hpp"

#include <algorithm>

namespace dv::ui {

void screen_staff_export_progress(StaffFrame& s) {
    Frame& f = s.f;
    const float w = ImGui::GetContentRegionAvail().x;
    const float bottom = ImGui::GetCursorScreenPos().y + ImGui::GetContentRegionAvail().y - f.m.button_h;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (s.staff.screen() == StaffScreen::Exporting) {
        staff_heading(s, "Exporting\xe2\x80\xa6 do not remove the drive", "exporting_title");
        staff_text(s, s.view.export_stage, f.pal.text_muted, "export_stage");
        ImGui::Dummy(ImVec2(0, f.m.gap));
        const ImVec2 a = ImGui::GetCursorScreenPos();
        const float h = 40 * f.m.scale;
        dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h), f.pal.disabled, h * 0.5f);
        const float frac = static_cast<float>(std::clamp(s.view.export_progress, 0.0, 1.0));
        dl->AddRectFilled(a, ImVec2(a.x + std::max(h, w * frac), a.y + h), f.pal.primary, h * 0.5f);
        f.widgets.add("export_progress", "text", a, ImVec2(a.x + w, a.y + h));
        ImGui::Dummy(ImVec2(w, h));
        return;
    }
    const bool ok = s.staff.message_ok();
    const float r = f.fonts.title->FontSize;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 c(p.x + r, p.y + r);
    dl->AddCircleFilled(c, r, ok ? f.pal.accent_benefit : f.pal.accent_concern, 48);
    const char* g = ok ? glyph::tick : icon_glyph("warning");
    dl->AddText(f.fonts.title, r, ImVec2(c.x - r * 0.45f, c.y - r * 0.55f), f.pal.on_primary, g);
    ImGui::Dummy(ImVec2(w, 2 * r + f.m.gap));
    staff_heading(s, s.view.export_title, "export_result_title");
    text_block(f, f.fonts.body, s.staff.message(), w, f.pal.text, "export_result");
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, std::max(bottom, ImGui::GetCursorScreenPos().y)));
    if (staff_button_row(s, {{"staff_back", "Done", ButtonKind::Primary}}) == 0)
        s.emit(StaffEvent::of(StaffEvent::Kind::Back));
}

}  // namespace dv::ui
