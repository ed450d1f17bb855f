// The store's side of exports: selection, effective answers, marks, purge and staff totals,
// with the invariants numbered in kiosk/store/store_export.cpp (10 to 12).
#include "store/store.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>

using namespace dv;

namespace {

PendingCommit visit(const std::string& session, std::vector<AnswerRecord> answers,
                    const std::string& date = "2025-11-22") {
    PendingCommit p;
    p.session.session_id = session;
    p.session.pack_id = "tiny";
    p.session.pack_version = "1.0.0";
    p.session.pack_hash = "packhash";
    p.session.language = "en";
    p.session.stamp = {date, "afternoon", false, 1};
    p.answers = std::move(answers);
    return p;
}

AnswerRecord ans(const std::string& q, const std::string& v, const std::string& phase = "", bool skipped = false) {
    return {q, phase, v, "h-" + q, skipped};
}

std::set<std::string> ids(const std::vector<ExportSession>& s) {
    std::set<std::string> out;
    for (const auto& x : s) out.insert(x.session_id);
    return out;
}

// What an export reads: each session's effective answers and the highest answer id read.
struct ReadBack {
    std::vector<ExportAnswer> answers;
    std::int64_t through = 0;
};

std::vector<ReadBack> read_back(Store& store, const std::vector<ExportSession>& sessions) {
    ExportAnswerSet set(sessions);
    ExportLedger::ReadProgress progress;
    std::string error;
    REQUIRE(store.read_answer_set(set, progress, error));
    CHECK(progress.fraction == 1.0);
    std::vector<ReadBack> out(sessions.size());
    for (size_t i = 0; i < sessions.size(); ++i) set.effective(sessions[i].session_id, out[i].answers, out[i].through);
    return out;
}

struct Fixture {
    test::TempDir dir;
    std::unique_ptr<Store> store;
    Fixture() {
        std::string error;
        store = Store::open(dir.file("k.sqlite"), error);
        REQUIRE(store);
    }
    // Reads what an export would take and marks it, as the export job does after verifying.
    void export_and_mark(bool everything, const std::string& export_id) {
        std::vector<ExportSession> s;
        REQUIRE(store->export_sessions(everything, s));
        std::vector<std::pair<std::string, std::int64_t>> taken;
        const auto read = read_back(*store, s);
        for (size_t i = 0; i < s.size(); ++i) taken.emplace_back(s[i].session_id, read[i].through);
        ExportMark m;
        m.export_id = export_id;
        m.bundle_name = "b-" + export_id;
        m.made_on = "2025-11-23";
        m.sessions = static_cast<std::int64_t>(taken.size());
        REQUIRE(store->mark_exported(m, taken));
    }
};

}  // namespace

TEST_CASE("Store export/effective answers only: the latest per question and phase, skips left out", "[store]") {
    Fixture f;
    REQUIRE(f.store->commit(visit("s1", {ans("q1", "yes"), ans("q2", "a")})));
    REQUIRE(f.store->commit(visit("s1", {ans("q1", "no")})));              // changed on going back
    REQUIRE(f.store->commit(visit("s1", {ans("q2", "", "", true)})));      // then skipped
    REQUIRE(f.store->commit(visit("s1", {ans("v", "x", "first"), ans("v", "y", "second")})));
    std::vector<ExportSession> s;
    REQUIRE(f.store->export_sessions(false, s));
    REQUIRE(s.size() == 1);
    const auto read = read_back(*f.store, s);
    const std::vector<ExportAnswer>& got = read[0].answers;
    const std::int64_t through = read[0].through;
    REQUIRE(got.size() == 3);
    CHECK(got[0].question_id == "q1");
    CHECK(got[0].value == "no");
    CHECK(got[1].question_id == "v");
    CHECK(got[1].phase == "first");
    CHECK(got[2].phase == "second");
    CHECK(through == 6);  // every row read counts, skips and superseded ones too
}

TEST_CASE("Store export/(11) incremental exports offer only what no verified export took", "[store]") {
    Fixture f;
    REQUIRE(f.store->commit(visit("s1", {ans("q1", "yes")})));
    REQUIRE(f.store->commit(visit("s2", {ans("q1", "no")})));
    f.export_and_mark(false, "e1");
    REQUIRE(f.store->commit(visit("s3", {ans("q1", "yes")})));
    std::vector<ExportSession> s;
    REQUIRE(f.store->export_sessions(false, s));
    CHECK(ids(s) == std::set<std::string>{"s3"});
    REQUIRE(f.store->export_sessions(true, s));
    CHECK(ids(s) == std::set<std::string>{"s1", "s2", "s3"});
    REQUIRE(f.store->exports().size() == 1);
    CHECK(f.store->exports()[0].export_id == "e1");
}

TEST_CASE("Store export/(11) sessions read but never marked are offered again", "[store]") {
    Fixture f;
    REQUIRE(f.store->commit(visit("s1", {ans("q1", "yes")})));
    std::vector<ExportSession> s;
    REQUIRE(f.store->export_sessions(false, s));
    read_back(*f.store, s);
    // The export failed on the drive: no mark.
    REQUIRE(f.store->export_sessions(false, s));
    CHECK(ids(s) == std::set<std::string>{"s1"});
    CHECK(f.store->purge_exported("2025-11-23 10:00:00").sessions == 0);
    CHECK(f.store->session_count() == 1);
}

TEST_CASE("Store export/(12) an answer added after an export brings its session back", "[store]") {
    Fixture f;
    REQUIRE(f.store->commit(visit("s1", {ans("q1", "yes")})));
    f.export_and_mark(false, "e1");
    REQUIRE(f.store->commit(visit("s1", {ans("q2", "late")})));
    std::vector<ExportSession> s;
    REQUIRE(f.store->export_sessions(false, s));
    CHECK(ids(s) == std::set<std::string>{"s1"});
    CHECK(f.store->purge_exported("2025-11-23 10:00:00").sessions == 0);  // not everything it holds was exported
    f.export_and_mark(false, "e2");
    REQUIRE(f.store->export_sessions(false, s));
    CHECK(s.empty());
}

TEST_CASE("Store export/(13) purge deletes exactly the exported sessions and their answers", "[store]") {
    Fixture f;
    REQUIRE(f.store->commit(visit("s1", {ans("q1", "yes"), ans("q2", "b")})));
    REQUIRE(f.store->commit(visit("s2", {ans("q1", "no")})));
    f.export_and_mark(false, "e1");
    REQUIRE(f.store->commit(visit("s3", {ans("q1", "yes")})));
    CHECK(f.store->staff_totals().sessions_purgeable == 2);
    const PurgeResult purged = f.store->purge_exported("2025-11-23 10:00:00");
    CHECK(purged.ok);
    CHECK(purged.sessions == 2);
    CHECK(purged.answers == 3);
    const auto log = f.store->audit_log();
    REQUIRE_FALSE(log.empty());
    CHECK(log.back().event == "purge");
    CHECK(log.back().at == "2025-11-23 10:00:00");
    const auto left = f.store->sessions();
    REQUIRE(left.size() == 1);
    CHECK(left[0].session_id == "s3");
    for (const auto& a : f.store->all_answers()) CHECK(a.session_id == "s3");
    CHECK(f.store->all_answers().size() == 1);
    CHECK(f.store->exports().size() == 1);  // the record of the export stays
}

TEST_CASE("Store export/staff totals count sessions and effective answers by day and question", "[store]") {
    Fixture f;
    REQUIRE(f.store->commit(visit("s1", {ans("q1", "yes"), ans("q2", "b")}, "2025-11-21")));
    REQUIRE(f.store->commit(visit("s1", {ans("q1", "no")}, "2025-11-21")));  // a change, not a new answer
    REQUIRE(f.store->commit(visit("s2", {ans("q1", "no"), ans("q3", "", "", true)}, "2025-11-22")));
    REQUIRE(f.store->commit(visit("s2", {ans("v", "x", "first"), ans("v", "y", "second")}, "2025-11-22")));
    REQUIRE(f.store->commit(visit("s2", {ans("v", "c1;c2", "card_order")}, "2025-11-22")));
    const StaffTotals t = f.store->staff_totals();
    CHECK(t.sessions == 2);
    CHECK(t.answers == 5);  // q1, q2 | q1, v first, v second
    CHECK(t.sessions_not_exported == 2);
    REQUIRE(t.days.size() == 2);
    CHECK(t.days[0].date == "2025-11-22");  // newest first
    CHECK(t.days[0].sessions == 1);
    CHECK(t.days[0].answers == 3);
    CHECK(t.days[1].answers == 2);
    REQUIRE(t.questions.size() == 3);
    CHECK(t.questions[0].question_id == "q1");
    CHECK(t.questions[0].answers == 2);
    CHECK(t.questions[2].question_id == "v");
    CHECK(t.questions[2].answers == 1);  // first views; the second view is the same question
    CHECK_FALSE(t.has_last_export);
}

TEST_CASE("Store export/a visit's answers are read whole even when other visits' rows lie between them", "[store]") {
    Fixture f;
    // The kiosk stores a visit's rows together, but rows of one visit may still have others'
    // between them: close together ...
    REQUIRE(f.store->commit(visit("near", {ans("q1", "a")})));
    REQUIRE(f.store->commit(visit("other", {ans("q1", "x")})));
    REQUIRE(f.store->commit(visit("near", {ans("q2", "b")})));
    // ... and far apart.
    REQUIRE(f.store->commit(visit("far", {ans("q1", "c")})));
    for (int i = 0; i < 60; ++i) REQUIRE(f.store->commit(visit("filler" + std::to_string(i), {ans("q1", "z")})));
    REQUIRE(f.store->commit(visit("far", {ans("q2", "d")})));
    std::vector<ExportSession> s;
    REQUIRE(f.store->export_sessions(true, s));
    std::map<std::string, std::string> got;
    const auto read = read_back(*f.store, s);
    for (size_t i = 0; i < s.size(); ++i)
        for (const auto& x : read[i].answers) {
            CHECK(x.session_id == s[i].session_id);
            got[x.session_id] += x.value;
        }
    CHECK(got["near"] == "ab");
    CHECK(got["far"] == "cd");
    CHECK(got["other"] == "x");
}

TEST_CASE("Store export/a small export reads from its earliest visit's first row, and all of it", "[store]") {
    Fixture f;
    REQUIRE(f.store->commit(visit("early", {ans("q1", "a")})));
    for (int i = 0; i < 12; ++i) REQUIRE(f.store->commit(visit("v" + std::to_string(i), {ans("q1", "z")})));
    f.export_and_mark(false, "e1");
    REQUIRE(f.store->commit(visit("early", {ans("q2", "b")})));  // a late answer brings it back
    REQUIRE(f.store->commit(visit("new", {ans("q1", "c")})));
    std::vector<ExportSession> s;
    REQUIRE(f.store->export_sessions(false, s));
    REQUIRE(ids(s) == std::set<std::string>{"early", "new"});  // fewer than a quarter of 14
    const auto read = read_back(*f.store, s);
    for (size_t i = 0; i < s.size(); ++i) {
        std::string values;
        for (const auto& a : read[i].answers) values += a.value;
        if (s[i].session_id == "early") {
            CHECK(values == "ab");  // its first row lies before every other visit's
            CHECK(read[i].through == 14);
        } else {
            CHECK(values == "c");
            CHECK(read[i].through == 15);
        }
    }
}

TEST_CASE("Store export/a read asked to stop reads nothing and says so", "[store]") {
    Fixture f;
    REQUIRE(f.store->commit(visit("s1", {ans("q1", "a")})));
    std::vector<ExportSession> s;
    REQUIRE(f.store->export_sessions(true, s));
    ExportAnswerSet set(s);
    ExportLedger::ReadProgress progress;
    progress.stop = true;
    std::string error;
    CHECK_FALSE(f.store->read_answer_set(set, progress, error));
    CHECK(error == "the export was stopped");
    CHECK(set.rows() == 0);
}

TEST_CASE("Store export/the answers to chosen questions come for every session, effective only", "[store]") {
    Fixture f;
    REQUIRE(f.store->commit(visit("s1", {ans("age", "young"), ans("q1", "a")})));
    REQUIRE(f.store->commit(visit("s1", {ans("age", "old")})));
    REQUIRE(f.store->commit(visit("s2", {ans("age", "", "", true)})));
    REQUIRE(f.store->commit(visit("s3", {ans("age", "young")})));
    std::vector<ExportSession> s;
    REQUIRE(f.store->export_sessions(true, s));
    ExportAnswerSet set(s);
    ExportLedger::ReadProgress progress;
    std::string error;
    REQUIRE(f.store->read_answer_set(set, progress, error));
    const std::vector<ExportAnswer> out = set.effective_to({"age"});
    std::map<std::string, std::string> got;
    for (const auto& a : out) got[a.session_id] = a.value;
    CHECK(got == std::map<std::string, std::string>{{"s1", "old"}, {"s3", "young"}});
}

TEST_CASE("Store export/staff totals count visits flagged as repeat presses", "[store]") {
    Fixture f;
    REQUIRE(f.store->commit(visit("s1", {ans("q1", "yes")})));
    REQUIRE(f.store->commit(visit("s2", {ans("q1", "yes")})));
    REQUIRE(f.store->flag_repeat("s2"));
    const StaffTotals t = f.store->staff_totals();
    CHECK(t.flagged == 1);
    REQUIRE(t.days.size() == 1);
    CHECK(t.days[0].flagged == 1);
    REQUIRE(t.questions.size() == 1);
    CHECK(t.questions[0].answers == 2);
    CHECK(t.questions[0].flagged == 1);
}
