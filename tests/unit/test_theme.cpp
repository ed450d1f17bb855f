// The kiosk's colours: every text/background pair in both themes meets WCAG 7:1, computed
// from the palettes themselves, and the contrast formula against known values.
#include "core/contrast.hpp"
#include "ui/theme.hpp"

#include <catch2/catch.hpp>

using namespace dv;

namespace {
std::uint32_t rgb_of(ImU32 c) {  // ImU32 is 0xAABBGGRR
    return ((c & 0xFF) << 16) | (c & 0xFF00) | ((c >> 16) & 0xFF);
}
}  // namespace

TEST_CASE("Contrast/the WCAG formula gives its known values", "[a11y]") {
    CHECK(contrast_ratio(0x000000, 0xFFFFFF) == Approx(21.0));
    CHECK(contrast_ratio(0xFFFFFF, 0xFFFFFF) == Approx(1.0));
    CHECK(contrast_ratio(0x777777, 0xFFFFFF) == Approx(4.48).epsilon(0.01));  // the classic "just fails AA" grey
    CHECK(contrast_ratio(0x005EB8, 0xFFFFFF) == Approx(6.38).epsilon(0.01));  // NHS blue: not enough for 7:1
}

TEST_CASE("Contrast/every text and background pair meets 7:1 in the standard theme", "[a11y]") {
    for (const auto& p : ui::text_pairs(ui::standard_palette())) {
        INFO(p.what);
        CHECK(contrast_ratio(rgb_of(p.text), rgb_of(p.background)) >= 7.0);
    }
}

TEST_CASE("Contrast/every text and background pair meets 7:1 in the high-contrast theme", "[a11y]") {
    for (const auto& p : ui::text_pairs(ui::high_contrast_palette())) {
        INFO(p.what);
        CHECK(contrast_ratio(rgb_of(p.text), rgb_of(p.background)) >= 7.0);
    }
}

TEST_CASE("Contrast/good things and worries differ by more than colour", "[a11y]") {
    // The card screen marks a good thing with a tick and a worry with "!", and writes the words;
    // here we only check the two accents are not the same colour in either theme.
    for (const auto& pal : {ui::standard_palette(), ui::high_contrast_palette()})
        CHECK(pal.accent_benefit != pal.accent_concern);
}
