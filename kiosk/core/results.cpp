// Builds the results screen's figures from stored view pairs (rules and invariants: results.hpp).
#include "results.hpp"

#include "privacy.hpp"
#include "stats.hpp"
#include "text.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace dv {

namespace {

// Every language of a pack words these sentences itself (results_* in ui.toml; content.cpp's
// required_ui_words() makes a missing one a load and lint error, never an English fallback).
const std::string& word(const LanguageContent& words, const char* key) { return words.word(key); }

int option_index(const Question& q, const std::string& id) {
    for (size_t i = 0; i < q.options.size(); ++i)
        if (q.options[i].id == id) return static_cast<int>(i);
    return -1;
}

std::vector<ResultsBar> bars(const Question& q, const std::vector<std::int64_t>& counts) {
    const std::vector<int> percent = percentages_to_100(counts);
    std::vector<ResultsBar> out;
    for (size_t i = 0; i < q.options.size(); ++i) out.push_back({q.options[i].id, q.options[i].label, percent[i]});
    return out;
}

// "3 in 10 people changed their answer": tenths rounded half up, never "0 in 10" for some
// and never "10 in 10" unless everyone did.
std::string shift_sentence(const PairedChange& c, const LanguageContent& words, int& in_10) {
    in_10 = static_cast<int>((20 * c.changed + c.pairs) / (2 * c.pairs));
    if (c.changed == 0) return word(words, "results_changed_none");
    if (c.changed == c.pairs) return word(words, "results_changed_all");
    if (in_10 == 0) return word(words, "results_changed_few");
    in_10 = std::min(in_10, 9);
    return words.counted("results_changed", in_10);
}

// Which way the answers moved, from the very counts the two sets of bars are drawn from: the
// option whose share grew most, named only when its bar also shows the largest rise (rounding
// can make two equal rises look unequal, or hide a small one). When no bar rose, the answers
// stayed the same overall; when two rose alike, no option is named.
std::string direction_sentence(const Question& q, const std::vector<std::int64_t>& first_counts,
                               const std::vector<std::int64_t>& second_counts, const ScenarioResults& r,
                               const LanguageContent& words) {
    std::int64_t first_total = 0, second_total = 0;
    for (auto c : first_counts) first_total += c;
    for (auto c : second_counts) second_total += c;
    std::vector<std::int64_t> exact;  // change in share, scaled by both totals (no rounding)
    std::vector<int> shown;           // change in the percentages on screen
    for (size_t i = 0; i < q.options.size(); ++i) {
        exact.push_back(second_counts[i] * first_total - first_counts[i] * second_total);
        shown.push_back(r.second[i].percent - r.first[i].percent);
    }
    const auto top_shown = std::max_element(shown.begin(), shown.end());
    if (top_shown == shown.end() || *top_shown <= 0) return word(words, "results_same_overall");
    const size_t best = static_cast<size_t>(std::max_element(exact.begin(), exact.end()) - exact.begin());
    const bool unique = std::count(exact.begin(), exact.end(), exact[best]) == 1 &&
                        std::count(shown.begin(), shown.end(), *top_shown) == 1 && shown[best] == *top_shown;
    if (!unique) return {};
    return fill(word(words, "results_more_chose"), {{"option", q.options[best].label}});
}

ScenarioResults waiting(const PackPrivacy& privacy, const LanguageContent& words) {
    ScenarioResults r;
    r.waiting_text = word(words, "results_waiting");
    r.why_text = words.counted("results_why_waiting", std::max(privacy.results_threshold, 1));
    return r;
}

}  // namespace

ScenarioResults build_tally_results(const Question& question, const std::vector<std::int64_t>& first_counts,
                                    const std::vector<std::int64_t>& second_counts, const PackPrivacy& privacy,
                                    const LanguageContent& words) {
    const size_t options = question.options.size();
    std::vector<std::int64_t> first(options, 0), second(options, 0);
    for (size_t i = 0; i < options && i < first_counts.size(); ++i) first[i] = std::max<std::int64_t>(0, first_counts[i]);
    for (size_t i = 0; i < options && i < second_counts.size(); ++i)
        second[i] = std::max<std::int64_t>(0, second_counts[i]);
    std::int64_t first_total = 0, second_total = 0;
    for (size_t i = 0; i < options; ++i) first_total += first[i], second_total += second[i];
    const std::int64_t threshold = std::max(privacy.results_threshold, 1);
    if (options == 0 || first_total < threshold || second_total < threshold) return waiting(privacy, words);

    ScenarioResults r;
    r.available = true;
    r.people = std::max(first_total, second_total);
    r.first = bars(question, first);
    r.second = bars(question, second);
    r.changed_in_10 = -1;
    // The rounds may have different numbers of hands: the bars' shares say which way it moved.
    r.shift_text = direction_sentence(question, first, second, r, words);
    r.based_on_text = fill(word(words, "results_hands_based_on"), {{"first", words.counted("hands_raised", first_total)},
                                                                   {"second", words.counted("hands_raised", second_total)}});
    return r;
}

ScenarioResults build_scenario_results(const Question& question, const std::vector<ViewPair>& arrivals,
                                       const PackPrivacy& privacy, const LanguageContent& words) {
    // Respondents in arrival order: both views answered with options of this question, after
    // the cards. A visit in the comparison group, or one that saw no cards, answered the second
    // view without the other points of view, so it is not one of "after the other views".
    std::vector<AnswerPair> respondents;
    for (const auto& v : arrivals) {
        if (v.comparison || !v.saw_cards) continue;
        const int first = option_index(question, v.first);
        const int second = option_index(question, v.second);
        if (first >= 0 && second >= 0) respondents.emplace_back(first, second);
    }
    ScenarioResults r;
    const std::int64_t shown = onscreen_respondents(static_cast<std::int64_t>(respondents.size()),
                                                    privacy.results_threshold, privacy.results_refresh_every);
    if (shown == 0 || question.options.empty()) return waiting(privacy, words);  // invariant 2
    respondents.resize(static_cast<size_t>(shown));  // invariant 1: only the first K, ever

    const size_t options = question.options.size();
    std::vector<std::int64_t> first_counts(options, 0), second_counts(options, 0);
    for (const auto& [first, second] : respondents) {
        ++first_counts[static_cast<size_t>(first)];
        ++second_counts[static_cast<size_t>(second)];
    }
    const PairedChange change = paired_change(respondents, static_cast<int>(options));

    r.available = true;
    r.people = shown;
    r.first = bars(question, first_counts);  // invariant 3
    r.second = bars(question, second_counts);
    // Change is spoken of only with enough people who gave both views (invariant 2 makes this
    // always so today; said here too so that a lower bar for the bars never lowers it).
    if (shown >= std::max(privacy.results_threshold, 1)) {
        r.shift_text = shift_sentence(change, words, r.changed_in_10);
        if (change.changed > 0) r.direction_text = direction_sentence(question, first_counts, second_counts, r, words);
    }
    r.based_on_text = words.counted("results_based_on", shown);
    r.why_text = words.counted("results_why", std::max(privacy.results_refresh_every, 1));
    return r;
}

}  // namespace dv
