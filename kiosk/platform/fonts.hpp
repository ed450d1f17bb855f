// Builds the ImGui font atlas: Noto Sans (regular and bold) at the sizes the current text
// size needs, only the characters the content pack uses, plus Font Awesome pictograms.
//
// [X] Every character of every language in the pack (checked by datavoice lint too).
// [X] Rebuilt when the visitor changes text size: the atlas holds one size set at a time.
// [ ] Scripts that need shaping (Arabic, Urdu, Bengali): Dear ImGui draws glyphs one by one.
#pragma once

#include "font_files.hpp"
#include "font_set.hpp"

#include <imgui.h>

#include <string>
#include <vector>

namespace dv {

// Clears and rebuilds io.Fonts with the pack's characters and the pictograms' code points.
// Call outside a frame, then Window::refresh_fonts().
bool build_font_atlas(const FontFiles& files, const FontSizes& sizes, const std::vector<char32_t>& text_chars,
                      const std::vector<ImWchar>& icon_chars,
                      FontSet& out, std::string& error);

}  // namespace dv
