// Finding the kiosk's font files and reading which characters they cover.
#include "font_files.hpp"

#include "exchange/files.hpp"

#include <stb/stb_truetype.h>

#include <filesystem>

namespace dv {

namespace {

const char* const kRegular[] = {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                                "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"};
const char* const kBold[] = {"/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
                             "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"};
const char* const kIcons[] = {"/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf"};

template <size_t N>
std::string first_existing(const char* const (&paths)[N]) {
    for (const char* p : paths) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(p, ec)) return p;
    }
    return {};
}

}  // namespace

bool find_font_files(FontFiles& out, std::string& error) {
    out.regular = first_existing(kRegular);
    out.bold = first_existing(kBold);
    out.icons = first_existing(kIcons);
    if (out.regular.empty() || out.bold.empty()) {
        error = std::string(kRegular[0]) + ": font not found (install fonts-noto-core)";
        return false;
    }
    if (out.icons.empty()) {
        error = std::string(kIcons[0]) + ": font not found (install fonts-font-awesome)";
        return false;
    }
    return true;
}

bool FontCoverage::load(const std::string& path, std::string& error) {
    std::string bytes;
    if (!read_text_file(path, bytes, error, 64u << 20)) return false;
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    const int offset = bytes.size() >= 12 ? stbtt_GetFontOffsetForIndex(data, 0) : -1;
    stbtt_fontinfo info;
    if (offset < 0 || !stbtt_InitFont(&info, data, offset)) {
        error = path + ": not a TrueType font";
        return false;
    }
    m_covered.assign(0x10000, false);
    for (char32_t cp = 0x20; cp < 0x10000; ++cp)
        m_covered[cp] = stbtt_FindGlyphIndex(&info, static_cast<int>(cp)) != 0;
    return true;
}

bool KioskFontCoverage::load(const FontFiles& files, std::string& error) {
    return regular.load(files.regular, error) && bold.load(files.bold, error) && icons.load(files.icons, error);
}

}  // namespace dv
