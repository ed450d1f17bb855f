// What a report reads from the central database: answer counts (optionally split by site,
// month, language or age band), first→second pairs of deliberation questions, and the facts
// for the methods box. Plain SQL valid in both backends; rows come back sorted in C++ so both
// give byte-identical reports.
#pragma once

#include "central_db.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace dv::central {

struct ReportFilter {
    std::string from, to;  // YYYY-MM-DD; a visit counts when its whole date label lies inside
    std::string site;      // exact site label
    std::string pack_id, pack_version;
    std::string mode = "visitor";  // "visitor" (walk-up) or "facilitator"
};

enum class Split { None, Site, Month, Language, Age };
const char* split_name(Split s);  // "", "site", "month", "language", "age"

struct AnswerCount {
    std::string pack_id, pack_version, question_id, phase, wording;
    std::string group;  // the split's value ("" without a split)
    std::string value;  // as stored: an option id, or ids joined by ';'
    std::int64_t count = 0;
};

struct PairCount {
    std::string pack_id, pack_version, question_id, wording;  // wording of the first view
    std::string first, second;
    // Why the pair is left out of change tables ("" when it is not): "too_fast",
    // "comparison" or "no_cards", by the rule of core/informed_summary.hpp.
    std::string left_out;
    std::int64_t count = 0;
};

// A scenario's view question in a pack: where a view's informed-view records are.
struct ScenarioView {
    std::string pack_id, question_id, scenario_id;
};

// One informed-view record (or view) of a visit, for the informed-views section.
struct InformedRow {
    std::string session_id, pack_id, pack_version, question_id, phase, value;
};

struct ReportFacts {
    std::int64_t visits = 0;          // included in the tables (this mode, not flagged, in range)
    std::int64_t flagged_left_out = 0;
    std::int64_t facilitator = 0;     // facilitator sessions (reported in their own section)
    std::int64_t uncertain = 0;       // included visits whose date stays uncertain
    std::int64_t outside_range = 0;   // left out: their date label crosses --from/--to
    std::string first_date, last_date;
    std::vector<std::string> sites;
    std::vector<std::string> packs;   // "id version"
};

bool load_answer_counts(CentralDb& db, const ReportFilter& filter, Split split, const std::string& age_question,
                        std::vector<AnswerCount>& out, std::string& error);
// The same counts with the groups merged (sorted as load_answer_counts sorts).
std::vector<AnswerCount> without_groups(const std::vector<AnswerCount>& counts);
// `views` says which scenario each view question belongs to, so each pair can be matched
// with its visit's group, cards_seen and too_fast records.
bool load_pair_counts(CentralDb& db, const ReportFilter& filter, const std::vector<ScenarioView>& views,
                      std::vector<PairCount>& out, std::string& error);
// Every informed-view record and scenario view of the visits the filter keeps, sorted.
bool load_informed_rows(CentralDb& db, const ReportFilter& filter, std::vector<InformedRow>& out, std::string& error);
bool load_facts(CentralDb& db, const ReportFilter& filter, ReportFacts& out, std::string& error);

}  // namespace dv::central
