// The motivated intruder: someone who saw one person use the kiosk on a given date in a given
// part of the day, and now holds everything the kiosk let out — the row-level export after
// coarsening and shuffling, the suppressed summary tables, and every figure the "what others
// said" screen ever showed. For every visitor whose date and part of day had fewer than the
// threshold of visitors, they try to single out that visitor's answers, and must fail.
// Each attack is first run against unprotected output, to show it works when the rules are off.
#include "core/export_rows.hpp"
#include "core/privacy.hpp"
#include "core/suppression.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <set>

using namespace dv;

namespace {

struct Question {
    std::string id;
    std::vector<std::string> options;
    bool multi = false;
};

const std::vector<Question> kQuestions = {
    {"comfort_wider", {"very_comfortable", "somewhat_comfortable", "neutral", "somewhat_uncomfortable", "very_uncomfortable"}},
    {"aware", {"yes", "no", "not_sure"}},
    {"reassure", {"names_removed", "security", "law", "nothing"}, true},
    {"age_band", {"under_16", "16_35", "36_55", "56_75", "76_plus"}},  // "about you": guessable by sight
};

struct Visit {
    std::string session_id, date, part;
    size_t cell_size = 0;  // visitors on the same date and part of day
    std::string language, age_band;  // what a bystander could see (the band even if not given)
};

// Four weeks of one kiosk: for each date and part of day a number of visitors from none to
// many, arriving in order; each answers each question (or skips it, one time in ten).
struct Kiosk {
    std::vector<Visit> visits;  // in order of arrival
    std::vector<ExportSession> sessions;
    std::vector<ExportAnswer> answers;
};

Kiosk simulate() {
    std::mt19937 random(6);  // fixed: the same kiosk on every run (session ids aside)
    Kiosk k;
    CivilTime first{2025, 11, 3};
    const std::int64_t first_day = unix_from_civil(first) / 86400;
    for (int d = 0; d < 28; ++d) {
        const std::string date = civil_from_unix((first_day + d) * 86400).date();
        for (const char* part : {"morning", "afternoon", "evening"}) {
            const unsigned kind = random() % 20;
            const size_t n = kind < 6 ? 0 : kind < 11 ? 1 : kind < 15 ? 2 + random() % 4 : kind < 17 ? 6 + random() % 4
                                                                                                      : 10 + random() % 16;
            for (size_t v = 0; v < n; ++v) {
                const unsigned lang = random() % 100;
                Visit visit{new_session_id(), date, part, n, lang < 90 ? "en" : lang < 96 ? "pl" : "cy", ""};
                ExportSession s;
                s.session_id = visit.session_id;
                s.pack_id = "default";
                s.pack_version = "1.0.0";
                s.pack_hash = "h";
                s.language = visit.language;
                s.visit_date = date;
                s.part_of_day = part;
                s.boot = 1 + d / 7;
                k.sessions.push_back(s);
                for (const auto& q : kQuestions) {
                    const bool skipped = random() % 10 == 0;
                    std::string value;
                    if (q.multi) {
                        for (const auto& o : q.options)
                            if (random() % 2) value += (value.empty() ? "" : ";") + o;
                        if (value.empty()) value = q.options[random() % q.options.size()];
                    } else {
                        value = q.options[random() % q.options.size()];
                    }
                    if (q.id == "age_band") visit.age_band = value;
                    if (!skipped) k.answers.push_back({visit.session_id, q.id, "", value, "c-" + q.id});
                }
                k.visits.push_back(std::move(visit));
            }
        }
    }
    return k;
}

const Kiosk& kiosk() {
    static const Kiosk k = simulate();
    return k;
}

int threshold() { return test::default_pack().privacy.results_threshold; }
int refresh_every() { return test::default_pack().privacy.results_refresh_every; }

// The visitors the intruder could pick out by sight: fewer than the threshold at that time.
std::vector<const Visit*> targets() {
    std::vector<const Visit*> out;
    for (const auto& v : kiosk().visits)
        if (v.cell_size < static_cast<size_t>(threshold())) out.push_back(&v);
    return out;
}

// Attack on row-level data: the rows whose time label fits what the intruder saw.
std::vector<const ExportSession*> candidates(const std::vector<ExportSession>& rows, const Visit& target) {
    std::vector<const ExportSession*> out;
    for (const auto& s : rows)
        if (period_contains(s.visit_date, target.date) && (s.part_of_day.empty() || s.part_of_day == target.part))
            out.push_back(&s);
    return out;
}

// The same, when the intruder also noticed the language on screen and guessed the age band.
std::vector<const ExportSession*> candidates_by_sight(const std::vector<ExportSession>& rows,
                                                      const std::vector<ExportAnswer>& answers, const Visit& target) {
    std::map<std::string, std::string> band;
    for (const auto& a : answers)
        if (a.question_id == "age_band") band[a.session_id] = a.value;
    std::vector<const ExportSession*> out;
    for (const auto* s : candidates(rows, target)) {
        const auto it = band.find(s->session_id);
        if ((s->language.empty() || s->language == target.language) && (it == band.end() || it->second == target.age_band))
            out.push_back(s);
    }
    return out;
}

// What the candidates answered to a question ("" for a skip): one value means the intruder
// knows the target's answer without knowing which row is theirs.
std::set<std::string> answers_of(const std::vector<const ExportSession*>& rows, const std::vector<ExportAnswer>& answers,
                                 const std::string& question) {
    std::map<std::string, std::string> by_session;
    for (const auto& a : answers)
        if (a.question_id == question) by_session[a.session_id] = a.value;
    std::set<std::string> out;
    for (const auto* s : rows) out.insert(by_session.count(s->session_id) ? by_session[s->session_id] : "");
    return out;
}

// Attack on a summary table: in the rows that fit what the intruder saw, the options anyone
// chose. One option means everyone in the row, the target included, chose it.
std::vector<std::set<std::string>> options_chosen(const AnswerTable& table, const SuppressedTable& published,
                                                  const Visit& target) {
    std::vector<std::set<std::string>> out;
    for (size_t r = 0; r < table.periods.size(); ++r) {
        const std::string& label = table.periods[r];
        const auto space = label.find(' ');
        const std::string period = label.substr(0, space);
        if (!period_contains(period, target.date)) continue;
        if (space != std::string::npos && label.substr(space + 1) != target.part) continue;
        std::set<std::string> chosen;
        for (size_t c = 0; c < table.options.size(); ++c)
            if (published.cells[r][c].text() != "0") chosen.insert(table.options[c]);
        out.push_back(chosen);
    }
    return out;
}

// Attack on the screen: the intruder may look at the figures after every single visit.
// The difference between two looks covers the answers published in between; the smallest
// such difference that includes the target's answer is all they can isolate it to.
size_t smallest_isolating_group(size_t respondents, size_t target_index, int threshold_, int refresh) {
    std::int64_t before = 0;  // largest published count not yet including the target
    for (size_t n = 0; n <= respondents; ++n) {
        const std::int64_t shown = onscreen_respondents(static_cast<std::int64_t>(n), threshold_, refresh);
        if (shown <= static_cast<std::int64_t>(target_index))
            before = shown;
        else
            return static_cast<size_t>(shown - before);
    }
    return SIZE_MAX;  // never shown at all
}

}  // namespace

TEST_CASE("Intruder/the simulated kiosk has visitors alone or in small groups to look for", "[privacy][intruder]") {
    size_t alone = 0;
    for (const auto* t : targets()) alone += t->cell_size == 1;
    CHECK(targets().size() >= 40);
    CHECK(alone >= 10);
    CHECK(kiosk().visits.size() >= 300);
}

TEST_CASE("Intruder/rows as stored would single out a visitor seen alone", "[privacy][intruder]") {
    size_t singled_out = 0;
    for (const auto* t : targets()) {
        const auto found = candidates(kiosk().sessions, *t);
        if (found.size() == 1 && found[0]->session_id == t->session_id) ++singled_out;
    }
    CHECK(singled_out >= 10);  // the attack works when nothing is coarsened
}

TEST_CASE("Intruder/cannot single out anyone from the coarsened, shuffled export", "[privacy][intruder]") {
    std::vector<ExportSession> rows = kiosk().sessions;
    std::vector<ExportAnswer> answers = kiosk().answers;
    CoarsenOptions options;
    options.min_group = threshold();
    const CoarsenReport report = coarsen_visit_times(rows, answers, options);
    shuffle_rows(rows, answers);
    CHECK(report.rows_withheld == 0);
    for (const auto* t : targets()) {
        INFO(t->date << " " << t->part << ", " << t->cell_size << " visitor(s) then");
        const auto found = candidates(rows, *t);
        CHECK(found.size() >= static_cast<size_t>(threshold()));
        CHECK(std::any_of(found.begin(), found.end(), [&](const ExportSession* s) { return s->session_id == t->session_id; }));
        for (const auto& q : kQuestions) {
            INFO(q.id);
            CHECK(answers_of(found, answers, q.id).size() >= 2);
        }
    }
}

TEST_CASE("Intruder/cannot single out anyone even knowing their language and age band", "[privacy][intruder]") {
    CoarsenOptions options;
    options.min_group = threshold();
    options.guessable_questions = {"age_band"};
    std::vector<ExportSession> rows = kiosk().sessions;
    std::vector<ExportAnswer> answers = kiosk().answers;
    const CoarsenReport report = coarsen_visit_times(rows, answers, options);
    shuffle_rows(rows, answers);
    CHECK(report.answers_removed > 0);
    for (const auto* t : targets()) {
        INFO(t->date << " " << t->part << " " << t->language << " " << t->age_band);
        CHECK(candidates_by_sight(rows, answers, *t).size() >= static_cast<size_t>(threshold()));
    }

    // Control: time coarsening alone leaves people who stand out by language or age.
    CoarsenOptions time_only;
    time_only.min_group = threshold();
    time_only.protect_language = false;
    std::vector<ExportSession> plain_rows = kiosk().sessions;
    std::vector<ExportAnswer> plain_answers = kiosk().answers;
    coarsen_visit_times(plain_rows, plain_answers, time_only);
    size_t narrowed = 0;
    for (const auto* t : targets())
        narrowed += candidates_by_sight(plain_rows, plain_answers, *t).size() < static_cast<size_t>(threshold());
    CHECK(narrowed >= 10);
}

TEST_CASE("Intruder/summary tables per date and part of day would give away a lone visitor", "[privacy][intruder]") {
    size_t inferred = 0;
    for (const auto& q : kQuestions) {
        if (q.multi) continue;
        const AnswerTable table = tabulate_answers(kiosk().sessions, kiosk().answers, q.id, "", q.options, {1, false, true});
        const SuppressedTable published = suppress_table(table.counts, SuppressionRule::hes());
        for (const auto* t : targets()) {
            if (t->cell_size != 1) continue;
            const auto rows = options_chosen(table, published, *t);
            if (rows.size() == 1 && rows[0].size() == 1) {
                // Every "*" is hidden, yet the zeros around it tell the intruder the answer.
                CHECK(answers_of(candidates(kiosk().sessions, *t), kiosk().answers, q.id) == rows[0]);
                ++inferred;
            }
        }
    }
    CHECK(inferred >= 10);  // the attack works when small periods are not pooled
}

TEST_CASE("Intruder/cannot infer anyone's answer from the suppressed summary tables", "[privacy][intruder]") {
    for (const auto& q : kQuestions) {
        const AnswerTable table = tabulate_answers(kiosk().sessions, kiosk().answers, q.id, "", q.options, {threshold()});
        const SuppressedTable published = suppress_table(table.counts, SuppressionRule::hes());
        for (const auto* t : targets()) {
            INFO(q.id << " " << t->date << " " << t->part);
            const auto rows = options_chosen(table, published, *t);
            CHECK_FALSE(rows.empty());  // a busy date may also lie inside a pooled week's period
            for (const auto& chosen : rows) CHECK(chosen.size() >= 2);
        }
    }
}

TEST_CASE("Intruder/watching the results screen never isolates one visitor's answer", "[privacy][intruder]") {
    // The screen counts a question's respondents in the order they answered, all dates together.
    for (const auto& q : kQuestions) {
        std::map<std::string, size_t> respondent_index;
        for (const auto& a : kiosk().answers)
            if (a.question_id == q.id) respondent_index.emplace(a.session_id, respondent_index.size());
        const size_t respondents = respondent_index.size();
        size_t unprotected_alone = 0;
        for (const auto* t : targets()) {
            const auto it = respondent_index.find(t->session_id);
            if (it == respondent_index.end()) continue;  // skipped: nothing of theirs on screen
            INFO(q.id << " respondent " << it->second);
            const size_t group = smallest_isolating_group(respondents, it->second, threshold(), refresh_every());
            CHECK(group >= static_cast<size_t>(refresh_every()));
            CHECK(group >= 2);
            // Control: a screen that updated after every answer would isolate each one.
            unprotected_alone += smallest_isolating_group(respondents, it->second, 1, 1) == 1;
        }
        CHECK(unprotected_alone >= 20);
    }
}
