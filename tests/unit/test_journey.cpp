// The visitor journey state machine: every transition, skip and back, conditions, the
// scenario flow, inactivity, and the invariants numbered in kiosk/core/journey.hpp.
#include "core/journey.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

using namespace dv;
using K = Event::Kind;

namespace {

std::vector<std::string> keep_order(std::vector<std::string> v) { return v; }

JourneyConfig config() {
    JourneyConfig c;
    c.pack = &test::tiny_pack();
    c.idle_seconds = 60;
    c.still_there_seconds = 20;
    c.thank_you_seconds = 15;
    c.shuffle_cards = keep_order;
    c.draw_percent = [] { return 99u; };  // the cards group, unless a test draws otherwise
    return c;
}

// Drives a journey with a clock the test moves, and commits every pending answer into a
// list (or refuses, to simulate a full disk).
struct Driver {
    Journey j{config()};
    Now now;
    std::vector<PendingCommit> committed;
    bool store_ok = true;

    Driver() {
        now.monotonic = 1000;
        now.local = civil_from_unix(1763800000);  // 2025-11-22, 08:26 UTC
    }
    void send(const Event& e) {
        j.handle(e, now);
        if (j.pending()) {
            if (store_ok) committed.push_back(*j.pending());
            j.handle(Event::of(store_ok ? K::Committed : K::CommitFailed), now);
        }
    }
    void send(K k) { send(Event::of(k)); }
    // "I'm done", then "Yes, leave".
    void leave() {
        send(K::Finish);
        send(K::LeaveConfirmed);
    }
    void wait(double seconds) {
        now.monotonic += seconds;
        j.tick(now);
    }
    void to_topic(const std::string& topic = "t1") {
        send(Event::start());
        send(K::Next);
        send(Event::topic(topic));
    }
    // On: Next, or Skip where nothing is chosen (Next is not usable there: invariant 5).
    void forward() { send(j.can_go_next() ? K::Next : K::Skip); }
    void to_question(const std::string& id) {
        for (int guard = 0; guard < 50; ++guard) {
            const Question* q = j.question();
            if (q && q->id == id && j.screen() == Screen::Question) return;
            forward();
        }
        FAIL("never reached question " << id);
    }
    std::string current() const { return screen_name(j.screen()); }
};

}  // namespace

TEST_CASE("Journey/starts on the attract screen with nothing of a visitor", "[journey]") {
    Driver d;
    CHECK(d.j.screen() == Screen::Attract);
    CHECK_FALSE(d.j.has_session());
    CHECK(d.j.next_deadline() == Approx(std::numeric_limits<double>::infinity()));
}

TEST_CASE("Journey/a tap on attract starts a visit with a fresh random session id", "[journey]") {
    Driver a, b;
    a.send(Event::start());
    b.send(Event::start());
    CHECK(a.j.screen() == Screen::Welcome);
    REQUIRE(a.j.has_session());
    CHECK(a.j.session_id().size() == 32);
    CHECK(a.j.session_id() != b.j.session_id());
}

TEST_CASE("Journey/welcome lets the visitor choose language and text size", "[journey]") {
    Driver d;
    d.send(Event::start());
    d.send(Event::language("cy"));
    d.send(Event::text_size(TextSize::ExtraLarge));
    CHECK(d.j.language() == "cy");
    CHECK(d.j.text_size() == TextSize::ExtraLarge);
    d.send(Event::language("xx"));  // not in the pack: ignored
    CHECK(d.j.language() == "cy");
    d.send(K::Next);
    CHECK(d.j.screen() == Screen::Topics);
    CHECK(d.j.content().topic("t1")->title == "cy Topic one");
}

TEST_CASE("Journey/back from topics goes to welcome, back from welcome resets", "[journey]") {
    Driver d;
    d.send(Event::start());
    d.send(K::Next);
    d.send(K::Back);
    CHECK(d.j.screen() == Screen::Welcome);
    d.send(K::Back);
    CHECK(d.j.screen() == Screen::Attract);
    CHECK_FALSE(d.j.has_session());
}

TEST_CASE("Journey/a topic runs explainers, questions, scenario, about you, closing, thank you", "[journey]") {
    Driver d;
    d.to_topic();
    std::vector<std::string> seen;
    for (int guard = 0; guard < 40 && d.j.screen() != Screen::ThankYou; ++guard) {
        seen.push_back(d.current());
        if (d.j.question()) {
            const Question* q = d.j.question();
            d.send(Event::toggle(q->options.front().id));
        }
        d.send(K::Next);
    }
    // q_single answered "yes" (first option), so the conditional q_cond shows.
    const std::vector<std::string> expected = {
        "explainer",   "explainer",   "question", "question", "question", "question", "scenario", "first_view",
        "sure_first",  "card",        "card",     "card",     "second_view", "sure_second", "reasons", "results",
        "question",    "closing"};
    CHECK(seen == expected);
    CHECK(d.j.screen() == Screen::ThankYou);
}

TEST_CASE("Journey/(1) an answer is not acknowledged until the store commits it", "[journey]") {
    Driver d;
    d.to_topic();
    d.to_question("q_single");
    d.j.handle(Event::toggle("no"), d.now);
    d.j.handle(Event::of(K::Next), d.now);
    REQUIRE(d.j.pending());
    CHECK(d.j.screen() == Screen::Question);  // still on the question
    // While pending, visitor events are ignored.
    d.j.handle(Event::of(K::Back), d.now);
    d.j.handle(Event::of(K::Finish), d.now);
    CHECK(d.j.screen() == Screen::Question);
    REQUIRE(d.j.pending()->answers.size() == 1);
    CHECK(d.j.pending()->answers[0].question_id == "q_single");
    CHECK(d.j.pending()->answers[0].value == "no");
    d.j.handle(Event::of(K::Committed), d.now);
    CHECK_FALSE(d.j.pending());
    CHECK(d.j.question()->id == "q_scale");  // q_cond hidden: the answer was "no"
}

TEST_CASE("Journey/(2) a failed commit leads to resting, never to the next step or thank you", "[journey]") {
    Driver d;
    d.to_topic();
    d.to_question("q_single");
    d.store_ok = false;
    d.send(Event::toggle("yes"));
    d.send(K::Next);
    CHECK(d.j.screen() == Screen::Resting);
    CHECK(d.committed.empty());
    // Nothing a visitor does leaves resting; time does not either.
    d.send(K::Next);
    d.send(K::Finish);
    d.wait(3600);
    CHECK(d.j.screen() == Screen::Resting);
    CHECK(d.j.next_deadline() == Approx(std::numeric_limits<double>::infinity()));
    d.send(K::StoreRecovered);
    CHECK(d.j.screen() == Screen::Attract);
    CHECK_FALSE(d.j.has_session());
}

TEST_CASE("Journey/(2) finish with a chosen answer that fails to save does not thank", "[journey]") {
    Driver d;
    d.to_topic();
    d.to_question("q_single");
    d.store_ok = false;
    d.send(Event::toggle("yes"));
    d.leave();
    CHECK(d.j.screen() == Screen::Resting);
}

TEST_CASE("Journey/(5) skip stores a skip and moves on; next with nothing chosen does nothing", "[journey]") {
    Driver d;
    d.to_topic();
    d.to_question("q_single");
    d.send(K::Skip);
    REQUIRE(d.committed.size() == 1);
    CHECK(d.committed[0].answers[0].skipped);
    CHECK(d.committed[0].answers[0].value.empty());
    CHECK(d.j.question()->id == "q_scale");
    CHECK_FALSE(d.j.can_go_next());
    d.send(K::Next);  // nothing chosen: as the greyed-out Next on screen, nothing happens
    CHECK(d.committed.size() == 1);
    CHECK(d.j.question()->id == "q_scale");
    d.send(K::Skip);
    REQUIRE(d.committed.size() == 2);
    CHECK(d.committed[1].answers[0].skipped);
    CHECK(d.j.question()->id == "q_multi");
}

TEST_CASE("Journey/(5) the footer's Back, Skip and Next are the journey's, screen by screen", "[journey]") {
    Driver d;
    CHECK_FALSE(d.j.can_go_back());
    CHECK_FALSE(d.j.offers_next());
    d.send(Event::start());
    CHECK(d.j.screen() == Screen::Welcome);
    CHECK((d.j.can_go_back() && d.j.offers_next() && d.j.can_go_next() && !d.j.can_skip()));
    d.send(K::Next);
    CHECK(d.j.screen() == Screen::Topics);
    CHECK((d.j.can_go_back() && !d.j.offers_next() && !d.j.can_skip()));
    d.to_topic();
    d.to_question("q_single");
    CHECK((d.j.can_go_back() && d.j.can_skip() && d.j.offers_next() && !d.j.can_go_next()));
    d.send(Event::toggle("yes"));
    CHECK(d.j.can_go_next());
}

TEST_CASE("Journey/back shows the answer given before, and changing it stores a new record", "[journey]") {
    Driver d;
    d.to_topic();
    d.to_question("q_single");
    d.send(Event::toggle("yes"));
    d.send(K::Next);
    CHECK(d.j.question()->id == "q_cond");
    d.send(K::Back);
    CHECK(d.j.question()->id == "q_single");
    CHECK(d.j.is_selected("yes"));
    d.send(Event::toggle("no"));
    d.send(K::Next);
    CHECK(d.j.question()->id == "q_scale");  // "no" now hides q_cond
    REQUIRE(d.committed.size() == 2);
    CHECK(d.committed[1].answers[0].value == "no");
}

TEST_CASE("Journey/(4) a conditional question is hidden going back as well as forward", "[journey]") {
    Driver d;
    d.to_topic();
    d.to_question("q_single");
    d.send(Event::toggle("not_sure"));
    d.send(K::Next);
    CHECK(d.j.question()->id == "q_scale");
    d.send(K::Back);
    CHECK(d.j.question()->id == "q_single");
}

TEST_CASE("Journey/back from the first step of a topic returns to the topic list", "[journey]") {
    Driver d;
    d.to_topic();
    CHECK(d.j.screen() == Screen::Explainer);
    d.send(K::Back);
    CHECK(d.j.screen() == Screen::Topics);
}

TEST_CASE("Journey/single and scale replace the choice; multi toggles up to its maximum", "[journey]") {
    Driver d;
    d.to_topic();
    d.to_question("q_scale");
    d.send(Event::toggle("s1"));
    d.send(Event::toggle("s4"));
    CHECK(d.j.draft() == std::vector<std::string>{"s4"});
    d.send(Event::toggle("nonexistent"));
    CHECK(d.j.draft() == std::vector<std::string>{"s4"});
    d.send(K::Next);
    d.send(Event::toggle("m3"));
    d.send(Event::toggle("m1"));
    d.send(Event::toggle("m2"));  // a third choice is refused: max_choices = 2
    CHECK(d.j.draft().size() == 2);
    d.send(Event::toggle("m3"));  // untoggle
    d.send(Event::toggle("m2"));
    d.send(K::Next);
    // Stored in the pack's option order, whatever order they were tapped.
    CHECK(d.committed.back().answers[0].value == "m1;m2");
}

TEST_CASE("Journey/an exclusive option clears the other choices, and another choice clears it", "[journey]") {
    PackFiles files = test::tiny_pack_files();
    for (const char* lang : {"en/", "cy/"}) {
        std::string& q = files[std::string(lang) + "questions.toml"];
        const std::string m3 = "label = \"M3\" }";
        const size_t at = q.find(m3);
        REQUIRE(at != std::string::npos);
        q.replace(at, m3.size(), "label = \"M3\", exclusive = true }");
    }
    PackResult parsed = parse_pack(files);
    REQUIRE(parsed.pack);
    JourneyConfig c = config();
    c.pack = &*parsed.pack;
    Driver d;
    d.j = Journey(c);
    d.to_topic();
    d.to_question("q_multi");
    d.send(Event::toggle("m1"));
    d.send(Event::toggle("m3"));  // "none of these": the other choice goes
    CHECK(d.j.draft() == std::vector<std::string>{"m3"});
    d.send(Event::toggle("m2"));  // another choice: "none of these" goes
    CHECK(d.j.draft() == std::vector<std::string>{"m2"});
    d.send(Event::toggle("m1"));  // two ordinary choices still go together
    CHECK(d.j.draft() == std::vector<std::string>{"m2", "m1"});
    d.send(K::Next);
    CHECK(d.committed.back().answers[0].value == "m1;m2");
}

TEST_CASE("Journey/(6) no 'still there' while the visitor is active", "[journey]") {
    Driver d;
    d.to_topic();
    for (int i = 0; i < 10; ++i) {
        d.wait(50);
        d.send(Event::text_size(TextSize::Standard));  // any event counts as activity
        CHECK_FALSE(d.j.still_there_showing());
    }
}

TEST_CASE("Journey/(6) inactivity shows 'still there', then resets", "[journey]") {
    Driver d;
    d.to_topic();
    d.wait(59);
    CHECK_FALSE(d.j.still_there_showing());
    d.wait(1);
    CHECK(d.j.still_there_showing());
    CHECK(d.j.still_there_seconds_left(d.now.monotonic) == 20);
    d.wait(19);
    CHECK(d.j.still_there_seconds_left(d.now.monotonic) == 1);
    CHECK(d.j.screen() == Screen::Explainer);
    d.wait(1);
    CHECK(d.j.screen() == Screen::Attract);
    CHECK_FALSE(d.j.still_there_showing());
}

TEST_CASE("Journey/answering 'still there' keeps the visitor where they were", "[journey]") {
    Driver d;
    d.to_topic();
    d.send(K::Next);
    d.wait(61);
    REQUIRE(d.j.still_there_showing());
    d.send(K::StillHere);
    CHECK_FALSE(d.j.still_there_showing());
    CHECK(d.j.screen() == Screen::Explainer);
    CHECK(d.j.step_number() == 2);
}

TEST_CASE("Journey/(3) reset leaves nothing of the previous visitor", "[journey]") {
    Driver d;
    d.to_topic();
    d.send(Event::language("cy"));
    d.send(Event::text_size(TextSize::Large));
    d.send(Event::contrast(true));
    d.send(Event::read_aloud(true));
    d.to_question("q_single");
    d.send(Event::toggle("yes"));
    d.send(K::Next);
    d.send(Event::toggle("a"));  // a draft, not yet saved
    const std::string old_session = d.j.session_id();
    d.wait(60);
    d.wait(20);
    CHECK(d.j.screen() == Screen::Attract);
    CHECK_FALSE(d.j.has_session());
    CHECK(d.j.answers().empty());
    CHECK(d.j.draft().empty());
    CHECK(d.j.draft_text().empty());
    CHECK(d.j.language() == "en");
    CHECK(d.j.text_size() == TextSize::Standard);
    CHECK_FALSE(d.j.high_contrast());
    CHECK_FALSE(d.j.read_aloud());
    CHECK(d.j.topic() == nullptr);
    d.send(Event::start());
    CHECK(d.j.session_id() != old_session);
}

TEST_CASE("Journey/the thank-you screen returns to attract by itself", "[journey]") {
    Driver d;
    d.to_topic();
    d.leave();
    CHECK(d.j.screen() == Screen::Closing);
    d.send(K::Next);
    CHECK(d.j.screen() == Screen::ThankYou);
    CHECK_FALSE(d.j.can_go_back());
    d.wait(14);
    CHECK(d.j.screen() == Screen::ThankYou);
    d.wait(1);
    CHECK(d.j.screen() == Screen::Attract);
}

TEST_CASE("Journey/finish keeps an answer the visitor chose but had not moved on from", "[journey]") {
    Driver d;
    d.to_topic();
    d.to_question("q_single");
    d.send(Event::toggle("no"));
    d.leave();
    CHECK(d.j.screen() == Screen::Closing);  // how to opt out, always on the way out (invariant 10)
    REQUIRE(d.committed.size() == 1);
    CHECK(d.committed[0].answers[0].value == "no");
}

TEST_CASE("Journey/(10) Finish asks once; No goes back; every other tap waits for the answer", "[journey]") {
    Driver d;
    d.to_topic();
    d.to_question("q_single");
    d.send(Event::toggle("yes"));
    d.send(K::Finish);
    CHECK(d.j.leave_asking());
    CHECK(d.committed.empty());
    d.send(K::Next);  // under the box: nothing happens
    d.send(K::Back);
    CHECK(d.j.screen() == Screen::Question);
    CHECK(d.committed.empty());
    d.send(K::LeaveCancelled);
    CHECK_FALSE(d.j.leave_asking());
    CHECK(d.j.question()->id == "q_single");
    CHECK(d.j.is_selected("yes"));  // nothing lost by asking
    d.send(K::Next);
    CHECK(d.committed.size() == 1);
}

TEST_CASE("Journey/(10) leaving with nothing answered still shows how to opt out", "[journey]") {
    Driver d;
    d.send(Event::start());
    d.send(K::Next);
    REQUIRE(d.j.screen() == Screen::Topics);
    d.leave();
    REQUIRE(d.j.screen() == Screen::Closing);
    CHECK(d.j.explainer()->id == test::tiny_pack().closing_explainer);
    CHECK(d.committed.empty());
    d.send(K::Next);
    CHECK(d.j.screen() == Screen::ThankYou);
    // Already on the closing screen: leaving goes straight to thank you, without asking twice.
    Driver e;
    e.to_topic();
    while (e.j.screen() != Screen::Closing) e.forward();
    e.leave();
    CHECK(e.j.screen() == Screen::ThankYou);
}

TEST_CASE("Journey/(10) leaving from a card keeps the cards seen so far", "[journey]") {
    Driver d;
    d.to_topic();
    while (d.j.screen() != Screen::Card) d.forward();
    d.send(K::Next);  // the second card
    d.leave();
    CHECK(d.j.screen() == Screen::Closing);
    bool seen_two = false;
    for (const auto& c : d.committed)
        for (const auto& a : c.answers) seen_two |= a.phase == "cards_seen" && a.value == "2";
    CHECK(seen_two);
}

TEST_CASE("Journey/another topic keeps the same session", "[journey]") {
    Driver d;
    d.to_topic();
    d.to_question("q_single");
    d.send(Event::toggle("yes"));
    d.send(K::Next);
    d.leave();
    d.send(K::Next);  // past how to opt out
    const std::string session = d.j.session_id();
    d.send(K::AnotherTopic);
    CHECK(d.j.screen() == Screen::Topics);
    d.send(Event::topic("t2"));
    d.to_question("q_single");
    d.send(Event::toggle("no"));
    d.send(K::Next);
    CHECK(d.committed.back().session.session_id == session);
}

TEST_CASE("Journey/questions about you are asked once per visit", "[journey]") {
    Driver d;
    d.to_topic("t2");
    std::vector<std::string> questions;
    while (d.j.screen() != Screen::ThankYou) {
        if (d.j.question()) questions.push_back(d.j.question()->id);
        d.forward();
    }
    CHECK(questions == std::vector<std::string>{"q_single", "q_age"});
    d.send(K::AnotherTopic);
    d.send(Event::topic("t2"));
    questions.clear();
    while (d.j.screen() != Screen::ThankYou) {
        if (d.j.question()) questions.push_back(d.j.question()->id);
        d.forward();
    }
    CHECK(questions == std::vector<std::string>{"q_single"});
}

TEST_CASE("Journey/the closing explainer is not shown twice when the topic has it", "[journey]") {
    Driver d;
    d.to_topic("t2");
    int closings = 0, explainers = 0;
    while (d.j.screen() != Screen::ThankYou) {
        closings += d.j.screen() == Screen::Closing;
        explainers += d.j.screen() == Screen::Explainer;
        d.forward();
    }
    CHECK(explainers == 1);
    CHECK(closings == 0);
}

TEST_CASE("Journey/(7) a scenario stores first and second views and the card order", "[journey]") {
    Driver d;
    d.j = Journey([] {
        auto c = config();
        c.shuffle_cards = [](std::vector<std::string> v) {
            std::reverse(v.begin(), v.end());
            return v;
        };
        return c;
    }());
    d.to_topic();
    while (d.j.screen() != Screen::FirstView) d.forward();
    d.send(Event::toggle("no"));
    d.send(K::Next);
    REQUIRE(d.j.screen() == Screen::SureFirst);
    d.send(K::Skip);
    REQUIRE(d.j.screen() == Screen::Card);
    CHECK(d.j.card()->id == "c3");
    CHECK(d.j.card_number() == 1);
    CHECK(d.j.card_count() == 3);
    d.send(K::Next);
    CHECK(d.j.card()->id == "c2");
    d.send(K::Back);  // back to the first card, and on again
    d.send(K::Next);
    d.send(K::Next);
    CHECK(d.j.card()->id == "c1");
    d.send(K::Next);
    REQUIRE(d.j.screen() == Screen::SecondView);
    CHECK_FALSE(d.j.is_selected("no"));  // the second view starts blank
    d.send(Event::toggle("yes"));
    d.send(K::Next);
    CHECK(d.j.screen() == Screen::SureSecond);
    d.send(K::Skip);
    CHECK(d.j.screen() == Screen::Reasons);
    d.send(K::Skip);
    CHECK(d.j.screen() == Screen::Results);

    std::vector<AnswerRecord> all;
    for (const auto& c : d.committed)
        for (const auto& a : c.answers) {
            CHECK(c.session.session_id == d.j.session_id());
            if ((a.question_id == "q_view" || a.question_id == "s1") && a.phase != "sure_second" && a.phase != "reasons")
                all.push_back(a);
        }
    std::vector<std::string> got;
    for (const auto& a : all) got.push_back(a.question_id + "#" + a.phase + "=" + (a.skipped ? "(skipped)" : a.value));
    // The card times: every card was left at once (the test's clock stands still).
    const std::vector<std::string> expected = {
        "s1#group=cards",        "q_view#first=no", "s1#sure_first=(skipped)",
        "s1#card_order=c3,c2,c1", "s1#cards_seen=3", "s1#card_times=c3:under_3s,c2:under_3s,c1:under_3s",
        "s1#too_fast=1",          "q_view#second=yes"};
    CHECK(got == expected);
    CHECK(all[1].content_hash == all.back().content_hash);  // the same question, both times
}

TEST_CASE("Journey/Skip on a card passes over that card only; the second view follows the last", "[journey]") {
    Driver d;
    d.to_topic();
    while (d.j.screen() != Screen::Card) d.forward();
    d.send(K::Skip);
    CHECK(d.j.screen() == Screen::Card);
    CHECK(d.j.card_number() == 2);
    d.send(K::Skip);
    d.send(K::Skip);
    CHECK(d.j.screen() == Screen::SecondView);
    REQUIRE(d.committed.size() >= 1);
    CHECK(d.committed.back().answers[1].phase == "cards_seen");
    CHECK(d.committed.back().answers[1].value == "3");
}

namespace {
std::map<std::string, std::string> stored(const Driver& d) {
    std::map<std::string, std::string> out;  // the last record of each key, as the store keeps it
    for (const auto& c : d.committed)
        for (const auto& a : c.answers) out[a.question_id + "#" + a.phase] = a.skipped ? "(skipped)" : a.value;
    return out;
}
}  // namespace

TEST_CASE("Journey/card times are kept as bands, and a visit that reads is not too fast", "[journey]") {
    Driver d;
    d.to_topic();
    while (d.j.screen() != Screen::Card) d.forward();
    d.now.monotonic += 5;  // 5 s on the first card
    d.send(K::Next);
    d.now.monotonic += 40;  // 40 s on the second
    d.send(K::Next);
    d.now.monotonic += 2;  // 2 s on the third
    d.send(K::Next);
    const auto s = stored(d);
    CHECK(s.at("s1#card_times") == "c1:3_to_15s,c2:over_15s,c3:under_3s");
    CHECK_FALSE(s.count("s1#too_fast"));
}

TEST_CASE("Journey/(9) the comparison group gets a pause instead of the cards, and no reasons", "[journey]") {
    Driver d;
    d.j = Journey([] {
        auto c = config();
        c.draw_percent = [] { return 0u; };  // below the pack's 20 %: the comparison group
        return c;
    }());
    d.to_topic();
    std::vector<std::string> seen;
    while (d.j.screen() != Screen::Results) {
        if (in_scenario(d.j.screen())) seen.push_back(d.current());
        d.forward();
    }
    CHECK(seen == std::vector<std::string>{"scenario", "first_view", "sure_first", "pause", "second_view", "sure_second"});
    CHECK(d.j.group() == StudyGroup::Comparison);
    const auto s = stored(d);
    CHECK(s.at("s1#group") == "comparison");
    CHECK_FALSE(s.count("s1#card_order"));
    CHECK_FALSE(s.count("s1#reasons"));
}

TEST_CASE("Journey/(9) the group is drawn once a visit and kept when the topic is taken again", "[journey]") {
    int draws = 0;
    Driver d;
    d.j = Journey([&draws] {
        auto c = config();
        c.draw_percent = [&draws] { return ++draws == 1 ? 0u : 99u; };  // comparison first, cards after
        return c;
    }());
    d.to_topic();
    while (d.j.screen() != Screen::SecondView) d.forward();
    d.leave();
    d.send(K::Next);
    d.send(K::AnotherTopic);
    d.send(Event::topic("t1"));
    while (d.j.screen() != Screen::SecondView) {
        CHECK(d.j.screen() != Screen::Card);
        d.forward();
    }
    CHECK(draws == 1);
    int groups = 0;
    for (const auto& c : d.committed)
        for (const auto& a : c.answers) groups += a.phase == "group";
    CHECK(groups == 1);  // stored with the first commit in the scenario, once
}

TEST_CASE("Journey/(9) the group is stored with the scenario's first commit, not before", "[journey]") {
    Driver d;
    d.to_topic();
    d.to_question("q_single");
    d.send(K::Skip);
    REQUIRE(d.committed.size() == 1);
    CHECK(d.committed[0].answers.size() == 1);
    while (d.j.screen() != Screen::FirstView) d.forward();
    const size_t before = d.committed.size();
    d.send(K::Skip);
    REQUIRE(d.committed.size() == before + 1);
    const auto& a = d.committed.back().answers;
    REQUIRE(a.size() == 2);
    CHECK((a[0].question_id == "s1" && a[0].phase == "group" && a[0].value == "cards"));
    CHECK((a[1].phase == "first" && a[1].skipped));
}

TEST_CASE("Journey/knowledge statements are asked before and after, then the answers shown", "[journey]") {
    const Pack& informed = test::informed_pack();
    auto c = config();
    c.pack = &informed;
    Driver d;
    d.j = Journey(c);
    d.to_topic();
    std::vector<std::string> seen;
    while (d.j.screen() != Screen::Results) {
        if (in_scenario(d.j.screen())) seen.push_back(d.current());
        if (d.j.knowledge()) {
            CHECK(d.j.question()->text == d.j.knowledge()->statement);
            REQUIRE(d.j.question()->options.size() == 3);
            d.send(Event::toggle(d.j.screen() == Screen::KnowledgeBefore ? "dont_know" : "true"));
        } else if (d.j.screen() == Screen::Reasons) {
            REQUIRE(d.j.question()->options.size() == 3);  // the cards seen, in the order shown
            CHECK(d.j.question()->options[0].id == "c1");
            d.send(Event::toggle("c2"));
            d.send(Event::toggle("c3"));
        }
        d.forward();
    }
    CHECK(seen == std::vector<std::string>{"scenario", "first_view", "sure_first", "knowledge_before", "knowledge_before",
                                           "card", "card", "card", "second_view", "sure_second", "reasons",
                                           "knowledge_after", "knowledge_after", "knowledge_answers"});
    const auto s = stored(d);
    CHECK(s.at("k1#knowledge_before") == "dont_know");
    CHECK(s.at("k2#knowledge_before") == "dont_know");
    CHECK(s.at("k1#knowledge_after") == "true");
    CHECK(s.at("s1#reasons") == "c2;c3");
    // Every record is one the staff tools accept.
    for (const auto& cm : d.committed)
        for (const auto& a : cm.answers) {
            const auto p = phase_from_name(a.phase);
            REQUIRE(p);
            if (!a.skipped) CHECK(check_informed_record(informed.default_content(), *p, a.question_id, a.value).empty());
        }
}

TEST_CASE("Journey/every stored answer carries pack id, version, hash and a coarse stamp", "[journey]") {
    Driver d;
    d.now.local = CivilTime{2025, 11, 22, 14, 37, 12};
    d.now.boot = 7;
    d.to_topic();
    d.to_question("q_single");
    d.send(Event::toggle("yes"));
    d.send(K::Next);
    REQUIRE(d.committed.size() == 1);
    const SessionInfo& s = d.committed[0].session;
    CHECK(s.pack_id == "tiny");
    CHECK(s.pack_version == "1.2.3");
    CHECK(s.pack_hash == test::tiny_pack().hash);
    CHECK(s.language == "en");
    CHECK(s.stamp.date == "2025-11-22");
    CHECK(s.stamp.part_of_day == "afternoon");
    CHECK(s.stamp.boot == 7);
    CHECK(d.committed[0].answers[0].content_hash == test::tiny_pack().default_content().question("q_single")->content_hash);
}

TEST_CASE("Journey/text size can change on any screen", "[journey]") {
    Driver d;
    d.to_topic();
    d.to_question("q_scale");
    d.send(Event::text_size(TextSize::Large));
    CHECK(d.j.text_size() == TextSize::Large);
    CHECK(d.j.screen() == Screen::Question);
}

TEST_CASE("Journey/contrast and read-aloud can change on any screen without moving on", "[journey]") {
    Driver d;
    d.to_topic();
    d.to_question("q_scale");
    d.send(Event::contrast(true));
    d.send(Event::read_aloud(true));
    CHECK(d.j.high_contrast());
    CHECK(d.j.read_aloud());
    CHECK(d.j.question()->id == "q_scale");
    d.send(Event::read_aloud(false));
    CHECK_FALSE(d.j.read_aloud());
}
