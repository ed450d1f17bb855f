// The schema migrations of the kiosk's database, oldest first.
//
// Rules for adding one:
//  - Never edit a migration that has been released: append a new one to kMigrations.
//  - Each runs inside one transaction with PRAGMA user_version set at its end, so it lands
//    completely or not at all. Foreign keys stay ON; a migration that rebuilds a table must
//    copy rows in an order that keeps every reference valid.
//  - Add rows for the new version to the history in tests/unit/store_history.cpp, so the
//    migration from it is tested with data.
#include "migrations.hpp"

#include <sqlite3.h>

namespace dv::schema {

namespace {

const char* const kMigrations[] = {
    // 1: sessions, answers (append-only), staff audit log, settings
    R"sql(
    CREATE TABLE sessions (
        session_id     TEXT PRIMARY KEY NOT NULL,
        pack_id        TEXT NOT NULL,
        pack_version   TEXT NOT NULL,
        pack_hash      TEXT NOT NULL,
        language       TEXT NOT NULL,
        visit_date     TEXT NOT NULL,
        part_of_day    TEXT NOT NULL CHECK (part_of_day IN ('morning', 'afternoon', 'evening')),
        date_uncertain INTEGER NOT NULL DEFAULT 0,
        boot           INTEGER NOT NULL DEFAULT 0,
        mode           TEXT NOT NULL DEFAULT 'visitor'
    );
    CREATE TABLE answers (
        answer_id    INTEGER PRIMARY KEY,
        session_id   TEXT NOT NULL REFERENCES sessions(session_id),
        question_id  TEXT NOT NULL,
        phase        TEXT NOT NULL DEFAULT '',
        value        TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        skipped      INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX answers_by_session ON answers(session_id, question_id, phase);
    CREATE TRIGGER answers_append_only BEFORE UPDATE ON answers
    BEGIN
        SELECT RAISE(ABORT, 'answers are append-only');
    END;
    CREATE TABLE audit_log (
        entry_id INTEGER PRIMARY KEY,
        at       TEXT NOT NULL,
        event    TEXT NOT NULL,
        detail   TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    );
    )sql",

    // 2: repeat presses are flagged, kept, and left out of headline tables (store_privacy.cpp)
    R"sql(
    ALTER TABLE sessions ADD COLUMN flagged_repeat INTEGER NOT NULL DEFAULT 0;
    )sql",

    // 3: rows leave only through a logged purge (store invariant 8); sessions by date for
    //    retention. The gate holds a row only inside a purge transaction.
    R"sql(
    CREATE TABLE purge_gate (
        opened_by TEXT NOT NULL
    );
    CREATE TRIGGER answers_deleted_only_by_purge BEFORE DELETE ON answers
    WHEN NOT EXISTS (SELECT 1 FROM purge_gate)
    BEGIN
        SELECT RAISE(ABORT, 'answers leave only through a logged purge');
    END;
    CREATE TRIGGER sessions_deleted_only_by_purge BEFORE DELETE ON sessions
    WHEN NOT EXISTS (SELECT 1 FROM purge_gate)
    BEGIN
        SELECT RAISE(ABORT, 'sessions leave only through a logged purge');
    END;
    CREATE INDEX sessions_by_date ON sessions(visit_date);
    )sql",

    // 4: verified exports, and how far each took every session (store_export.cpp)
    R"sql(
    CREATE TABLE exports (
        export_id     TEXT PRIMARY KEY NOT NULL,
        bundle_name   TEXT NOT NULL,
        made_on       TEXT NOT NULL,
        everything    INTEGER NOT NULL DEFAULT 0,
        sessions      INTEGER NOT NULL,
        answers       INTEGER NOT NULL,
        sessions_from TEXT NOT NULL,
        sessions_to   TEXT NOT NULL
    );
    CREATE TABLE exported_sessions (
        session_id      TEXT PRIMARY KEY NOT NULL REFERENCES sessions(session_id) ON DELETE CASCADE,
        export_id       TEXT NOT NULL REFERENCES exports(export_id),
        answers_through INTEGER NOT NULL
    ) WITHOUT ROWID;
    )sql",

    // 5: staff confirmations of the clock, so an export can carry the correction for the
    //    date-uncertain visits of a boot (store_clock.cpp, docs/bundle-format.md)
    R"sql(
    CREATE TABLE clock_confirmations (
        confirmation_id INTEGER PRIMARY KEY,
        boot            INTEGER NOT NULL,
        offset_seconds  INTEGER NOT NULL,
        confirmed_on    TEXT NOT NULL
    );
    CREATE INDEX clock_confirmations_by_boot ON clock_confirmations(boot);
    )sql",
};

constexpr int kLatest = sizeof(kMigrations) / sizeof(kMigrations[0]);

}  // namespace

int latest_version() { return kLatest; }

const char* migration_sql(int version) { return version >= 1 && version <= kLatest ? kMigrations[version - 1] : ""; }

bool apply_migration(sqlite3* db, int version, std::string& error) {
    if (version < 1 || version > kLatest) {
        error = "no migration produces schema version " + std::to_string(version);
        return false;
    }
    const std::string sql = std::string("BEGIN IMMEDIATE;") + kMigrations[version - 1] +
                            "PRAGMA user_version=" + std::to_string(version) + ";COMMIT;";
    char* msg = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg) == SQLITE_OK) return true;
    error = msg ? msg : sqlite3_errmsg(db);
    sqlite3_free(msg);
    if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return false;
}

}  // namespace dv::schema
