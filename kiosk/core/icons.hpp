// The pictogram names a content pack may use; the UI maps each to a glyph.
#pragma once

#include <string_view>

namespace dv {

// Known names: "folder", "hospital", "chart", "users", "link", "lock", "key", "shield",
// "home", "heart", "envelope", "phone", "police", "ambulance", "building", "question",
// "check", "cross", "mobile", "globe", "eye", "hand", "clock", "warning", "thumbs_up",
// "thumbs_down", "search", "doctor", "pills", "money", "list", "speaker", "qr".
bool is_known_icon(std::string_view name);

}  // namespace dv
