// The staff screens, one per file (screen_staff_<name>.cpp), and the frame around them.
//
// They draw core's StaffMode and the figures the app gathered (StaffView) and report taps
// as StaffEvents; the app does every read and write. Staff screens are in English only.
#pragma once

#include "core/staff_mode.hpp"
#include "widgets.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace dv::ui {

// What the app gathered for staff to see. Counts and settings only, never a visitor's row.
struct StaffView {
    std::string site_label;
    StaffTotals totals;
    std::string pack_title, pack_id, pack_version;
    struct Language {
        std::string name;
        bool review_needed = false;
    };
    std::vector<Language> languages;
    bool installed_pack = false;          // running a pack installed from a drive
    std::int64_t database_bytes = 0;
    std::int64_t data_free_bytes = -1;    // -1: unknown
    int schema_version = 0;
    bool store_failing = false;           // the last answer could not be saved
    bool staff_key = false;               // exports are encrypted
    std::string kiosk_fingerprint;        // of the key that signs its bundles, for enrolment
    std::string export_stage;             // while exporting
    std::string export_title;             // its outcome, in a few words
    double export_progress = 0;
    std::int64_t now_unix = 0;            // for the lockout countdown
    CivilTime now_local;                  // the kiosk's time, for the clock check
    bool clock_trusted = true;
    std::string clock_verdict;            // why not, in plain words (verdict_text())
    // QR sync
    std::vector<QrMatrix> qr_codes;       // the codes being shown, in order
    std::string qr_summary;               // what they hold, in a line
    bool qr_pending = false;              // an earlier QR export waits for its code
    std::string qr_pending_text;          // which one
};

// What the staff screens remember between frames: layout and the touch test, nothing else.
struct StaffUiState {
    std::vector<unsigned char> touched;  // touch-test cells
    ImVec2 last_touch{-1, -1};
};

struct StaffFrame {
    Frame& f;
    const StaffMode& staff;
    const StaffView& view;
    StaffUiState& ui;
    std::vector<StaffEvent>& events;

    void emit(StaffEvent e) { events.push_back(e); }
};

// The whole staff UI for one frame. Call between ImGui::NewFrame() and ImGui::Render().
void draw_staff_frame(StaffFrame& s);

void screen_staff_keypad(StaffFrame& s);  // also "not set up"
void screen_staff_clock(StaffFrame& s);  // ClockCheck and ClockSet
void screen_staff_home(StaffFrame& s);
void screen_staff_export(StaffFrame& s);
void screen_staff_export_progress(StaffFrame& s);  // Exporting and ExportResult
void screen_staff_purge(StaffFrame& s);
void screen_staff_pack_update(StaffFrame& s);
void screen_staff_touch_test(StaffFrame& s);
void screen_staff_qr_sync(StaffFrame& s);     // choose summary or full, code size
void screen_staff_qr_show(StaffFrame& s);     // the codes, one at a time
void screen_staff_qr_confirm(StaffFrame& s);  // type the receiving tool's code
void screen_staff_close_program(StaffFrame& s);

// Shared by the staff screens (staff_frame.cpp).
void staff_heading(StaffFrame& s, const std::string& text, const char* id);
void staff_text(StaffFrame& s, const std::string& text, ImU32 colour, const char* id = nullptr);
// The drives staff can choose between, as option buttons "drive_0", "drive_1", ...
void staff_drive_list(StaffFrame& s);
// A row of buttons at the bottom of the content area; returns the index tapped or -1.
struct StaffButton {
    const char* id;
    std::string label;
    ButtonKind kind = ButtonKind::Secondary;
    bool enabled = true;
};
int staff_button_row(StaffFrame& s, const std::vector<StaffButton>& buttons);
std::string human_bytes(std::int64_t bytes);
// The 3×4 digit keypad (key_0 … key_9, key_erase, key_enter), keys `key` wide; emits Digit,
// Erase and Submit. The PIN keypad and the QR confirmation code share it.
void staff_digit_pad(StaffFrame& s, float key, bool enabled, bool can_submit);

// The hidden press-and-hold in the top-left corner (staff_gesture.cpp): call from the
// attract and resting screens; sets f.out.staff_gesture after 5 seconds held.
void watch_staff_gesture(Frame& f);
inline constexpr double kStaffGestureSeconds = 5.0;

}  // namespace dv::ui
