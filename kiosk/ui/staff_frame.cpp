// The frame around every staff screen: a header saying this is staff mode (with the way
// back to the visitor screens), the content area, and helpers the staff screens share.
#include "staff_screens.hpp"

#include <algorithm>
#include <cstdio>

namespace dv::ui {

namespace {

void draw_header(StaffFrame& s) {
    Frame& f = s.f;
    const float h = f.m.header_h;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(f.display.x, h), f.pal.text);
    std::string title = std::string(icon_glyph("lock")) + "  Staff mode";
    if (!s.view.site_label.empty()) title += "  \xe2\x80\x94  " + s.view.site_label;
    ImFont* font = f.fonts.bold;
    dl->AddText(font, font->FontSize, ImVec2(f.m.pad, (h - font->FontSize) * 0.5f), f.pal.on_primary, title.c_str());
    const bool can_exit = s.staff.unlocked() && s.staff.pending().kind == StaffRequest::Kind::None;
    if (!can_exit) return;
    const std::string label = std::string(glyph::sign_out) + "  Back to visitor screens";
    const float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str()).x + 80 * f.m.scale;
    const float bh = h - 2 * 14 * f.m.scale;
    ImGui::SetCursorScreenPos(ImVec2(f.display.x - f.m.pad - w, (h - bh) * 0.5f));
    if (button(f, "staff_exit", label, ImVec2(w, bh), ButtonKind::Secondary))
        s.emit(StaffEvent::of(StaffEvent::Kind::Exit));
}

void draw_screen(StaffFrame& s) {
    switch (s.staff.screen()) {
        case StaffScreen::NotSetUp:
        case StaffScreen::Keypad: screen_staff_keypad(s); break;
        case StaffScreen::ClockCheck:
        case StaffScreen::ClockSet: screen_staff_clock(s); break;
        case StaffScreen::Home: screen_staff_home(s); break;
        case StaffScreen::Export: screen_staff_export(s); break;
        case StaffScreen::Exporting:
        case StaffScreen::ExportResult: screen_staff_export_progress(s); break;
        case StaffScreen::Purge: screen_staff_purge(s); break;
        case StaffScreen::PackUpdate: screen_staff_pack_update(s); break;
        case StaffScreen::TouchTest: screen_staff_touch_test(s); break;
        case StaffScreen::QrSync: screen_staff_qr_sync(s); break;
        case StaffScreen::QrShow: screen_staff_qr_show(s); break;
        case StaffScreen::QrConfirm: screen_staff_qr_confirm(s); break;
        case StaffScreen::CloseProgram: screen_staff_close_program(s); break;
        case StaffScreen::Facilitator: break;  // the app draws facilitator mode (app/facilitator_run.hpp)
        case StaffScreen::Off: break;
    }
}

}  // namespace

void draw_staff_frame(StaffFrame& s) {
    Frame& f = s.f;
    begin_full_screen(f, "staff");
    if (s.staff.screen() == StaffScreen::TouchTest) {
        screen_staff_touch_test(s);  // the whole screen is the test pattern
    } else {
        draw_header(s);
        begin_content_column(f, "staff_content", f.m.header_h, 1700 * f.m.scale);
        draw_screen(s);
        ImGui::EndChild();
    }
    end_full_screen();
}

void staff_heading(StaffFrame& s, const std::string& text, const char* id) {
    text_block(s.f, s.f.fonts.heading, text, ImGui::GetContentRegionAvail().x, s.f.pal.text, id);
    ImGui::Dummy(ImVec2(0, s.f.m.gap * 0.5f));
}

void staff_text(StaffFrame& s, const std::string& text, ImU32 colour, const char* id) {
    text_block(s.f, s.f.fonts.small, text, ImGui::GetContentRegionAvail().x, colour, id);
}

void staff_digit_pad(StaffFrame& s, float key, bool enabled, bool can_submit) {
    Frame& f = s.f;
    // Keys as tall as the height left allows, above one button row (the big-screen profile
    // draws everything larger).
    const float left = ImGui::GetContentRegionAvail().y - f.m.button_h * 0.8f - f.m.gap * (1 + 3 * 0.6f);
    const float key_h = std::max(f.m.min_target, std::min(key * 0.75f, left / 4));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(f.m.gap, f.m.gap * 0.6f));
    const char* labels[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9"};
    for (int i = 0; i < 9; ++i) {
        if (i % 3) ImGui::SameLine(0, f.m.gap);
        if (button(f, std::string("key_") + labels[i], labels[i], ImVec2(key, key_h), ButtonKind::Secondary, {},
                   enabled, f.fonts.heading))
            s.emit(StaffEvent::of(StaffEvent::Kind::Digit, i + 1));
    }
    if (button(f, "key_erase", glyph::back, ImVec2(key, key_h), ButtonKind::Secondary, {}, enabled,
               f.fonts.heading))
        s.emit(StaffEvent::of(StaffEvent::Kind::Erase));
    ImGui::SameLine(0, f.m.gap);
    if (button(f, "key_0", "0", ImVec2(key, key_h), ButtonKind::Secondary, {}, enabled, f.fonts.heading))
        s.emit(StaffEvent::of(StaffEvent::Kind::Digit, 0));
    ImGui::SameLine(0, f.m.gap);
    if (button(f, "key_enter", "OK", ImVec2(key, key_h), ButtonKind::Primary, {},
               can_submit, f.fonts.heading))
        s.emit(StaffEvent::of(StaffEvent::Kind::Submit));
    ImGui::PopStyleVar();
}

std::string human_bytes(std::int64_t bytes) {
    const char* units[] = {"bytes", "KB", "MB", "GB", "TB"};
    double v = static_cast<double>(bytes);
    int u = 0;
    while (v >= 1000 && u < 4) {
        v /= 1000;
        ++u;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
    return buf;
}

void staff_drive_list(StaffFrame& s) {
    Frame& f = s.f;
    const auto& drives = s.staff.drives();
    const float w = ImGui::GetContentRegionAvail().x;
    if (drives.empty()) {
        staff_text(s, std::string(glyph::usb) + "  No USB drive found. Plug one in; it appears here in a moment.",
                   f.pal.text_muted, "no_drives");
        return;
    }
    for (size_t i = 0; i < drives.size(); ++i) {
        const auto& d = drives[i];
        std::string label = std::string(glyph::usb) + "  " + d.label + "  \xe2\x80\x94  " + human_bytes(d.free_bytes) +
                            " free";
        if (!d.separate_device) label += " (a folder on this kiosk, not a USB drive)";
        if (option_button(f, "drive_" + std::to_string(i), label, w, s.staff.chosen_drive() == static_cast<int>(i),
                          false))
            s.emit(StaffEvent::of(StaffEvent::Kind::ChooseDrive, static_cast<int>(i)));
        ImGui::Dummy(ImVec2(0, f.m.gap * 0.3f));
    }
}

int staff_button_row(StaffFrame& s, const std::vector<StaffButton>& buttons) {
    Frame& f = s.f;
    const float w = ImGui::GetContentRegionAvail().x;
    const float bw = (w - (buttons.size() - 1) * f.m.gap) / static_cast<float>(buttons.size());
    int tapped = -1;
    for (size_t i = 0; i < buttons.size(); ++i) {
        if (i) ImGui::SameLine(0, f.m.gap);
        const auto& b = buttons[i];
        if (button(f, b.id, b.label, ImVec2(bw, f.m.button_h), b.kind, {}, b.enabled)) tapped = static_cast<int>(i);
    }
    return tapped;
}

}  // namespace dv::ui
