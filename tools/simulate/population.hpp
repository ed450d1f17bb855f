// Population files: who the simulated visitors are and how they behave (`datavoice simulate
// --population FILE`). The format is TOML, documented with the shipped example in
// assets/populations/README.md. parse_population() reads one file strictly (unknown keys and
// out-of-range values are "file:line: message" problems); check_population() then holds it
// against a content pack (every id must exist there) and the kiosk's timeouts (a dwell must
// end before the kiosk would ask "Still there?").
#pragma once

#include "core/problem.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dv {
struct Pack;
}

namespace dv::sim {

// Named numbers read from one TOML table, in the table's key order, with the line of each.
struct Weights {
    std::vector<std::pair<std::string, double>> items;
    std::map<std::string, int> lines;
    int line = 0;  // of the table itself

    bool empty() const { return items.empty(); }
    double of(const std::string& key) const;  // 0 when absent
};

struct Range {
    double least = 0, most = 0;  // seconds
    int line = 0;
};

struct Traffic {
    double visitors_per_day = 40;  // on an average open day
    int opens_minute = 8 * 60;     // local time
    int closes_minute = 18 * 60;
    std::array<double, 7> weekdays{1, 1, 1, 1, 1, 0, 0};  // Monday..Sunday, relative; 0 = closed
    double morning = 1, afternoon = 1, evening = 1;        // relative visitors per hour
    int line = 0;
};

struct AgeModel {
    std::string question;    // the pack's age question; "" when the population has no [age]
    Weights mix;             // band (an option id) → share
    std::string prefer_not_option;
    double prefer_not = 0;   // chance a visitor answers prefer_not_option instead of their band
    int line = 0;
};

struct Behaviour {
    double skip = 0.04;               // chance to skip a question (per-question skip overrides)
    double another_topic = 0.1;       // at thank-you, chance to choose another topic
    double skip_cards = 0.05;         // on each perspective card, chance to skip the rest
    double finish_early = 0.02;       // on a question, chance to answer and then tap "I'm done"
    double leave_at_thank_you = 0.2;  // chance to walk away from thank-you (it times out)
    double repeat_press = 0.01;       // chance a visit is at once done again, the same (flagged)
};

struct Abandon {
    double rate = 0.1;       // share of visitors who walk away before the thank-you screen
    double draft_lost = 0.3; // of those leaving a question: chance they had tapped an answer
    Weights where;           // screen kind (screen_name()) → relative weight
};

struct QuestionModel {
    std::string question_id;
    int line = 0;
    std::optional<double> skip;
    Weights shares;                        // single and scale: option → weight
    Weights chosen;                        // multi: option → chance it is chosen
    std::map<std::string, Weights> by_age; // band → shares or chosen, as above
    std::vector<std::string> alone;        // multi: options chosen only on their own
    int alone_line = 0;
};

struct Deliberation {
    std::string scenario;
    double move = 0;              // chance the second view differs from the first by one step
    double move_without_cards = 0;  // the same in the comparison group (a pause, no cards)
    double towards_positive = 0.5;  // of those moving, the share who move towards order[0]
    std::vector<std::string> order;  // options from most to least positive (scale: pack order)
    // Knowledge statements: the chance each is answered right before the cards, and after
    // them (the comparison group answers after as before); of the rest, half say "don't know".
    double knowledge_before = 0.5;
    std::optional<double> knowledge_after;  // unset: as before
    int line = 0;
};

struct Population {
    std::string file;
    std::string name;
    std::string source;  // where the numbers come from, in a sentence
    Traffic traffic;
    AgeModel age;
    Weights languages;  // empty: the pack's default language only
    Weights topics;     // empty: every topic equally
    Behaviour behaviour;
    Abandon abandon;
    std::map<std::string, Range> dwell;  // screen kind → seconds spent before acting
    std::map<std::string, QuestionModel> questions;
    std::map<std::string, Deliberation> deliberation;
};

// The screen kinds a population may name in [dwell] and [abandon.where].
const std::vector<std::string>& screen_kinds();

struct PopulationResult {
    std::optional<Population> population;
    Problems problems;
};

PopulationResult parse_population(const std::string& text, const std::string& file);

// The kiosk timeouts a population's dwell times must fit inside (a hardware profile's).
struct KioskTimings {
    double idle_seconds = 60;
    double still_there_seconds = 20;
    double thank_you_seconds = 20;
    double repeat_seconds = 30;
};

// Problems where the population names something the pack lacks, or a dwell time that would
// set off the kiosk's inactivity timeouts.
Problems check_population(const Population& population, const Pack& pack, const KioskTimings& timings);

}  // namespace dv::sim
