// Population files: the shipped one fits the default pack and says what the survey said;
// mistakes in a file are one "file:line: message" each.
#include "simulate_support.hpp"

#include "exchange/files.hpp"
#include "exchange/pack_files.hpp"
#include "simulate/population.hpp"

#include <catch2/catch.hpp>

using namespace dv;

namespace {

const Pack& default_pack() {
    static const PackLoad pack = load_pack_dir(test::default_pack_dir());
    REQUIRE(pack.pack);
    return *pack.pack;
}

// The problems of a population text: parse errors, or else those against the default pack
// and the 800x480 kiosk's timeouts (60 s idle, 15 s thank-you).
std::string problems_of(const std::string& text) {
    auto r = sim::parse_population(text, "people.toml");
    if (!r.population) return format_problems(r.problems);
    sim::KioskTimings timings;
    timings.thank_you_seconds = 15;
    return format_problems(sim::check_population(*r.population, default_pack(), timings));
}

}  // namespace

TEST_CASE("simulate/the Norfolk population reads cleanly and fits the default pack", "[simulate]") {
    std::string text, error;
    REQUIRE(read_text_file(test::norfolk_population(), text, error));
    auto r = sim::parse_population(text, "norfolk-2025.toml");
    INFO(format_problems(r.problems));
    REQUIRE(r.population);
    sim::KioskTimings pi;  // firmware_profiles/pi-7in-800x480.toml
    pi.thank_you_seconds = 15;
    CHECK(format_problems(sim::check_population(*r.population, default_pack(), pi)).empty());

    // The model gives back the survey's shares: Table 1 for "aware", Table 6 for opting out.
    test::LoadedModel m;
    const LanguageContent& c = m.model->content();
    const auto aware = m.model->expected_shares(*c.question("aware"), "");
    CHECK(aware[0] == Approx(344.0 / 461).epsilon(1e-9));
    CHECK(aware[1] == Approx(76.0 / 461).epsilon(1e-9));
    const auto opt_out = m.model->expected_shares(*c.question("know_can_opt_out"), "");
    CHECK(opt_out[0] == Approx(317.0 / 458).epsilon(1e-9));
    // Comfort mixes Table 4's age groups by Appendix 2's age mix: close to Table 2's overall
    // 45 % "very comfortable", but not the same number.
    const auto comfort = m.model->expected_shares(*c.question("comfort_wider"), "");
    CHECK(comfort[0] == Approx(0.46).margin(0.02));
    // Every distribution is a distribution (several-answer questions: at least one choice).
    for (const auto& q : c.questions) {
        if (q.type == QuestionType::FreeText) continue;
        for (const char* phase : {"", "second"}) {
            double total = 0;
            for (double s : m.model->expected_shares(q, phase)) total += s;
            INFO(q.id << " " << phase);
            if (q.type == QuestionType::Multi)
                CHECK(total >= 1.0 - 1e-9);
            else
                CHECK(total == Approx(1.0).epsilon(1e-9));
        }
    }
    // The second view of warm homes moves towards "yes" more than away from it.
    const auto first = m.model->expected_shares(*c.question("warm_homes_view"), "first");
    const auto second = m.model->expected_shares(*c.question("warm_homes_view"), "second");
    CHECK(first[0] == Approx(346.0 / 433).epsilon(1e-9));
    CHECK(second[2] > 0);  // "not sure" only appears after the cards
}

TEST_CASE("simulate/a mistake in a population file is one line naming the file and the line", "[simulate]") {
    const std::string ok = "name = \"test\"\n";
    CHECK(problems_of(ok).empty());
    CHECK(problems_of(ok + "colour = \"blue\"\n") == "people.toml:2: unknown key 'colour'\n");
    CHECK(problems_of("name = \"t\"\n[behaviour]\nskip = 1.5\n") ==
          "people.toml:3: 'behaviour.skip' is out of range; it must be between 0 and 1\n");
    CHECK(problems_of("name = \"t\"\n[traffic]\nopens = \"8am\"\n") ==
          "people.toml:3: 'traffic.opens' must be a time like \"08:30\"\n");
    CHECK(problems_of("name = \"t\"\n[traffic]\nweekdays = [1, 1]\n") ==
          "people.toml:3: 'traffic.weekdays' must list 7 numbers from 0 to 100, Monday to Sunday\n");
    // Against the pack.
    CHECK(problems_of("name = \"t\"\n\n[questions.aware]\nshares = { yes = 1, maybe = 2 }\n") ==
          "people.toml:4: 'questions.aware.shares.maybe': question 'aware' has no option 'maybe'\n");
    CHECK(problems_of("name = \"t\"\n[questions.favourite_colour]\nshares = { red = 1 }\n") ==
          "people.toml:2: 'questions.favourite_colour': the pack has no question 'favourite_colour'\n");
    CHECK(problems_of("name = \"t\"\n[questions.where_look]\nshares = { internet = 1 }\n") ==
          "people.toml:3: 'questions.where_look.shares': 'where_look' takes several answers: give 'chosen' instead\n");
    CHECK(problems_of("name = \"t\"\n[questions.where_look]\nchosen = { internet = 1.2 }\n") ==
          "people.toml:3: 'questions.where_look.chosen.internet' is out of range; it must be between 0 and 1\n");
    CHECK(problems_of("name = \"t\"\n[deliberation.warm_homes]\nmove = 0.2\n") ==
          "people.toml:2: 'deliberation.warm_homes' needs 'order': the options of 'warm_homes_view' from most to "
          "least positive\n");
    CHECK(problems_of("name = \"t\"\n[topics]\nweather = 1\n") ==
          "people.toml:3: 'topics.weather': the pack has no topic 'weather'\n");
    CHECK(problems_of("name = \"t\"\n[dwell]\nquestion = [5, 58]\n") ==
          "people.toml:3: 'dwell.question' reaches 58 s; the kiosk asks \"Still there?\" after 60 s, so at most 55 s\n");
    CHECK(problems_of("name = \"t\"\n[dwell]\nthank_you = [1, 14]\n") ==
          "people.toml:3: 'dwell.thank_you' reaches 14 s; the kiosk leaves the thank-you screen after 15 s, so at "
          "most 12 s\n");
    CHECK(problems_of("name = \"t\"\n[dwell]\nlobby = [1, 2]\n").rfind("people.toml:3: 'dwell.lobby' is not a kind of screen", 0) == 0);
    CHECK(problems_of("name = \"t\"\n[age]\nquestion = \"age_band\"\nmix = { 16_35 = 1, 200_plus = 1 }\n") ==
          "people.toml:4: 'age.mix.200_plus': question 'age_band' has no option '200_plus'\n");
    CHECK(problems_of("name = \"t\"\nlanguages = { xx = 1 }\n") ==
          "people.toml:2: 'languages.xx': the pack has no language 'xx'\n");
    CHECK(problems_of("name = [\n").rfind("people.toml:1: not valid TOML", 0) == 0);
}
