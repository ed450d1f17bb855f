// Parsing and validation of hardware profiles.
#include "profile.hpp"

#include "opening_hours.hpp"
#include "toml_fields.hpp"

#include <algorithm>
#include <cmath>

namespace dv {

namespace {
constexpr double kMinBodyTextMm = 4.5;
}

double HardwareProfile::pixels_per_mm() const {
    const double diagonal_px = std::sqrt(double(width) * width + double(height) * height);
    return diagonal_px / (diagonal_inches * 25.4);
}

double HardwareProfile::ui_scale() const {
    const bool portrait = (rotation == 90 || rotation == 270) ? width > height : height > width;
    const double w = portrait ? std::min(width, height) : std::max(width, height);
    const double h = portrait ? std::max(width, height) : std::min(width, height);
    // Portrait screens are laid out against a 1080×1920 design; landscape against 1920×1080.
    const double fit = portrait ? std::min(w / 1080.0, h / 1920.0) : std::min(w / 1920.0, h / 1080.0);
    // Small screens are read from closer, but not that much closer: body text (40 design
    // pixels) never falls below 4.5 mm, and the layout reflows into the space that leaves.
    const double readable = kMinBodyTextMm * pixels_per_mm() / 40.0;
    return scale * std::max(fit, readable);
}

double HardwareProfile::min_touch_target_px() const { return 9.0 * pixels_per_mm(); }

ProfileResult parse_profile(const std::string& text, const std::string& file) {
    ProfileResult result;
    auto table = tomlf::parse(text, file, result.problems);
    if (!table) return result;
    HardwareProfile p;
    tomlf::Fields f(*table, file, result.problems);
    p.name = f.text("name", true, 200).value_or("");

    if (const toml::table* t = f.table("display", true)) {
        tomlf::Fields d(*t, file, result.problems, "display");
        p.width = static_cast<int>(d.integer("width", true, 320, 7680).value_or(p.width));
        p.height = static_cast<int>(d.integer("height", true, 240, 7680).value_or(p.height));
        if (auto r = d.integer("rotation", false, 0, 270)) {
            if (*r % 90 != 0)
                d.error("rotation", "must be 0, 90, 180 or 270");
            else
                p.rotation = static_cast<int>(*r);
        }
        p.diagonal_inches = d.number("diagonal_inches", true, 3.0, 120.0).value_or(p.diagonal_inches);
        p.fullscreen = d.boolean("fullscreen", false).value_or(p.fullscreen);
        p.cursor_hidden = d.boolean("cursor_hidden", false).value_or(p.cursor_hidden);
        p.scale = d.number("scale", false, 0.5, 3.0).value_or(p.scale);
        d.finish();
    }
    if (const toml::table* t = f.table("timeouts", false)) {
        tomlf::Fields d(*t, file, result.problems, "timeouts");
        p.idle_seconds = static_cast<int>(d.integer("idle_seconds", false, 10, 3600).value_or(p.idle_seconds));
        p.still_there_seconds =
            static_cast<int>(d.integer("still_there_seconds", false, 5, 300).value_or(p.still_there_seconds));
        p.thank_you_seconds = static_cast<int>(d.integer("thank_you_seconds", false, 3, 300).value_or(p.thank_you_seconds));
        p.staff_idle_seconds =
            static_cast<int>(d.integer("staff_idle_seconds", false, 30, 3600).value_or(p.staff_idle_seconds));
        d.finish();
    }
    if (const toml::table* t = f.table("hours", false)) {
        tomlf::Fields d(*t, file, result.problems, "hours");
        for (auto [key, target] : {std::pair{"opens", &p.opens}, std::pair{"closes", &p.closes}}) {
            if (auto v = d.text(key, false, 5)) {
                if (is_clock_time(*v))
                    *target = *v;
                else
                    d.error(key, "must be a time like \"08:30\"");
            }
        }
        d.finish();
    }
    if (const toml::table* t = f.table("storage", false)) {
        tomlf::Fields d(*t, file, result.problems, "storage");
        p.data_dir = d.text("data_dir", false, 400).value_or(p.data_dir);
        p.removable_media_root = d.text("removable_media_root", false, 400).value_or(p.removable_media_root);
        p.retention_days = static_cast<int>(d.integer("retention_days", false, 0, 3650).value_or(p.retention_days));
        if (p.data_dir.empty()) d.error("data_dir", "must not be empty");
        d.finish();
    }
    if (const toml::table* t = f.table("kiosk", false)) {
        tomlf::Fields d(*t, file, result.problems, "kiosk");
        p.lockdown = d.boolean("lockdown", false).value_or(p.lockdown);
        p.read_aloud = d.boolean("read_aloud", false).value_or(p.read_aloud);
        p.set_system_clock = d.boolean("set_system_clock", false).value_or(p.set_system_clock);
        if (auto v = d.text("text_size", false, 20)) {
            if (*v == "standard" || *v == "large" || *v == "extra_large")
                p.text_size = *v;
            else
                d.error("text_size", "must be \"standard\", \"large\" or \"extra_large\"");
        }
        d.finish();
    }
    if (const toml::table* t = f.table("privacy", false)) {
        tomlf::Fields d(*t, file, result.problems, "privacy");
        p.repeat_seconds = static_cast<int>(d.integer("repeat_seconds", false, 0, 600).value_or(p.repeat_seconds));
        d.finish();
    }
    f.finish();
    if (result.problems.empty()) result.profile = p;
    return result;
}

}  // namespace dv
