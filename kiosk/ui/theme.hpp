// Colours and sizes of the kiosk: one place, so contrast can be checked by a test and the
// whole UI scales with the hardware profile and the visitor's text size.
#pragma once

#include "core/journey.hpp"
#include "platform/font_set.hpp"

#include <imgui.h>

#include <vector>

namespace dv::ui {

struct Palette {
    ImU32 background, surface, text, text_muted, primary, on_primary, secondary_border, selected,
        on_selected, disabled, on_disabled, focus, header, overlay, accent_benefit, accent_concern, bar;
};

// Standard and high-contrast palettes. Every text/background pair is checked at 7:1 in a test.
Palette standard_palette();
Palette high_contrast_palette();

// Every pair of colours the screens put text (or a text-like mark) on, named for the test.
struct ColourPair {
    const char* what;
    ImU32 text, background;
};
std::vector<ColourPair> text_pairs(const Palette& p);

// Sizes in pixels for the current screen and text size.
struct Metrics {
    float scale = 1;         // ui_scale of the profile (1 at 1920×1080)
    float text_factor = 1;   // 1, 1.25 or 1.5 for standard, large, extra large
    float min_target = 36;   // 9 mm at the profile's density
    float pad = 24;          // outer padding
    float gap = 16;          // between stacked items
    float button_h = 120;    // primary buttons
    float option_h = 110;    // answer options (grows with wrapped text)
    float header_h = 120;
    float footer_h = 160;
    float rounding = 18;
    float content_w = 1500;  // the readable column width
    // A short screen for its text size (a 7-inch Pi, or large text on any landscape screen):
    // thin header and footer, tighter gaps, so a question and all its answers fit at once.
    bool compact = false;
};

Metrics make_metrics(float ui_scale, float min_target_px, TextSize size, float width, float height);

// Font pixel sizes at scale 1 and standard text; fonts are built at these times the scale.
using dv::FontSizes;
FontSizes font_sizes(float ui_scale, TextSize size);

}  // namespace dv::ui
