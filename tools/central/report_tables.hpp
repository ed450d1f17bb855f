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

// The visits a first→second table leaves out (core/informed_summary.hpp), counted by reason.
struct LeftOutCounts {
    std::int64_t too_fast = 0, comparison = 0, no_cards = 0;
    // Counts a pair under its PairCount::left_out reason; false when it is not left out.
    bool add(const std::string& reason, std::int64_t count);
    // ". Left out: ..." for a caption, the counts suppressed on their own; "" when none.
    std::string caption(const SuppressionRule& rule) const;
};

// Rows of "yes" and "no" counts (changed / did not, not sure / sure, ...).
struct ShareRow {
    std::string label;
    std::int64_t yes = 0, no = 0;
};

// Label | yes | no | Total | share of yes, suppressed as one table with its row totals.
// `shares` gets each row's share as the table shows it: a whole percentage, or "*".
ReportTable share_table(const std::vector<std::string>& header, const std::vector<ShareRow>& rows,
                        const SuppressionRule& rule, std::vector<std::string>& shares);

// "45%" for "45"; "*" stays "*".
std::string percent_text(const std::string& whole_percent);

}  // namespace dv::central
