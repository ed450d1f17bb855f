// The rows of sessions.csv and answers.csv: their documented columns, written and read in
// one place (docs/bundle-format.md describes each column).
#pragma once

#include "core/problem.hpp"
#include "core/export_rows.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace dv {

const std::vector<std::string>& session_columns();
const std::vector<std::string>& answer_columns();

// answers.csv carries the first 16 hex digits of each answer's content hash (the SHA-256 of
// the question's wording as the visitor saw it) in its "wording" column: enough to keep
// answers to different wordings apart, at a quarter of the size of the whole hash.
inline constexpr size_t kWordingKeyDigits = 16;
std::string_view wording_key(std::string_view content_hash);

// A BOM and the header row.
std::string csv_start(const std::vector<std::string>& columns);
void append_session_row(std::string& out, const ExportSession& s);
void append_answer_row(std::string& out, const ExportAnswer& a);

// Whole files back into rows. False with a problem naming `file` and the line.
bool parse_sessions_csv(const std::string& text, const std::string& file, std::vector<ExportSession>& out,
                        Problem& problem);
bool parse_answers_csv(const std::string& text, const std::string& file, std::vector<ExportAnswer>& out,
                       Problem& problem);

}  // namespace dv
