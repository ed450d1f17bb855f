// Touch widgets: buttons, answer options, wrapped text, pictograms and QR codes.
#include "widgets.hpp"

#include "core/icons.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace dv::ui {

namespace glyph {
const char* const back = "\xef\x81\xa0";       // U+F060 arrow-left
const char* const next = "\xef\x81\xa1";       // U+F061 arrow-right
const char* const text_size = "\xef\x80\xb4";  // U+F034 text-height
const char* const tick = "\xef\x80\x8c";       // U+F00C check
const char* const circle = "\xef\x84\x8c";     // U+F10C circle-o
const char* const square = "\xef\x82\x96";     // U+F096 square-o
const char* const up = "\xef\x81\xb7";         // U+F077 chevron-up
const char* const down = "\xef\x81\xb8";       // U+F078 chevron-down
const char* const hand = "\xef\x89\x96";       // U+F256 hand-paper-o
const char* const speaker = "\xef\x80\xa8";    // U+F028 volume-up
const char* const contrast = "\xef\x81\x82";   // U+F042 adjust
const char* const usb = "\xef\x8a\x87";        // U+F287 usb (staff screens)
const char* const trash = "\xef\x87\xb8";      // U+F1F8 trash
const char* const sign_out = "\xef\x82\x8b";   // U+F08B sign-out
const char* const grid = "\xef\x80\x8a";       // U+F00A th
const char* const upload = "\xef\x82\x93";     // U+F093 upload
const char* const plus = "\xef\x81\xa7";       // U+F067 plus (facilitator's hand counters)
const char* const minus = "\xef\x81\xa8";      // U+F068 minus
}  // namespace glyph

namespace {

constexpr ImWchar kInterfaceGlyphs[] = {0xF060, 0xF061, 0xF034, 0xF00C, 0xF10C, 0xF096,
                                        0xF077, 0xF078, 0xF256, 0xF028, 0xF042,
                                        0xF287, 0xF1F8, 0xF08B, 0xF00A, 0xF093, 0xF067, 0xF068};

std::string utf8_of(ImWchar cp) {
    std::string s;
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
    return s;
}

void record(Frame& f, const std::string& id, const char* kind, ImVec2 a, ImVec2 b, bool overflow,
            const std::string& text = {}, bool read = true) {
    WidgetInfo w;
    w.id = id, w.kind = kind, w.min = a, w.max = b, w.overflow = overflow, w.text = text, w.read = read;
    f.widgets.add(std::move(w));
}

void focus_ring(Frame& f, const std::string& id, ImVec2 a, ImVec2 b) {
    if (f.state.focus_id != id || !f.state.keyboard_used) return;
    if (f.state.scroll_to_focus) {
        ImGui::SetScrollHereY(0.5f);
        f.state.scroll_to_focus = false;
    }
    const float t = 5 * f.m.scale + 2;
    ImGui::GetWindowDrawList()->AddRect(ImVec2(a.x - t, a.y - t), ImVec2(b.x + t, b.y + t), f.pal.focus,
                                        f.m.rounding + t, 0, t);
}

}  // namespace

bool activated(Frame& f, const std::string& id, const std::string& spoken, bool tapped, ImVec2 a, ImVec2 b) {
    focus_ring(f, id, a, b);
    UiState& st = f.state;
    if (st.activate_focus && st.focus_id == id) {
        st.activate_focus = false;
        return true;  // a keyboard or switch user already heard it when it took the focus
    }
    // Read-aloud says what the item is as the finger goes down; the same tap, on release, chooses
    // it. (A page the tap leads to is then read as it appears.)
    if (f.journey.read_aloud() && ImGui::IsItemActivated() && !spoken.empty()) f.out.speak = spoken;
    return tapped;
}

const char* icon_glyph(const std::string& name) {
    // The names and code points are core's (core/icons.hpp); only the UTF-8 is made here.
    static std::vector<std::pair<std::string_view, std::string>> cache;
    if (cache.empty())
        for (const auto& e : known_icons()) cache.emplace_back(e.name, utf8_of(static_cast<ImWchar>(e.codepoint)));
    for (const auto& [n, g] : cache)
        if (n == name) return g.c_str();
    return "";
}

std::vector<ImWchar> icon_codepoints() {
    std::vector<ImWchar> out;
    for (const auto& e : known_icons()) out.push_back(static_cast<ImWchar>(e.codepoint));
    for (ImWchar c : kInterfaceGlyphs) out.push_back(c);
    return out;
}

float draw_wrapped(ImDrawList* dl, ImFont* font, ImVec2 pos, float width, const std::string& text, ImU32 colour,
                   bool centered, float size) {
    if (size <= 0) size = font->FontSize;
    const float scale = size / font->FontSize;
    const char* s = text.c_str();
    const char* end = s + text.size();
    float y = pos.y;
    width = std::max(width, size);
    while (s < end) {
        const char* nl = static_cast<const char*>(memchr(s, '\n', static_cast<size_t>(end - s)));
        const char* para_end = nl ? nl : end;
        if (s == para_end) {  // an empty line between paragraphs
            y += size * 0.6f;
            s = para_end + 1;
            continue;
        }
        while (s < para_end) {
            const char* wrap = font->CalcWordWrapPositionA(scale, s, para_end, width);
            if (wrap == s) wrap = s + 1;  // a single glyph wider than the box: take it anyway
            const float w = font->CalcTextSizeA(size, FLT_MAX, 0, s, wrap).x;
            const float x = centered ? pos.x + std::max(0.0f, (width - w) * 0.5f) : pos.x;
            if (dl) dl->AddText(font, size, ImVec2(x, y), colour, s, wrap);
            y += size * 1.25f;
            s = wrap;
            while (s < para_end && (*s == ' ')) ++s;
        }
        s = para_end < end ? para_end + 1 : end;
    }
    return y - pos.y;
}

float text_height(ImFont* font, const std::string& text, float wrap_width, float size) {
    return draw_wrapped(nullptr, font, ImVec2(0, 0), wrap_width, text, 0, false, size);
}

static float max_line_width(ImFont* font, const std::string& text, float width, float size = 0) {
    // The widest line once wrapped: tells whether a single word is wider than the box.
    if (size <= 0) size = font->FontSize;
    const float scale = size / font->FontSize;
    float widest = 0;
    const char* s = text.c_str();
    const char* end = s + text.size();
    while (s < end) {
        const char* nl = static_cast<const char*>(memchr(s, '\n', static_cast<size_t>(end - s)));
        const char* para_end = nl ? nl : end;
        while (s < para_end) {
            const char* wrap = font->CalcWordWrapPositionA(scale, s, para_end, std::max(width, size));
            if (wrap == s) wrap = s + 1;
            widest = std::max(widest, font->CalcTextSizeA(size, FLT_MAX, 0, s, wrap).x);
            s = wrap;
            while (s < para_end && *s == ' ') ++s;
        }
        s = para_end < end ? para_end + 1 : end;
    }
    return widest;
}

void text_block(Frame& f, ImFont* font, const std::string& text, float wrap_width, ImU32 colour, const char* id,
                bool centered, float size) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = draw_wrapped(ImGui::GetWindowDrawList(), font, pos, wrap_width, text, colour, centered, size);
    ImGui::Dummy(ImVec2(wrap_width, h));
    if (id) {
        const bool overflow = max_line_width(font, text, wrap_width, size) > wrap_width + 0.5f;
        record(f, id, "text", pos, ImVec2(pos.x + wrap_width, pos.y + h), overflow, text);
    }
}

bool button(Frame& f, const std::string& id, const std::string& label, ImVec2 size, ButtonKind kind,
            const std::string& icon, bool enabled, ImFont* font, bool read, const std::string& spoken) {
    const std::string& words = spoken.empty() ? label : spoken;
    if (!font) font = f.fonts.bold;
    ImGui::PushID(id.c_str());
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 b(a.x + size.x, a.y + size.y);
    ImGui::BeginDisabled(!enabled);
    const bool tapped = ImGui::InvisibleButton("##b", size) && enabled;
    ImGui::EndDisabled();
    const bool held = ImGui::IsItemActive();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 fill = f.pal.surface, fg = f.pal.primary, border = f.pal.secondary_border;
    switch (kind) {
        case ButtonKind::Primary: fill = f.pal.primary, fg = f.pal.on_primary, border = f.pal.primary; break;
        case ButtonKind::Secondary: break;
        case ButtonKind::Quiet: fill = f.pal.background, border = f.pal.background; break;
    }
    if (!enabled) fill = f.pal.disabled, fg = f.pal.on_disabled, border = f.pal.disabled;
    const float r = f.m.rounding;
    const float bw = std::max(2.0f, 3 * f.m.scale);
    dl->AddRectFilled(a, b, fill, r);
    if (border != fill) dl->AddRect(a, b, border, r, 0, bw);
    if (held) dl->AddRectFilled(a, b, IM_COL32(0, 0, 0, 40), r);
    const bool pressed = activated(f, id, words, tapped, a, b) && enabled;

    // The words must fit: on a narrow button the pictogram goes first, then the words shrink a
    // little (never below 85 %), then they wrap, or on a thin button shrink onto one line.
    const float padx = std::min(18 * f.m.scale + font->FontSize * 0.3f, size.x * 0.15f);
    const float inner_w = size.x - 2 * padx;
    std::string text = icon.empty() ? label : icon + "  " + label;
    if (!icon.empty() && font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x > inner_w) text = label;
    float text_size = font->FontSize;
    const float one_line = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x;
    if (one_line > inner_w) text_size = std::max(font->FontSize * 0.85f, font->FontSize * inner_w / one_line);
    float th = text_height(font, text, inner_w, text_size);
    // A thin button (a short screen's footer) has no room for two lines: shrink to one, to 60 %.
    if (th > size.y && one_line > inner_w) {
        text_size = std::max(font->FontSize * 0.6f, font->FontSize * inner_w / one_line * 0.97f);
        th = text_height(font, text, inner_w, text_size);
    }
    const float ty = a.y + std::max(0.0f, (size.y - th) * 0.5f);
    ImGui::PushClipRect(a, b, true);
    draw_wrapped(dl, font, ImVec2(a.x + padx, ty), inner_w, text, fg, true, text_size);
    ImGui::PopClipRect();
    const bool overflow = th > size.y + 0.5f || max_line_width(font, text, inner_w, text_size) > inner_w + 0.5f;
    record(f, id, "button", a, b, overflow, words, read);
    ImGui::PopID();
    return pressed;
}

namespace {
struct OptionLayout {
    float size, pad, marker, text_w, text_h, height;
    std::string text;
};

OptionLayout option_layout(const Frame& f, const std::string& label, float width, const std::string& icon,
                           float text_scale) {
    ImFont* font = f.fonts.body;
    OptionLayout l;
    l.size = font->FontSize * text_scale;
    l.pad = (f.m.compact ? 12 : 22) * f.m.scale + l.size * 0.2f;
    l.marker = l.size * 1.1f;
    l.text = icon.empty() ? label : icon + "  " + label;
    l.text_w = width - 3 * l.pad - l.marker;
    l.text_h = text_height(font, l.text, l.text_w, l.size);
    l.height = std::max(f.m.option_h, l.text_h + 2 * l.pad * (f.m.compact ? 0.6f : 0.8f));
    return l;
}
}  // namespace

float option_height(const Frame& f, const std::string& label, float width, const std::string& icon, float text_scale) {
    return option_layout(f, label, width, icon, text_scale).height;
}

bool option_button(Frame& f, const std::string& id, const std::string& label, float width, bool selected,
                   bool multi, const std::string& icon, float min_height, float text_scale) {
    ImFont* font = f.fonts.body;
    const float s = f.m.scale;
    const OptionLayout l = option_layout(f, label, width, icon, text_scale);
    const float pad = l.pad, marker = l.marker, text_w = l.text_w, th = l.text_h;
    const std::string& text = l.text;
    const float h = std::max(l.height, min_height);

    ImGui::PushID(id.c_str());
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 b(a.x + width, a.y + h);
    const bool tapped = ImGui::InvisibleButton("##o", ImVec2(width, h));
    const bool held = ImGui::IsItemActive();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 fill = selected ? f.pal.selected : f.pal.surface;
    const ImU32 fg = selected ? f.pal.on_selected : f.pal.text;
    const float r = f.m.rounding;
    dl->AddRectFilled(a, b, fill, r);
    dl->AddRect(a, b, selected ? f.pal.selected : f.pal.secondary_border, r, 0, std::max(2.0f, 3 * s));
    if (held) dl->AddRectFilled(a, b, IM_COL32(0, 0, 0, 40), r);
    const bool pressed = activated(f, id, label, tapped, a, b);

    // The indicator: a ring or box, filled with a tick when chosen.
    const ImVec2 mc(a.x + pad + marker * 0.5f, a.y + h * 0.5f);
    const float mr = marker * 0.5f;
    const ImU32 mcol = selected ? f.pal.on_selected : f.pal.primary;
    const float lw = std::max(2.0f, 3.5f * s);
    if (multi)
        dl->AddRect(ImVec2(mc.x - mr, mc.y - mr), ImVec2(mc.x + mr, mc.y + mr), mcol, 6 * s, 0, lw);
    else
        dl->AddCircle(mc, mr, mcol, 32, lw);
    if (selected) {
        const float k = mr * 0.55f;
        const ImVec2 p1(mc.x - k, mc.y), p2(mc.x - k * 0.25f, mc.y + k * 0.7f), p3(mc.x + k, mc.y - k * 0.7f);
        dl->AddLine(p1, p2, mcol, lw * 1.3f);
        dl->AddLine(p2, p3, mcol, lw * 1.3f);
    }
    const float tx = a.x + 2 * pad + marker;
    draw_wrapped(dl, font, ImVec2(tx, a.y + (h - th) * 0.5f), text_w, text, fg, false, l.size);
    record(f, id, "button", a, b, max_line_width(font, text, text_w, l.size) > text_w + 0.5f, label);
    ImGui::PopID();
    return pressed;
}

void draw_qr(ImDrawList* dl, const std::vector<std::uint8_t>& modules, int size, ImVec2 pos, float side) {
    const int quiet = 4;
    // Whole pixels per module: blurred module edges make phones misread codes on screens.
    const float cell = std::max(1.0f, std::floor(side / static_cast<float>(size + 2 * quiet)));
    pos = ImVec2(std::floor(pos.x), std::floor(pos.y));
    const float drawn = cell * static_cast<float>(size + 2 * quiet);
    dl->AddRectFilled(pos, ImVec2(pos.x + drawn, pos.y + drawn), IM_COL32(255, 255, 255, 255));
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            if (!modules[static_cast<size_t>(y * size + x)]) continue;
            const ImVec2 a(pos.x + (x + quiet) * cell, pos.y + (y + quiet) * cell);
            dl->AddRectFilled(a, ImVec2(a.x + cell, a.y + cell), IM_COL32(0, 0, 0, 255));
        }
    }
}

void centre_next(float w) {
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - w) * 0.5f);
}

void begin_full_screen(Frame& f, const char* id) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(f.display);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, f.pal.background);
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
}

void end_full_screen() {
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

void begin_content_column(Frame& f, const char* id, float header_h, float max_w) {
    const float top = header_h + f.m.gap;
    const float w = std::min(f.display.x - 2 * f.m.pad, max_w);
    ImGui::SetCursorScreenPos(ImVec2((f.display.x - w) * 0.5f, top));
    ImGui::BeginChild(id, ImVec2(w, f.display.y - top - f.m.gap), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollWithMouse);
}

}  // namespace dv::ui
