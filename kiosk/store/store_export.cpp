// This file implements the store's side of exports: choosing what to export, reading it in
// one pass, remembering verified exports, purging what they took, and the staff totals.
//
// INVARIANTS (continuing the numbering in store.cpp; tests in tests/unit/test_store_export.cpp)
//   (10) A session is recorded as exported only by mark_exported(), which the export job calls
//        after the bundle on the drive was read back and verified; a failed export marks nothing.
//   (11) An export mark remembers the highest answer id it took for each session, so an answer
//        added after the export is offered by the next incremental export (its session again,
//        complete) and keeps the session from being purged.
//   (12) purge_exported() removes a session and its answers only when a verified export took
//        every answer it has, through the purge gate (invariant 8).
#include "store.hpp"
#include "store_export.hpp"

#include "export_queries.hpp"
#include "health.hpp"
#include "statement.hpp"

#include <algorithm>
#include <map>

namespace dv {

using sql::Stmt;

namespace {

using sql::fully_exported;
using sql::kNotExported;

std::int64_t count_of(sqlite3* db, const std::string& select) {
    return sql::query_integer(db, ("SELECT COUNT(*) FROM (" + select + ")").c_str(), 0);
}

// Effective answers from rows grouped by (question, phase) in any order: the latest per
// group counts; skips are stored (so a report can count who saw a question) but are not answers.
struct Row {
    std::int64_t answer_id = 0;
    std::string question_id, phase, value, content_hash;
    bool skipped = false;
};

void keep_effective(std::vector<Row>& rows, size_t n, const std::string& session_id, std::vector<ExportAnswer>& out,
                    std::int64_t& through) {
    std::sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(n), [](const Row& a, const Row& b) {
        if (a.question_id != b.question_id) return a.question_id < b.question_id;
        if (a.phase != b.phase) return a.phase < b.phase;
        return a.answer_id < b.answer_id;
    });
    size_t kept = 0;
    for (size_t k = 0; k < n; ++k) {
        const Row& a = rows[k];
        through = std::max(through, a.answer_id);
        const bool superseded = k + 1 < n && rows[k + 1].question_id == a.question_id && rows[k + 1].phase == a.phase;
        if (superseded || a.skipped) continue;
        if (++kept > out.size()) out.emplace_back();
        ExportAnswer& e = out[kept - 1];  // reused from visit to visit, so strings keep their memory
        e.session_id.assign(session_id);
        e.question_id.assign(a.question_id);
        e.phase.assign(a.phase);
        e.value.assign(a.value);
        e.content_hash.assign(a.content_hash);
    }
    out.resize(kept);
}

void read_row(const Stmt& s, Row& r) {
    r.answer_id = s.integer(0);
    r.question_id.assign(s.view(1));
    r.phase.assign(s.view(2));
    r.value.assign(s.view(3));
    r.content_hash.assign(s.view(4));
    r.skipped = s.integer(5) != 0;
}

}  // namespace

bool Store::export_sessions(bool everything, std::vector<ExportSession>& out) {
    out.clear();
    std::string sql =
        "SELECT session_id, pack_id, pack_version, pack_hash, language, visit_date, part_of_day, date_uncertain, "
        "boot, mode, flagged_repeat FROM sessions";
    if (!everything) sql += std::string(" WHERE session_id IN (") + kNotExported + ")";
    Stmt s(m_db, sql.c_str());
    if (!s.ok()) return fail("select sessions to export");
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        ExportSession r;
        r.session_id = s.text(0);
        r.pack_id = s.text(1);
        r.pack_version = s.text(2);
        r.pack_hash = s.text(3);
        r.language = s.text(4);
        r.visit_date = s.text(5);
        r.part_of_day = s.text(6);
        r.date_uncertain = s.integer(7) != 0;
        r.boot = static_cast<int>(s.integer(8));
        r.mode = s.text(9);
        r.flagged_repeat = s.integer(10) != 0;
        out.push_back(std::move(r));
    }
    if (rc != SQLITE_DONE) return fail("read sessions to export");
    return true;
}

bool Store::read_export_answers(const std::vector<ExportSession>& sessions, size_t first, size_t count,
                                const ExportLedger::AnswerVisitor& visit) {
    // Reading a whole year of answers: map the file rather than copy every page into a cache.
    exec("PRAGMA mmap_size=1073741824");
    // One read transaction: every session's answers come from the same snapshot.
    if (!exec("BEGIN")) return fail("begin export read");
    // A visit's answers are written together, so they sit next to each other in the table:
    // one seek to the visit's first row and a short scan read them, where the session index
    // alone would cost a seek per answer. '+session_id' skips other visits' rows in the range
    // and keeps SQLite from using the index for that test. A visit whose rows are spread
    // out (not one visit at a time) is read through the index instead.
    Stmt range(m_db, "SELECT MIN(answer_id), MAX(answer_id), COUNT(*) FROM answers WHERE session_id = ?1");
    Stmt scan(m_db,
              "SELECT answer_id, question_id, phase, value, content_hash, skipped FROM answers "
              "WHERE answer_id BETWEEN ?2 AND ?3 AND +session_id = ?1");
    Stmt by_index(m_db,
                  "SELECT answer_id, question_id, phase, value, content_hash, skipped FROM answers "
                  "WHERE session_id = ?1");
    if (!range.ok() || !scan.ok() || !by_index.ok()) return fail("prepare export read");
    std::vector<Row> rows;
    std::vector<ExportAnswer> effective;
    const size_t end = std::min(sessions.size(), first + count);
    for (size_t i = first; i < end; ++i) {
        const std::string& id = sessions[i].session_id;
        range.reset();
        range.bind(1, id);
        if (range.step() != SQLITE_ROW) return fail("read answers to export");
        const std::int64_t low = range.integer(0), high = range.integer(1), rows_of_visit = range.integer(2);
        Stmt& s = high - low + 1 <= 2 * rows_of_visit + 32 ? scan : by_index;
        s.reset();
        s.bind(1, id).bind(2, low).bind(3, high);
        size_t n = 0;
        int rc;
        while ((rc = s.step()) == SQLITE_ROW) {
            if (++n > rows.size()) rows.emplace_back();
            read_row(s, rows[n - 1]);
        }
        if (rc != SQLITE_DONE) return fail("read answers to export");
        std::int64_t through = 0;
        keep_effective(rows, n, id, effective, through);
        if (!visit(i, effective, through)) {
            exec("COMMIT");
            return false;
        }
    }
    if (!exec("COMMIT")) return fail("end export read");
    return true;
}

bool Store::read_effective_answers_to(const std::vector<std::string>& question_ids, std::vector<ExportAnswer>& out) {
    out.clear();
    Stmt s(m_db,
           "SELECT a.answer_id, a.question_id, a.phase, a.value, a.content_hash, a.skipped, a.session_id "
           "FROM answers a WHERE a.question_id = ?1 ORDER BY a.session_id");
    if (!s.ok()) return fail("prepare answers to questions");
    for (const auto& q : question_ids) {
        s.reset();
        s.bind(1, q);
        std::vector<Row> rows;
        std::string session;
        std::vector<ExportAnswer> effective;
        auto flush = [&] {
            std::int64_t through = 0;
            keep_effective(rows, rows.size(), session, effective, through);
            out.insert(out.end(), effective.begin(), effective.end());
            rows.clear();
        };
        int rc;
        while ((rc = s.step()) == SQLITE_ROW) {
            if (s.view(6) != session) {
                if (!rows.empty()) flush();
                session.assign(s.view(6));
            }
            rows.emplace_back();
            read_row(s, rows.back());
        }
        if (rc != SQLITE_DONE) return fail("read answers to questions");
        if (!rows.empty()) flush();
    }
    return true;
}

bool Store::mark_exported(const ExportMark& mark, const std::vector<std::pair<std::string, std::int64_t>>& sessions) {
    if (!begin_write()) return fail("begin export mark");
    {
        Stmt s(m_db,
               "INSERT INTO exports (export_id, bundle_name, made_on, everything, sessions, answers, sessions_from, "
               "sessions_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        if (!s.ok()) return fail("prepare export mark");
        s.bind(1, mark.export_id).bind(2, mark.bundle_name).bind(3, mark.made_on);
        s.bind(4, std::int64_t{mark.everything}).bind(5, mark.sessions).bind(6, mark.answers);
        s.bind(7, mark.sessions_from).bind(8, mark.sessions_to);
        if (s.step() != SQLITE_DONE) return fail("insert export");
    }
    Stmt s(m_db,
           "INSERT INTO exported_sessions (session_id, export_id, answers_through) VALUES (?1, ?2, ?3) "
           "ON CONFLICT(session_id) DO UPDATE SET export_id = excluded.export_id, "
           "answers_through = MAX(answers_through, excluded.answers_through)");
    if (!s.ok()) return fail("prepare session mark");
    // In key order, so the B-tree fills page by page instead of at random.
    std::vector<const std::pair<std::string, std::int64_t>*> sorted;
    sorted.reserve(sessions.size());
    for (const auto& p : sessions) sorted.push_back(&p);
    std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
    for (const auto* p : sorted) {
        s.reset();
        s.bind(1, p->first).bind(2, mark.export_id).bind(3, p->second);
        if (s.step() != SQLITE_DONE) return fail("mark session exported");
    }
    if (!exec("COMMIT")) return fail("commit export mark");
    return true;
}

std::vector<ExportMark> Store::exports() {
    std::vector<ExportMark> out;
    Stmt s(m_db,
           "SELECT export_id, bundle_name, made_on, everything, sessions, answers, sessions_from, sessions_to "
           "FROM exports ORDER BY rowid DESC");
    while (s.ok() && s.step() == SQLITE_ROW) {
        ExportMark m;
        m.export_id = s.text(0);
        m.bundle_name = s.text(1);
        m.made_on = s.text(2);
        m.everything = s.integer(3) != 0;
        m.sessions = s.integer(4);
        m.answers = s.integer(5);
        m.sessions_from = s.text(6);
        m.sessions_to = s.text(7);
        out.push_back(std::move(m));
    }
    return out;
}

PurgeResult Store::purge_exported(const std::string& at) {
    // Invariant 12, through the gate of invariant 8. The condition takes no argument.
    const std::string condition = "session_id IN (" + fully_exported() + ")";
    return purge_sessions_where(condition.c_str(), "", "purge", "staff deleted exported visits", at);
}

StaffTotals Store::staff_totals() {
    StaffTotals t;
    t.sessions = session_count();
    t.flagged = flagged_repeat_count();
    t.sessions_not_exported = count_of(m_db, kNotExported);
    t.sessions_purgeable = count_of(m_db, fully_exported());
    t.sessions_date_uncertain = date_uncertain_count();

    std::map<std::string, DayTotal> days;
    Stmt sd(m_db,
            "SELECT visit_date, COUNT(*), SUM(flagged_repeat), SUM(date_uncertain) FROM sessions GROUP BY visit_date");
    while (sd.ok() && sd.step() == SQLITE_ROW)
        days[sd.text(0)] = {sd.text(0), sd.integer(1), 0, sd.integer(2), sd.integer(3)};

    // Effective answers counted by day and question in one pass.
    std::map<std::string, QuestionTotal> questions;
    Stmt s(m_db,
           "SELECT s.visit_date, a.question_id, a.phase, s.flagged_repeat, COUNT(*) FROM answers a "
           "JOIN (SELECT MAX(answer_id) AS latest FROM answers GROUP BY session_id, question_id, phase) l "
           "ON a.answer_id = l.latest JOIN sessions s ON s.session_id = a.session_id "
           "WHERE a.skipped = 0 GROUP BY s.visit_date, a.question_id, a.phase, s.flagged_repeat");
    while (s.ok() && s.step() == SQLITE_ROW) {
        const std::string phase = s.text(2);
        if (phase != "" && phase != "first" && phase != "second") continue;  // card order is not an answer
        const std::int64_t n = s.integer(4);
        const bool flagged = s.integer(3) != 0;
        t.answers += n;
        days[s.text(0)].answers += n;
        if (phase == "second") continue;  // the same question as its first view
        QuestionTotal& q = questions[s.text(1)];
        q.question_id = s.text(1);
        q.answers += n;
        if (flagged) q.flagged += n;
    }
    for (auto it = days.rbegin(); it != days.rend() && t.days.size() < 14; ++it) t.days.push_back(it->second);
    for (const auto& [id, q] : questions) t.questions.push_back(q);

    const auto marks = exports();
    if (!marks.empty()) {
        t.has_last_export = true;
        t.last_export_on = marks.front().made_on;
        t.last_export_name = marks.front().bundle_name;
        t.last_export_sessions = marks.front().sessions;
    }
    return t;
}

// --- StoreLedger ------------------------------------------------------------------------

bool StoreLedger::select_sessions(bool everything, std::vector<ExportSession>& out) {
    return m_store.export_sessions(everything, out);
}

bool StoreLedger::read_answers(const std::vector<ExportSession>& sessions, size_t first, size_t count,
                               const AnswerVisitor& visit) {
    return m_store.read_export_answers(sessions, first, count, visit);
}

bool StoreLedger::read_answers_to(const std::vector<std::string>& question_ids, std::vector<ExportAnswer>& out) {
    return m_store.read_effective_answers_to(question_ids, out);
}

bool StoreLedger::mark_exported(const ExportMark& mark,
                                const std::vector<std::pair<std::string, std::int64_t>>& sessions) {
    return m_store.mark_exported(mark, sessions);
}

void StoreLedger::note(const std::string& event, const std::string& detail) {
    m_store.audit(event, detail, now_text());
}

std::string StoreLedger::now_text() const { return health::audit_time(m_clock.local_now()); }

std::string StoreLedger::error() const { return m_store.last_error(); }

}  // namespace dv
