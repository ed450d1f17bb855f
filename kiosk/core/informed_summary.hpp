// What the report's "What informed views looked like" section counts, from each visit's
// informed-view records for one scenario (core/informed.hpp says what the records are).
// Pure counting; suppression and wording are the report's job.
//
// Rules, stated once (docs/report.md repeats them for readers):
//   - Left out of every first→second change (and of the cards group's figures here): a visit
//     flagged too fast (every card left in under 3 s); a visit in the comparison group (it is
//     only the comparison); a cards-group visit that saw no cards (cards_seen 0 or absent). A
//     visit with no group record (a kiosk older than these records) is kept unless it stored
//     cards_seen 0. left_out_of_change() is that rule; the report's SQL repeats it.
//   - "Changed": the second view is a different option from the first. Only visits that gave
//     both views count.
//   - Knowledge: per statement, only visits that answered it both times (a skip is no answer).
//   - Not sure: "How sure are you?" answered "not", among visits that answered it both times.
//   - The side of a view option (view_side): for a scale, the options before the middle one
//     (the comfortable end, which packs list first) lean to the benefit cards, those after it
//     to the concern cards, the middle one to neither; for a single-choice view, the first
//     option ("yes") leans to the benefits, the second ("no") to the concerns, any others
//     ("not sure") to neither.
//   - Reasons across sides: among cards-group visits whose second view leans to one side and
//     who named their reasons, those who named at least one card of the other side.
#pragma once

#include "content.hpp"
#include "stats.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace dv {

// One visit's records for one scenario, as stored; a skipped record is an empty string.
struct InformedVisit {
    std::string group;  // "cards", "comparison", or "" when not recorded
    std::map<std::string, std::string> knowledge_before, knowledge_after;  // statement id → value
    std::string first, second;            // option ids of the view
    std::string sure_first, sure_second;  // "very", "fairly", "not"
    std::string cards_seen;               // a count, as stored
    bool too_fast = false;
    bool reasons_given = false;
    std::vector<std::string> reasons;  // card ids
};

enum class LeftOut { No, TooFast, Comparison, NoCards };
LeftOut left_out_of_change(const std::string& group, const std::string& cards_seen, bool too_fast);

enum class ViewSide { Neither, Benefit, Concern };
ViewSide view_side(const Question& view, const std::string& option_id);

// `yes` out of `n`.
struct ShareCount {
    std::int64_t yes = 0, n = 0;
};

struct KnowledgeCounts {
    std::int64_t right = 0, wrong = 0, dont_know = 0;
};

struct KnowledgeRow {
    std::string id;
    KnowledgeCounts before, after;
};

struct GroupFigures {
    std::vector<KnowledgeRow> knowledge;  // per statement of the scenario, in pack order
    ShareCount changed;                   // gave both views; yes = changed
    ShareCount not_sure_first, not_sure_second;  // answered both; yes = "not"
};

struct InformedSummary {
    std::int64_t cards_visits = 0, comparison_visits = 0;  // with a group record
    std::int64_t too_fast = 0, no_cards = 0;  // cards-group visits left out
    GroupFigures cards, comparison;           // cards: the visits kept
    Turnover turnover;                        // kept cards-group visits, view options in pack order
    // Index 0: second view leaning to the benefits, yes = named a concern card; 1: the reverse.
    ShareCount other_side[2];
};

InformedSummary summarise_informed(const Scenario& scenario, const Question& view,
                                   const std::vector<InformedVisit>& visits);

}  // namespace dv
