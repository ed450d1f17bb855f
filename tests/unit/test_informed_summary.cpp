// The counts behind the report's informed-views section (core/informed_summary.hpp): which
// visits a change table leaves out, the side a view leans to, and a summary of hand-made
// visits of the informed test pack whose every figure is known.
#include "core/informed_summary.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

using namespace dv;

TEST_CASE("Stats/informed: too-fast, comparison and no-card visits are left out of change tables", "[stats][informed]") {
    CHECK(left_out_of_change("cards", "3", false) == LeftOut::No);
    CHECK(left_out_of_change("cards", "3", true) == LeftOut::TooFast);
    CHECK(left_out_of_change("comparison", "", false) == LeftOut::Comparison);
    CHECK(left_out_of_change("cards", "0", false) == LeftOut::NoCards);
    CHECK(left_out_of_change("cards", "", false) == LeftOut::NoCards);
    // A kiosk older than the group record: kept, unless it stored that no card was seen.
    CHECK(left_out_of_change("", "", false) == LeftOut::No);
    CHECK(left_out_of_change("", "2", false) == LeftOut::No);
    CHECK(left_out_of_change("", "0", false) == LeftOut::NoCards);
}

TEST_CASE("Stats/informed: a scale leans to the benefits above its middle and a yes or no view by its first two "
          "options",
          "[stats][informed]") {
    const LanguageContent& c = test::tiny_pack().default_content();
    const Question& scale = *c.question("q_scale");  // s1 .. s5
    CHECK(view_side(scale, "s1") == ViewSide::Benefit);
    CHECK(view_side(scale, "s2") == ViewSide::Benefit);
    CHECK(view_side(scale, "s3") == ViewSide::Neither);
    CHECK(view_side(scale, "s4") == ViewSide::Concern);
    CHECK(view_side(scale, "s5") == ViewSide::Concern);
    Question even = scale;
    even.options.pop_back();  // s1 .. s4: no middle
    CHECK(view_side(even, "s2") == ViewSide::Benefit);
    CHECK(view_side(even, "s3") == ViewSide::Concern);
    const Question& view = *c.question("q_view");  // yes, no, not sure
    CHECK(view_side(view, "yes") == ViewSide::Benefit);
    CHECK(view_side(view, "no") == ViewSide::Concern);
    CHECK(view_side(view, "not_sure") == ViewSide::Neither);
    CHECK(view_side(view, "missing") == ViewSide::Neither);
}

TEST_CASE("Stats/informed: a summary of known visits counts each group, knowledge, sureness and reasons across sides",
          "[stats][informed]") {
    const LanguageContent& c = test::informed_pack().default_content();
    const Scenario& s = *c.scenario("s1");  // cards c1 benefit, c2 concern, c3 benefit; k1 true, k2 false
    const Question& view = *c.question(s.question);
    std::vector<InformedVisit> visits(7);
    auto& a = visits[0];  // changed yes → no; named only a concern card
    a.group = "cards";
    a.cards_seen = "3";
    a.first = "yes";
    a.second = "no";
    a.knowledge_before = {{"k1", "dont_know"}, {"k2", "true"}};
    a.knowledge_after = {{"k1", "true"}, {"k2", "false"}};
    a.sure_first = "not";
    a.sure_second = "fairly";
    a.reasons_given = true;
    a.reasons = {"c2"};
    auto& b = visits[1];  // changed no → yes; named a concern card too
    b.group = "cards";
    b.cards_seen = "2";
    b.first = "no";
    b.second = "yes";
    b.knowledge_before = {{"k1", "true"}};  // k1 skipped afterwards: not counted
    b.reasons_given = true;
    b.reasons = {"c2", "c1"};
    visits[2] = b;
    visits[2].too_fast = true;  // left out
    visits[3] = b;
    visits[3].cards_seen = "0";  // left out
    auto& e = visits[4];
    e.group = "comparison";
    e.first = e.second = "yes";
    e.sure_first = e.sure_second = "not";
    auto& f = visits[5];
    f.group = "comparison";
    f.first = "no";
    f.second = "yes";
    visits[6] = b;
    visits[6].group = "";  // no group record: not in this section

    const InformedSummary sum = summarise_informed(s, view, visits);
    CHECK(sum.cards_visits == 4);
    CHECK(sum.comparison_visits == 2);
    CHECK(sum.too_fast == 1);
    CHECK(sum.no_cards == 1);
    CHECK(sum.cards.changed.yes == 2);
    CHECK(sum.cards.changed.n == 2);
    CHECK(sum.comparison.changed.yes == 1);
    CHECK(sum.comparison.changed.n == 2);
    REQUIRE(sum.turnover.size() == 3);
    CHECK(sum.turnover.cells[0][1] == 1);
    CHECK(sum.turnover.cells[1][0] == 1);
    CHECK(sum.turnover.pairs == 2);
    REQUIRE(sum.cards.knowledge.size() == 2);
    CHECK(sum.cards.knowledge[0].id == "k1");
    CHECK(sum.cards.knowledge[0].before.dont_know == 1);
    CHECK(sum.cards.knowledge[0].before.right == 0);
    CHECK(sum.cards.knowledge[0].after.right == 1);
    CHECK(sum.cards.knowledge[1].before.wrong == 1);  // "true" for a false statement
    CHECK(sum.cards.knowledge[1].after.right == 1);
    CHECK(sum.cards.not_sure_first.yes == 1);
    CHECK(sum.cards.not_sure_first.n == 1);
    CHECK(sum.cards.not_sure_second.yes == 0);
    CHECK(sum.comparison.not_sure_second.yes == 1);
    // b ends on "yes" (benefits) and named c2 (a concern); a ends on "no" and named only c2.
    CHECK(sum.other_side[0].n == 1);
    CHECK(sum.other_side[0].yes == 1);
    CHECK(sum.other_side[1].n == 1);
    CHECK(sum.other_side[1].yes == 0);
}
