// Palettes and metrics.
#include "theme.hpp"

#include <algorithm>

namespace dv::ui {

namespace {
constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255) { return IM_COL32(r, g, b, a); }

float text_factor(TextSize s) {
    switch (s) {
        case TextSize::Large: return 1.25f;
        case TextSize::ExtraLarge: return 1.5f;
        default: return 1.0f;
    }
}
}  // namespace

Palette standard_palette() {
    Palette p;
    p.background = rgb(0xF0, 0xF4, 0xF5);
    p.surface = rgb(0xFF, 0xFF, 0xFF);
    p.text = rgb(0x21, 0x2B, 0x32);
    p.text_muted = rgb(0x42, 0x50, 0x5A);
    p.primary = rgb(0x00, 0x30, 0x87);  // NHS dark blue: 11.8:1 against white
    p.on_primary = rgb(0xFF, 0xFF, 0xFF);
    p.secondary_border = rgb(0x00, 0x30, 0x87);
    p.selected = rgb(0x00, 0x30, 0x87);
    p.on_selected = rgb(0xFF, 0xFF, 0xFF);
    p.disabled = rgb(0xD8, 0xDD, 0xE0);
    p.on_disabled = rgb(0x30, 0x3B, 0x42);
    p.focus = rgb(0xFF, 0xB8, 0x1C);
    p.header = rgb(0xFF, 0xFF, 0xFF);
    p.overlay = rgb(0x21, 0x2B, 0x32, 200);
    p.accent_benefit = rgb(0x00, 0x5A, 0x2B);  // dark green: 8.5:1 on white
    p.accent_concern = rgb(0x8A, 0x15, 0x38);  // dark red: 9.4:1 on white
    p.bar = rgb(0x00, 0x30, 0x87);
    return p;
}

Palette high_contrast_palette() {
    Palette p;
    p.background = rgb(0x00, 0x00, 0x00);
    p.surface = rgb(0x00, 0x00, 0x00);
    p.text = rgb(0xFF, 0xFF, 0xFF);
    p.text_muted = rgb(0xFF, 0xFF, 0xFF);
    p.primary = rgb(0xFF, 0xE6, 0x00);
    p.on_primary = rgb(0x00, 0x00, 0x00);
    p.secondary_border = rgb(0xFF, 0xFF, 0xFF);
    p.selected = rgb(0xFF, 0xE6, 0x00);
    p.on_selected = rgb(0x00, 0x00, 0x00);
    p.disabled = rgb(0x30, 0x30, 0x30);
    p.on_disabled = rgb(0xFF, 0xFF, 0xFF);
    p.focus = rgb(0x00, 0xFF, 0xFF);
    p.header = rgb(0x00, 0x00, 0x00);
    p.overlay = rgb(0x00, 0x00, 0x00, 230);
    p.accent_benefit = rgb(0x7F, 0xFF, 0x9F);
    p.accent_concern = rgb(0xFF, 0xB0, 0xC8);
    p.bar = rgb(0xFF, 0xE6, 0x00);
    return p;
}

std::vector<ColourPair> text_pairs(const Palette& p) {
    return {
        {"text on background", p.text, p.background},
        {"text on cards and options", p.text, p.surface},
        {"muted text on background", p.text_muted, p.background},
        {"muted text on cards", p.text_muted, p.surface},
        {"text on header and footer", p.text, p.header},
        {"progress on header", p.text_muted, p.header},
        {"primary button words", p.on_primary, p.primary},
        {"secondary button words", p.primary, p.surface},
        {"attract words on primary", p.on_primary, p.primary},
        {"attract button words", p.primary, p.surface},
        {"chosen option words", p.on_selected, p.selected},
        {"disabled button words", p.on_disabled, p.disabled},
        {"good-thing mark on cards", p.accent_benefit, p.surface},
        {"worry mark on cards", p.accent_concern, p.surface},
        {"tick on the thank-you circle", p.on_primary, p.accent_benefit},
        {"bar figures on background", p.text, p.background},
    };
}

FontSizes font_sizes(float ui_scale, TextSize size) {
    const float k = ui_scale * text_factor(size);
    return {30.0f * k, 40.0f * k, 54.0f * k, 72.0f * k};
}

Metrics make_metrics(float ui_scale, float min_target_px, TextSize size, float width, float height) {
    Metrics m;
    m.scale = ui_scale;
    m.text_factor = text_factor(size);
    m.min_target = min_target_px;
    const float s = ui_scale;
    const float t = std::max(1.0f, m.text_factor * 0.9f);
    m.pad = 32 * s;
    m.gap = 20 * s;
    m.rounding = 16 * s;
    m.button_h = std::max(min_target_px, 110 * s * t);
    m.option_h = std::max(min_target_px, 96 * s * t);
    m.header_h = std::max(min_target_px + 2 * 12 * s, 118 * s * t);
    m.footer_h = std::max(min_target_px + 2 * 24 * s, 150 * s * t);
    m.content_w = std::min(width - 2 * m.pad, std::max(1500 * s, width * 0.6f));
    // Short for its text: less than 1000 design pixels of height at this text size.
    m.compact = height < 1000 * s * m.text_factor;
    if (m.compact) {
        const float words_px = 40 * s * m.text_factor;  // the bold button words
        m.pad = 20 * s;
        m.gap = 12 * s;
        m.button_h = std::max(min_target_px, words_px * 1.45f);
        m.option_h = std::max(min_target_px, 60 * s * t);
        m.header_h = m.button_h + 2 * 6 * s;
        m.footer_h = m.button_h + 2 * 8 * s;
        m.content_w = std::min(width - 2 * m.pad, std::max(1500 * s, width * 0.6f));
    }
    return m;
}

}  // namespace dv::ui
