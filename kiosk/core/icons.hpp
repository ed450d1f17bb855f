// The pictogram names a content pack may use, and the glyph each one is drawn with.
//
// The kiosk draws pictograms from Font Awesome 4.7 (Debian's fonts-font-awesome). The code
// points live here, beside the names, so `datavoice lint` can check the font really has
// every pictogram a pack names, and the UI and the lint can never disagree.
#pragma once

#include <string_view>
#include <vector>

namespace dv {

struct IconInfo {
    std::string_view name;  // what a pack writes: icon = "lock"
    char32_t codepoint;     // Font Awesome 4.7
};

// Every known pictogram, in a fixed order.
const std::vector<IconInfo>& known_icons();

bool is_known_icon(std::string_view name);

// The Font Awesome code point of a pictogram; 0 when the name is unknown.
char32_t icon_codepoint(std::string_view name);

}  // namespace dv
