// This file implements CSV writing and strict parsing (format notes in csv.hpp).
#include "csv.hpp"

namespace dv {

namespace {

bool needs_apostrophe(std::string_view f) {
    if (f.empty()) return false;
    const char c = f.front();
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\'';
}

bool needs_quotes(std::string_view f) {
    for (char c : f)  // a plain loop: find_first_of calls memchr once per character here
        if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
    return false;
}

}  // namespace

void csv_append_field(std::string& out, std::string_view field) {
    const bool quote = needs_quotes(field);
    if (quote) out += '"';
    if (needs_apostrophe(field)) out += '\'';
    if (!quote) {
        out.append(field);
        return;
    }
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

namespace {
template <typename Fields>
void append_row(std::string& out, const Fields& fields) {
    bool first = true;
    for (std::string_view f : fields) {
        if (!first) out += ',';
        first = false;
        csv_append_field(out, f);
    }
    out += "\r\n";
}
}  // namespace

void csv_append_row(std::string& out, std::initializer_list<std::string_view> fields) { append_row(out, fields); }
void csv_append_row(std::string& out, const std::vector<std::string>& fields) { append_row(out, fields); }

int CsvTable::column(std::string_view name) const {
    for (size_t i = 0; i < header.size(); ++i)
        if (header[i] == name) return static_cast<int>(i);
    return -1;
}

bool parse_csv(std::string_view text, const std::string& file, CsvTable& out, Problem& problem) {
    out = CsvTable{};
    if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());
    int line = 1;
    int record_line = 1;
    std::vector<std::string> record;
    std::string field;
    bool in_quotes = false, was_quoted = false;
    auto bad = [&](const std::string& message) {
        problem = {file, record_line, message};
        return false;
    };
    auto end_field = [&] {
        if (!field.empty() && field.front() == '\'') field.erase(0, 1);
        record.push_back(std::move(field));
        field.clear();
        was_quoted = false;
    };
    auto end_record = [&] {
        end_field();
        if (out.header.empty()) {
            out.header = std::move(record);
        } else if (record.size() != out.header.size()) {
            return bad("has " + std::to_string(record.size()) + " fields; the header has " +
                       std::to_string(out.header.size()));
        } else {
            out.rows.push_back(std::move(record));
        }
        record.clear();
        return true;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    in_quotes = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"') {
            if (!field.empty() || was_quoted) return bad("a quote in the middle of an unquoted field");
            in_quotes = was_quoted = true;
        } else if (c == ',') {
            end_field();
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) return bad("a carriage return without a line feed");
            if (c == '\r') ++i;
            if (!end_record()) return false;
            record_line = ++line;
        } else {
            if (was_quoted) return bad("text after a closing quote");
            field += c;
        }
    }
    if (in_quotes) return bad("a quoted field is not closed");
    if (!field.empty() || !record.empty() || was_quoted) {
        if (!end_record()) return false;
    }
    if (out.header.empty()) {
        problem = {file, 0, "empty: no header row"};
        return false;
    }
    return true;
}

}  // namespace dv
