// Hardware profiles: one TOML file per kind of kiosk (firmware_profiles/, documented there).
//
// The profile says how big the screen is in pixels and in millimetres, which gives the UI
// scale and the smallest touch target (9 mm); how long to wait before asking "Still there?";
// when the site is open; where data lives. Unknown keys and out-of-range values are errors.
#pragma once

#include "problem.hpp"

#include <optional>
#include <string>

namespace dv {

struct HardwareProfile {
    std::string name;

    // [display]
    int width = 1920;
    int height = 1080;
    int rotation = 0;  // 0, 90, 180, 270: how the panel is mounted
    double diagonal_inches = 21.5;
    bool fullscreen = true;
    bool cursor_hidden = true;
    double scale = 1.0;  // extra magnification for screens read from across a room

    // [timeouts], seconds
    int idle_seconds = 60;         // no touch for this long → "Still there?"
    int still_there_seconds = 20;  // the countdown shown before starting again
    int thank_you_seconds = 20;    // the thank-you screen returns to the start by itself
    int staff_idle_seconds = 180;  // staff mode locks itself

    // [hours]: outside them the screen blanks and the kiosk sleeps
    std::string opens = "00:00";
    std::string closes = "24:00";

    // [storage]
    std::string data_dir = "/var/lib/datavoice";
    std::string removable_media_root = "/media";
    int retention_days = 0;  // 0 keeps answers until staff purge them

    // [kiosk]
    bool lockdown = false;
    bool read_aloud = false;
    std::string text_size = "standard";  // standard, large, extra_large
    // When staff set the time, also set the system clock (needs root or CAP_SYS_TIME);
    // otherwise, or when that fails, only the kiosk's own offset moves.
    bool set_system_clock = false;

    // [privacy]
    // A visit starting this soon after the previous one's start, with the same answers, is
    // flagged as a repeat press (repeat_guard.hpp). 0 turns the check off.
    int repeat_seconds = 30;

    double pixels_per_mm() const;
    // The UI is designed for a 1920×1080 landscape (or 1080×1920 portrait) screen; this fits
    // it to the profile's, times `scale`.
    double ui_scale() const;
    double min_touch_target_px() const;  // 9 mm at this density
};

struct ProfileResult {
    std::optional<HardwareProfile> profile;
    Problems problems;
};

// `file` is used only in problem messages.
ProfileResult parse_profile(const std::string& text, const std::string& file);

}  // namespace dv
