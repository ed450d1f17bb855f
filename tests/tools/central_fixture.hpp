// Test data for `datavoice collect` and `datavoice report`: the published survey's Table 2
// written as bundles in the documented format (tests/support/bundle_maker.hpp), with walk-up
// extras that headline tables must leave out (repeat presses, facilitator sessions), a
// deliberation question, a multi-choice question and age bands; and running the tool.
#pragma once

#include "support/bundle_maker.hpp"
#include "support/process.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace dv::test {

// Table 2 of the Healthwatch Norfolk 2025 survey: comfort with wider use of data.
const std::vector<std::pair<std::string, std::int64_t>>& table2_counts();

// The first 16 hex digits of the default pack's English wording of a question.
std::string default_wording(const std::string& question_id);

// One kiosk at each of the survey's two sites.
struct SurveyKiosks {
    KioskKey riverside = generate_kiosk_key();    // "Riverside Surgery"
    KioskKey hill_street = generate_kiosk_key();  // "Hill Street Library"
};

// A session of the default pack as the tests' pack folder holds it (its version and hash).
ExportSession default_session(const std::string& id, const std::string& date, const std::string& part_of_day);

// Writes the survey into `parent` as `bundles` bundles from two sites ("Riverside Surgery",
// "Hill Street Library"), each signed by its site's kiosk. With extras: 5 repeat presses, 12 facilitator
// sessions (all answering comfort_wider), warm_homes_view first/second for the first 70
// visitors (the first 60 in the cards group, which change tables count; 10 in the
// comparison group, with group and sureness records), reassure (multi) for the first 100,
// age_band for all.
std::vector<std::string> write_survey(const std::string& parent, const SurveyKiosks& kiosks, int bundles, bool extras,
                                      std::uint64_t first_export = 1);

ProcessResult run_tool(const std::vector<std::string>& args);

// One CSV table's data rows as the report wrote them (BOM and header removed, CRLF lines).
std::vector<std::string> csv_lines(const std::string& path);

}  // namespace dv::test
