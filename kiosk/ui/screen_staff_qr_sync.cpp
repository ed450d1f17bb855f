// QR sync, first screen: choose what to send (a summary of counts, or every answer as in a
// USB bundle) and how big the codes are, then show them. Also the way to confirm an earlier
// QR export with the code the laptop printed.
#include "staff_screens.hpp"

#include <algorithm>

namespace dv::ui {

void screen_staff_qr_sync(StaffFrame& s) {
    Frame& f = s.f;
    const float w = ImGui::GetContentRegionAvail().x;
    const float bottom = ImGui::GetCursorScreenPos().y + ImGui::GetContentRegionAvail().y - f.m.button_h;
    staff_heading(s, "QR sync", "qr_sync_title");
    staff_text(s, "Scan the codes with a phone, then run \"datavoice qr decode\" on the pictures.", f.pal.text,
               "qr_sync_note");
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));

    const float half = (w - f.m.gap) / 2;
    text_block(f, f.fonts.bold, "What to send", w, f.pal.text, "qr_kind_title");
    const std::int64_t fresh = s.view.totals.sessions_not_exported;
    if (option_button(f, "qr_kind_summary", "Summary: counts only", half, !s.staff.qr_full(), false))
        s.emit(StaffEvent::of(StaffEvent::Kind::SetQrKind, 0));
    ImGui::SameLine(0, f.m.gap);
    if (option_button(f, "qr_kind_full", "Every answer (" + std::to_string(fresh) + " new visits)", half,
                      s.staff.qr_full(), false))
        s.emit(StaffEvent::of(StaffEvent::Kind::SetQrKind, 1));
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));

    text_block(f, f.fonts.bold, "Code size", w, f.pal.text, "qr_density_title");
    const char* sizes[] = {"Large, fewer details", "Medium", "Small, more details"};
    const float third = (w - 2 * f.m.gap) / 3;
    for (int i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine(0, f.m.gap);
        if (option_button(f, "qr_density_" + std::to_string(i), sizes[i], third, s.staff.qr_density() == i, false))
            s.emit(StaffEvent::of(StaffEvent::Kind::SetQrDensity, i));
    }
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    staff_text(s,
               s.view.staff_key ? std::string(icon_glyph("lock")) + "  Encrypted: only the staff key can read the codes."
                                : std::string(icon_glyph("warning")) +
                                      "  No staff key on this kiosk: the codes will NOT be encrypted.",
               s.view.staff_key ? f.pal.text : f.pal.accent_concern, "qr_encryption_note");
    if (!s.staff.message().empty())
        staff_text(s, s.staff.message(), s.staff.message_ok() ? f.pal.text : f.pal.accent_concern, "qr_message");
    else if (s.view.qr_pending)
        staff_text(s, s.view.qr_pending_text, f.pal.text_muted, "qr_pending");

    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, std::max(bottom, ImGui::GetCursorScreenPos().y)));
    const int tapped = staff_button_row(s, {{"staff_back", std::string(glyph::back) + "  Back"},
                                            {"qr_confirm_pending", "Type a code", ButtonKind::Secondary,
                                             s.view.qr_pending},
                                            {"qr_show", "Show codes", ButtonKind::Primary}});
    if (tapped == 0) s.emit(StaffEvent::of(StaffEvent::Kind::Back));
    if (tapped == 1) s.emit(StaffEvent::of(StaffEvent::Kind::QrConfirmOpen));
    if (tapped == 2) s.emit(StaffEvent::of(StaffEvent::Kind::StartQr));
}

}  // namespace dv::ui
