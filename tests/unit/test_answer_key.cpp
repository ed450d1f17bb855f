// Answer phases and keys (kiosk/core/answer_key.hpp): the stored names round-trip, and a key
// spells itself as reports and digests always have.
#include "core/answer_key.hpp"

#include <catch2/catch.hpp>

using namespace dv;

TEST_CASE("Answer key/every phase's stored name reads back as that phase", "[journey]") {
    for (const Phase p : {Phase::Plain, Phase::First, Phase::Second, Phase::CardOrder, Phase::CardsSeen}) {
        const auto back = phase_from_name(phase_name(p));
        REQUIRE(back);
        CHECK(*back == p);
    }
    CHECK(std::string(phase_name(Phase::First)) == "first");
    CHECK(std::string(phase_name(Phase::CardOrder)) == "card_order");
    CHECK_FALSE(phase_from_name("third"));
}

TEST_CASE("Answer key/only plain questions and scenario views are opinions", "[journey]") {
    CHECK(is_view_phase(""));
    CHECK(is_view_phase("first"));
    CHECK(is_view_phase("second"));
    CHECK_FALSE(is_view_phase("card_order"));
    CHECK_FALSE(is_view_phase("cards_seen"));
    CHECK_FALSE(is_view_phase("unknown"));
}

TEST_CASE("Answer key/a key spells question or question#phase", "[journey]") {
    CHECK(AnswerKey("aware").text() == "aware");
    CHECK(AnswerKey("q_view", Phase::Second).text() == "q_view#second");
    CHECK(AnswerKey("q", Phase::First) < AnswerKey("q", Phase::Second));
    CHECK(AnswerKey("q") == AnswerKey(std::string("q"), Phase::Plain));
}
