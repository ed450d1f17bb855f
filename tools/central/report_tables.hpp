// Inside tools/central only: turning counts into the report's suppressed tables and bars
// (report_tables.cpp), used by report_build.cpp.
#pragma once

#include "report.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace dv::central {

// One question's answers ready to tabulate: option ids in order (the pack's, then any others
// seen), their labels, and the counts.
struct Tally {
    std::vector<std::string> ids, labels;
    bool multi = false;
    std::vector<std::int64_t> counts;  // per option (multi: times chosen)
    std::int64_t respondents = 0;
};

// Adds a stored value (`count` answers) to the tally; multi values count once per option.
void tally_value(Tally& t, const std::string& value, std::int64_t count);

bool exact_rule(const SuppressionRule& rule);

// The main table (Answer | Number of responses | Percentage, TOTAL) and its bars.
ReportTable answer_table(const Tally& t, const SuppressionRule& rule, std::vector<ReportBar>& bars);

// A split: one row per group, a column per option, row and column totals. The group named
// `apart` (the people who did not say, e.g. their age) is not in the TOTAL row: it follows it,
// suppressed on its own, so TOTAL is the base of the split (those who said).
ReportTable split_table(const Tally& shape, const std::string& split_label, const std::map<std::string, Tally>& groups,
                        const std::string& apart, const SuppressionRule& rule);

// First view → second view: the cross table, and the statistics lines.
ReportTable change_table(const Tally& shape, const std::vector<std::vector<std::int64_t>>& pairs,
                         const SuppressionRule& rule, std::vector<std::string>& stats);

}  // namespace dv::central
