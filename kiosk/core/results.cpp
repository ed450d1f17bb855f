// Builds the results screen's figures from stored view pairs (rules and invariants: results.hpp).
#include "results.hpp"

#include "privacy.hpp"
#include "stats.hpp"
#include "text.hpp"

#include <algorithm>
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
    return fill(word(words, "results_changed"), {{"n", std::to_string(in_10)}});
}

// Which way the answers moved. A scale moves towards one of its ends; a plain choice moves
// towards the option that gained most (nothing is said when two options gain equally).
std::string direction_sentence(const Question& q, const PairedChange& c, const LanguageContent& words) {
    if (c.changed == 0) return {};
    const auto towards = [&](const char* key, size_t option) {
        return fill(word(words, key), {{"option", q.options[option].label}});
    };
    if (q.type == QuestionType::Scale) {
        if (c.moved_earlier > c.moved_later) return towards("results_moved_towards", 0);
        if (c.moved_later > c.moved_earlier) return towards("results_moved_towards", q.options.size() - 1);
        return word(words, "results_same_overall");
    }
    const auto best = std::max_element(c.net_by_option.begin(), c.net_by_option.end());
    if (*best <= 0) return word(words, "results_same_overall");
    if (std::count(c.net_by_option.begin(), c.net_by_option.end(), *best) > 1) return {};
    return towards("results_more_chose", static_cast<size_t>(best - c.net_by_option.begin()));
}

}  // namespace

ScenarioResults build_scenario_results(const Question& question, const std::vector<ViewPair>& arrivals,
                                       const PackPrivacy& privacy, const LanguageContent& words) {
    // Respondents in arrival order: both views answered with options of this question.
    std::vector<AnswerPair> respondents;
    for (const auto& v : arrivals) {
        const int first = option_index(question, v.first);
        const int second = option_index(question, v.second);
        if (first >= 0 && second >= 0) respondents.emplace_back(first, second);
    }
    ScenarioResults r;
    const std::int64_t shown = onscreen_respondents(static_cast<std::int64_t>(respondents.size()),
                                                    privacy.results_threshold, privacy.results_refresh_every);
    if (shown == 0 || question.options.empty()) {  // invariant 2
        r.waiting_text = word(words, "results_waiting");
        r.why_text = fill(word(words, "results_why_waiting"),
                          {{"threshold", std::to_string(std::max(privacy.results_threshold, 1))}});
        return r;
    }
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
    r.shift_text = shift_sentence(change, words, r.changed_in_10);
    r.direction_text = direction_sentence(question, change, words);
    r.based_on_text = fill(word(words, "results_based_on"), {{"people", std::to_string(shown)}});
    r.why_text = fill(word(words, "results_why"), {{"every", std::to_string(std::max(privacy.results_refresh_every, 1))}});
    return r;
}

}  // namespace dv
