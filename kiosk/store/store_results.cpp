// This file implements the store's query for the results screen of a scenario: every visitor
// session's effective first and second view of one question, in the order sessions began.
//
// Arrival order is the sessions table's rowid: a session row is inserted with the visit's
// first answer and never changes, so the order of earlier sessions is fixed once written
// (core/results.hpp relies on it to show only the first K respondents). The effective view is
// the latest row for (session, question, phase), as in effective_answers(); when that row is
// a skip, the view is empty. Facilitator sessions are left out. Beside the views, from the
// scenario's own records: whether the visit saw any card (a cards_seen above 0) and whether it
// was in the comparison group (group = "comparison"); nothing else of the scenario (knowledge,
// how sure, reasons) is read.
#include "store.hpp"

#include <sqlite3.h>

namespace dv {

std::vector<ViewPair> Store::view_pairs(const std::string& pack_id, const std::string& question_id,
                                        const std::string& scenario_id) {
    // SQLite: with a single MAX() aggregate, the other columns come from the row holding the max.
    static const char* const kSql = R"sql(
        WITH latest AS (
            SELECT session_id, phase, value, skipped, MAX(answer_id) AS answer_id
            FROM answers
            WHERE question_id = ?2 AND phase IN ('first', 'second')
            GROUP BY session_id, phase
        ),
        visit AS (
            SELECT session_id,
                   MAX(phase = 'cards_seen' AND skipped = 0 AND CAST(value AS INTEGER) > 0) AS saw_cards,
                   MAX(phase = 'group' AND skipped = 0 AND value = 'comparison') AS comparison
            FROM answers
            WHERE question_id = ?3 AND phase IN ('cards_seen', 'group')
            GROUP BY session_id
        )
        SELECT s.session_id,
               COALESCE(MAX(CASE WHEN l.phase = 'first' AND l.skipped = 0 THEN l.value END), ''),
               COALESCE(MAX(CASE WHEN l.phase = 'second' AND l.skipped = 0 THEN l.value END), ''),
               COALESCE(MAX(v.saw_cards), 0), COALESCE(MAX(v.comparison), 0)
        FROM latest l JOIN sessions s ON s.session_id = l.session_id
        LEFT JOIN visit v ON v.session_id = l.session_id
        WHERE s.mode = 'visitor' AND s.pack_id = ?1
        GROUP BY s.rowid
        ORDER BY s.rowid
    )sql";
    std::vector<ViewPair> out;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, kSql, -1, &stmt, nullptr) != SQLITE_OK) {
        m_error = std::string("view pairs: ") + sqlite3_errmsg(m_db);
        return out;
    }
    sqlite3_bind_text(stmt, 1, pack_id.data(), static_cast<int>(pack_id.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 2, question_id.data(), static_cast<int>(question_id.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 3, scenario_id.data(), static_cast<int>(scenario_id.size()), SQLITE_TRANSIENT);
    const auto column = [stmt](int col) {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, col));
        return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt, col))) : std::string();
    };
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
        out.push_back({column(0), column(1), column(2), sqlite3_column_int(stmt, 3) != 0,
                       sqlite3_column_int(stmt, 4) != 0});
    if (rc != SQLITE_DONE) m_error = std::string("view pairs: ") + sqlite3_errmsg(m_db);
    sqlite3_finalize(stmt);
    return out;
}

}  // namespace dv
