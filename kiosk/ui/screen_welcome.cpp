// The first screen after the tap: choose a language (each by its own name), colours and a text size.
#include "screens.hpp"

#include <algorithm>

namespace dv::ui {

void screen_welcome(Frame& f) {
    const Journey& j = f.journey;
    const float w = ImGui::GetContentRegionAvail().x;
    text_block(f, f.fonts.heading, f.word("welcome_title"), w, f.pal.text, "welcome_title");
    ImGui::Dummy(ImVec2(0, f.m.gap));

    // Languages in two columns when they fit; three when there are many, so the page still
    // fits on one screen.
    const auto& langs = j.pack().languages;
    const int cols = langs.size() > 4 && w > 1350 * f.m.scale * f.m.text_factor ? 3 : w > 900 * f.m.scale ? 2 : 1;
    const float cw = (w - (cols - 1) * f.m.gap) / cols;
    for (size_t i = 0; i < langs.size(); ++i) {
        const auto& info = langs[i].info;
        if (i % cols != 0) ImGui::SameLine(0, f.m.gap);
        if (option_button(f, "lang_" + info.code, info.name, cw, j.language() == info.code, false))
            f.emit(Event::language(info.code));
        if (i % cols == static_cast<size_t>(cols) - 1 && i + 1 < langs.size()) ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    }
    ImGui::Dummy(ImVec2(0, 2 * f.m.gap));

    text_block(f, f.fonts.heading, f.word("colours"), w, f.pal.text, "colours_title");
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    const float ow = (w - f.m.gap) / 2;
    if (option_button(f, "contrast_standard", f.word("colours_standard"), ow, !j.high_contrast(), false))
        f.emit(Event::contrast(false));
    ImGui::SameLine(0, f.m.gap);
    if (option_button(f, "contrast_high", f.word("colours_high"), ow, j.high_contrast(), false))
        f.emit(Event::contrast(true));
    ImGui::Dummy(ImVec2(0, 2 * f.m.gap));

    text_block(f, f.fonts.heading, f.word("text_size"), w, f.pal.text, "text_size_title");
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    ImFont* samples[] = {f.fonts.body, f.fonts.heading, f.fonts.title};
    const float bw = std::min((w - 2 * f.m.gap) / 3, 260 * f.m.scale * f.m.text_factor);
    const float bh = std::max(f.m.button_h, f.fonts.title->FontSize * 1.6f);
    for (int i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine(0, f.m.gap);
        const bool on = static_cast<int>(j.text_size()) == i;
        if (button(f, "size_" + std::to_string(i), "A", ImVec2(bw, bh), on ? ButtonKind::Primary : ButtonKind::Secondary,
                   {}, true, samples[i], true))
            f.emit(Event::text_size(static_cast<TextSize>(i)));
    }
}

}  // namespace dv::ui
