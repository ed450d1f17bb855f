// This file implements the screenshot colour sampler (see png_colours.hpp).
#include "png_colours.hpp"

#include "core/contrast.hpp"

#include <catch2/catch.hpp>
#include <stb/stb_image.h>

#include <cstdio>
#include <unordered_map>

namespace dv::test {

ScreenColours sample_colours(const std::string& png_path, double y0, double y1) {
    ScreenColours out;
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(png_path.c_str(), &w, &h, &n, 3);
    if (!px) return out;
    std::unordered_map<std::uint32_t, long> count;
    const int from = static_cast<int>(y0 * h), to = static_cast<int>(y1 * h);
    for (int y = from; y < to; ++y)
        for (int x = 0; x < w; ++x) {
            const unsigned char* p = px + 3 * (static_cast<size_t>(y) * w + x);
            ++count[(std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | p[2]];
        }
    stbi_image_free(px);
    long best = -1;
    for (const auto& [colour, c] : count)
        if (c > best) best = c, out.background = colour;
    best = -1;
    for (const auto& [colour, c] : count)
        if (c > best && contrast_ratio(colour, out.background) >= 3.0) best = c, out.foreground = colour;
    out.ratio = contrast_ratio(out.background, out.foreground);
    out.loaded = true;
    return out;
}

std::string hex_colour(std::uint32_t rgb) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%06X", rgb);
    return buf;
}

void check_high_contrast(const std::string& png_path) {
    INFO(png_path);
    const ScreenColours c = sample_colours(png_path, 0.15, 0.85);
    REQUIRE(c.loaded);
    INFO("background " << hex_colour(c.background) << ", foreground " << hex_colour(c.foreground) << ", ratio "
                       << c.ratio);
    CHECK(c.background == 0x000000);
    // White words, yellow buttons, or the thank-you circle's green: the high-contrast palette's.
    CHECK((c.foreground == 0xFFFFFF || c.foreground == 0xFFE600 || c.foreground == 0x7FFF9F));
    CHECK(c.ratio >= 7.0);
}

}  // namespace dv::test
