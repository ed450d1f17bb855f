// The attract screen: what the kiosk is for, in every language in turn, and "tap to start".
#include "screens.hpp"
#include "staff_screens.hpp"

#include <cmath>

namespace dv::ui {

namespace {
constexpr double kSecondsPerSlide = 6.0;  // one timed wake-up per slide, no busy redraw
}

void screen_attract(Frame& f) {
    const Pack& pack = f.journey.pack();
    const int slide = static_cast<int>(std::floor(f.now / kSecondsPerSlide));
    f.out.wake_at = (slide + 1) * kSecondsPerSlide;
    // Each slide speaks one of the pack's languages, so a visitor sees theirs is offered.
    const LanguageContent& lang = pack.languages[static_cast<size_t>(slide) % pack.languages.size()];
    const std::string& fact = lang.word(("attract_fact_" + std::to_string(slide % 3 + 1)).c_str());

    const ImVec2 d = f.display;
    ImDrawList* dl = ImGui::GetWindowDrawList();

    // The whole screen is the start button.
    ImGui::SetCursorScreenPos(ImVec2(0, 0));
    const bool tapped = ImGui::InvisibleButton("start", d);
    // Enter or Space starts too, for keyboards and switch devices; the focus starts here.
    if (f.state.focus_id.empty()) f.state.focus_id = "start";
    if (activated(f, "start", lang.word("attract_tap"), tapped, ImVec2(0, 0), d) || tapped) f.emit(Event::start());
    f.widgets.add("start", "button", ImVec2(0, 0), d, lang.word("attract_tap"), false);
    watch_staff_gesture(f);  // the hidden way into staff mode

    const float w = std::min(d.x - 2 * f.m.pad, f.m.content_w);
    const float x = (d.x - w) * 0.5f;
    float y = d.y * 0.12f;
    y += draw_wrapped(dl, f.fonts.title, ImVec2(x, y), w, lang.word("attract_title"), f.pal.on_primary, true);
    y += f.m.gap;
    y += draw_wrapped(dl, f.fonts.body, ImVec2(x, y), w, lang.word("attract_subtitle"), f.pal.on_primary, true);
    y += 2 * f.m.gap;

    // A fact card.
    const float card_w = std::min(w, 1300 * f.m.scale);
    const float cx = (d.x - card_w) * 0.5f;
    const float pad = 36 * f.m.scale;
    const float th = text_height(f.fonts.body, fact, card_w - 2 * pad);
    const float ch = th + 2 * pad;
    dl->AddRectFilled(ImVec2(cx, y), ImVec2(cx + card_w, y + ch), f.pal.surface, f.m.rounding);
    draw_wrapped(dl, f.fonts.body, ImVec2(cx + pad, y + pad), card_w - 2 * pad, fact, f.pal.text, true);
    y += ch + f.m.gap;
    // Which slide this is, as dots.
    const float dot = 9 * f.m.scale;
    for (int i = 0; i < 3; ++i) {
        const ImVec2 c(d.x * 0.5f + (i - 1) * dot * 4, y + dot);
        if (i == slide % 3)
            dl->AddCircleFilled(c, dot, f.pal.on_primary);
        else
            dl->AddCircle(c, dot, f.pal.on_primary, 24, 2 * f.m.scale);
    }

    // "Tap the screen to start", drawn as a button at the bottom.
    const std::string tap = std::string(glyph::hand) + "  " + lang.word("attract_tap");
    const float bw = std::min(w, 1100 * f.m.scale);
    const float bh = f.m.button_h * 1.2f;
    const ImVec2 a((d.x - bw) * 0.5f, d.y - bh - d.y * 0.1f);
    dl->AddRectFilled(a, ImVec2(a.x + bw, a.y + bh), f.pal.surface, f.m.rounding);
    const float lh = text_height(f.fonts.heading, tap, bw - 2 * pad);
    draw_wrapped(dl, f.fonts.heading, ImVec2(a.x + pad, a.y + (bh - lh) * 0.5f), bw - 2 * pad, tap, f.pal.primary, true);
}

}  // namespace dv::ui
