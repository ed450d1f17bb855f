// The list of pictogram names packs may use.
#include "icons.hpp"

#include <array>

namespace dv {

bool is_known_icon(std::string_view name) {
    static constexpr std::array<std::string_view, 33> names = {
        "folder",   "hospital", "chart",     "users",       "link",   "lock",   "key",      "shield", "home",
        "heart",    "envelope", "phone",     "police",      "ambulance", "building", "question", "check",  "cross",
        "mobile",   "globe",    "eye",       "hand",        "clock",  "warning", "thumbs_up", "thumbs_down",
        "search",   "doctor",   "pills",     "money",       "list",   "speaker", "qr"};
    for (auto n : names)
        if (n == name) return true;
    return false;
}

}  // namespace dv
