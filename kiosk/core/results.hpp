// "What others said here": the figures the results screen of a scenario may show, built from
// this kiosk's stored first and second views. Pure: data in, a struct out; the app asks the
// store for the pairs when the visitor reaches the screen and hands the struct to the UI.
//
// The privacy rule (privacy.hpp, onscreen_respondents) decides how many respondents may be
// shown. A respondent is a visitor session with both a first and a second view that are
// options of the question; respondents count in arrival order (the order their sessions
// began), and only the first K of them are ever used, K a multiple of refresh_every. Visits
// in the comparison group and visits that saw no cards are not respondents: their second view
// did not come after the other points of view. So:
//   (1) every figure on the screen (people, percentages, the shift in words) depends only on
//       the first K respondents, and K changes only when the count of respondents reaches the
//       next multiple of refresh_every: one more visitor never changes what is shown unless
//       they complete a block of refresh_every;
//   (2) nothing is shown while K is 0 (fewer than the pack's threshold);
//   (3) the percentages of each set of bars add up to exactly 100 (largest remainder);
//   (4) the sentence about which way answers moved comes from the counts those bars are drawn
//       from: it names the option whose share grew most, and only when its bar shows the
//       largest rise, so never one whose bar stood still or rose no more than another's.
// tests/unit/test_results.cpp names these.
#pragma once

#include "content.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace dv {

// One visitor session's effective views of a scenario question: option ids, empty when that
// view was skipped or never reached.
struct ViewPair {
    std::string session_id;
    std::string first;
    std::string second;
    bool saw_cards = true;    // the visit saw at least one perspective card of the scenario
    bool comparison = false;  // the visit was in the comparison group (a pause, no cards)
};

struct ResultsBar {
    std::string option_id;
    std::string label;
    int percent = 0;

    bool operator==(const ResultsBar& o) const {
        return option_id == o.option_id && label == o.label && percent == o.percent;
    }
};

struct ScenarioResults {
    bool available = false;      // false: not enough people have answered yet
    std::string waiting_text;    // shown while not available
    std::int64_t people = 0;     // how many respondents the figures come from
    std::vector<ResultsBar> first, second;  // every option of the question, in pack order
    int changed_in_10 = 0;        // of every 10 people, how many changed their answer (rounded)
    std::string shift_text;      // e.g. "3 in 10 people changed their answer after the other views."
    std::string direction_text;  // e.g. "More people chose “Yes” after the other views."; may be empty
    std::string based_on_text;   // e.g. "Based on 20 people who answered here."
    std::string why_text;        // why there is nothing yet, or why the figures change rarely

    bool operator==(const ScenarioResults& o) const {
        return available == o.available && waiting_text == o.waiting_text && people == o.people &&
               first == o.first && second == o.second && changed_in_10 == o.changed_in_10 &&
               shift_text == o.shift_text && direction_text == o.direction_text &&
               based_on_text == o.based_on_text && why_text == o.why_text;
    }
    bool operator!=(const ScenarioResults& o) const { return !(*this == o); }
};

// arrivals: the question's view pairs in arrival order (Store::view_pairs). words: the
// visitor's language, for option labels and sentences (ui.toml keys results_*, which every
// language of a pack must define).
ScenarioResults build_scenario_results(const Question& question, const std::vector<ViewPair>& arrivals,
                                       const PackPrivacy& privacy, const LanguageContent& words);

// A show of hands in facilitator mode (core/facilitator.hpp): counts per option for the first
// and the second view, in pack order, with no pairs. The same rules, on counts: nothing is
// shown while either round has fewer hands than the threshold; percentages add up to 100.
// Nobody's change can be known, so changed_in_10 is -1 and the shift is said only as the
// direction the counts moved (shift_text; empty when two answers gained equally); people is
// the larger of the two rounds.
ScenarioResults build_tally_results(const Question& question, const std::vector<std::int64_t>& first_counts,
                                    const std::vector<std::int64_t>& second_counts, const PackPrivacy& privacy,
                                    const LanguageContent& words);

}  // namespace dv
