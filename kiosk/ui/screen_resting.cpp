// Shown when an answer could not be saved (disk full, storage fault): calm words, no buttons,
// and never "thank you". The kiosk leaves it by itself once the store accepts writes again.
#include "screens.hpp"
#include "staff_screens.hpp"

#include <algorithm>

namespace dv::ui {

void screen_resting(Frame& f) {
    const ImVec2 d = f.display;
    watch_staff_gesture(f);  // staff can get in to see what is wrong
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = std::min(d.x - 2 * f.m.pad, f.m.content_w);
    const float x = (d.x - w) * 0.5f;
    const float icon = f.fonts.title->FontSize * 1.5f;
    float y = d.y * 0.25f;
    dl->AddText(f.fonts.title, icon, ImVec2(d.x * 0.5f - icon * 0.5f, y), f.pal.primary, icon_glyph("clock"));
    y += icon * 1.4f;
    const std::string& title = f.word("resting_title");
    const std::string& body = f.word("resting_body");
    const float th = draw_wrapped(dl, f.fonts.title, ImVec2(x, y), w, title, f.pal.text, true);
    f.widgets.add("resting_title", "text", ImVec2(x, y), ImVec2(x + w, y + th), title + " " + body);
    y += th + f.m.gap;
    draw_wrapped(dl, f.fonts.body, ImVec2(x, y), w, body, f.pal.text, true);
}

}  // namespace dv::ui
