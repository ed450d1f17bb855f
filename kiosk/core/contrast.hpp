// WCAG 2 contrast between two colours: the test every text/background pair of the kiosk's
// themes must pass at 7:1 (level AAA for normal text).
#pragma once

#include <cstdint>

namespace dv {

// Relative luminance of an sRGB colour given as 0xRRGGBB.
double relative_luminance(std::uint32_t rgb);
// (lighter + 0.05) / (darker + 0.05), from 1 to 21.
double contrast_ratio(std::uint32_t rgb_a, std::uint32_t rgb_b);

}  // namespace dv
