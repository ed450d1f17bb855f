// Font atlas construction.
#include "fonts.hpp"

#include <imgui.h>

namespace dv {

namespace {

// Glyph ranges must outlive the atlas build; ImGui keeps pointers to them.
ImVector<ImWchar> g_text_ranges;
ImVector<ImWchar> g_icon_ranges;

}  // namespace

bool build_font_atlas(const FontFiles& files, const FontSizes& sizes, const std::vector<char32_t>& text_chars,
                      const std::vector<ImWchar>& icon_chars,
                      FontSet& out, std::string& error) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();

    ImFontGlyphRangesBuilder text;
    for (ImWchar c = 0x20; c < 0x7F; ++c) text.AddChar(c);
    for (const char* extra : {"’‘“”–—…•→×✓%°£€"}) text.AddText(extra);
    for (char32_t c : text_chars)
        if (c >= 0x20 && c <= 0xFFFF) text.AddChar(static_cast<ImWchar>(c));
    g_text_ranges.clear();
    text.BuildRanges(&g_text_ranges);

    ImFontGlyphRangesBuilder icons;
    for (ImWchar c : icon_chars) icons.AddChar(c);
    g_icon_ranges.clear();
    icons.BuildRanges(&g_icon_ranges);

    auto add = [&](const std::string& path, float px) -> ImFont* {
        ImFontConfig cfg;
        cfg.OversampleH = 1;  // large sizes need no horizontal oversampling; keeps the atlas small
        cfg.OversampleV = 1;
        cfg.PixelSnapH = true;
        ImFont* font = io.Fonts->AddFontFromFileTTF(path.c_str(), px, &cfg, g_text_ranges.Data);
        if (!font) return nullptr;
        ImFontConfig icfg;
        icfg.MergeMode = true;
        icfg.OversampleH = 1;
        icfg.OversampleV = 1;
        icfg.GlyphMinAdvanceX = px;
        icfg.GlyphOffset = ImVec2(0, px * 0.08f);
        io.Fonts->AddFontFromFileTTF(files.icons.c_str(), px * 0.95f, &icfg, g_icon_ranges.Data);
        return font;
    };
    out.body = add(files.regular, sizes.body);
    out.small = add(files.regular, sizes.small);
    out.bold = add(files.bold, sizes.body);
    out.heading = add(files.bold, sizes.heading);
    out.title = add(files.bold, sizes.title);
    if (!out.body || !out.small || !out.bold || !out.heading || !out.title || !io.Fonts->Build()) {
        error = files.regular + ": cannot build the font atlas";
        return false;
    }
    io.FontDefault = out.body;
    return true;
}

}  // namespace dv
