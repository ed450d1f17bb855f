// The results screen's figures (kiosk/core/results.hpp): who counts, the percentages, the
// shift in words, and invariant (1), "no inference from refresh": visitors arriving one at
// a time never change what the screen shows except when a block of refresh_every completes.
#include "core/results.hpp"
#include "core/text.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace dv;

namespace {

const Question& view_question() { return *test::tiny_pack().default_content().question("q_view"); }
const LanguageContent& english() { return test::tiny_pack().default_content(); }

PackPrivacy privacy(int threshold, int every) {
    PackPrivacy p;
    p.results_threshold = threshold;
    p.results_refresh_every = every;
    return p;
}

std::vector<ViewPair> pairs(const std::vector<std::pair<const char*, const char*>>& answers) {
    std::vector<ViewPair> out;
    int n = 0;
    for (const auto& [first, second] : answers) out.push_back({"s" + std::to_string(++n), first, second});
    return out;
}

// A sentence as the pack words it, with its placeholders filled.
std::string said(const char* key, const std::vector<std::pair<std::string, std::string>>& values = {}) {
    return fill(english().word(key), values);
}

// The percentage the screen gives an option, or -1 when it has no bar.
int percent(const std::vector<ResultsBar>& bars, const std::string& option) {
    for (const auto& b : bars)
        if (b.option_id == option) return b.percent;
    return -1;
}

}  // namespace

TEST_CASE("Results/(2) nothing is shown while fewer than the threshold have answered", "[results]") {
    const auto arrivals = pairs({{"yes", "yes"}, {"no", "yes"}});
    const ScenarioResults r = build_scenario_results(view_question(), arrivals, privacy(3, 1), english());
    CHECK_FALSE(r.available);
    CHECK(r.people == 0);
    CHECK(r.first.empty());
    CHECK(r.second.empty());
    CHECK(r.shift_text.empty());
    CHECK_FALSE(r.waiting_text.empty());
    // Why: the threshold is named, from the pack's own setting.
    CHECK(r.why_text == english().counted("results_why_waiting", 3));
}

TEST_CASE("Results/(2) the first figures appear at the first multiple of N at or above the threshold", "[results]") {
    // Threshold 3, refresh every 2: 3 respondents round down to 2 (< 3): still nothing; 4 → 4.
    std::vector<std::pair<const char*, const char*>> answers = {{"yes", "yes"}, {"no", "no"}, {"yes", "no"}};
    CHECK_FALSE(build_scenario_results(view_question(), pairs(answers), privacy(3, 2), english()).available);
    answers.push_back({"no", "yes"});
    const ScenarioResults r = build_scenario_results(view_question(), pairs(answers), privacy(3, 2), english());
    CHECK(r.available);
    CHECK(r.people == 4);
}

TEST_CASE("Results/(3) bars cover every option in pack order, in the visitor's language, adding up to 100",
          "[results]") {
    // First views: yes, yes, no → 66.67, 33.33, 0 → 67, 33, 0. Second: yes, no, not sure →
    // 33.33 each → 34, 33, 33 (the spare point to the first of equal remainders).
    const auto arrivals = pairs({{"yes", "yes"}, {"yes", "no"}, {"no", "not_sure"}});
    const LanguageContent& welsh = *test::tiny_pack().language("cy");
    const Question& q = *welsh.question("q_view");
    const ScenarioResults r = build_scenario_results(q, arrivals, privacy(3, 3), welsh);
    REQUIRE(r.available);
    REQUIRE(r.first.size() == 3);
    CHECK(r.first[0].option_id == "yes");
    CHECK(r.first[1].option_id == "no");
    CHECK(r.first[2].option_id == "not_sure");
    CHECK(r.first[2].label == q.options[2].label);
    CHECK(percent(r.first, "yes") == 67);
    CHECK(percent(r.first, "no") == 33);
    CHECK(percent(r.first, "not_sure") == 0);
    CHECK(percent(r.second, "yes") == 34);
    CHECK(percent(r.second, "no") == 33);
    CHECK(percent(r.second, "not_sure") == 33);
}

TEST_CASE("Results/only visitors with both views, both options of the question, are respondents", "[results]") {
    // Four complete pairs, plus a skipped second view, a skipped first view and an option id
    // the question no longer has: none of those three count.
    const auto arrivals = pairs({{"yes", "no"},
                                 {"yes", ""},
                                 {"no", "no"},
                                 {"", "yes"},
                                 {"maybe", "yes"},
                                 {"no", "yes"},
                                 {"not_sure", "not_sure"}});
    const ScenarioResults r = build_scenario_results(view_question(), arrivals, privacy(4, 1), english());
    REQUIRE(r.available);
    CHECK(r.people == 4);
    // First: yes 1, no 2, not sure 1 → 25, 50, 25.
    CHECK(percent(r.first, "yes") == 25);
    CHECK(percent(r.first, "no") == 50);
    CHECK(percent(r.first, "not_sure") == 25);
}

TEST_CASE("Results/the shift is said in tenths of the people shown", "[results]") {
    // 10 respondents, 3 changed → "3 in 10".
    std::vector<std::pair<const char*, const char*>> answers(7, {"yes", "yes"});
    answers.insert(answers.end(), 3, {"no", "yes"});
    const ScenarioResults r = build_scenario_results(view_question(), pairs(answers), privacy(10, 5), english());
    REQUIRE(r.available);
    CHECK(r.changed_in_10 == 3);
    CHECK(r.shift_text == said("results_changed", {{"n", "3"}}));
    // Three moved from no to yes, so yes gained most.
    CHECK(r.direction_text == said("results_more_chose", {{"option", view_question().options[0].label}}));
}

TEST_CASE("Results/nobody, few and everyone changing are said in words, not as 0 or 10 in 10", "[results]") {
    std::vector<std::pair<const char*, const char*>> same(20, {"no", "no"});
    ScenarioResults r = build_scenario_results(view_question(), pairs(same), privacy(10, 5), english());
    CHECK(r.shift_text == said("results_changed_none"));
    CHECK(r.direction_text.empty());

    // 1 of 20 = 0.5 in 10, rounds to 1; 1 of 25 = 0.4 in 10 rounds to 0 → "fewer than 1 in 10".
    std::vector<std::pair<const char*, const char*>> one_of_25(24, {"no", "no"});
    one_of_25.push_back({"no", "yes"});
    r = build_scenario_results(view_question(), pairs(one_of_25), privacy(10, 5), english());
    CHECK(r.people == 25);
    CHECK(r.changed_in_10 == 0);
    CHECK(r.shift_text == said("results_changed_few"));

    std::vector<std::pair<const char*, const char*>> all(10, {"no", "yes"});
    r = build_scenario_results(view_question(), pairs(all), privacy(10, 5), english());
    CHECK(r.changed_in_10 == 10);
    CHECK(r.shift_text == said("results_changed_all"));

    // 19 of 20 changed: 9.5 rounds to 10, but not everyone did: said as 9 in 10.
    std::vector<std::pair<const char*, const char*>> most(19, {"no", "yes"});
    most.push_back({"no", "no"});
    r = build_scenario_results(view_question(), pairs(most), privacy(10, 5), english());
    CHECK(r.changed_in_10 == 9);
}

TEST_CASE("Results/(4) the sentence names the option whose bar grew most, never one whose bar stood still",
          "[results]") {
    const Question& scale = *english().question("q_scale");  // s1 … s5
    // More people moved towards s1 (three) than away from it (two), yet its bar stays at 20 %:
    // two left s5 for s1 while two left s1 for s4. The bar that grew most is s4's (0 → 20 %).
    std::vector<std::pair<const char*, const char*>> answers = {{"s5", "s1"}, {"s5", "s1"}, {"s1", "s4"},
                                                                {"s1", "s4"}, {"s3", "s2"}};
    answers.insert(answers.end(), 5, {"s3", "s3"});
    const ScenarioResults r = build_scenario_results(scale, pairs(answers), privacy(10, 5), english());
    REQUIRE(r.available);
    CHECK(percent(r.first, "s1") == 20);
    CHECK(percent(r.second, "s1") == 20);
    CHECK(percent(r.first, "s4") == 0);
    CHECK(percent(r.second, "s4") == 20);
    CHECK(r.direction_text == said("results_more_chose", {{"option", scale.options[3].label}}));
    // Two bars growing equally: no option is named.
    const auto tie = pairs({{"s3", "s2"}, {"s5", "s4"}, {"s2", "s1"}, {"s1", "s2"}, {"s3", "s3"}});
    CHECK(build_scenario_results(scale, tie, privacy(5, 5), english()).direction_text.empty());
    // Equal rises that rounding shows unequally (33 → 50 and 34 → 50): still no option named.
    const auto rounded = build_scenario_results(
        view_question(), pairs({{"yes", "yes"}, {"yes", "no"}, {"no", "no"}, {"no", "yes"}, {"not_sure", "yes"}, {"not_sure", "no"}}),
        privacy(6, 6), english());
    REQUIRE(rounded.available);
    CHECK(percent(rounded.second, "yes") - percent(rounded.first, "yes") !=
          percent(rounded.second, "no") - percent(rounded.first, "no"));
    CHECK(rounded.direction_text.empty());
    // Balanced moves: about the same overall.
    const auto balanced = pairs({{"s3", "s2"}, {"s2", "s3"}, {"s3", "s3"}, {"s4", "s4"}, {"s1", "s1"}});
    CHECK(build_scenario_results(scale, balanced, privacy(5, 5), english()).direction_text ==
          said("results_same_overall"));
}

TEST_CASE("Results/every sentence is the visitor's language's own wording", "[results]") {
    LanguageContent words = english();
    words.ui_forms.erase("results_changed");
    words.ui["results_changed"] = "Newidiodd {n} o bob 10";
    std::vector<std::pair<const char*, const char*>> answers(8, {"yes", "yes"});
    answers.insert(answers.end(), 2, {"no", "yes"});
    const ScenarioResults r = build_scenario_results(view_question(), pairs(answers), privacy(10, 5), words);
    CHECK(r.shift_text == "Newidiodd 2 o bob 10");
}

TEST_CASE("Results/(1) one more visitor never changes any figure on screen; a completed block of N does",
          "[results][privacy]") {
    // Visitors arrive one at a time with answers drawn from a fixed-seed generator; every
    // seventh skips the second view (not a respondent). After each visitor the whole results
    // struct (every number and sentence the screen shows) is compared with the one before.
    const int threshold = 10, every = 5;
    std::mt19937 rng(20251122);
    const char* options[] = {"yes", "no", "not_sure"};
    std::vector<ViewPair> arrivals;
    ScenarioResults before = build_scenario_results(view_question(), arrivals, privacy(threshold, every), english());
    int respondents = 0, changes = 0, bar_changes = 0;
    for (int visitor = 1; visitor <= 200; ++visitor) {
        const bool skips_second = visitor % 7 == 0;
        arrivals.push_back({"v" + std::to_string(visitor), options[rng() % 3], skips_second ? "" : options[rng() % 3]});
        if (!skips_second) ++respondents;
        const ScenarioResults after = build_scenario_results(view_question(), arrivals, privacy(threshold, every), english());
        const bool block_completed = !skips_second && respondents % every == 0 && respondents >= threshold;
        INFO("visitor " << visitor << ", respondents " << respondents);
        if (block_completed) {
            // The figures move on to exactly the first `respondents` people.
            CHECK(after.available);
            CHECK(after.people == respondents);
            CHECK(after != before);
            ++changes;
            if (after.first != before.first || after.second != before.second) ++bar_changes;
        } else {
            CHECK(after == before);
        }
        before = after;
    }
    // 200 visitors, 172 respondents: blocks complete at 10, 15, … 170.
    CHECK(changes == 33);
    CHECK(bar_changes >= 25);  // the bars themselves move too, not only the head count
}

TEST_CASE("Results/(1) the figures come from the first K respondents, whatever came after", "[results][privacy]") {
    // Ten people said yes both times; then four said no both times. Refresh every 5: the
    // screen still shows only the first ten — 100 % yes — and none of the four.
    std::vector<std::pair<const char*, const char*>> answers(10, {"yes", "yes"});
    answers.insert(answers.end(), 4, {"no", "no"});
    const ScenarioResults r = build_scenario_results(view_question(), pairs(answers), privacy(10, 5), english());
    CHECK(r.people == 10);
    CHECK(percent(r.first, "yes") == 100);
    CHECK(percent(r.second, "no") == 0);
    // The fifteenth completes the block: now 10 yes and 5 no of 15 → 67 and 33.
    answers.push_back({"no", "no"});
    const ScenarioResults next = build_scenario_results(view_question(), pairs(answers), privacy(10, 5), english());
    CHECK(next.people == 15);
    CHECK(percent(next.first, "yes") == 67);
    CHECK(percent(next.first, "no") == 33);
}

TEST_CASE("Results/visits in the comparison group or that saw no cards are not counted after the other views",
          "[results][informed]") {
    // Four visitors saw the cards; two were in the comparison group and one saw no card. With a
    // threshold of five, the four are too few: nothing is shown, nothing said about change.
    std::vector<ViewPair> arrivals = pairs({{"no", "yes"}, {"no", "yes"}, {"yes", "yes"}, {"no", "no"}});
    arrivals.push_back({"c1", "no", "yes", false, true});
    arrivals.push_back({"c2", "yes", "no", false, true});
    arrivals.push_back({"n1", "yes", "no", false, false});
    const ScenarioResults few = build_scenario_results(view_question(), arrivals, privacy(5, 1), english());
    CHECK_FALSE(few.available);
    CHECK(few.shift_text.empty());
    CHECK(few.direction_text.empty());
    // One more visitor with cards: five respondents, the comparison group still left out.
    arrivals.push_back({"s5", "yes", "yes"});
    const ScenarioResults r = build_scenario_results(view_question(), arrivals, privacy(5, 1), english());
    REQUIRE(r.available);
    CHECK(r.people == 5);
    CHECK(percent(r.second, "yes") == 80);  // 4 of the 5 who saw cards; the others are not in it
    CHECK(r.changed_in_10 == 4);            // 2 of 5
}

TEST_CASE("Results/the default pack says where the answers are from, and that a first visitor is one of the first",
          "[results]") {
    const LanguageContent& en = test::default_pack().default_content();
    const Question& q = *en.question(en.scenarios.front().question);
    const ScenarioResults none = build_scenario_results(q, {}, test::default_pack().privacy, en);
    CHECK(none.waiting_text == "Not enough answers yet \u2014 you are one of the first.");
    std::vector<ViewPair> arrivals;
    for (int i = 0; i < 40; ++i) arrivals.push_back({"v" + std::to_string(i), q.options[0].id, q.options[i % 2].id});
    const ScenarioResults r = build_scenario_results(q, arrivals, test::default_pack().privacy, en);
    REQUIRE(r.available);
    CHECK(r.based_on_text == "From 40 people who answered at this kiosk.");
    CHECK(en.word("results_title") == "What others said at this kiosk");
}
