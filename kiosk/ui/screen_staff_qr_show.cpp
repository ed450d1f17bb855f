// QR sync, the codes: one at a time, as large as the screen allows (whole pixels per module,
// a white quiet zone), with "k of n", and controls to pause, step back and forward, change
// the speed, and confirm receipt. Codes advance on timed wake-ups, never a busy loop.
#include "staff_screens.hpp"

#include <algorithm>
#include <cmath>

namespace dv::ui {

void screen_staff_qr_show(StaffFrame& s) {
    Frame& f = s.f;
    const auto& codes = s.view.qr_codes;
    const int n = static_cast<int>(codes.size());
    const int k = std::clamp(s.staff.qr_index(), 0, std::max(0, n - 1));
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    // The code on the left, as tall as the content area allows, in whole pixels per module
    // with its white quiet zone; the controls beside it.
    float side = std::min(avail.y, avail.x * 0.6f);
    if (n > 0 && codes[static_cast<size_t>(k)].size > 0) {
        const QrMatrix& qr = codes[static_cast<size_t>(k)];
        const float modules = static_cast<float>(qr.size + 8);
        side = std::max(1.0f, std::floor(side / modules)) * modules;
        draw_qr(ImGui::GetWindowDrawList(), qr.modules, qr.size, start, side);
        f.widgets.add("qr_code", "image", start, ImVec2(start.x + side, start.y + side), "code");
    }
    if (!s.staff.qr_paused() && n > 1) f.out.wake_at = std::min(f.out.wake_at, s.staff.qr_next_at());

    const float x = start.x + side + f.m.gap;
    const float cw = start.x + avail.x - x;
    ImGui::SetCursorScreenPos(ImVec2(x, start.y));
    ImGui::BeginGroup();
    text_block(f, f.fonts.heading, "Code " + std::to_string(k + 1) + " of " + std::to_string(n), cw, f.pal.text,
               "qr_position");
    staff_text(s, s.view.qr_summary, f.pal.text_muted, "qr_summary");
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    const float third = (cw - 2 * f.m.gap) / 3;
    const ImVec2 bsize(third, f.m.button_h);
    if (button(f, "qr_previous", glyph::back, bsize, ButtonKind::Secondary)) s.emit(StaffEvent::of(StaffEvent::Kind::QrPrevious));
    ImGui::SameLine(0, f.m.gap);
    if (button(f, "qr_pause", s.staff.qr_paused() ? "Play" : "Pause", bsize, ButtonKind::Secondary))
        s.emit(StaffEvent::of(StaffEvent::Kind::QrPause));
    ImGui::SameLine(0, f.m.gap);
    if (button(f, "qr_next", glyph::next, bsize, ButtonKind::Secondary)) s.emit(StaffEvent::of(StaffEvent::Kind::QrNext));
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.3f));
    const char* speeds[] = {"Slow", "Normal", "Fast"};
    for (int i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine(0, f.m.gap);
        const bool chosen = s.staff.qr_speed() == i;
        if (button(f, "qr_speed_" + std::to_string(i), speeds[i], ImVec2(third, f.m.button_h * 0.8f),
                   chosen ? ButtonKind::Primary : ButtonKind::Secondary))
            s.emit(StaffEvent::of(StaffEvent::Kind::SetQrSpeed, i));
    }
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.3f));
    if (button(f, "qr_confirm", "Done: type the code", ImVec2(cw, f.m.button_h), ButtonKind::Primary))
        s.emit(StaffEvent::of(StaffEvent::Kind::QrConfirmOpen));
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.3f));
    if (button(f, "staff_back", std::string(glyph::back) + "  Back", ImVec2(cw, f.m.button_h), ButtonKind::Quiet))
        s.emit(StaffEvent::of(StaffEvent::Kind::Back));
    ImGui::EndGroup();
}

}  // namespace dv::ui
