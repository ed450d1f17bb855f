// The frame around every visitor screen: header, scrolling content column, footer.
#include "screens.hpp"

#include "core/text.hpp"

#include <imgui_internal.h>

#include <algorithm>

namespace dv::ui {

namespace {

struct FooterButtons {
    bool back = false, skip = false, next = false, next_enabled = true;
    const char* next_word = "next";
};

// Which buttons the footer has, and whether Next is usable, is the journey's to say
// (journey.hpp invariant 5); only their words are the UI's.
FooterButtons footer_for(const Journey& j) {
    FooterButtons b;
    b.back = j.can_go_back();
    b.skip = j.can_skip();
    b.next = j.offers_next();
    b.next_enabled = j.can_go_next();
    if (j.screen() == Screen::Welcome) b.next_word = "start";
    return b;
}

void draw_header(Frame& f) {
    const Journey& j = f.journey;
    const float h = f.m.header_h;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(f.display.x, h), f.pal.header);
    dl->AddLine(ImVec2(0, h), ImVec2(f.display.x, h), f.pal.disabled, std::max(1.0f, 2 * f.m.scale));

    const float bh = std::min(h, std::max(f.m.min_target, h - 2 * (f.m.compact ? 6 : 14) * f.m.scale));
    const float by = (h - bh) * 0.5f;
    const float pad = f.m.pad;
    ImFont* font = f.fonts.bold;
    const float label_pad = 2 * (18 * f.m.scale + font->FontSize * 0.3f) + 4;
    auto width_of = [&](const std::string& label) {
        return std::max(f.m.min_target, font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str()).x + label_pad);
    };

    // Right to left: finish, text size and read aloud (there whenever the app found a sound
    // device to read through: Frame::read_aloud_offered). When the words do not
    // fit (small screens, large text) the two tools keep only their pictograms, and then the
    // step count gives way; the progress bar stays.
    const bool reading = j.read_aloud();
    const bool finish = j.screen() != Screen::ThankYou && j.screen() != Screen::Welcome;
    const std::string finish_label = f.word("finish");
    const std::string size_words = f.word("text_size");
    const std::string read_words = f.word(reading ? "stop_reading" : "read_aloud");
    const std::string size_full = std::string(glyph::text_size) + "  " + size_words;
    const std::string read_full = std::string(glyph::speaker) + "  " + read_words;
    const std::string progress = j.step_count() > 0 && j.step_number() > 0
                                     ? fill(f.word("question_progress"), {{"n", std::to_string(j.step_number())},
                                                                          {"total", std::to_string(j.step_count())}})
                                     : std::string();
    ImFont* sf = f.fonts.body;
    const float progress_w = progress.empty() ? 0 : sf->CalcTextSizeA(sf->FontSize, FLT_MAX, 0, progress.c_str()).x + f.m.gap;
    const float avail = f.display.x - 2 * pad;
    auto tools_width = [&](bool words) {
        return (finish ? width_of(finish_label) + f.m.gap : 0) + width_of(words ? size_full : glyph::text_size) +
               (f.read_aloud_offered ? width_of(words ? read_full : glyph::speaker) : 0) + f.m.gap;
    };
    const bool words = tools_width(true) + progress_w <= avail;
    const bool show_progress = tools_width(words) + progress_w <= avail;

    float x = f.display.x - pad;
    auto header_button = [&](const char* id, const std::string& label, const std::string& spoken, ButtonKind kind) {
        const float w = width_of(label);
        x -= w;
        ImGui::SetCursorScreenPos(ImVec2(x, by));
        const bool pressed = button(f, id, label, ImVec2(w, bh), kind, {}, true, nullptr, false, spoken);
        x -= f.m.gap;
        return pressed;
    };
    if (finish && header_button("finish", finish_label, {}, ButtonKind::Secondary)) f.emit(Event::of(Event::Kind::Finish));
    if (header_button("text_size", words ? size_full : glyph::text_size, size_words, ButtonKind::Secondary)) {
        const int next = (static_cast<int>(j.text_size()) + 1) % 3;
        f.emit(Event::text_size(static_cast<TextSize>(next)));
    }
    if (f.read_aloud_offered && header_button("read_aloud", words ? read_full : glyph::speaker, read_words,
                      reading ? ButtonKind::Primary : ButtonKind::Secondary))
        f.emit(Event::read_aloud(!reading));
    // Left: where the visitor is in this topic.
    if (!progress.empty()) {
        const float ty = (h - sf->FontSize) * 0.5f;
        if (show_progress) dl->AddText(sf, sf->FontSize, ImVec2(pad, ty), f.pal.text_muted, progress.c_str());
        // A thin progress bar under the header.
        const float frac = static_cast<float>(j.step_number()) / static_cast<float>(j.step_count());
        dl->AddRectFilled(ImVec2(0, h - 6 * f.m.scale), ImVec2(f.display.x * frac, h), f.pal.primary);
    }
}

// The footer's shape: one row of three slots (back | skip | next), or, when a language's words
// are too long for a narrow screen, back and skip above a full-width next.
struct FooterLayout {
    bool two_rows = false;
    float height = 0;
    float slot = 0;
};

FooterLayout footer_layout(const Frame& f, const FooterButtons& b) {
    FooterLayout l;
    const float avail = f.display.x - 2 * f.m.pad;
    l.slot = (avail - 2 * f.m.gap) / 3.0f;
    ImFont* font = f.fonts.bold;
    const float room = l.slot - 2 * std::min(18 * f.m.scale + font->FontSize * 0.3f, l.slot * 0.15f);
    auto fits = [&](const char* key) {  // buttons may shrink their words to 85 % before wrapping
        return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, f.word(key).c_str()).x * 0.85f <= room;
    };
    l.two_rows = (b.back && !fits("back")) || (b.skip && !fits("skip")) || (b.next && !fits(b.next_word));
    l.height = l.two_rows ? 2 * f.m.button_h + 3 * f.m.gap : f.m.footer_h;
    return l;
}

void draw_footer(Frame& f, const FooterButtons& b) {
    const FooterLayout l = footer_layout(f, b);
    const float top = f.display.y - l.height;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, top), ImVec2(f.display.x, f.display.y), f.pal.header);
    dl->AddLine(ImVec2(0, top), ImVec2(f.display.x, top), f.pal.disabled, std::max(1.0f, 2 * f.m.scale));
    const float bh = f.m.button_h;
    const float pad = f.m.pad;
    const float avail = f.display.x - 2 * pad;
    // Next is on the right where a thumb reaches (or across the whole bottom row).
    const float y = l.two_rows ? top + f.m.gap : top + (l.height - bh) * 0.5f;
    const float half = (avail - f.m.gap) / 2;
    const ImVec2 back_at(pad, y), skip_at(l.two_rows ? pad + half + f.m.gap : pad + l.slot + f.m.gap, y);
    const ImVec2 next_at = l.two_rows ? ImVec2(pad, y + bh + f.m.gap) : ImVec2(pad + 2 * (l.slot + f.m.gap), y);
    const float small_w = l.two_rows ? half : l.slot, next_w = l.two_rows ? avail : l.slot;
    if (b.back) {
        ImGui::SetCursorScreenPos(back_at);
        if (button(f, "back", f.word("back"), ImVec2(small_w, bh), ButtonKind::Secondary, glyph::back))
            f.emit(Event::of(Event::Kind::Back));
    }
    if (b.skip) {
        ImGui::SetCursorScreenPos(skip_at);
        if (button(f, "skip", f.word("skip"), ImVec2(small_w, bh), ButtonKind::Secondary))
            f.emit(Event::of(Event::Kind::Skip));
    }
    if (b.next) {
        ImGui::SetCursorScreenPos(next_at);
        // The arrow only where it fits beside the word.
        ImFont* font = f.fonts.bold;
        const std::string with_arrow = f.word(b.next_word) + "  " + glyph::next;
        const float room = next_w - 2 * std::min(18 * f.m.scale + font->FontSize * 0.3f, next_w * 0.15f);
        const std::string label = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, with_arrow.c_str()).x <= room
                                      ? with_arrow
                                      : f.word(b.next_word);
        if (button(f, "next", label, ImVec2(next_w, bh), ButtonKind::Primary, {}, b.next_enabled))
            f.emit(Event::of(Event::Kind::Next));
    }
}

void draw_screen(Frame& f) {
    if (asks_question(f.journey.screen())) return screen_question(f);  // every screen with answers
    switch (f.journey.screen()) {
        case Screen::Welcome: screen_welcome(f); break;
        case Screen::Topics: screen_topics(f); break;
        case Screen::Explainer:
        case Screen::Closing: screen_explainer(f); break;
        case Screen::Pause: screen_pause(f); break;
        case Screen::KnowledgeAnswers: screen_knowledge_answers(f); break;
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
    const float bottom = f.display.y - (has_footer ? footer_layout(f, fb).height : 0) - f.m.gap;
    UiState& st = f.state;
    // Room for the scroll arrows is kept only when the content needs them. A new page is first
    // laid out without them; if it turns out taller than the column, the next frame reserves
    // the room (and the UI reports itself unsettled until then, so nothing taps stale places).
    const float arrows_w = std::max({f.m.min_target, f.m.button_h * 0.8f, f.fonts.bold->FontSize * 1.6f}) + f.m.gap;
    const bool reserve = st.content_overflows && !moved;
    const float w = std::min(f.m.content_w, f.display.x - 2 * f.m.pad - (reserve ? arrows_w : 0));
    const float x = (f.display.x - w - (reserve ? arrows_w : 0)) * 0.5f;  // column and arrows centred together
    const float column_h = bottom - top;

    ImGui::SetCursorScreenPos(ImVec2(x, top));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("content", ImVec2(w, column_h), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollWithMouse);
    if (moved) {
        ImGui::SetScrollY(0);
        st.scroll_request = 0;
    } else if (st.scroll_request != 0) {
        ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + st.scroll_request, 0.0f, st.scroll_max));
        st.scroll_request = 0;
    }
    // Dragging on empty space scrolls too.
    if (ImGui::IsWindowHovered() && ImGui::IsMouseDragging(ImGuiMouseButton_Left) && !ImGui::IsAnyItemActive())
        ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
    draw_screen(f);
    // This frame's own measure of the content (ImGui's scroll limits lag a frame behind).
    const ImGuiWindow* child = ImGui::GetCurrentWindow();
    const float content_h = child->DC.CursorMaxPos.y - child->DC.CursorStartPos.y;
    const float scroll = moved ? 0.0f : ImGui::GetScrollY();
    ImGui::EndChild();
    ImGui::PopStyleVar();

    st.scroll_max = std::max(0.0f, content_h - column_h);
    st.content_overflows = st.scroll_max > 0.5f;
    if (st.content_overflows != reserve) f.out.layout_settling = true;
    if (reserve && st.content_overflows) {
        const float bw = std::max(f.m.min_target, arrows_w - f.m.gap);
        const float ax = x + w + f.m.gap;
        const float step = (bottom - top) * 0.6f;
        ImGui::SetCursorScreenPos(ImVec2(ax, top));
        if (button(f, "scroll_up", glyph::up, ImVec2(bw, bw), ButtonKind::Secondary, {}, scroll > 0.5f))
            st.scroll_request = -step;
        ImGui::SetCursorScreenPos(ImVec2(ax, bottom - bw));
        if (button(f, "scroll_down", glyph::down, ImVec2(bw, bw), ButtonKind::Primary, {}, scroll < st.scroll_max - 0.5f))
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

namespace {
// Any touch, scroll or drag is the visitor being there, even where it chooses nothing
// (journey.hpp invariant 6).
bool touched(const ImGuiIO& io) {
    return io.MouseClicked[0] || io.MouseReleased[0] || io.MouseWheel != 0 ||
           (io.MouseDown[0] && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0));
}
}  // namespace

void draw_visitor_frame(Frame& f) {
    if (f.journey.screen() == Screen::Attract && f.state.last_screen != Screen::Attract) {
        // A new visitor: forget the last one's focus, scroll and read-aloud taps.
        f.state = UiState{};
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
    if (f.journey.still_there_showing())
        overlay_still_there(f);
    else if (f.journey.leave_asking())
        overlay_leave(f);
    if (touched(ImGui::GetIO()) && f.out.events.empty()) f.emit(Event::of(Event::Kind::Activity));
    remember_focus_order(f, new_page);
    f.state.last_screen = f.journey.screen();
    f.state.last_step = f.journey.step_number();
}

}  // namespace dv::ui
