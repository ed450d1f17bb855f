// This file implements the CSV rows of an export bundle (see bundle_rows.hpp).
#include "bundle_rows.hpp"

#include "csv.hpp"

namespace dv {

namespace {

bool parse_table(const std::string& text, const std::string& file, const std::vector<std::string>& columns,
                 CsvTable& table, Problem& problem) {
    if (!parse_csv(text, file, table, problem)) return false;
    if (table.header != columns) {
        problem = {file, 1, "the columns are not the documented ones (" + columns.front() + ", ...)"};
        return false;
    }
    return true;
}

}  // namespace

const std::vector<std::string>& session_columns() {
    static const std::vector<std::string> c = {"session_id", "visit_date", "part_of_day",  "date_uncertain",
                                               "boot",       "language",   "pack_id",      "pack_version",
                                               "pack_hash",  "mode",       "flagged_repeat"};
    return c;
}

const std::vector<std::string>& answer_columns() {
    static const std::vector<std::string> c = {"session_id", "question_id", "phase", "value", "wording"};
    return c;
}

std::string csv_start(const std::vector<std::string>& columns) {
    std::string out(kUtf8Bom);
    for (size_t i = 0; i < columns.size(); ++i) {
        if (i) out += ',';
        csv_append_field(out, columns[i]);
    }
    out += "\r\n";
    return out;
}

void append_session_row(std::string& out, const ExportSession& s) {
    const std::string boot = std::to_string(s.boot);
    csv_append_row(out, {s.session_id, s.visit_date, s.part_of_day, s.date_uncertain ? "1" : "0", boot, s.language,
                         s.pack_id, s.pack_version, s.pack_hash, s.mode, s.flagged_repeat ? "1" : "0"});
}

void append_answer_row(std::string& out, const ExportAnswer& a) {
    csv_append_row(out, {a.session_id, a.question_id, a.phase, a.value, wording_key(a.content_hash)});
}

std::string_view wording_key(std::string_view content_hash) { return content_hash.substr(0, kWordingKeyDigits); }

bool parse_sessions_csv(const std::string& text, const std::string& file, std::vector<ExportSession>& out,
                        Problem& problem) {
    CsvTable t;
    if (!parse_table(text, file, session_columns(), t, problem)) return false;
    out.clear();
    out.reserve(t.rows.size());
    int line = 1;
    for (auto& r : t.rows) {
        ++line;
        if ((r[3] != "0" && r[3] != "1") || (r[10] != "0" && r[10] != "1") || r[4].empty() ||
            r[4].find_first_not_of("0123456789") != std::string::npos) {
            problem = {file, line, "date_uncertain and flagged_repeat must be 0 or 1, and boot a whole number"};
            return false;
        }
        ExportSession s;
        s.session_id = std::move(r[0]);
        s.visit_date = std::move(r[1]);
        s.part_of_day = std::move(r[2]);
        s.date_uncertain = r[3] == "1";
        s.boot = std::stoi(r[4].substr(0, 9));
        s.language = std::move(r[5]);
        s.pack_id = std::move(r[6]);
        s.pack_version = std::move(r[7]);
        s.pack_hash = std::move(r[8]);
        s.mode = std::move(r[9]);
        s.flagged_repeat = r[10] == "1";
        out.push_back(std::move(s));
    }
    return true;
}

bool parse_answers_csv(const std::string& text, const std::string& file, std::vector<ExportAnswer>& out,
                       Problem& problem) {
    CsvTable t;
    if (!parse_table(text, file, answer_columns(), t, problem)) return false;
    out.clear();
    out.reserve(t.rows.size());
    for (auto& r : t.rows) {
        ExportAnswer a;
        a.session_id = std::move(r[0]);
        a.question_id = std::move(r[1]);
        a.phase = std::move(r[2]);
        a.value = std::move(r[3]);
        a.content_hash = std::move(r[4]);
        out.push_back(std::move(a));
    }
    return true;
}

}  // namespace dv
