// This file implements the store's part of the privacy rules: flagging repeat presses.
// Kept apart from store.cpp so the durability code and the privacy code change separately.
#include "store.hpp"

#include <sqlite3.h>

namespace dv {

namespace {

// Runs one statement with an optional text parameter; calls row() for each result row.
template <class Row>
bool run(sqlite3* db, const char* sql, const std::string* param, Row&& row, std::string& error) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
        error = std::string("prepare: ") + sqlite3_errmsg(db);
        return false;
    }
    if (param) sqlite3_bind_text(stmt, 1, param->data(), static_cast<int>(param->size()), SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) row(stmt);
    const bool ok = rc == SQLITE_DONE;
    if (!ok) error = sqlite3_errmsg(db);
    sqlite3_finalize(stmt);
    return ok;
}

}  // namespace

bool Store::flag_repeat(const std::string& session_id) {
    std::string error;
    if (!run(m_db, "UPDATE sessions SET flagged_repeat = 1 WHERE session_id = ?1", &session_id,
             [](sqlite3_stmt*) {}, error)) {
        m_error = "flag repeat: " + error;
        return false;
    }
    return sqlite3_changes(m_db) == 1;
}

bool Store::flag_repeats(const std::vector<std::string>& session_ids) {
    if (session_ids.empty()) return true;
    if (!begin_write()) return fail("begin");
    std::string error;
    for (const auto& id : session_ids) {
        if (!run(m_db, "UPDATE sessions SET flagged_repeat = 1 WHERE session_id = ?1", &id, [](sqlite3_stmt*) {},
                 error) ||
            sqlite3_changes(m_db) != 1) {
            m_error = "flag repeat: " + (error.empty() ? "no session " + id : error);
            exec("ROLLBACK");
            return false;
        }
    }
    if (!exec("COMMIT")) return fail("commit");
    return true;
}

std::vector<std::string> Store::flagged_repeat_sessions() {
    std::vector<std::string> out;
    std::string error;
    run(m_db, "SELECT session_id FROM sessions WHERE flagged_repeat = 1 ORDER BY session_id", nullptr,
        [&](sqlite3_stmt* s) { out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0))); }, error);
    return out;
}

std::int64_t Store::flagged_repeat_count() {
    std::int64_t n = 0;
    std::string error;
    run(m_db, "SELECT COUNT(*) FROM sessions WHERE flagged_repeat = 1", nullptr,
        [&](sqlite3_stmt* s) { n = sqlite3_column_int64(s, 0); }, error);
    return n;
}

}  // namespace dv
