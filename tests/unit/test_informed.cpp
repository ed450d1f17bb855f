// Informed views: knowledge statements in the pack format and their lint, the
// comparison group's random assignment, card time bands, the too-fast flag, and what stored
// records the staff tools accept.
#include "core/informed.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>

using namespace dv;

namespace {

bool mentions(const Problems& ps, const std::string& text) {
    for (const auto& p : ps)
        if (p.message.find(text) != std::string::npos) return true;
    return false;
}

Problems problems_after(const std::string& file, const std::string& from, const std::string& to,
                        PackFiles files = test::informed_pack_files()) {
    std::string& s = files[file];
    const size_t at = s.find(from);
    REQUIRE(at != std::string::npos);
    s.replace(at, from.size(), to);
    PackResult r = parse_pack(files);
    CHECK_FALSE(r.pack);
    return r.problems;
}

}  // namespace

TEST_CASE("Informed/knowledge statements parse with their answer, explanation and hash", "[informed]") {
    const Scenario* s = test::informed_pack().default_content().scenario("s1");
    REQUIRE(s);
    REQUIRE(s->knowledge.size() == 2);
    CHECK(s->knowledge[0].id == "k1");
    CHECK(s->knowledge[0].answer);
    CHECK_FALSE(s->knowledge[1].answer);
    CHECK(s->knowledge[1].explanation == "Only approved staff can.");
    CHECK(s->knowledge[0].content_hash.size() == 64);
    CHECK(s->knowledge[0].content_hash != s->knowledge[1].content_hash);
    CHECK(s->comparison_percent == 20);
}

TEST_CASE("Informed/a scenario without a comparison share gets 20 percent", "[informed]") {
    CHECK(test::tiny_pack().default_content().scenario("s1")->comparison_percent == kDefaultComparisonPercent);
    CHECK(kDefaultComparisonPercent == 20);
}

TEST_CASE("Informed/lint: a comparison share above 50 percent is refused", "[informed]") {
    CHECK(mentions(problems_after("en/scenarios.toml", "comparison_percent = 20", "comparison_percent = 60"),
                   "comparison_percent"));
}

TEST_CASE("Informed/lint: don't know is never the correct answer", "[informed]") {
    CHECK(mentions(problems_after("en/scenarios.toml", "answer = \"true\"", "answer = \"dont_know\""),
                   "never the answer"));
}

TEST_CASE("Informed/lint: every statement needs an explanation of one line", "[informed]") {
    CHECK(mentions(problems_after("en/scenarios.toml", "explanation = \"They are removed first.\"", ""), "explanation"));
    CHECK(mentions(problems_after("en/scenarios.toml", "explanation = \"They are removed first.\"",
                                  "explanation = \"\"\"\nOne.\nTwo.\"\"\""),
                   "one line"));
}

TEST_CASE("Informed/lint: a knowledge check has 2 to 4 statements", "[informed]") {
    PackFiles files = test::informed_pack_files();
    std::string& sc = files["en/scenarios.toml"];
    sc = sc.substr(0, sc.find("[[scenario.knowledge]]\nid = \"k2\""));
    std::string& cy = files["cy/scenarios.toml"];
    cy = cy.substr(0, cy.find("[[scenario.knowledge]]\nid = \"k2\""));
    PackResult r = parse_pack(files);
    CHECK_FALSE(r.pack);
    CHECK(mentions(r.problems, "2 to 4 statements"));
}

TEST_CASE("Informed/lint: every language has the same statements with the same answers", "[informed]") {
    CHECK(mentions(problems_after("cy/scenarios.toml", "answer = \"false\"", "answer = \"true\""),
                   "differs from the default language"));
}

TEST_CASE("Informed/lint: a statement's id may not be a question's", "[informed]") {
    PackFiles files = test::informed_pack_files();
    for (const std::string lang : {"en/", "cy/"}) {
        std::string& sc = files[lang + "scenarios.toml"];
        sc.replace(sc.find("id = \"k1\""), 9, "id = \"q_view\"");
    }
    PackResult r = parse_pack(files);
    CHECK_FALSE(r.pack);
    CHECK(mentions(r.problems, "has the id of a question"));
}

TEST_CASE("Informed/lint: knowledge questions need their words in ui.toml", "[informed]") {
    CHECK(mentions(problems_after("cy/ui.toml", "knowledge_dont_know = ", "unused_word = "), "knowledge_dont_know"));
}

TEST_CASE("Informed/about 20 percent of 10,000 visits are assigned to the comparison group", "[informed]") {
    std::mt19937 rng(20261207);
    std::uniform_int_distribution<std::uint32_t> percent(0, 99);
    const PercentDraw draw = [&] { return percent(rng); };
    for (int share : {20, 35}) {
        int comparison = 0;
        for (int visit = 0; visit < 10000; ++visit)
            if (assign_group(share, draw) == StudyGroup::Comparison) ++comparison;
        // Binomial sd at 20 %: sqrt(10000 × 0.2 × 0.8) = 40; 4 sd = 160 visits either side.
        const double expected = 100.0 * share;
        const double sd = std::sqrt(10000.0 * share / 100.0 * (1 - share / 100.0));
        INFO("share " << share << ": " << comparison);
        CHECK(std::fabs(comparison - expected) < 4 * sd);
    }
}

TEST_CASE("Informed/the kiosk's own random draw also gives about 20 percent over 10,000 visits", "[informed]") {
    int comparison = 0;
    for (int visit = 0; visit < 10000; ++visit)
        if (assign_group(20) == StudyGroup::Comparison) ++comparison;
    CHECK(comparison > 2000 - 160);
    CHECK(comparison < 2000 + 160);
}

TEST_CASE("Informed/a comparison share of 0 never assigns the comparison group", "[informed]") {
    int draws = 0;
    for (int i = 0; i < 100; ++i) CHECK(assign_group(0, [&] { ++draws; return 0u; }) == StudyGroup::Cards);
    CHECK(draws == 0);
    CHECK(assign_group(20, [] { return 19u; }) == StudyGroup::Comparison);
    CHECK(assign_group(20, [] { return 20u; }) == StudyGroup::Cards);
}

TEST_CASE("Informed/time on a card is kept only as a coarse band", "[informed]") {
    CHECK(time_band(0) == TimeBand::Under3s);
    CHECK(time_band(2.99) == TimeBand::Under3s);
    CHECK(time_band(3) == TimeBand::From3To15s);
    CHECK(time_band(15) == TimeBand::From3To15s);
    CHECK(time_band(15.01) == TimeBand::Over15s);
    const std::vector<CardTime> times = {{"c2", TimeBand::Under3s}, {"c1", TimeBand::Over15s}};
    CHECK(encode_card_times(times) == "c2:under_3s,c1:over_15s");
    bool ok = false;
    CHECK(decode_card_times("c2:under_3s,c1:over_15s", &ok) == times);
    CHECK(ok);
    decode_card_times("c2:4.2", &ok);
    CHECK_FALSE(ok);
}

TEST_CASE("Informed/a visit is too fast only when every card shown was left in under 3 s", "[informed]") {
    CHECK(too_fast({{"c1", TimeBand::Under3s}, {"c2", TimeBand::Under3s}, {"c3", TimeBand::Under3s}}));
    CHECK_FALSE(too_fast({{"c1", TimeBand::Under3s}, {"c2", TimeBand::From3To15s}}));
    CHECK_FALSE(too_fast({}));  // no cards seen: nothing to be too fast on
}

TEST_CASE("Informed/stored records are checked against the pack", "[informed]") {
    const LanguageContent& c = test::informed_pack().default_content();
    CHECK(check_informed_record(c, Phase::KnowledgeBefore, "k1", "dont_know").empty());
    CHECK(check_informed_record(c, Phase::KnowledgeAfter, "k2", "false").empty());
    CHECK_FALSE(check_informed_record(c, Phase::KnowledgeAfter, "k2", "maybe").empty());
    CHECK_FALSE(check_informed_record(c, Phase::KnowledgeBefore, "k9", "true").empty());
    CHECK(check_informed_record(c, Phase::Group, "s1", "comparison").empty());
    CHECK_FALSE(check_informed_record(c, Phase::Group, "s1", "control").empty());
    CHECK_FALSE(check_informed_record(c, Phase::Group, "q_view", "cards").empty());
    CHECK(check_informed_record(c, Phase::SureFirst, "s1", "fairly").empty());
    CHECK_FALSE(check_informed_record(c, Phase::SureSecond, "s1", "yes").empty());
    CHECK(check_informed_record(c, Phase::Reasons, "s1", "c1;c3").empty());
    CHECK_FALSE(check_informed_record(c, Phase::Reasons, "s1", "c1;c1").empty());
    CHECK_FALSE(check_informed_record(c, Phase::Reasons, "s1", "c9").empty());
    CHECK(check_informed_record(c, Phase::CardTimes, "s1", "c3:under_3s,c1:3_to_15s").empty());
    CHECK_FALSE(check_informed_record(c, Phase::CardTimes, "s1", "c3:7s").empty());
    CHECK(check_informed_record(c, Phase::TooFast, "s1", "1").empty());
    CHECK_FALSE(check_informed_record(c, Phase::TooFast, "s1", "0").empty());
}

TEST_CASE("Informed/the new phases round-trip through their stored names and are not views", "[informed]") {
    for (Phase p : {Phase::Group, Phase::KnowledgeBefore, Phase::KnowledgeAfter, Phase::SureFirst, Phase::SureSecond,
                    Phase::Reasons, Phase::CardTimes, Phase::TooFast}) {
        INFO(phase_name(p));
        CHECK(phase_from_name(phase_name(p)) == p);
        CHECK_FALSE(is_view(p));
        CHECK_FALSE(is_view_phase(phase_name(p)));
    }
}
