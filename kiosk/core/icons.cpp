// The table of pictograms: names packs may use and their Font Awesome 4.7 code points.
#include "icons.hpp"

namespace dv {

const std::vector<IconInfo>& known_icons() {
    static const std::vector<IconInfo> icons = {
        // People and places
        {"users", 0xF0C0},        {"user", 0xF007},         {"child", 0xF1AE},      {"doctor", 0xF0F0},
        {"hospital", 0xF0F8},     {"building", 0xF1AD},     {"home", 0xF015},       {"police", 0xF2C1},
        {"ambulance", 0xF0F9},    {"university", 0xF19C},   {"map_marker", 0xF041}, {"wheelchair", 0xF193},
        // Records and data
        {"folder", 0xF07B},       {"file", 0xF15C},         {"database", 0xF1C0},   {"chart", 0xF080},
        {"list", 0xF03A},         {"id_card", 0xF2C2},      {"barcode", 0xF02A},    {"exchange", 0xF0EC},
        {"link", 0xF0C1},         {"search", 0xF002},       {"flask", 0xF0C3},      {"laptop", 0xF109},
        // Safety and rules
        {"lock", 0xF023},         {"unlock", 0xF09C},       {"key", 0xF084},        {"shield", 0xF132},
        {"eye", 0xF06E},          {"eye_slash", 0xF070},    {"user_secret", 0xF21B}, {"gavel", 0xF0E3},
        {"ban", 0xF05E},          {"warning", 0xF071},      {"briefcase", 0xF0B1},  {"shopping_cart", 0xF07A},
        {"money", 0xF0D6},
        // Health and help
        {"heart", 0xF004},        {"pills", 0xF0FA},        {"stethoscope", 0xF0F1}, {"thermometer", 0xF2C7},
        {"fire", 0xF06D},         {"handshake", 0xF2B5},    {"life_ring", 0xF1CD},
        // Talking and contact
        {"envelope", 0xF0E0},     {"phone", 0xF095},        {"mobile", 0xF10B},     {"comment", 0xF075},
        {"globe", 0xF0AC},        {"speaker", 0xF028},      {"qr", 0xF029},         {"info", 0xF129},
        {"question", 0xF128},     {"lightbulb", 0xF0EB},    {"pencil", 0xF040},     {"keyboard", 0xF11C},
        // Answers and feelings
        {"check", 0xF00C},        {"cross", 0xF00D},        {"thumbs_up", 0xF087},  {"thumbs_down", 0xF088},
        {"smile", 0xF118},        {"frown", 0xF119},        {"hand", 0xF256},       {"refresh", 0xF021},
        {"clock", 0xF017},        {"calendar", 0xF073},     {"hourglass", 0xF254},
    };
    return icons;
}

bool is_known_icon(std::string_view name) { return icon_codepoint(name) != 0; }

char32_t icon_codepoint(std::string_view name) {
    for (const auto& icon : known_icons())
        if (icon.name == name) return icon.codepoint;
    return 0;
}

}  // namespace dv
