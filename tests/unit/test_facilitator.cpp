// Facilitator mode: its state machine (the invariants numbered in kiosk/core/facilitator.hpp),
// a facilitated turn through the journey (journey invariant 8), a show of hands stored as
// unpaired hands, and the group's results from counts (core/results.hpp).
#include "core/facilitator.hpp"
#include "core/journey.hpp"
#include "core/results.hpp"
#include "core/text.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace dv;
using K = FacilitatorEvent::Kind;
using S = FacilitatorScreen;

namespace {

const LanguageContent& words() { return test::tiny_pack().default_content(); }
const Question& view_question() { return *words().question("q_view"); }  // yes, no, not_sure

struct Run {
    Facilitator f{words()};
    void send(K k, std::string v = {}, int n = 0) { f.handle(FacilitatorEvent::of(k, std::move(v), n)); }
    void start(GroupMode mode) {
        f.open();
        send(K::ChooseScenario, "s1");
        send(K::ChooseMode, {}, mode == GroupMode::Hands ? 1 : 0);
        send(K::Start);
    }
};

PackPrivacy privacy(int threshold, int every) {
    PackPrivacy p;
    p.results_threshold = threshold;
    p.results_refresh_every = every;
    return p;
}

}  // namespace

TEST_CASE("Facilitator/a scenario must be chosen before the run starts", "[facilitator]") {
    Run r;
    r.f.open();
    CHECK(r.f.screen() == S::Choose);
    r.send(K::Start);
    CHECK(r.f.screen() == S::Choose);  // nothing chosen yet
    r.send(K::ChooseScenario, "no_such_scenario");
    r.send(K::Start);
    CHECK(r.f.screen() == S::Choose);
    r.send(K::ChooseScenario, "s1");
    r.send(K::Start);
    CHECK(r.f.screen() == S::Person);
    REQUIRE(r.f.question());
    CHECK(r.f.question()->id == "q_view");
}

TEST_CASE("Facilitator/(1) one at a time: each turn counts once with the views given", "[facilitator]") {
    Run r;
    r.start(GroupMode::OneAtATime);
    r.f.person_finished({"a", "yes", "no"});
    CHECK(r.f.screen() == S::BetweenPeople);
    r.f.person_finished({"stray", "no", "no"});  // not a turn: ignored
    CHECK(r.f.people().size() == 1);
    r.send(K::NextPerson);
    CHECK(r.f.screen() == S::Person);
    r.f.person_finished({"b", "no", ""});  // left before the second view
    r.send(K::ShowResults);
    CHECK(r.f.screen() == S::Results);
    REQUIRE(r.f.people().size() == 2);
    CHECK(r.f.people()[0].first == "yes");
    CHECK(r.f.people()[1].second.empty());
    r.send(K::NextPerson);  // more people after the results
    CHECK(r.f.screen() == S::Person);
}

TEST_CASE("Facilitator/(3) hands are counted per round and never go below 0", "[facilitator]") {
    Run r;
    r.start(GroupMode::Hands);
    CHECK(r.f.screen() == S::HandsFirst);
    r.send(K::Plus, "yes");
    r.send(K::Plus, "yes");
    r.send(K::Plus, "no");
    r.send(K::Minus, "not_sure");  // at 0: stays 0
    r.send(K::Plus, "maybe");      // not an option: nothing
    CHECK(r.f.first_counts() == std::vector<std::int64_t>{2, 1, 0});
    r.send(K::Done);
    CHECK(r.f.screen() == S::HandsCards);
    r.send(K::Plus, "yes");  // no counting while the cards show
    CHECK(r.f.first_counts() == std::vector<std::int64_t>{2, 1, 0});
    r.send(K::Done);
    CHECK(r.f.screen() == S::HandsSecond);
    r.send(K::Plus, "no");
    r.send(K::Plus, "no");
    r.send(K::Minus, "no");
    CHECK(r.f.second_counts() == std::vector<std::int64_t>{0, 1, 0});
    CHECK(r.f.first_counts() == std::vector<std::int64_t>{2, 1, 0});
}

TEST_CASE("Facilitator/(4) the results wait until the tally is stored", "[facilitator]") {
    Run r;
    r.start(GroupMode::Hands);
    r.send(K::Done);
    r.send(K::Done);
    r.send(K::Done);
    CHECK(r.f.tally_pending());
    CHECK(r.f.screen() == S::HandsSecond);
    r.send(K::Exit);  // ignored while pending
    r.send(K::Plus, "yes");
    CHECK(r.f.screen() == S::HandsSecond);
    CHECK(r.f.second_counts() == std::vector<std::int64_t>{0, 0, 0});
    r.f.tally_stored(true);
    CHECK_FALSE(r.f.tally_pending());
    CHECK(r.f.tally_saved());
    CHECK(r.f.screen() == S::Results);
    r.send(K::NextPerson);  // a show of hands has no next person
    CHECK(r.f.screen() == S::Results);
}

TEST_CASE("Facilitator/(5) leaving forgets the run", "[facilitator]") {
    Run r;
    r.start(GroupMode::OneAtATime);
    r.f.person_finished({"a", "yes", "no"});
    r.send(K::Exit);
    CHECK_FALSE(r.f.active());
    CHECK(r.f.people().empty());
    CHECK(r.f.scenario() == nullptr);
    r.f.open();
    CHECK(r.f.screen() == S::Choose);
    CHECK(r.f.people().empty());
}

TEST_CASE("Facilitator/(2) a show of hands is stored as one unpaired session per hand", "[facilitator][privacy]") {
    SessionInfo info;
    info.pack_id = "tiny";
    info.language = "en";
    const auto commits = hands_to_commits(view_question(), {2, 1, 0}, {0, 3, 1}, info);
    REQUIRE(commits.size() == 7);
    std::set<std::string> ids;
    int first = 0, second = 0;
    std::map<std::string, int> second_by_option;
    for (const auto& c : commits) {
        ids.insert(c.session.session_id);
        CHECK(c.session.mode == "facilitator");
        CHECK(c.session.pack_id == "tiny");
        REQUIRE(c.answers.size() == 1);  // never a first and a second view in one session
        CHECK(c.answers[0].question_id == "q_view");
        CHECK(c.answers[0].content_hash == view_question().content_hash);
        if (c.answers[0].phase == "first") ++first;
        if (c.answers[0].phase == "second") ++second, ++second_by_option[c.answers[0].value];
    }
    CHECK(ids.size() == 7);  // every hand its own id
    CHECK(first == 3);
    CHECK(second == 4);
    CHECK(second_by_option["no"] == 3);
    CHECK(second_by_option["not_sure"] == 1);
}

TEST_CASE("Facilitator/a show of hands' results: threshold, percentages to 100, no pairs claimed", "[facilitator]") {
    // Below the threshold in either round: nothing shown.
    CHECK_FALSE(build_tally_results(view_question(), {3, 1, 0}, {2, 1, 0}, privacy(4, 5), words()).available);
    // First 6, 3, 0 → 67, 33, 0; second 3, 5, 1 → 33, 56, 11.
    const ScenarioResults r = build_tally_results(view_question(), {6, 3, 0}, {3, 5, 1}, privacy(4, 5), words());
    REQUIRE(r.available);
    CHECK(r.people == 9);
    REQUIRE(r.first.size() == 3);
    CHECK(r.first[0].percent == 67);
    CHECK(r.first[1].percent == 33);
    CHECK(r.second[0].percent + r.second[1].percent + r.second[2].percent == 100);
    CHECK(r.second[1].percent == 56);
    CHECK(r.changed_in_10 == -1);  // who changed cannot be known from hands
    CHECK(r.shift_text == fill(words().word("results_more_chose"), {{"option", view_question().options[1].label}}));
    CHECK(r.based_on_text == fill(words().word("results_hands_based_on"),
                                  {{"first", words().counted("hands_raised", 9)}, {"second", words().counted("hands_raised", 9)}}));
}

TEST_CASE("Journey/(8) a facilitated turn runs only its scenario and is stored as facilitator", "[journey][facilitator]") {
    JourneyConfig c;
    c.pack = &test::tiny_pack();
    c.shuffle_cards = [](std::vector<std::string> v) { return v; };
    Journey j(c);
    Now now;
    now.monotonic = 100;
    now.local = civil_from_unix(1763800000);
    std::vector<PendingCommit> stored;
    const auto send = [&](const Event& e) {
        j.handle(e, now);
        if (j.pending()) {
            stored.push_back(*j.pending());
            j.handle(Event::of(Event::Kind::Committed), now);
        }
    };
    j.begin_facilitated("s1", now);
    CHECK(j.facilitated());
    CHECK(j.screen() == Screen::Welcome);
    send(Event::of(Event::Kind::Next));
    CHECK(j.screen() == Screen::ScenarioIntro);
    send(Event::of(Event::Kind::Next));
    CHECK(j.screen() == Screen::FirstView);
    send(Event::toggle("yes"));
    send(Event::of(Event::Kind::Next));
    CHECK(j.screen() == Screen::SureFirst);
    send(Event::of(Event::Kind::Skip));
    CHECK(j.screen() == Screen::Card);  // a facilitated turn is always in the cards group
    while (j.screen() == Screen::Card) send(Event::of(Event::Kind::Skip));  // one card at a time
    CHECK(j.screen() == Screen::SecondView);
    send(Event::toggle("no"));
    send(Event::of(Event::Kind::Next));
    CHECK(j.screen() == Screen::SureSecond);
    send(Event::of(Event::Kind::Skip));
    CHECK(j.screen() == Screen::Reasons);
    send(Event::of(Event::Kind::Skip));
    CHECK(j.screen() == Screen::ThankYou);  // no results screen, no closing explainer
    REQUIRE_FALSE(stored.empty());
    for (const auto& p : stored) CHECK(p.session.mode == "facilitator");
    CHECK(j.answers().at({"q_view", Phase::First}) == std::vector<std::string>{"yes"});
    CHECK(j.answers().at({"q_view", Phase::Second}) == std::vector<std::string>{"no"});
    send(Event::of(Event::Kind::AnotherTopic));  // no topics in a facilitated turn
    CHECK(j.screen() == Screen::ThankYou);
}
