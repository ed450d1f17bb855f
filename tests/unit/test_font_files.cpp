// The kiosk's font files: found, read with stb_truetype, and covering what the packs need.
#include "core/icons.hpp"
#include "platform/font_files.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace dv;

namespace {

const KioskFontCoverage& kiosk_fonts() {
    static const KioskFontCoverage fonts = [] {
        FontFiles files;
        std::string error;
        KioskFontCoverage f;
        if (!find_font_files(files, error) || !f.load(files, error)) FAIL(error);
        return f;
    }();
    return fonts;
}

}  // namespace

TEST_CASE("Fonts/the text fonts cover the letters of every language the default pack offers", "[fonts]") {
    const KioskFontCoverage& f = kiosk_fonts();
    for (char32_t cp : std::u32string(U"Aaząęłńóśźżčėįšųūžăâîșțáàãçéêíôõú’–…")) {
        INFO(static_cast<unsigned>(cp));
        CHECK(f.text_has(cp));
    }
    CHECK_FALSE(f.text_has(0xF004));  // a private-use code point: only the icon font has it
    CHECK_FALSE(f.text_has(0x10FFFF));
}

TEST_CASE("Fonts/the icon font draws every known pictogram", "[fonts]") {
    const KioskFontCoverage& f = kiosk_fonts();
    for (const auto& icon : known_icons()) {
        INFO(std::string(icon.name));
        CHECK(f.icon_has(icon.codepoint));
    }
    CHECK_FALSE(f.icon_has(U'ł'));
}

TEST_CASE("Fonts/a file that is not a font is refused with its name", "[fonts]") {
    test::TempDir d;
    std::ofstream(d.file("fake.ttf")) << "this is not a font";
    FontCoverage c;
    std::string error;
    CHECK_FALSE(c.load(d.file("fake.ttf"), error));
    CHECK(error == d.file("fake.ttf") + ": not a TrueType font");
    CHECK_FALSE(c.load(d.file("missing.ttf"), error));
    CHECK(error.rfind(d.file("missing.ttf") + ":", 0) == 0);
}
