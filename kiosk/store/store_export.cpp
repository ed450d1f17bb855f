// This file implements the store's side of exports: choosing what to export, reading it in
// one pass, remembering verified exports, purging what they took, and the staff totals.
//
// INVARIANTS (continuing the numbering in store.cpp; tests in tests/unit/test_store_export.cpp)
//   (11) A session is recorded as exported only by mark_exported(), which the export job calls
//        after the bundle on the drive was read back and verified; a failed export marks nothing.
//   (12) An export mark remembers the highest answer id it took for each session, so an answer
//        added after the export is offered by the next incremental export (its session again,
//        complete) and keeps the session from being purged.
//   (13) purge_exported() removes a session and its answers only when a verified export took
//        every answer it has, through the purge gate (invariant 8).
#include "store.hpp"

#include "core/answer_key.hpp"
#include "store_export.hpp"

#include "export_queries.hpp"
#include "health.hpp"
#include "sqlite/statement.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

namespace dv {

using sql::Stmt;

namespace {

using sql::fully_exported;
using sql::kNotExported;

std::int64_t count_of(sqlite3* db, const std::string& select) {
    return sql::query_integer(db, ("SELECT COUNT(*) FROM (" + select + ")").c_str(), 0);
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

bool Store::read_answer_set(ExportAnswerSet& out, ExportLedger::ReadProgress& progress, std::string& error) const {
    // Its own read-only connection: this may run on another thread while the store's own
    // connection goes on serving the export job and the staff screen.
    const std::unique_ptr<sqlite3, int (*)(sqlite3*)> connection(
        sql::open_connection(m_path, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, error), sqlite3_close);
    if (!connection) {
        error = "open the answers to export: " + error;
        return false;
    }
    sqlite3* db = connection.get();
    auto failed = [&](const char* what) {
        error = std::string(what) + ": " + sqlite3_errmsg(db);
        return false;
    };
    // A year of answers: map the file rather than copy every page into a cache.
    sqlite3_exec(db, "PRAGMA mmap_size=1073741824", nullptr, nullptr, nullptr);
    // One read transaction: every row comes from the same snapshot.
    if (sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) return failed("begin export read");
    // Apart, MIN and MAX each read one end of the table; together they would scan it.
    Stmt bounds(db,
                "SELECT (SELECT MIN(answer_id) FROM answers), (SELECT MAX(answer_id) FROM answers), "
                "(SELECT COUNT(*) FROM sessions)");
    if (!bounds.ok() || bounds.step() != SQLITE_ROW) return failed("read answers to export");
    std::int64_t low = bounds.integer(0);
    const std::int64_t high = bounds.integer(1);
    const auto stored_sessions = static_cast<size_t>(bounds.integer(2));
    // A small export (the usual one: what came since the last) starts its scan at its
    // earliest visit's first row, found through the session index, not at the table's start.
    if (out.sessions() * 4 < stored_sessions) {
        Stmt first(db, "SELECT MIN(answer_id) FROM answers WHERE session_id = ?1");
        if (!first.ok()) return failed("prepare export read");
        low = high + 1;
        for (const auto& id : out.session_ids()) {
            first.reset();
            first.bind(1, id);
            if (first.step() != SQLITE_ROW) return failed("read answers to export");
            if (!first.null(0)) low = std::min(low, first.integer(0));
        }
    }
    Stmt scan(db,
              "SELECT answer_id, session_id, question_id, phase, value, content_hash, skipped FROM answers "
              "WHERE answer_id >= ?1 ORDER BY answer_id");
    if (!scan.ok()) return failed("prepare export read");
    scan.bind(1, low);
    if (progress.stop) {
        error = "the export was stopped";
        return false;
    }
    if (high >= low) out.reserve_rows(static_cast<size_t>(high - low + 1));
    const double span = static_cast<double>(std::max<std::int64_t>(1, high - low + 1));
    std::int64_t rows = 0;
    int rc;
    while ((rc = scan.step()) == SQLITE_ROW) {
        const std::int64_t id = scan.integer(0);
        out.add(scan.view(1), id, scan.view(2), scan.view(3), scan.view(4), scan.view(5), scan.integer(6) != 0);
        if (++rows % 8192 == 0) {
            progress.fraction = static_cast<double>(id - low) / span;
            if (progress.stop) {
                error = "the export was stopped";
                return false;
            }
        }
    }
    if (rc != SQLITE_DONE) return failed("read answers to export");
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    progress.fraction = 1.0;
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
    // In key order, so the B-tree fills page by page instead of at random.
    std::vector<const std::pair<std::string, std::int64_t>*> sorted;
    sorted.reserve(sessions.size());
    for (const auto& p : sessions) sorted.push_back(&p);
    std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
    // Many visits per statement: a year's export marks 100k of them.
    constexpr size_t kPerStatement = 200;
    auto insert = [](size_t rows) {
        std::string sql = "INSERT INTO exported_sessions (session_id, export_id, answers_through) VALUES ";
        for (size_t i = 0; i < rows; ++i)
            sql += (i ? ",(?" : "(?") + std::to_string(2 * i + 2) + ",?1,?" + std::to_string(2 * i + 3) + ")";
        return sql + " ON CONFLICT(session_id) DO UPDATE SET export_id = excluded.export_id, "
                     "answers_through = MAX(answers_through, excluded.answers_through)";
    };
    Stmt full(m_db, insert(kPerStatement).c_str());
    if (!full.ok()) return fail("prepare session mark");
    for (size_t first = 0; first < sorted.size(); first += kPerStatement) {
        const size_t n = std::min(kPerStatement, sorted.size() - first);
        std::optional<Stmt> rest;
        Stmt& s = n == kPerStatement ? full : rest.emplace(m_db, insert(n).c_str());
        if (!s.ok()) return fail("prepare session mark");
        s.reset();
        s.bind(1, mark.export_id);
        for (size_t i = 0; i < n; ++i) {
            s.bind(static_cast<int>(2 * i + 2), sorted[first + i]->first);
            s.bind(static_cast<int>(2 * i + 3), sorted[first + i]->second);
        }
        if (s.step() != SQLITE_DONE) return fail("mark sessions exported");
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
        if (!is_view_phase(phase)) continue;  // card order is not an answer
        const std::int64_t n = s.integer(4);
        const bool flagged = s.integer(3) != 0;
        t.answers += n;
        days[s.text(0)].answers += n;
        if (phase == phase_name(Phase::Second)) continue;  // the same question as its first view
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

bool StoreLedger::read_answer_set(ExportAnswerSet& out, ReadProgress& progress, std::string& error) {
    return m_store.read_answer_set(out, progress, error);
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
