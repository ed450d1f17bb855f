// Readability: sentences, paragraphs, English syllables and the Flesch-Kincaid reading age.
#include "core/readability.hpp"

#include <catch2/catch.hpp>

using namespace dv;

TEST_CASE("Readability/English syllables follow the usual rules", "[readability]") {
    const std::pair<const char*, int> words[] = {
        {"cat", 1},         {"care", 1},      {"code", 1},        {"free", 1},          {"table", 2},
        {"people", 2},      {"names", 1},     {"services", 3},    {"changes", 2},       {"used", 1},
        {"asked", 1},       {"wanted", 2},    {"needed", 2},      {"information", 4},   {"social", 2},
        {"media", 3},       {"period", 3},    {"comfortable", 4}, {"uncomfortable", 5}, {"charities", 3},
        {"yes", 1},         {"you", 1},       {"long-term", 2},   {"GP's", 1},          {"NHS", 1},
        {"0300", 1},        {"Healthwatch", 2},
    };
    for (const auto& [word, n] : words) {
        INFO(word);
        CHECK(english_syllables(word) == n);
    }
}

TEST_CASE("Readability/sentences end at stops and line breaks, not inside links", "[readability]") {
    const auto s = split_sentences("A title\nOne. Two! Three? Visit www.nhs.uk today.\n\n  \nLast one");
    REQUIRE(s.size() == 6);
    CHECK(s[0] == "A title");
    CHECK(s[1] == "One.");
    CHECK(s[4] == "Visit www.nhs.uk today.");
    CHECK(s[5] == "Last one");
    CHECK(split_sentences("He said \"stop.\" Then left.").size() == 2);
    CHECK(split_sentences(" . ! ").empty());
}

TEST_CASE("Readability/paragraphs are separated by blank lines", "[readability]") {
    const auto p = split_paragraphs("\nFirst line.\nStill first.\n\n\n  Second.  \n \nThird.");
    REQUIRE(p.size() == 3);
    CHECK(p[0] == "First line.\nStill first.");
    CHECK(p[1] == "Second.");
    CHECK(p[2] == "Third.");
}

TEST_CASE("Readability/Flesch-Kincaid grade from the formula, reading age is grade plus five", "[readability]") {
    // the(1) NHS(1) keeps(1) a(1) record(2) / it(1) helps(1) plan(1) care(1) for(1) everyone(3)
    const TextStats s = text_stats("The NHS keeps a record. It helps plan care for everyone.");
    CHECK(s.sentences == 2);
    CHECK(s.words == 11);
    CHECK(s.longest_sentence == 6);
    CHECK(s.syllables == 14);
    const double expected = 0.39 * 11 / 2 + 11.8 * s.syllables / 11.0 - 15.59;
    CHECK(flesch_kincaid_grade(s) == Approx(expected));
    CHECK(reading_age(s) == Approx(std::max(5.0, expected + 5)));
    CHECK(flesch_kincaid_grade(text_stats("")) == 0);
}

TEST_CASE("Readability/long words and long sentences read older than short ones", "[readability]") {
    const double easy = reading_age(text_stats("Your doctor writes down what happens. This is your record. It helps you."));
    const double hard = reading_age(text_stats(
        "Confidential patient information may be disclosed to organisations responsible for commissioning "
        "services, subject to statutory safeguards and independent governance arrangements."));
    CHECK(easy < 9);
    CHECK(hard > 16);
}
