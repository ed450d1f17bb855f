// The report `datavoice report` writes: built once as plain tables (build_report), then
// written three ways from the same tables — report.html (self-contained, inline CSS and SVG
// bar charts, printable), one CSV per table, and report.xlsx with one sheet per question.
//
// Every count goes through small-number suppression (core/suppression.hpp); percentages are
// whole numbers, by largest remainder as the published Healthwatch report rounds them
// (core/stats.hpp) when counts are exact, and from the published figures otherwise.
#pragma once

#include "core/content.hpp"
#include "core/suppression.hpp"
#include "report_data.hpp"

#include <string>
#include <vector>

namespace dv::central {

struct ReportTable {
    std::string name;  // file stem of its CSV, unique in the report
    std::string caption;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

struct ReportBar {
    std::string label;
    std::string value;      // "45% (205)", or "*"
    double fraction = 0;    // of the chart's width
};

struct ReportSection {
    std::string heading;     // the question's words (or its id)
    std::string detail;      // id, view, pack versions
    std::string summary;     // a plain-English paragraph of the figures (informed views)
    std::vector<std::string> notes;
    std::vector<ReportTable> tables;  // the first is the main table
    std::vector<ReportBar> bars;      // chart of the main table
    std::vector<std::string> stats;   // deliberation: share changed, net shift, tests
};

struct ReportPart {
    std::string title;  // "Walk-up visitors", "Facilitated sessions"
    std::vector<ReportSection> sections;
};

struct Report {
    std::string title;
    // What the reader must know before trusting the figures (answers shown by ids because a
    // pack was not found, answers left out because they do not fit their pack): at the top of
    // report.html and, from `datavoice report`, on stderr.
    std::vector<std::string> warnings;
    std::vector<std::pair<std::string, std::string>> methods;  // label, text
    std::vector<ReportPart> parts;
    std::string footnote;  // what "*" means
};

struct ReportOptions {
    ReportFilter filter;
    Split split = Split::None;
    bool merge_versions = false;
    SuppressionRule rule = SuppressionRule::hes();
    std::vector<Pack> packs;    // where question and option words come from
    std::string age_question;   // the split by age; empty: the packs' "about you" age question
};

bool build_report(CentralDb& db, const ReportOptions& options, Report& out, std::string& error);

// Writers; false with error naming the file.
bool write_report_html(const Report& report, const std::string& path, std::string& error);
bool write_report_csv(const Report& report, const std::string& dir, std::string& error);
bool write_report_xlsx(const Report& report, const std::string& path, std::string& error);

}  // namespace dv::central
