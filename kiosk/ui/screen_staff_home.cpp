// The staff home: what the kiosk holds (visits and answers by day and by question), the
// content pack and its translations' review marks, storage health, and the staff actions.
#include "staff_screens.hpp"

#include <algorithm>

namespace dv::ui {

namespace {

// A figure with its caption in a box.
void stat_box(Frame& f, const char* id, const std::string& value, const std::string& caption, float w) {
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float pad = 18 * f.m.scale;
    const float h = f.fonts.heading->FontSize + f.fonts.small->FontSize * 1.3f + 2 * pad;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h), f.pal.surface, f.m.rounding);
    dl->AddText(f.fonts.heading, f.fonts.heading->FontSize, ImVec2(a.x + pad, a.y + pad), f.pal.primary, value.c_str());
    dl->AddText(f.fonts.small, f.fonts.small->FontSize, ImVec2(a.x + pad, a.y + pad + f.fonts.heading->FontSize),
                f.pal.text_muted, caption.c_str());
    f.widgets.add(id, "text", a, ImVec2(a.x + w, a.y + h), value + " " + caption);
    ImGui::Dummy(ImVec2(w, h));
}

// Rows of text in columns (the first left-aligned, the rest right-aligned), cut to max_rows.
void table(Frame& f, const char* id, const std::vector<std::string>& header,
           const std::vector<std::vector<std::string>>& rows, float w, size_t max_rows) {
    ImFont* font = f.fonts.small;
    const float line = font->FontSize * 1.3f;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // The first column is as wide as its longest entry; the numbers share the rest.
    float first_w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, header[0].c_str()).x;
    for (const auto& r : rows) first_w = std::max(first_w, font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, r[0].c_str()).x);
    first_w = std::min(first_w + font->FontSize, w * 0.5f);
    const float other_w = (w - first_w) / static_cast<float>(std::max<size_t>(1, header.size() - 1));
    auto draw_row = [&](const std::vector<std::string>& cells, float y, ImU32 colour, ImFont* fnt) {
        for (size_t c = 0; c < cells.size(); ++c) {
            float x = a.x;
            if (c > 0) {
                const float tw = fnt->CalcTextSizeA(fnt->FontSize, FLT_MAX, 0, cells[c].c_str()).x;
                x = a.x + first_w + other_w * static_cast<float>(c) - tw;
            }
            dl->AddText(fnt, fnt->FontSize, ImVec2(x, y), colour, cells[c].c_str());
        }
    };
    float y = a.y;
    draw_row(header, y, f.pal.text_muted, font);
    y += line;
    dl->AddLine(ImVec2(a.x, y - 4 * f.m.scale), ImVec2(a.x + w, y - 4 * f.m.scale), f.pal.disabled, 2 * f.m.scale);
    const size_t shown = std::min(rows.size(), max_rows);
    for (size_t r = 0; r < shown; ++r, y += line) draw_row(rows[r], y, f.pal.text, font);
    if (rows.empty()) {
        dl->AddText(font, font->FontSize, ImVec2(a.x, y), f.pal.text_muted, "Nothing yet");
        y += line;
    } else if (rows.size() > shown) {
        const std::string more = "and " + std::to_string(rows.size() - shown) + " more";
        dl->AddText(font, font->FontSize, ImVec2(a.x, y), f.pal.text_muted, more.c_str());
        y += line;
    }
    f.widgets.add(id, "text", a, ImVec2(a.x + w, y));
    ImGui::Dummy(ImVec2(w, y - a.y));
}

// Said prominently, at the top of the results: a clock the kiosk does not trust, and visits
// whose dates are uncertain because of one.
void clock_banner(StaffFrame& s, float w) {
    Frame& f = s.f;
    const StaffView& v = s.view;
    const std::int64_t n = v.totals.sessions_date_uncertain;
    if (v.clock_trusted && n == 0) return;
    std::string text = std::string(icon_glyph("warning")) + "  ";
    if (!v.clock_trusted)
        text += "The kiosk does not trust its clock. " + v.clock_verdict + " New visits get an uncertain date. ";
    if (n > 0)
        text += std::to_string(n) + (n == 1 ? " visit has" : " visits have") +
                " an uncertain date: stored while the clock was wrong. Exports carry your correction. "
                "Their days are marked * below.";
    const float pad = 14 * f.m.scale;
    const float h = text_height(f.fonts.bold, text, w - 2 * pad) + 2 * pad;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h), f.pal.surface, f.m.rounding);
    dl->AddRect(a, ImVec2(a.x + w, a.y + h), f.pal.accent_concern, f.m.rounding, 0, 3 * f.m.scale);
    draw_wrapped(dl, f.fonts.bold, ImVec2(a.x + pad, a.y + pad), w - 2 * pad, text, f.pal.accent_concern, false);
    f.widgets.add("clock_warning", "text", a, ImVec2(a.x + w, a.y + h), text);
    ImGui::Dummy(ImVec2(w, h));
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
}

void results_column(StaffFrame& s, float w, float bottom) {
    Frame& f = s.f;
    const StaffTotals& t = s.view.totals;
    ImGui::BeginGroup();
    text_block(f, f.fonts.bold, "Results on this kiosk", w, f.pal.text, "results_title");
    clock_banner(s, w);
    const float box = (w - 2 * f.m.gap) / 3;
    stat_box(f, "total_visits", std::to_string(t.sessions), "visits", box);
    ImGui::SameLine(0, f.m.gap);
    stat_box(f, "total_answers", std::to_string(t.answers), "answers", box);
    ImGui::SameLine(0, f.m.gap);
    stat_box(f, "not_exported", std::to_string(t.sessions_not_exported), "visits not yet exported", box);
    std::string last = t.has_last_export ? "Last export: " + t.last_export_on + ", " +
                                               std::to_string(t.last_export_sessions) + " visits (" +
                                               t.last_export_name + ")."
                                         : "No export yet.";
    if (t.flagged > 0)
        last += " " + std::to_string(t.flagged) + " visits flagged as repeat presses (kept; left out of headline tables).";
    text_block(f, f.fonts.small, last, w, f.pal.text_muted, "last_export");
    ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));

    const float line = f.fonts.small->FontSize * 1.3f;
    const size_t rows = static_cast<size_t>(std::max(1.0f, (bottom - ImGui::GetCursorScreenPos().y) / line - 2));
    std::vector<std::vector<std::string>> days, questions;
    for (const auto& d : t.days)
        days.push_back({d.date + (d.date_uncertain > 0 ? " *" : ""), std::to_string(d.sessions),
                        std::to_string(d.flagged), std::to_string(d.answers)});
    for (const auto& q : t.questions)
        questions.push_back({q.question_id, std::to_string(q.answers), std::to_string(q.flagged)});
    const float day_w = (w - 2 * f.m.gap) * 0.52f, question_w = w - 2 * f.m.gap - day_w;
    ImGui::BeginGroup();
    table(f, "by_day", {"Day", "Visits", "Repeats", "Answers"}, days, day_w, rows);
    ImGui::EndGroup();
    ImGui::SameLine(0, 2 * f.m.gap);
    ImGui::BeginGroup();
    table(f, "by_question", {"Question", "Answers", "Repeats"}, questions, question_w, rows);
    ImGui::EndGroup();
    ImGui::EndGroup();
}

void kiosk_column(StaffFrame& s, float w, float bottom) {
    Frame& f = s.f;
    const StaffView& v = s.view;
    // On a small screen one line per language would run under the buttons: then one line says
    // how many are still to be checked.
    const float line = f.fonts.small->FontSize * 1.3f;
    const float needed = line * static_cast<float>(v.languages.size() + 10) + f.fonts.bold->FontSize * 3 + f.m.gap * 2;
    const bool compact = ImGui::GetCursorScreenPos().y + needed > bottom;
    ImGui::BeginGroup();
    text_block(f, f.fonts.bold, "Content", w, f.pal.text, "content_title");
    text_block(f, f.fonts.small,
               v.pack_title + "\n" + v.pack_id + " version " + v.pack_version +
                   (v.installed_pack ? " (installed from a drive)" : " (built in)"),
               w, f.pal.text, "pack_info");
    size_t unchecked = 0;
    for (const auto& l : v.languages) unchecked += l.review_needed;
    if (compact && v.languages.size() > 1) {
        const std::string line_text =
            std::string(unchecked ? icon_glyph("warning") : glyph::tick) + "  " + std::to_string(v.languages.size()) +
            " languages" + (unchecked ? ", " + std::to_string(unchecked) + " not yet checked" : ", all checked");
        text_block(f, f.fonts.small, line_text, w, unchecked ? f.pal.accent_concern : f.pal.accent_benefit,
                   "languages_summary");
    }
    for (size_t i = 0; i < v.languages.size() && !(compact && v.languages.size() > 1); ++i) {
        const auto& l = v.languages[i];
        const std::string line = std::string(l.review_needed ? icon_glyph("warning") : glyph::tick) + "  " + l.name +
                                 (l.review_needed ? ": translation not yet checked" : ": checked");
        text_block(f, f.fonts.small, line, w, l.review_needed ? f.pal.accent_concern : f.pal.accent_benefit,
                   ("language_" + std::to_string(i)).c_str());
    }
    ImGui::Dummy(ImVec2(0, f.m.gap));
    text_block(f, f.fonts.bold, "Storage", w, f.pal.text, "storage_title");
    std::string storage = "Answers database: " + human_bytes(v.database_bytes) + " (schema " +
                          std::to_string(v.schema_version) + ")";
    if (v.data_free_bytes >= 0) storage += "\nFree space: " + human_bytes(v.data_free_bytes);
    text_block(f, f.fonts.small, storage, w, f.pal.text, "storage_info");
    text_block(f, f.fonts.small,
               v.store_failing ? std::string(icon_glyph("warning")) + "  Answers cannot be saved at the moment"
                               : std::string(glyph::tick) + "  Saving answers normally",
               w, v.store_failing ? f.pal.accent_concern : f.pal.accent_benefit, "store_health");
    text_block(f, f.fonts.small,
               v.staff_key ? std::string(icon_glyph("lock")) + "  Exports are encrypted to the staff key"
                           : std::string(icon_glyph("warning")) + "  No staff key: exports are not encrypted",
               w, v.staff_key ? f.pal.text : f.pal.accent_concern, "encryption_info");
    text_block(f, f.fonts.small,
               v.kiosk_fingerprint.empty()
                   ? std::string(icon_glyph("warning")) + "  No signing key yet"
                   : "Kiosk key " + v.kiosk_fingerprint + ": check it matches when this kiosk is enrolled",
               w, v.kiosk_fingerprint.empty() ? f.pal.accent_concern : f.pal.text, "kiosk_fingerprint");
    ImGui::EndGroup();
}

}  // namespace

void screen_staff_home(StaffFrame& s) {
    Frame& f = s.f;
    const float w = ImGui::GetContentRegionAvail().x;
    const float bottom =
        ImGui::GetCursorScreenPos().y + ImGui::GetContentRegionAvail().y - 2 * f.m.button_h - 3 * f.m.gap;
    if (!s.staff.message().empty()) {
        text_block(f, f.fonts.small, s.staff.message(), w, s.staff.message_ok() ? f.pal.accent_benefit : f.pal.accent_concern,
                   "staff_message");
        ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    }
    const float left = w * 0.6f;
    // What does not fit above the buttons is cut off, never drawn between them.
    ImGui::PushClipRect(ImVec2(0, 0), ImVec2(f.display.x, bottom + f.m.gap * 0.5f), true);
    results_column(s, left, bottom);
    ImGui::SameLine(0, 2 * f.m.gap);
    kiosk_column(s, w - left - 2 * f.m.gap, bottom);
    ImGui::PopClipRect();

    // The actions: the export on its own row, as it is what staff come for.
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, bottom + f.m.gap));
    using S = StaffScreen;
    const std::vector<std::vector<std::pair<StaffButton, S>>> rows = {
        {{{"open_export", std::string(glyph::usb) + "  Export to USB", ButtonKind::Primary}, S::Export},
         {{"open_qr_sync", std::string(icon_glyph("qr")) + "  QR sync"}, S::QrSync},
         {{"open_facilitator", std::string(icon_glyph("users")) + "  Facilitator"}, S::Facilitator}},
        {{{"open_pack_update", std::string(glyph::upload) + "  Update content"}, S::PackUpdate},
         {{"open_purge", std::string(glyph::trash) + "  Delete exported"}, S::Purge},
         {{"open_touch_test", std::string(glyph::grid) + "  Touch test"}, S::TouchTest},
         {{"open_close_program", std::string(glyph::sign_out) + "  Close program"}, S::CloseProgram}},
    };
    for (const auto& row : rows) {
        std::vector<StaffButton> buttons;
        for (const auto& a : row) buttons.push_back(a.first);
        const int tapped = staff_button_row(s, buttons);
        if (tapped >= 0) s.emit(StaffEvent::open(row[static_cast<size_t>(tapped)].second));
        ImGui::Dummy(ImVec2(0, f.m.gap * 0.5f));
    }
}

}  // namespace dv::ui
