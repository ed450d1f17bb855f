// Tests only: what a screenshot actually shows, read back from its PNG — the background (the
// commonest colour), the commonest colour that stands out from it (text, or a button's fill)
// and the WCAG contrast ratio between them.
#pragma once

#include <cstdint>
#include <string>

namespace dv::test {

struct ScreenColours {
    bool loaded = false;
    std::uint32_t background = 0;  // 0xRRGGBB
    std::uint32_t foreground = 0;  // the commonest colour at least 3:1 from the background
    double ratio = 1;              // contrast_ratio(background, foreground)
};

// `region`: sample only rows y0..y1 (fractions of the height), e.g. the content column.
ScreenColours sample_colours(const std::string& png_path, double y0 = 0, double y1 = 1);
std::string hex_colour(std::uint32_t rgb);
// Catch checks: the content column shows the high-contrast palette — a black background and
// words or buttons in its colours (white, yellow, the good-thing green) at 7:1 or more.
void check_high_contrast(const std::string& png_path);

}  // namespace dv::test
