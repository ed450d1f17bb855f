// This file implements purges: the only way rows leave the sessions and answers tables
// (store invariants 8 and 9), and the automatic purge by age (the profile's retention_days).
//
// A purge by age trusts the date it is given. A clock that jumped years ahead would make it
// remove everything, so purges must never run on an untrusted clock: the caller passes
// clock_trusted (the kiosk: ClockTrust::trusted(), core/clock_trust.hpp) and nothing is
// removed when it is false. Sessions stored while the clock was not trusted (date_uncertain)
// are never removed by age at all, only by staff after an export. And a purge by age takes
// only visits a verified export has taken completely (export_queries.hpp): a visit nobody
// has exported yet stays, however old, so a wrong calendar or a long gap between staff visits
// never costs an answer; it goes with the next export's clean-up or the next purge by age.
#include "store.hpp"

#include "export_queries.hpp"
#include "health.hpp"
#include "sqlite/statement.hpp"

#include <sqlite3.h>

namespace dv {

using sql::Stmt;

PurgeResult Store::purge_sessions_where(const char* condition, const std::string& condition_arg,
                                        const std::string& event, const std::string& detail, const std::string& at) {
    auto failed = [this](const char* what) {
        fail(what);
        return PurgeResult{};
    };
    PurgeResult r;
    if (!begin_write()) return failed("begin purge");
    const std::string delete_answers =
        std::string("DELETE FROM answers WHERE session_id IN (SELECT session_id FROM sessions WHERE ") + condition + ")";
    const std::string delete_sessions = std::string("DELETE FROM sessions WHERE ") + condition;
    {
        Stmt open_gate(m_db, "INSERT INTO purge_gate (opened_by) VALUES (?1)");
        if (!open_gate.ok() || (open_gate.bind(1, event), open_gate.step()) != SQLITE_DONE)
            return failed("open purge gate");
        Stmt answers(m_db, delete_answers.c_str());
        if (!answers.ok() || (answers.bind(1, condition_arg), answers.step()) != SQLITE_DONE)
            return failed("purge answers");
        r.answers = sqlite3_changes64(m_db);
        Stmt sessions(m_db, delete_sessions.c_str());
        if (!sessions.ok() || (sessions.bind(1, condition_arg), sessions.step()) != SQLITE_DONE)
            return failed("purge sessions");
        r.sessions = sqlite3_changes64(m_db);
    }
    if (!exec("DELETE FROM purge_gate")) return failed("close purge gate");
    if (r.sessions == 0 && r.answers == 0) {  // nothing to remove: nothing to log
        exec("ROLLBACK");
        r.ok = true;
        return r;
    }
    Stmt log(m_db, "INSERT INTO audit_log (at, event, detail) VALUES (?1, ?2, ?3)");
    const std::string counted =
        detail + ": " + std::to_string(r.sessions) + " sessions, " + std::to_string(r.answers) + " answers removed";
    if (!log.ok() || (log.bind(1, at).bind(2, event).bind(3, counted), log.step()) != SQLITE_DONE)
        return failed("log purge");
    if (!exec("COMMIT")) return failed("commit purge");
    // Invariant 8: the old log frames still hold the purged rows; start the log afresh.
    // Best effort: if it fails, the next checkpoint reuses the log from its start anyway.
    sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    r.ok = true;
    return r;
}

PurgeResult Store::purge_expired(int retention_days, const CivilTime& now, bool clock_trusted) {
    PurgeResult r;
    r.ok = true;
    if (retention_days <= 0 || !clock_trusted) return r;  // invariant 9
    CivilTime noon = now;
    noon.hour = 12;
    noon.minute = noon.second = 0;
    const std::int64_t cutoff_unix = unix_from_civil(noon) - std::int64_t{retention_days} * 86400;
    const std::string cutoff = civil_from_unix(cutoff_unix).date();
    const std::string condition =
        "session_id IN (" + sql::fully_exported("s.visit_date < ?1 AND s.date_uncertain = 0") + ")";
    r = purge_sessions_where(condition.c_str(), cutoff, "retention_purge",
                             "retention_days = " + std::to_string(retention_days) + ", visits before " + cutoff,
                             health::audit_time(now));
    r.cutoff_date = cutoff;
    return r;
}

}  // namespace dv
