// This file writes a built report three ways: report.html (self-contained: inline CSS and SVG
// bar charts, printable), one CSV per table, and an XLSX workbook with a sheet per question.
#include "report.hpp"

#include "exchange/csv.hpp"

#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

namespace dv::central {

namespace {

std::string esc(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

bool write_file(const std::string& path, const std::string& text, std::string& error) {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f << text;
    f.close();
    if (!f) {
        error = path + ": cannot write";
        return false;
    }
    return true;
}

const char* const kStyle = R"(
body { -webkit-print-color-adjust: exact; print-color-adjust: exact;
       font-family: "DejaVu Sans", Arial, sans-serif; color: #1d2a33; margin: 2em auto; max-width: 60em; padding: 0 1em; line-height: 1.4; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; }
h2 { font-size: 1.35em; border-bottom: 3px solid #005eb8; padding-bottom: 0.2em; margin-top: 2em; }
h3 { font-size: 1.1em; margin: 0 0 0.3em; }
.warnings { background: #fff4e5; border-left: 6px solid #ed8b00; padding: 0.8em 1.2em; margin: 1.2em 0; }
.methods { background: #eef4fa; border-left: 6px solid #005eb8; padding: 0.8em 1.2em; margin: 1.2em 0; }
.methods dl { display: grid; grid-template-columns: 12em 1fr; gap: 0.35em 1em; margin: 0; }
.methods dt { font-weight: bold; }
.methods dd { margin: 0; }
section.question { margin: 1.6em 0; padding-top: 0.6em; border-top: 1px solid #c8d1d8; page-break-inside: avoid; break-inside: avoid; }
.detail { color: #4c6272; font-size: 0.9em; margin: 0 0 0.6em; }
.note { color: #4c6272; font-size: 0.9em; font-style: italic; }
table { border-collapse: collapse; margin: 0.6em 0 1em; font-size: 0.95em; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.3em; }
th, td { border: 1px solid #aeb7bd; padding: 0.25em 0.6em; }
th { background: #005eb8; color: #fff; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; background: #f0f4f5; }
p.summary { max-width: 46em; font-size: 1.05em; line-height: 1.45; margin: 0.6em 0; }
ul.stats { margin: 0.3em 0 1em; padding-left: 1.2em; }
svg { display: block; margin: 0.4em 0 1em; }
.footnote { margin-top: 2em; font-size: 0.9em; border-top: 1px solid #c8d1d8; padding-top: 0.6em; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-before: auto; } }
)";

bool is_number(const std::string& s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!(c >= '0' && c <= '9')) return false;
    return true;
}

void html_table(std::string& h, const ReportTable& t) {
    h += "<table>\n";
    if (!t.caption.empty()) h += "<caption>" + esc(t.caption) + "</caption>\n";
    h += "<tr>";
    for (const auto& c : t.header) h += "<th>" + esc(c) + "</th>";
    h += "</tr>\n";
    for (size_t r = 0; r < t.rows.size(); ++r) {
        const bool total = r + 1 == t.rows.size() && t.rows[r][0].rfind("TOTAL", 0) == 0;
        h += total ? "<tr class=\"total\">" : "<tr>";
        for (size_t c = 0; c < t.rows[r].size(); ++c)
            h += std::string(c ? "<td class=\"n\">" : "<td>") + esc(t.rows[r][c]) + "</td>";
        h += "</tr>\n";
    }
    h += "</table>\n";
}

// A horizontal bar per answer: the answer's words above its bar, the figure at the bar's end.
void svg_bars(std::string& h, const std::vector<ReportBar>& bars) {
    const int width = 640, bar_h = 22, row_h = 46, track = 470;
    h += "<svg role=\"img\" aria-label=\"Bar chart\" width=\"" + std::to_string(width) + "\" height=\"" +
         std::to_string(row_h * static_cast<int>(bars.size()) + 6) + "\" viewBox=\"0 0 " + std::to_string(width) + " " +
         std::to_string(row_h * static_cast<int>(bars.size()) + 6) + "\" xmlns=\"http://www.w3.org/2000/svg\">\n";
    for (size_t i = 0; i < bars.size(); ++i) {
        const int y = static_cast<int>(i) * row_h;
        const int w = static_cast<int>(bars[i].fraction * track + 0.5);
        h += "<text x=\"0\" y=\"" + std::to_string(y + 14) + "\" font-size=\"13\" fill=\"#1d2a33\">" + esc(bars[i].label) +
             "</text>\n";
        h += "<rect x=\"0\" y=\"" + std::to_string(y + 19) + "\" width=\"" + std::to_string(track) + "\" height=\"" +
             std::to_string(bar_h) + "\" fill=\"#e8edee\"/>\n";
        if (w > 0)
            h += "<rect x=\"0\" y=\"" + std::to_string(y + 19) + "\" width=\"" + std::to_string(w) + "\" height=\"" +
                 std::to_string(bar_h) + "\" fill=\"#005eb8\"/>\n";
        const bool inside = w > 110;
        h += "<text x=\"" + std::to_string(inside ? w - 6 : w + 6) + "\" y=\"" + std::to_string(y + 35) +
             "\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"" + (inside ? "end" : "start") + "\" fill=\"" +
             (inside ? "#ffffff" : "#1d2a33") + "\">" + esc(bars[i].value) + "</text>\n";
    }
    h += "</svg>\n";
}

std::vector<const ReportTable*> all_tables(const Report& report) {
    std::vector<const ReportTable*> out;
    for (const auto& part : report.parts)
        for (const auto& s : part.sections)
            for (const auto& t : s.tables) out.push_back(&t);
    return out;
}

}  // namespace

bool write_report_html(const Report& report, const std::string& path, std::string& error) {
    std::string h = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(report.title) +
                    "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<h1>" + esc(report.title) + "</h1>\n";
    if (!report.warnings.empty()) {
        h += "<div class=\"warnings\">\n<h3>Read this first</h3>\n<ul>\n";
        for (const auto& w : report.warnings) h += "<li>" + esc(w) + "</li>\n";
        h += "</ul>\n</div>\n";
    }
    h += "<div class=\"methods\">\n<h3>How these figures were made</h3>\n<dl>\n";
    for (const auto& [label, text] : report.methods) h += "<dt>" + esc(label) + "</dt><dd>" + esc(text) + "</dd>\n";
    h += "</dl>\n</div>\n";
    for (const auto& part : report.parts) {
        h += "<h2>" + esc(part.title) + "</h2>\n";
        if (part.sections.empty()) h += "<p class=\"note\">No answers.</p>\n";
        for (const auto& s : part.sections) {
            h += "<section class=\"question\">\n<h3>" + esc(s.heading) + "</h3>\n<p class=\"detail\">" + esc(s.detail) +
                 "</p>\n";
            if (!s.summary.empty()) h += "<p class=\"summary\">" + esc(s.summary) + "</p>\n";
            for (const auto& n : s.notes) h += "<p class=\"note\">" + esc(n) + "</p>\n";
            if (!s.tables.empty()) html_table(h, s.tables[0]);
            svg_bars(h, s.bars);
            for (size_t i = 1; i < s.tables.size(); ++i) html_table(h, s.tables[i]);
            if (!s.stats.empty()) {
                h += "<ul class=\"stats\">\n";
                for (const auto& line : s.stats) h += "<li>" + esc(line) + "</li>\n";
                h += "</ul>\n";
            }
            h += "</section>\n";
        }
    }
    h += "<p class=\"footnote\">" + esc(report.footnote) + "</p>\n</body>\n</html>\n";
    return write_file(path, h, error);
}

bool write_report_csv(const Report& report, const std::string& dir, std::string& error) {
    for (const ReportTable* t : all_tables(report)) {
        std::string out(kUtf8Bom);
        const auto row = [&](const std::vector<std::string>& fields) {
            for (size_t i = 0; i < fields.size(); ++i) {
                if (i) out += ',';
                csv_append_field(out, fields[i]);
            }
            out += "\r\n";
        };
        row(t->header);
        for (const auto& r : t->rows) row(r);
        if (!write_file(dir + "/" + t->name + ".csv", out, error)) return false;
    }
    return true;
}

bool write_report_xlsx(const Report& report, const std::string& path, std::string& error) {
    lxw_workbook* wb = workbook_new(path.c_str());
    if (!wb) {
        error = path + ": cannot create the workbook";
        return false;
    }
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format* wrap = workbook_add_format(wb);
    format_set_text_wrap(wrap);
    std::set<std::string> names;
    lxw_worksheet* methods = workbook_add_worksheet(wb, "Methods");
    worksheet_set_column(methods, 0, 0, 22, nullptr);
    worksheet_set_column(methods, 1, 1, 100, wrap);
    worksheet_write_string(methods, 0, 0, report.title.c_str(), bold);
    lxw_row_t row = 2;
    for (const auto& w : report.warnings) {
        worksheet_write_string(methods, row, 0, "Read this first", bold);
        worksheet_write_string(methods, row++, 1, w.c_str(), wrap);
    }
    for (const auto& [label, text] : report.methods) {
        worksheet_write_string(methods, row, 0, label.c_str(), bold);
        worksheet_write_string(methods, row++, 1, text.c_str(), wrap);
    }
    for (const auto& part : report.parts)
        for (const auto& s : part.sections) {
            if (s.tables.empty()) continue;
            // Sheet names: at most 31 characters, unique.
            std::string name = s.tables[0].name.substr(0, 28);
            for (int k = 2; names.count(name); ++k) name = s.tables[0].name.substr(0, 25) + "~" + std::to_string(k);
            names.insert(name);
            lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
            worksheet_set_column(ws, 0, 0, 40, nullptr);
            worksheet_set_column(ws, 1, 12, 16, nullptr);
            lxw_row_t r = 0;
            worksheet_write_string(ws, r++, 0, s.heading.c_str(), bold);
            worksheet_write_string(ws, r++, 0, s.detail.c_str(), nullptr);
            if (!s.summary.empty()) worksheet_write_string(ws, r++, 0, s.summary.c_str(), nullptr);
            for (const auto& n : s.notes) worksheet_write_string(ws, r++, 0, n.c_str(), nullptr);
            for (const auto& t : s.tables) {
                ++r;
                if (!t.caption.empty()) worksheet_write_string(ws, r++, 0, t.caption.c_str(), bold);
                for (size_t c = 0; c < t.header.size(); ++c)
                    worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), t.header[c].c_str(), bold);
                ++r;
                for (const auto& cells : t.rows) {
                    for (size_t c = 0; c < cells.size(); ++c) {
                        if (c && is_number(cells[c]))
                            worksheet_write_number(ws, r, static_cast<lxw_col_t>(c), std::stod(cells[c]), nullptr);
                        else
                            worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), cells[c].c_str(), nullptr);
                    }
                    ++r;
                }
            }
            for (const auto& line : s.stats) worksheet_write_string(ws, r++, 0, line.c_str(), nullptr);
            ++r;
            worksheet_write_string(ws, r, 0, report.footnote.c_str(), nullptr);
        }
    const lxw_error rc = workbook_close(wb);
    if (rc != LXW_NO_ERROR) {
        error = path + ": " + lxw_strerror(rc);
        return false;
    }
    return true;
}

}  // namespace dv::central
