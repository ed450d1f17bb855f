// The on-screen keyboard and the box that shows what has been typed (keyboard.hpp).
#include "keyboard.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

namespace dv::ui {

namespace {

// The letters beyond a-z that a language's own words use, lower case, in alphabet order
// (by base letter: ą after a). Read from the pack, so any Latin-script language gets its keys.
std::vector<char32_t> extra_letters_of(const LanguageContent& lang) {
    std::set<char32_t> found;
    auto scan = [&found](const std::string& s) {
        for (char32_t c : decode_utf8(s)) {
            const char32_t lower = latin_lower(c);
            if (lower >= 0xC0 && latin_base(lower) != lower) found.insert(lower);
        }
    };
    for (const auto& [key, value] : lang.ui) scan(value);
    for (const auto& e : lang.explainers) scan(e.title), scan(e.text);
    for (const auto& q : lang.questions) {
        scan(q.text);
        for (const auto& o : q.options) scan(o.label);
    }
    for (const auto& s : lang.scenarios) {
        scan(s.text);
        for (const auto& c : s.cards) scan(c.text);
    }
    std::vector<char32_t> out(found.begin(), found.end());
    std::stable_sort(out.begin(), out.end(), [](char32_t a, char32_t b) { return latin_base(a) < latin_base(b); });
    return out;
}

std::string utf8(char32_t c) {
    std::string s;
    append_utf8(s, c);
    return s;
}

bool ends_a_sentence(const std::string& text) {
    const std::string t = trim(text);
    return t.empty() || t.back() == '.' || t.back() == '?' || t.back() == '!';
}

std::string without_last_character(const std::string& text) {
    std::vector<char32_t> cps = decode_utf8(text);
    if (!cps.empty()) cps.pop_back();
    std::string out;
    for (char32_t c : cps) append_utf8(out, c);
    return out;
}

struct Key {
    std::string id, label;
    float units = 1;            // width in key widths
    std::string insert;         // what the key types; empty for the function keys
    bool primary = false;
};

using Row = std::vector<Key>;

Key char_key(char32_t c, bool upper, const ImFont* font) {
    char32_t shown = c;
    if (upper) {
        const char32_t u = latin_upper(c);
        // A capital the font atlas lacks would show as '?': keep the small letter then.
        if (u <= 0xFFFF && font->FindGlyphNoFallback(static_cast<ImWchar>(u))) shown = u;
    }
    return {key_id(c), utf8(shown), 1, utf8(shown), false};
}

Row letters(const char* ascii, bool upper, const ImFont* font) {
    Row row;
    for (const char* p = ascii; *p; ++p) row.push_back(char_key(static_cast<char32_t>(*p), upper, font));
    return row;
}

std::vector<Row> layout(Frame& f, bool upper, bool numbers, const std::vector<char32_t>& extra) {
    const ImFont* font = f.fonts.bold;
    const Key del{"key_delete", f.word("key_delete"), 1.5f, {}, false};
    const Key space{"key_space", f.word("key_space"), 4.5f, " ", false};
    std::vector<Row> rows;
    if (numbers) {
        rows.push_back(letters("1234567890", false, font));
        rows.push_back(letters("-/:;()&\"!%", false, font));
        Row r3 = letters("#*+=_", false, font);
        r3.push_back(char_key(0xA3, false, font));  // £
        r3.push_back(char_key(0x20AC, false, font));  // €
        r3.push_back(del);
        rows.push_back(r3);
        rows.push_back({{"key_numbers", "abc", 1.5f, {}, false}, char_key(',', false, font), space,
                        char_key('.', false, font), char_key('?', false, font), char_key('\'', false, font)});
        return rows;
    }
    rows.push_back(letters("qwertyuiop", upper, font));
    Row r2 = letters("asdfghjkl", upper, font);
    r2.push_back(char_key('\'', false, font));
    rows.push_back(r2);
    Row r3{{"key_shift", glyph::up, 1.5f, {}, upper}};
    for (const Key& k : letters("zxcvbnm", upper, font)) r3.push_back(k);
    r3.push_back(del);
    rows.push_back(r3);
    for (size_t i = 0; i < extra.size(); i += 10) {
        Row r;
        for (size_t k = i; k < std::min(extra.size(), i + 10); ++k) r.push_back(char_key(extra[k], upper, font));
        rows.push_back(r);
    }
    rows.push_back({{"key_numbers", "123", 1.5f, {}, false}, char_key(',', false, font), space,
                    char_key('.', false, font), char_key('?', false, font), char_key('!', false, font)});
    return rows;
}

}  // namespace

std::string key_id(char32_t c) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return "key_" + std::string(1, static_cast<char>(c));
    char buf[16];
    std::snprintf(buf, sizeof buf, "key_u%04x", static_cast<unsigned>(c));
    return buf;
}

void draw_free_text(Frame& f, const Question& q, float w) {
    const Journey& j = f.journey;
    UiState::Keyboard& kb = f.state.keyboard;
    const std::string step = q.id + "#" + std::to_string(j.step_number());
    if (kb.step != step) kb = {step, false, false, kb.language, kb.extra_letters};
    if (kb.language != j.language()) {
        kb.language = j.language();
        kb.extra_letters = extra_letters_of(j.content());
    }
    const std::string& text = j.draft_text();
    const int used = static_cast<int>(decode_utf8(text).size());
    const bool full = used >= q.max_length;

    // The box: the last lines of what has been typed, with a caret.
    ImFont* font = f.fonts.body;
    const float pad = 18 * f.m.scale;
    const float line = font->FontSize * 1.25f;
    const float box_h = 2 * line + 2 * pad;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 b(a.x + w, a.y + box_h);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, b, f.pal.surface, f.m.rounding);
    dl->AddRect(a, b, f.pal.primary, f.m.rounding, 0, std::max(2.0f, 3 * f.m.scale));
    const std::string shown = text + "|";
    const float th = text_height(font, shown, w - 2 * pad);
    ImGui::PushClipRect(ImVec2(a.x + pad, a.y + pad * 0.5f), ImVec2(b.x - pad, b.y - pad * 0.5f), true);
    draw_wrapped(dl, font, ImVec2(a.x + pad, std::min(a.y + pad, b.y - pad - th)), w - 2 * pad, shown, f.pal.text, false);
    ImGui::PopClipRect();
    // Never read aloud: what a visitor types is theirs, not the waiting room's.
    f.widgets.add("text_box", "text", a, b, {}, false);
    ImGui::Dummy(ImVec2(w, box_h));
    const std::string left = f.journey.content().counted("text_left", std::max(0, q.max_length - used));
    text_block(f, f.fonts.small, left, w, f.pal.text_muted, "text_left");
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));

    // The keys: rows ten key-widths wide, each row centred.
    const bool upper = kb.shift || ends_a_sentence(text);
    const float kgap = 10 * f.m.scale;
    const float unit = (w - 9 * kgap) / 10;
    const float kh = std::max(f.m.min_target, 78 * f.m.scale * std::max(1.0f, f.m.text_factor * 0.85f));
    for (const Row& row : layout(f, upper, kb.numbers, kb.extra_letters)) {
        float row_w = -kgap;
        for (const Key& k : row) row_w += k.units * unit + (k.units - 1) * kgap + kgap;
        const ImVec2 start = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(start.x + std::max(0.0f, (w - row_w) * 0.5f), start.y));
        for (size_t i = 0; i < row.size(); ++i) {
            const Key& k = row[i];
            if (i) ImGui::SameLine(0, kgap);
            const float kw = k.units * unit + (k.units - 1) * kgap;
            const bool enabled = k.insert.empty() || !full;
            if (!button(f, k.id, k.label, ImVec2(kw, kh), k.primary ? ButtonKind::Primary : ButtonKind::Secondary, {},
                        enabled))
                continue;
            if (k.id == "key_shift") {
                kb.shift = !kb.shift;
            } else if (k.id == "key_numbers") {
                kb.numbers = !kb.numbers;
            } else if (k.id == "key_delete") {
                if (!text.empty()) f.emit(Event::typed(without_last_character(text)));
            } else {
                f.emit(Event::typed(text + k.insert));
                kb.shift = false;
            }
        }
        ImGui::Dummy(ImVec2(0, kgap * 0.5f));
    }
}

}  // namespace dv::ui
