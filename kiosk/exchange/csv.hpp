// CSV as the export bundle writes it and the staff tools read it: UTF-8 with a byte-order
// mark (so Excel picks the right encoding), RFC 4180 quoting, CRLF line ends, one header row.
//
// A field that Excel would run as a formula (starting = + - @, a tab or a carriage return)
// is written with an apostrophe in front, and so is a field that itself starts with one;
// parse_csv() removes exactly one leading apostrophe, so every field round-trips.
#pragma once

#include "core/problem.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace dv {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Appends one field (quoted when it holds a comma, quote, CR or LF).
void csv_append_field(std::string& out, std::string_view field);
// Appends fields separated by commas and ended by CRLF.
void csv_append_row(std::string& out, std::initializer_list<std::string_view> fields);
void csv_append_row(std::string& out, const std::vector<std::string>& fields);

struct CsvTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;

    // The column's index, or -1.
    int column(std::string_view name) const;
};

// Strict: an optional BOM, then a header and rows with as many fields as the header. `file`
// names the input in the problem ("file:line: message").
bool parse_csv(std::string_view text, const std::string& file, CsvTable& out, Problem& problem);

}  // namespace dv
