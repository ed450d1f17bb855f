// The kiosk's font files, and which characters they can draw.
//
// Kept apart from the ImGui atlas (fonts.hpp) so the staff tool can check a content pack
// against exactly the fonts the kiosk will use, without a window or a GL context.
//
// [X] Noto Sans regular and bold (fonts-noto-core), DejaVu Sans when Noto is missing.
// [X] Font Awesome 4.7 for pictograms (fonts-font-awesome).
// [X] Coverage of the Basic Multilingual Plane, read with stb_truetype (libstb).
// [ ] Font collections (.ttc) beyond their first face.
#pragma once

#include <string>
#include <vector>

namespace dv {

struct FontFiles {
    std::string regular, bold, icons;
};

// The first existing candidates from Debian's font packages; error names what is missing.
bool find_font_files(FontFiles& out, std::string& error);

// Which code points one font file has a glyph for.
class FontCoverage {
public:
    // False with error "PATH: reason" when the file cannot be read or is not a TrueType font.
    bool load(const std::string& path, std::string& error);
    bool has(char32_t cp) const { return cp < m_covered.size() && m_covered[cp]; }

private:
    std::vector<bool> m_covered;  // indexed by code point, U+0000 to U+FFFF
};

// The three fonts the kiosk draws with.
struct KioskFontCoverage {
    FontCoverage regular, bold, icons;

    bool load(const FontFiles& files, std::string& error);
    // Text is drawn in both weights, so a character needs both.
    bool text_has(char32_t cp) const { return regular.has(cp) && bold.has(cp); }
    bool icon_has(char32_t cp) const { return icons.has(cp); }
};

}  // namespace dv
