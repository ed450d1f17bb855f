// The clock check every staff visit starts with: the kiosk's date and time, large, and "Is
// this right?" (ClockCheck); and the editor that sets them with large +/- steppers for day,
// month, year, hour and minute (ClockSet). A kiosk with no real-time clock and no network may
// believe any date after a power cut; staff are the only ones who can put it right.
#include "staff_screens.hpp"

#include <algorithm>
#include <cstdio>

namespace dv::ui {

namespace {

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};
const char* const kWeekdays[] = {"Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"};

// "Thursday 3 December 2026"
std::string long_date(const CivilTime& t) {
    CivilTime midnight = t;
    midnight.hour = midnight.minute = midnight.second = 0;
    const std::int64_t days = unix_from_civil(midnight) / 86400;  // 1970-01-01 was a Thursday
    const std::string weekday = kWeekdays[((days % 7) + 7) % 7];
    return weekday + " " + std::to_string(t.day) + " " + kMonths[(t.month - 1) % 12] + " " + std::to_string(t.year);
}

// A line of text centred in the content area, in `font`, recorded as a widget.
void centred(Frame& f, ImFont* font, const std::string& text, ImU32 colour, const char* id) {
    text_block(f, font, text, ImGui::GetContentRegionAvail().x, colour, id, true);
}

void untrusted_note(StaffFrame& s) {
    if (s.view.clock_trusted) return;
    staff_text(s,
               std::string(icon_glyph("warning")) + "  " + s.view.clock_verdict +
                   " Until you confirm or set the time, visits are marked \"date uncertain\".",
               s.f.pal.accent_concern, "clock_untrusted");
}

void clock_check(StaffFrame& s) {
    Frame& f = s.f;
    const float bottom = ImGui::GetCursorScreenPos().y + ImGui::GetContentRegionAvail().y - f.m.button_h;
    staff_heading(s, "The kiosk's clock says:", "clock_title");
    centred(f, f.fonts.title, long_date(s.view.now_local), f.pal.text, "clock_date");
    centred(f, f.fonts.title, s.view.now_local.time_hm(), f.pal.primary, "clock_time");
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    centred(f, f.fonts.heading, "Is this right?", f.pal.text, "clock_question");
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    untrusted_note(s);
    // The minute shown must move on while staff look at it.
    f.out.wake_at = std::min(f.out.wake_at, f.now + 60 - s.view.now_local.second);
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, std::max(bottom, ImGui::GetCursorScreenPos().y)));
    const int tapped = staff_button_row(s, {{"clock_change", "No, change it"},
                                            {"clock_right", std::string(glyph::tick) + "  Yes, that is right",
                                             ButtonKind::Primary}});
    if (tapped == 0) s.emit(StaffEvent::of(StaffEvent::Kind::ClockChange));
    if (tapped == 1) s.emit(StaffEvent::of(StaffEvent::Kind::ClockRight));
}

struct Stepper {
    ClockField field;
    const char* id;
    const char* caption;
};

// One column: caption, "+", the value, "-".
void stepper(StaffFrame& s, const Stepper& st, const std::string& value, float w, float button_h) {
    Frame& f = s.f;
    ImGui::BeginGroup();
    text_block(f, f.fonts.small, st.caption, w, f.pal.text_muted, nullptr, true);
    if (button(f, std::string("clock_") + st.id + "_up", "+", ImVec2(w, button_h), ButtonKind::Secondary, {}, true,
               f.fonts.heading))
        s.emit(StaffEvent::step(st.field, +1));
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImFont* font = f.fonts.heading;
    const float h = font->FontSize * 1.4f;
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, value.c_str());
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize,
                                        ImVec2(a.x + (w - size.x) * 0.5f, a.y + (h - size.y) * 0.5f), f.pal.text,
                                        value.c_str());
    f.widgets.add(std::string("clock_") + st.id, "text", a, ImVec2(a.x + w, a.y + h), value);
    ImGui::Dummy(ImVec2(w, h));
    if (button(f, std::string("clock_") + st.id + "_down", "-", ImVec2(w, button_h), ButtonKind::Secondary, {}, true,
               f.fonts.heading))
        s.emit(StaffEvent::step(st.field, -1));
    ImGui::EndGroup();
}

void clock_set(StaffFrame& s) {
    Frame& f = s.f;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float bottom = ImGui::GetCursorScreenPos().y + ImGui::GetContentRegionAvail().y - f.m.button_h;
    const CivilTime& t = s.staff.clock_edit();
    staff_heading(s, "Set the date and time", "clock_set_title");

    // Day, month, year | hour, minute: five columns, a wider gap between date and time.
    const Stepper steppers[] = {{ClockField::Day, "day", "Day"},
                                {ClockField::Month, "month", "Month"},
                                {ClockField::Year, "year", "Year"},
                                {ClockField::Hour, "hour", "Hour"},
                                {ClockField::Minute, "minute", "Minute"}};
    char two[8];
    auto pad2 = [&two](int v) {
        std::snprintf(two, sizeof two, "%02d", v);
        return std::string(two);
    };
    const std::string values[] = {std::to_string(t.day), std::string(kMonths[(t.month - 1) % 12]).substr(0, 3),
                                  std::to_string(t.year), pad2(t.hour), pad2(t.minute)};
    const float group_gap = 3 * f.m.gap;
    const float col_w = std::min((avail - 4 * f.m.gap - group_gap) / 5, 260 * f.m.scale);
    const float row_w = 5 * col_w + 3 * f.m.gap + group_gap;
    const float preview_h = f.fonts.body->FontSize * 1.5f;
    // The steppers share what is left above the preview and the buttons.
    const float room = bottom - ImGui::GetCursorScreenPos().y - preview_h - 2 * f.m.gap - f.fonts.small->FontSize * 1.3f -
                       f.fonts.heading->FontSize * 1.4f;
    const float button_h = std::clamp(room / 2, f.m.min_target, f.m.button_h);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - row_w) * 0.5f);
    for (int i = 0; i < 5; ++i) {
        if (i) ImGui::SameLine(0, i == 3 ? group_gap : f.m.gap);
        stepper(s, steppers[i], values[i], col_w, button_h);
    }
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    centred(f, f.fonts.body, long_date(t) + ", " + t.time_hm(), f.pal.text, "clock_preview");
    // A big change to a clock the kiosk believed is more likely a slip of the steppers; and a
    // clock set years ahead would let the retention purge remove visits that should stay.
    const std::int64_t days = (unix_from_civil(t) - unix_from_civil(s.view.now_local)) / 86400;
    if (s.view.clock_trusted && (days > 2 || days < -2))
        centred(f, f.fonts.small,
                std::string(icon_glyph("warning")) + "  That is " + std::to_string(days > 0 ? days : -days) +
                    " days " + (days > 0 ? "ahead of" : "behind") +
                    " the kiosk's clock, which looked right. Check the date before you save.",
                f.pal.accent_concern, "clock_far");
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, std::max(bottom, ImGui::GetCursorScreenPos().y)));
    const int tapped = staff_button_row(
        s, {{"clock_back", std::string(glyph::back) + "  Back"}, {"clock_save", "Save", ButtonKind::Primary}});
    if (tapped == 0) s.emit(StaffEvent::of(StaffEvent::Kind::Back));
    if (tapped == 1) s.emit(StaffEvent::of(StaffEvent::Kind::SaveClock));
}

}  // namespace

void screen_staff_clock(StaffFrame& s) {
    if (s.staff.screen() == StaffScreen::ClockSet)
        clock_set(s);
    else
        clock_check(s);
}

}  // namespace dv::ui
