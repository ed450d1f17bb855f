// The frame around every visitor screen: header, scrolling content column, footer.
#include "screens.hpp"

#include "core/text.hpp"

#include <algorithm>

namespace dv::ui {

namespace {

struct FooterButtons {
    bool back = false, skip = false, next = false, next_enabled = true;
    const char* next_word = "next";
};

FooterButtons footer_for(const Journey& j) {
    FooterButtons b;
    switch (j.screen()) {
        case Screen::Welcome: b.back = true, b.next = true, b.next_word = "start"; break;
        case Screen::Topics: b.back = true; break;
        case Screen::Explainer:
        case Screen::Closing:
        case Screen::ScenarioIntro:
        case Screen::Results: b.back = true, b.next = true; break;
        case Screen::Question:
        case Screen::FirstView:
        case Screen::SecondView:
            b.back = true, b.skip = true, b.next = true;
            b.next_enabled = !j.draft().empty() || !j.draft_text().empty();
            break;
        case Screen::Card: b.back = true, b.skip = true, b.next = true; break;
        default: break;
    }
    return b;
}

void draw_header(Frame& f) {
    const Journey& j = f.journey;
    const float h = f.m.header_h;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(f.display.x, h), f.pal.header);
    dl->AddLine(ImVec2(0, h), ImVec2(f.display.x, h), f.pal.disabled, std::max(1.0f, 2 * f.m.scale));

    const float bh = h - 2 * 14 * f.m.scale;
    const float by = (h - bh) * 0.5f;
    const float pad = f.m.pad;
    ImFont* font = f.fonts.bold;

    // Right to left: finish, text size and read aloud (always there).
    float x = f.display.x - pad;
    auto header_button = [&](const char* id, const std::string& label, ButtonKind kind) {
        const float w = std::max(f.m.min_target, font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str()).x +
                                                     2 * (18 * f.m.scale + font->FontSize * 0.3f) + 4);
        x -= w;
        ImGui::SetCursorScreenPos(ImVec2(x, by));
        const bool pressed = button(f, id, label, ImVec2(w, bh), kind);
        x -= f.m.gap;
        return pressed;
    };
    if (j.screen() != Screen::ThankYou && j.screen() != Screen::Welcome)
        if (header_button("finish", f.word("finish"), ButtonKind::Secondary)) f.emit(Event::of(Event::Kind::Finish));
    if (header_button("text_size", std::string(glyph::text_size) + "  " + f.word("text_size"), ButtonKind::Secondary)) {
        const int next = (static_cast<int>(j.text_size()) + 1) % 3;
        f.emit(Event::text_size(static_cast<TextSize>(next)));
    }
    const bool reading = j.read_aloud();
    if (header_button("read_aloud", std::string(glyph::speaker) + "  " + f.word(reading ? "stop_reading" : "read_aloud"),
                      reading ? ButtonKind::Primary : ButtonKind::Secondary))
        f.emit(Event::read_aloud(!reading));
    // Left: where the visitor is in this topic.
    if (j.step_count() > 0 && j.step_number() > 0) {
        const std::string progress = fill(f.word("question_progress"), {{"n", std::to_string(j.step_number())},
                                                                         {"total", std::to_string(j.step_count())}});
        ImFont* sf = f.fonts.body;
        const float ty = (h - sf->FontSize) * 0.5f;
        dl->AddText(sf, sf->FontSize, ImVec2(pad, ty), f.pal.text_muted, progress.c_str());
        // A thin progress bar under the header.
        const float frac = static_cast<float>(j.step_number()) / static_cast<float>(j.step_count());
        dl->AddRectFilled(ImVec2(0, h - 6 * f.m.scale), ImVec2(f.display.x * frac, h), f.pal.primary);
    }
}

void draw_footer(Frame& f, const FooterButtons& b) {
    const float top = f.display.y - f.m.footer_h;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, top), ImVec2(f.display.x, f.display.y), f.pal.header);
    dl->AddLine(ImVec2(0, top), ImVec2(f.display.x, top), f.pal.disabled, std::max(1.0f, 2 * f.m.scale));
    const float bh = f.m.button_h;
    const float y = top + (f.m.footer_h - bh) * 0.5f;
    const float pad = f.m.pad;
    const float avail = f.display.x - 2 * pad;
    // Three slots: back | skip | next. Next is the widest, on the right where a thumb reaches.
    const float slot = (avail - 2 * f.m.gap) / 3.0f;
    if (b.back) {
        ImGui::SetCursorScreenPos(ImVec2(pad, y));
        if (button(f, "back", f.word("back"), ImVec2(slot, bh), ButtonKind::Secondary, glyph::back))
            f.emit(Event::of(Event::Kind::Back));
    }
    if (b.skip) {
        ImGui::SetCursorScreenPos(ImVec2(pad + slot + f.m.gap, y));
        if (button(f, "skip", f.word("skip"), ImVec2(slot, bh), ButtonKind::Secondary))
            f.emit(Event::of(Event::Kind::Skip));
    }
    if (b.next) {
        ImGui::SetCursorScreenPos(ImVec2(pad + 2 * (slot + f.m.gap), y));
        const std::string label = f.word(b.next_word) + "  " + glyph::next;
        if (button(f, "next", label, ImVec2(slot, bh), ButtonKind::Primary, {}, b.next_enabled))
            f.emit(Event::of(Event::Kind::Next));
    }
}

void draw_screen(Frame& f) {
    switch (f.journey.screen()) {
        case Screen::Welcome: screen_welcome(f); break;
        case Screen::Topics: screen_topics(f); break;
        case Screen::Explainer:
        case Screen::Closing: screen_explainer(f); break;
        case Screen::Question:
        case Screen::FirstView:
        case Screen::SecondView: screen_question(f); break;
        case Screen::ScenarioIntro: screen_scenario(f); break;
        case Screen::Card: screen_card(f); break;
        case Screen::Results: screen_results(f); break;
        case Screen::ThankYou: screen_thank_you(f); break;
        default: break;
    }
}

// The content column scrolls when a visitor's text size makes it taller than the screen;
// big arrow buttons do the scrolling, since a touchscreen has no wheel.
void draw_content(Frame& f, bool moved) {
    const float top = f.m.header_h + f.m.gap;
    const FooterButtons fb = footer_for(f.journey);
    const bool has_footer = fb.back || fb.skip || fb.next;
    const float bottom = f.display.y - (has_footer ? f.m.footer_h : 0) - f.m.gap;
    UiState& st = f.state;
    // Room for the scroll arrows is kept only when the content needs them.
    const float arrows_w = std::max(f.m.min_target, f.m.button_h * 0.8f) + f.m.gap;
    const bool reserve = st.content_overflows && !moved;
    const float w = std::min(f.m.content_w, f.display.x - 2 * f.m.pad - (reserve ? arrows_w : 0));
    const float x = (f.display.x - w - (reserve ? arrows_w : 0)) * 0.5f;  // column and arrows centred together

    ImGui::SetCursorScreenPos(ImVec2(x, top));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("content", ImVec2(w, bottom - top), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollWithMouse);
    if (moved) {
        ImGui::SetScrollY(0);
        st.scroll_request = 0;
    } else if (st.scroll_request != 0) {
        ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + st.scroll_request, 0.0f, ImGui::GetScrollMaxY()));
        st.scroll_request = 0;
    }
    // Dragging on empty space scrolls too.
    if (ImGui::IsWindowHovered() && ImGui::IsMouseDragging(ImGuiMouseButton_Left) && !ImGui::IsAnyItemActive())
        ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
    draw_screen(f);
    const float scroll = ImGui::GetScrollY();
    const float scroll_max = ImGui::GetScrollMaxY();
    ImGui::EndChild();
    ImGui::PopStyleVar();

    st.content_overflows = scroll_max > 0.5f;
    if (reserve && st.content_overflows) {
        const float bw = std::max(f.m.min_target, arrows_w - f.m.gap);
        const float ax = x + w + f.m.gap;
        const float step = (bottom - top) * 0.6f;
        ImGui::SetCursorScreenPos(ImVec2(ax, top));
        if (button(f, "scroll_up", glyph::up, ImVec2(bw, bw), ButtonKind::Secondary, {}, scroll > 0.5f))
            st.scroll_request = -step;
        ImGui::SetCursorScreenPos(ImVec2(ax, bottom - bw));
        if (button(f, "scroll_down", glyph::down, ImVec2(bw, bw), ButtonKind::Primary, {}, scroll < scroll_max - 0.5f))
            st.scroll_request = step;
    }
}

// Tab and Shift+Tab move the focus through last frame's buttons; Enter or Space chooses the
// focused one. With read-aloud on, the newly focused button is read out.
void keyboard_focus(Frame& f) {
    UiState& st = f.state;
    const ImGuiIO& io = ImGui::GetIO();
    st.activate_focus = false;
    const auto& order = st.focus_order;
    auto it = std::find_if(order.begin(), order.end(), [&](const auto& w) { return w.first == st.focus_id; });
    if (it == order.end()) st.focus_id.clear();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Tab), false) && !order.empty()) {
        st.keyboard_used = true;
        const size_t n = order.size();
        const size_t i = it == order.end() ? (io.KeyShift ? n - 1 : 0)
                                           : (static_cast<size_t>(it - order.begin()) + (io.KeyShift ? n - 1 : 1)) % n;
        st.focus_id = order[i].first;
        st.scroll_to_focus = true;
        if (f.journey.read_aloud()) f.out.speak = order[i].second;
    }
    if (!st.focus_id.empty() && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                                 ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)))
        st.activate_focus = true;
}

// Tab order: the page's own buttons (answers, topics) first, then the footer, then the header.
// On a new page the focus starts on its first answer, or on Next when it has none.
void remember_focus_order(Frame& f, bool new_page) {
    UiState& st = f.state;
    auto group = [](const WidgetInfo& w) {
        if (w.read) return 0;
        if (w.id == "read_aloud" || w.id == "text_size" || w.id == "finish") return 2;
        return 1;
    };
    st.focus_order.clear();
    for (int g = 0; g < 3; ++g)
        for (const auto& w : f.widgets.all())
            if (w.kind == "button" && w.visible() && group(w) == g) st.focus_order.emplace_back(w.id, w.text);
    if (!new_page) return;
    st.focus_id.clear();
    for (const auto& w : f.widgets.all())
        if (w.kind == "button" && w.visible() && group(w) == 0) {
            st.focus_id = w.id;
            return;
        }
    for (const char* fallback : {"next", "still_here", "another_topic"})
        if (f.widgets.find(fallback)) {
            st.focus_id = fallback;
            return;
        }
}

}  // namespace

void draw_visitor_frame(Frame& f) {
    if (f.journey.screen() == Screen::Attract && f.state.last_screen != Screen::Attract) {
        // A new visitor: forget the last one's focus, scroll and read-aloud taps.
        auto qr = std::move(f.state.qr_cache);
        f.state = UiState{};
        f.state.qr_cache = std::move(qr);
    }
    const bool new_page = f.journey.screen() != f.state.last_screen || f.journey.step_number() != f.state.last_step;
    keyboard_focus(f);
    const Screen s = f.journey.screen();
    // The background is the cleared frame itself: no full-screen fill to draw.
    f.out.clear_colour = s == Screen::Attract ? f.pal.primary : f.pal.background;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(f.display);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("visitor", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoBackground);
    if (s == Screen::Attract) {
        screen_attract(f);
    } else if (s == Screen::Resting) {
        screen_resting(f);
    } else {
        draw_header(f);
        draw_content(f, new_page);
        const FooterButtons fb = footer_for(f.journey);
        if (fb.back || fb.skip || fb.next) draw_footer(f, fb);
    }
    ImGui::End();
    ImGui::PopStyleVar();
    if (f.journey.still_there_showing()) overlay_still_there(f);
    remember_focus_order(f, new_page);
    f.state.last_screen = f.journey.screen();
    f.state.last_step = f.journey.step_number();
}

}  // namespace dv::ui
