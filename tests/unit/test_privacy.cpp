// The privacy rules on visits and exports: the repeat-press guard and its store flag,
// coarsening of visit times, shuffled row order, and the per-period answer tables.
// The motivated-intruder tests are in test_motivated_intruder.cpp.
#include "core/export_rows.hpp"
#include "core/privacy.hpp"
#include "core/profile.hpp"
#include "core/repeat_guard.hpp"
#include "store/store.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <set>

using namespace dv;

namespace {

ExportSession session(const std::string& id, const std::string& date, const std::string& part = "afternoon") {
    ExportSession s;
    s.session_id = id;
    s.pack_id = "default";
    s.pack_version = "1.0.0";
    s.pack_hash = "h";
    s.language = "en";
    s.visit_date = date;
    s.part_of_day = part;
    s.boot = 4;
    return s;
}

// n sessions on one date and part of day, with one answer each.
void add_visits(std::vector<ExportSession>& sessions, std::vector<ExportAnswer>& answers, int n,
                const std::string& date, const std::string& part = "afternoon") {
    for (int i = 0; i < n; ++i) {
        const std::string id = new_session_id();
        sessions.push_back(session(id, date, part));
        answers.push_back({id, "q1", "", i % 2 ? "yes" : "no", "c"});
    }
}

std::map<std::string, int> count_labels(const std::vector<ExportSession>& sessions) {
    std::map<std::string, int> out;
    for (const auto& s : sessions) ++out[s.visit_date + (s.part_of_day.empty() ? "" : " " + s.part_of_day)];
    return out;
}

}  // namespace

// --- Repeat presses -----------------------------------------------------------------------

TEST_CASE("Repeat/identical answers within the window are flagged; later or different ones are not", "[privacy]") {
    RepeatGuard guard(30);
    const VisitAnswers yes = {{"q1", {"yes"}}}, no = {{"q1", {"no"}}};
    CHECK_FALSE(guard.visit_ended(100, guard.digest(yes)));  // the first visit has nothing to repeat
    CHECK(guard.visit_ended(108, guard.digest(yes)));        // 8 s later, same answers
    CHECK(guard.visit_ended(130, guard.digest(yes)));        // compared with the last one, 22 s ago
    CHECK_FALSE(guard.visit_ended(131, guard.digest(no)));   // different answers
    CHECK_FALSE(guard.visit_ended(200, guard.digest(no)));   // same answers, 69 s later
    CHECK_FALSE(guard.visit_ended(100, guard.digest(no)));   // the clock never runs backwards here

    RepeatGuard off(0);
    CHECK_FALSE(off.visit_ended(1, off.digest(yes)));
    CHECK_FALSE(off.visit_ended(2, off.digest(yes)));
}

TEST_CASE("Repeat/the digest covers every answer and is keyed per guard", "[privacy]") {
    RepeatGuard a(30), b(30);
    const VisitAnswers one = {{"q1", {"x", "y"}}, {"q2", {"z"}}};
    CHECK(a.digest(one) == a.digest(one));
    CHECK(a.digest(one) != a.digest({{"q1", {"x", "y"}}, {"q2", {"w"}}}));
    CHECK(a.digest(one) != a.digest({{"q1", {"x"}}, {"q2", {"z"}}}));
    CHECK(a.digest({{"q1", {"ab"}}}) != a.digest({{"q1", {"a", "b"}}}));  // fields cannot run together
    // Another guard (another start of the kiosk) hashes the same answers differently, so a
    // digest cannot be looked up in a table of guessed answers made elsewhere.
    CHECK(a.digest(one) != b.digest(one));
}

TEST_CASE("Repeat/the watch reports a visit when it ends, and only visits that gave answers", "[privacy]") {
    RepeatGuard guard(30);
    VisitWatch watch(guard);
    const VisitAnswers yes = {{"q1", {"yes"}}};
    CHECK_FALSE(watch.observe("", {}, 0));
    CHECK_FALSE(watch.observe("s1", {}, 1));     // starts at 1
    CHECK_FALSE(watch.observe("s1", yes, 4));
    CHECK_FALSE(watch.observe("", {}, 6));       // ends: first visit, nothing to repeat
    CHECK_FALSE(watch.observe("s2", {}, 9));     // starts 8 s after s1
    CHECK_FALSE(watch.observe("s2", yes, 12));
    CHECK(watch.observe("s3", {}, 15) == std::optional<std::string>("s2"));  // s2 ends as s3 starts
    CHECK_FALSE(watch.observe("", {}, 16));      // s3 gave no answers: not compared, not flagged
    CHECK_FALSE(watch.observe("s4", yes, 18));   // starts 17 s after s2, same answers
    CHECK(watch.observe("", {}, 30) == std::optional<std::string>("s4"));
}

TEST_CASE("Repeat/the window comes from the hardware profile's privacy section", "[privacy]") {
    const std::string base = "name = \"x\"\n[display]\nwidth = 800\nheight = 480\ndiagonal_inches = 7\n";
    CHECK(parse_profile(base, "p.toml").profile->repeat_seconds == 30);
    CHECK(parse_profile(base + "[privacy]\nrepeat_seconds = 0\n", "p.toml").profile->repeat_seconds == 0);
    const auto bad = parse_profile(base + "[privacy]\nrepeat_seconds = 9000\n", "p.toml");
    CHECK_FALSE(bad.profile);
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems[0].str().find("privacy.repeat_seconds") != std::string::npos);
}

namespace {

// A store holding one answer for each of these sessions.
std::unique_ptr<Store> store_with_visits(const test::TempDir& dir, std::initializer_list<const char*> ids) {
    std::string error;
    auto store = Store::open(dir.file("a.sqlite"), error);
    REQUIRE(store);
    for (const char* id : ids) {
        const SessionInfo visit{id, "tiny", "1", "h", "en", {"2025-11-22", "morning", false, 1}, "visitor"};
        REQUIRE(store->commit(PendingCommit{visit, {{"q1", "", "yes", "c", false}}}));
    }
    return store;
}

}  // namespace

TEST_CASE("Repeat/the store flags a session and counts flagged ones", "[privacy][store]") {
    test::TempDir dir;
    auto store = store_with_visits(dir, {"s1", "s2", "s3"});
    CHECK(store->flagged_repeat_count() == 0);
    CHECK(store->flag_repeat("s2"));
    CHECK(store->flag_repeat("s2"));  // flagging twice is harmless
    CHECK_FALSE(store->flag_repeat("no-such-session"));
    CHECK(store->flagged_repeat_count() == 1);
    CHECK(store->flagged_repeat_sessions() == std::vector<std::string>{"s2"});
    // Flagged sessions are kept with their answers.
    CHECK(store->session_count() == 3);
    CHECK(store->effective_answers().size() == 3);
}

TEST_CASE("Repeat/the store flags many sessions in one transaction, all or none", "[privacy][store]") {
    test::TempDir dir;
    auto store = store_with_visits(dir, {"s1", "s2", "s3"});
    CHECK(store->flag_repeats({}));
    // One unknown session: nothing is flagged, and the store stays usable (store invariant 7).
    CHECK_FALSE(store->flag_repeats({"s1", "no-such-session"}));
    CHECK(store->flagged_repeat_count() == 0);
    CHECK(store->flag_repeats({"s1", "s3"}));
    CHECK(store->flagged_repeat_sessions() == std::vector<std::string>{"s1", "s3"});
    CHECK(store->writable());
}

// --- Coarsening ---------------------------------------------------------------------------

TEST_CASE("Coarsen/a busy date keeps its date, and its parts of day only if each is busy", "[privacy]") {
    std::vector<ExportSession> sessions;
    std::vector<ExportAnswer> answers;
    add_visits(sessions, answers, 12, "2025-11-03", "morning");
    add_visits(sessions, answers, 10, "2025-11-03", "afternoon");
    add_visits(sessions, answers, 11, "2025-11-04", "morning");
    add_visits(sessions, answers, 2, "2025-11-04", "evening");  // too few: the 4th loses its parts
    const CoarsenReport r = coarsen_visit_times(sessions, answers, {});
    CHECK(count_labels(sessions) == std::map<std::string, int>{
                                        {"2025-11-03 morning", 12}, {"2025-11-03 afternoon", 10}, {"2025-11-04", 13}});
    CHECK(r.rows_with_part_of_day == 22);
    CHECK(r.rows_with_date == 13);
    CHECK(r.rows_withheld == 0);
    CHECK(answers.size() == sessions.size());

    std::vector<ExportSession> again;
    std::vector<ExportAnswer> again_answers;
    add_visits(again, again_answers, 12, "2025-11-03", "morning");
    CoarsenOptions drop;
    drop.drop_part_of_day = true;
    coarsen_visit_times(again, again_answers, drop);
    CHECK(count_labels(again) == std::map<std::string, int>{{"2025-11-03", 12}});
}

TEST_CASE("Coarsen/quiet days are pooled by week, then by month, as whole calendar periods", "[privacy]") {
    std::vector<ExportSession> sessions;
    std::vector<ExportAnswer> answers;
    add_visits(sessions, answers, 15, "2025-11-05");  // busy Wednesday
    add_visits(sessions, answers, 4, "2025-11-04");   // week of 3 Nov: 4 + 3 + 5 quiet = 12
    add_visits(sessions, answers, 3, "2025-11-06");
    add_visits(sessions, answers, 5, "2025-11-09");
    add_visits(sessions, answers, 3, "2025-11-12");   // week of 10 Nov: only 3
    add_visits(sessions, answers, 4, "2025-11-25");   // week of 24 Nov: 4 + 3 = 7
    add_visits(sessions, answers, 3, "2025-11-30");   // so November pools them: 3 + 7 = 10
    coarsen_visit_times(sessions, answers, {});
    CHECK(count_labels(sessions) == std::map<std::string, int>{{"2025-11-05 afternoon", 15},
                                                               {"2025-11-03/2025-11-09", 12},
                                                               {"2025-11-01/2025-11-30", 10}});
    CHECK(period_contains("2025-11-03/2025-11-09", "2025-11-03"));
    CHECK(period_contains("2025-11-03/2025-11-09", "2025-11-09"));
    CHECK_FALSE(period_contains("2025-11-03/2025-11-09", "2025-11-10"));
    CHECK(period_contains("2025-11-05", "2025-11-05"));
    CHECK_FALSE(period_contains("2025-11-05", "2025-11-06"));
}

TEST_CASE("Coarsen/what is still too few joins the nearest group under one period", "[privacy]") {
    std::vector<ExportSession> sessions;
    std::vector<ExportAnswer> answers;
    add_visits(sessions, answers, 20, "2025-10-30");
    add_visits(sessions, answers, 10, "2025-12-15");
    add_visits(sessions, answers, 2, "2025-11-20");  // a single quiet month between them
    coarsen_visit_times(sessions, answers, {});
    const auto labels = count_labels(sessions);
    // November's two join the nearer group: November ends 15 days before 15 December but
    // starts 2 days after 30 October.
    CHECK(labels == std::map<std::string, int>{{"2025-10-30/2025-11-30", 22}, {"2025-12-15 afternoon", 10}});
}

TEST_CASE("Coarsen/fewer sessions than the group size are withheld altogether", "[privacy]") {
    std::vector<ExportSession> sessions;
    std::vector<ExportAnswer> answers;
    add_visits(sessions, answers, 9, "2025-11-20");
    const CoarsenReport r = coarsen_visit_times(sessions, answers, {});
    CHECK(r.rows_withheld == 9);
    CHECK(sessions.empty());
    CHECK(answers.empty());
}

TEST_CASE("Coarsen/the start-up number stays only where the date is uncertain", "[privacy]") {
    std::vector<ExportSession> sessions;
    std::vector<ExportAnswer> answers;
    add_visits(sessions, answers, 10, "2025-11-20");
    sessions[3].date_uncertain = true;
    coarsen_visit_times(sessions, answers, {});
    for (size_t i = 0; i < sessions.size(); ++i) CHECK(sessions[i].boot == (sessions[i].date_uncertain ? 4 : 0));
}

TEST_CASE("Coarsen/a rare language or guessable answer is blanked for its whole group", "[privacy]") {
    std::vector<ExportSession> sessions;
    std::vector<ExportAnswer> answers;
    add_visits(sessions, answers, 12, "2025-11-03", "morning");
    add_visits(sessions, answers, 12, "2025-11-04", "morning");
    sessions[0].language = "pl";  // one Polish visitor on the 3rd
    for (size_t i = 0; i < sessions.size(); ++i)  // the 4th: all the same age band; the 3rd: one older
        answers.push_back({sessions[i].session_id, "age_band", "", i == 5 ? "76_plus" : "36_55", "c"});
    CoarsenOptions options;
    options.guessable_questions = {"age_band"};
    const CoarsenReport r = coarsen_visit_times(sessions, answers, options);
    CHECK(r.languages_blanked == 12);
    CHECK(r.answers_removed == 12);
    for (size_t i = 0; i < sessions.size(); ++i) CHECK(sessions[i].language == (i < 12 ? "" : "en"));
    std::map<std::string, int> bands;
    for (const auto& a : answers)
        if (a.question_id == "age_band") ++bands[a.value];
    CHECK(bands == std::map<std::string, int>{{"36_55", 12}});  // only the 4th keeps its bands
    CHECK(std::count_if(answers.begin(), answers.end(), [](const ExportAnswer& a) { return a.question_id == "q1"; }) == 24);
}

TEST_CASE("Coarsen/guessable answers protected after the sessions are coarsened: the same as all at once",
          "[privacy]") {
    // The export job coarsens its sessions while it reads their answers, then protects the
    // guessable answers: every answer must come out as coarsening both together would leave it.
    for (std::uint32_t seed = 1; seed <= 40; ++seed) {
        std::vector<ExportSession> sessions;
        std::vector<ExportAnswer> answers;
        std::uint32_t x = seed * 2654435761u;
        auto next = [&x](std::uint32_t n) {
            x = x * 1664525u + 1013904223u;
            return (x >> 8) % n;
        };
        const char* parts[] = {"morning", "afternoon", "evening"};
        const char* bands[] = {"16_35", "36_55", "56_75", "76_plus"};
        for (int day = 1; day <= 60; ++day) {
            const int month = 9 + (day - 1) / 30, dom = 1 + (day - 1) % 30;
            const std::string date = "2025-" + std::to_string(month) + "-" + (dom < 10 ? "0" : "") + std::to_string(dom);
            add_visits(sessions, answers, static_cast<int>(next(4) == 0 ? next(25) : next(4)), date, parts[next(3)]);
        }
        for (const auto& s : sessions)
            if (next(5) != 0) answers.push_back({s.session_id, "age_band", "", bands[next(next(2) ? 2 : 4)], "c"});
        CoarsenOptions options;
        options.guessable_questions = {"age_band"};

        std::vector<ExportSession> together_sessions = sessions;
        std::vector<ExportAnswer> together = answers;
        const CoarsenReport all_at_once = coarsen_visit_times(together_sessions, together, options);

        CoarsenOptions sessions_only = options;
        sessions_only.guessable_questions.clear();
        std::vector<ExportAnswer> none, later = answers;
        const CoarsenReport first = coarsen_visit_times(sessions, none, sessions_only);
        const int removed = protect_guessable_answers(sessions, later, options);

        INFO("seed " << seed);
        CHECK(removed == all_at_once.answers_removed);
        CHECK(first.languages_blanked == all_at_once.languages_blanked);
        auto key = [](const std::vector<ExportAnswer>& v) {
            std::multiset<std::string> out;
            for (const auto& a : v) out.insert(a.session_id + a.question_id + a.value);
            return out;
        };
        CHECK(key(later) == key(together));
        if (seed == 1) CHECK(removed > 0);  // the data does make the rule bite
    }
}

// --- What an export holds and in which order ------------------------------------------------

TEST_CASE("Export/rows hold no time of day, only a date or period and a coarse part of day", "[privacy]") {
    std::vector<ExportSession> sessions;
    std::vector<ExportAnswer> answers;
    const char* parts[] = {"morning", "afternoon", "evening"};
    for (int day = 1; day <= 28; ++day)
        add_visits(sessions, answers, (day * 7) % 13, "2025-11-" + std::string(day < 10 ? "0" : "") + std::to_string(day),
                   parts[day % 3]);
    coarsen_visit_times(sessions, answers, {});
    shuffle_rows(sessions, answers);
    REQUIRE_FALSE(sessions.empty());
    const std::regex clock_time(R"(\b\d{1,2}[:.h]\d{2}\b)");
    const std::regex date_or_period(R"(\d{4}-\d{2}-\d{2}(/\d{4}-\d{2}-\d{2})?)");
    const std::set<std::string> coarse_parts = {"", "morning", "afternoon", "evening"};
    for (const auto& s : sessions) {
        for (const std::string* field : {&s.session_id, &s.pack_id, &s.pack_version, &s.pack_hash, &s.language,
                                         &s.visit_date, &s.part_of_day, &s.mode})
            CHECK_FALSE(std::regex_search(*field, clock_time));
        CHECK(std::regex_match(s.visit_date, date_or_period));
        CHECK(coarse_parts.count(s.part_of_day) == 1);
    }
    for (const auto& a : answers)
        for (const std::string* field : {&a.session_id, &a.question_id, &a.phase, &a.value, &a.content_hash})
            CHECK_FALSE(std::regex_search(*field, clock_time));
}

TEST_CASE("Export/row order is shuffled, not the order of arrival", "[privacy]") {
    // 200 sessions in arrival order. An unshuffled file keeps all 199 neighbouring pairs in
    // order and a rank correlation of 1; a uniform shuffle keeps about 99.5 ± 4 pairs and a
    // correlation of 0 ± 0.07. The bounds below are more than 7 standard deviations out, so a
    // working shuffle fails them with probability below one in a trillion.
    std::vector<ExportSession> sessions;
    std::vector<ExportAnswer> answers;
    std::map<std::string, int> arrival;
    for (int i = 0; i < 200; ++i) {
        add_visits(sessions, answers, 1, "2025-11-20");
        arrival[sessions.back().session_id] = i;
    }
    shuffle_rows(sessions, answers);
    REQUIRE(sessions.size() == 200);
    int in_order = 0;
    double rank_product = 0;
    for (size_t i = 0; i < sessions.size(); ++i) {
        const int a = arrival[sessions[i].session_id];
        if (i > 0 && arrival[sessions[i - 1].session_id] < a) ++in_order;
        rank_product += (double(i) - 99.5) * (a - 99.5);
    }
    const double spearman = rank_product / (200.0 * (200.0 * 200.0 - 1) / 12.0);
    CHECK(in_order > 60);
    CHECK(in_order < 140);
    CHECK(std::abs(spearman) < 0.5);
    // Every answer follows its session, and each session's answers stay together.
    REQUIRE(answers.size() == 200);
    for (size_t i = 0; i < answers.size(); ++i) CHECK(answers[i].session_id == sessions[i].session_id);
}

// --- Tables -------------------------------------------------------------------------------

TEST_CASE("Tabulate/flagged repeats are left out by default and counted", "[privacy]") {
    std::vector<ExportSession> sessions;
    std::vector<ExportAnswer> answers;
    add_visits(sessions, answers, 12, "2025-11-20");  // 6 "no", 6 "yes"
    sessions[1].flagged_repeat = true;                 // a "yes"
    sessions[3].flagged_repeat = true;                 // a "yes"
    const AnswerTable t = tabulate_answers(sessions, answers, "q1", "", {"yes", "no", "not_sure"});
    CHECK(t.flagged_left_out == 2);
    CHECK(t.periods == std::vector<std::string>{"2025-11-20"});
    CHECK(t.options == std::vector<std::string>{"yes", "no", "not_sure"});
    CHECK(t.counts == std::vector<std::vector<std::int64_t>>{{4, 6, 0}});
    const AnswerTable all = tabulate_answers(sessions, answers, "q1", "", {"yes", "no"}, {10, true, false});
    CHECK(all.flagged_left_out == 0);
    CHECK(all.counts == std::vector<std::vector<std::int64_t>>{{6, 6}});
    // Leaving two out leaves ten sessions: still enough; leaving three out is not.
    sessions[5].flagged_repeat = true;
    const AnswerTable too_few = tabulate_answers(sessions, answers, "q1", "", {"yes", "no"});
    CHECK(too_few.withheld == 9);
    CHECK(too_few.counts.empty());
}

TEST_CASE("Tabulate/multi-select answers count once per option, unknown options are added", "[privacy]") {
    std::vector<ExportSession> sessions;
    std::vector<ExportAnswer> answers;
    for (int i = 0; i < 10; ++i) {
        const std::string id = "s" + std::to_string(i);
        sessions.push_back(session(id, "2025-11-20"));
        answers.push_back({id, "q2", "", i < 4 ? "a;b" : "c", "h"});
        answers.push_back({id, "q2", "first", "a", "h"});  // another phase: not counted
    }
    const AnswerTable t = tabulate_answers(sessions, answers, "q2", "", {"b", "a"});
    CHECK(t.options == std::vector<std::string>{"b", "a", "c"});
    CHECK(t.counts == std::vector<std::vector<std::int64_t>>{{4, 4, 6}});
}
