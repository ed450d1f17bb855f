// The topic list: what the visitor would like to know about.
#include "screens.hpp"

#include <algorithm>
#include <vector>

namespace dv::ui {

namespace {

// A topic card: pictogram, title, one-line summary; the whole card is the button.
// On a short screen the cards are tighter and their pictograms smaller.
struct CardLayout {
    float pad, icon_w, text_w, title_h, summary_h;
    ImFont* icon_font;
};

CardLayout layout(const Frame& f, const Topic& t, float w) {
    CardLayout l;
    l.pad = (f.m.compact ? 14 : 28) * f.m.scale;
    l.icon_font = f.m.compact ? f.fonts.heading : f.fonts.title;
    l.icon_w = l.icon_font->FontSize * 1.3f;
    l.text_w = w - 3 * l.pad - l.icon_w;
    l.title_h = text_height(f.fonts.bold, t.title, l.text_w);
    l.summary_h = text_height(f.fonts.body, t.summary, l.text_w);
    return l;
}

float card_height(const Frame& f, const Topic& t, float w) {
    const CardLayout l = layout(f, t, w);
    return std::max(f.m.option_h, l.title_h + l.summary_h + f.m.gap * 0.5f + 2 * l.pad);
}

bool topic_card(Frame& f, const Topic& t, float w, float h) {
    const CardLayout l = layout(f, t, w);
    const std::string id = "topic_" + t.id;
    ImGui::PushID(id.c_str());
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 b(a.x + w, a.y + h);
    const bool tapped = ImGui::InvisibleButton("##t", ImVec2(w, h));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, b, f.pal.surface, f.m.rounding);
    dl->AddRect(a, b, f.pal.secondary_border, f.m.rounding, 0, std::max(2.0f, 3 * f.m.scale));
    if (ImGui::IsItemActive()) dl->AddRectFilled(a, b, IM_COL32(0, 0, 0, 40), f.m.rounding);
    const std::string spoken = t.title + ". " + t.summary;
    const bool pressed = activated(f, id, spoken, tapped, a, b);
    const char* g = icon_glyph(t.icon);
    if (*g)
        dl->AddText(l.icon_font, l.icon_font->FontSize, ImVec2(a.x + l.pad, a.y + (h - l.icon_font->FontSize) * 0.5f),
                    f.pal.primary, g);
    const float tx = a.x + 2 * l.pad + l.icon_w;
    const float ty = a.y + (h - l.title_h - l.summary_h - f.m.gap * 0.5f) * 0.5f;
    draw_wrapped(dl, f.fonts.bold, ImVec2(tx, ty), l.text_w, t.title, f.pal.primary, false);
    draw_wrapped(dl, f.fonts.body, ImVec2(tx, ty + l.title_h + f.m.gap * 0.5f), l.text_w, t.summary, f.pal.text, false);
    f.widgets.add(id, "button", a, b, spoken, true);
    ImGui::PopID();
    return pressed;
}

}  // namespace

void screen_topics(Frame& f) {
    const LanguageContent& c = f.journey.content();
    const float w = ImGui::GetContentRegionAvail().x;
    text_block(f, f.fonts.heading, f.word("topics_title"), w, f.pal.text, "topics_title");
    ImGui::Dummy(ImVec2(0, f.m.gap));
    // Two columns where the screen is wide enough, or short, so more topics show at once.
    const bool two = w > 1100 * f.m.scale * f.m.text_factor || (f.m.compact && w > 16 * f.fonts.body->FontSize);
    const int cols = two ? 2 : 1;
    const float cw = (w - (cols - 1) * f.m.gap) / cols;
    std::vector<const Topic*> topics;
    for (const auto& id : f.journey.pack().topic_order)
        if (const Topic* t = c.topic(id)) topics.push_back(t);
    for (size_t row = 0; row < topics.size(); row += cols) {
        float h = 0;  // cards in a row share the tallest one's height
        for (size_t i = row; i < std::min(topics.size(), row + cols); ++i) h = std::max(h, card_height(f, *topics[i], cw));
        for (size_t i = row; i < std::min(topics.size(), row + cols); ++i) {
            if (i != row) ImGui::SameLine(0, f.m.gap);
            if (topic_card(f, *topics[i], cw, h)) f.emit(Event::topic(topics[i]->id));
        }
        ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    }
}

}  // namespace dv::ui
