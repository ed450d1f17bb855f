// QR sync, confirming receipt: staff type the six digits `datavoice qr decode` printed. The
// right code marks the export (the app checks it); a wrong one says so and marks nothing.
#include "staff_screens.hpp"

#include <algorithm>

namespace dv::ui {

void screen_staff_qr_confirm(StaffFrame& s) {
    Frame& f = s.f;
    // The words on the left, the keypad on the right, so it fits a short screen too.
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float row_gap = f.m.gap * 0.6f;
    const float key = std::clamp((avail.y - 3 * row_gap) / 3.0f, 40 * f.m.scale, 150 * f.m.scale);
    const float pad_w = 3 * key + 2 * f.m.gap;
    const float left_w = std::min(avail.x - pad_w - 2 * f.m.gap, 700 * f.m.scale);
    const float x0 = start.x + std::max(0.0f, (avail.x - left_w - 2 * f.m.gap - pad_w) * 0.5f);

    ImGui::SetCursorScreenPos(ImVec2(x0, start.y));
    ImGui::BeginGroup();
    text_block(f, f.fonts.heading, "Confirmation code", left_w, f.pal.text, "qr_confirm_title");
    // Six boxes, the digits typed so far in them.
    const std::string typed = s.staff.typed_code();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float box = std::min(left_w / 7.0f, f.fonts.heading->FontSize * 1.5f);
    const float gap = box * 0.2f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < kQrConfirmDigits; ++i) {
        const ImVec2 a(p.x + static_cast<float>(i) * (box + gap), p.y);
        dl->AddRect(a, ImVec2(a.x + box, a.y + box), f.pal.text, 4 * f.m.scale, 0, 2 * f.m.scale);
        if (i < typed.size()) {
            const char digit[2] = {typed[i], 0};
            ImFont* font = f.fonts.heading;
            const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, digit);
            dl->AddText(font, font->FontSize, ImVec2(a.x + (box - ts.x) * 0.5f, a.y + (box - ts.y) * 0.5f), f.pal.text,
                        digit);
        }
    }
    f.widgets.add("qr_code_typed", "text", p, ImVec2(p.x + 6 * box + 5 * gap, p.y + box), typed);
    ImGui::Dummy(ImVec2(left_w, box + f.m.gap * 0.5f));
    const bool wrong = !s.staff.message().empty() && !s.staff.message_ok();
    text_block(f, f.fonts.small,
               wrong ? s.staff.message() : "Type the 6 digits that \"datavoice qr decode\" printed on the laptop.",
               left_w, wrong ? f.pal.accent_concern : f.pal.text_muted, "qr_confirm_message");
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    if (button(f, "staff_cancel", "Cancel", ImVec2(left_w, f.m.button_h * 0.8f), ButtonKind::Quiet))
        s.emit(StaffEvent::of(StaffEvent::Kind::Cancel));
    ImGui::EndGroup();

    ImGui::SetCursorScreenPos(ImVec2(x0 + left_w + 2 * f.m.gap, start.y));
    ImGui::BeginGroup();
    staff_digit_pad(s, key, true, typed.size() == kQrConfirmDigits);
    ImGui::EndGroup();
}

}  // namespace dv::ui
