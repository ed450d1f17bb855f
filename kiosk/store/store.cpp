// This file implements the kiosk's durable store on SQLite.
//
// STATES
//
//   Closed ──open()──► Migrating ──► Ready ──commit() fails──► Failing
//                                     ▲  │                       │
//                                     │  └──commit() ok──► Ready │
//                                     └──── writable() ok ───────┘
//
//   Closed     no connection.
//   Migrating  inside open(): PRAGMAs set, each pending migration applied in its own
//              transaction that also sets PRAGMA user_version.
//   Ready      every commit() so far has succeeded or the last writable() probe did.
//   Failing    the last write failed (disk full, I/O error); nothing was acknowledged.
//
// TRANSITIONS
//   Closed → Migrating → Ready   Store::open()
//   Ready → Ready | Failing      Store::commit()
//   Failing → Ready              Store::writable()
//
// INVARIANTS (tests in tests/unit/test_store.cpp name them)
//   (1) commit() returns true only after SQLite reports COMMIT done with journal_mode=WAL and
//       synchronous=FULL, so an acknowledged answer survives a crash or power cut.
//   (2) A session row and its answers are written in the same transaction: no answer without
//       its session, no session without its first answer.
//   (3) Answers are append-only: an UPDATE of an answer row is refused by a trigger. A changed
//       answer is a new row; the latest row per (session, question, phase) is the one that counts.
//   (4) PRAGMA user_version always equals the number of migrations applied, and each migration
//       is applied completely or not at all.
//   (5) Nothing in the database identifies a visitor: no times finer than a part of day,
//       no device ids (the audit log holds staff and system events only).
#include "store.hpp"

#include <sqlite3.h>

namespace dv {

namespace {

// Migration N (1-based) takes the schema from version N-1 to N. Never edit a released one:
// add a new one. tests/unit/test_store_migrations.cpp builds every earlier version.
const char* const kMigrations[] = {
    // 1: sessions, answers, staff audit log, settings
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
};

constexpr int kSchemaVersion = sizeof(kMigrations) / sizeof(kMigrations[0]);

// A prepared statement that finalizes itself.
class Stmt {
public:
    Stmt(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr); }
    ~Stmt() { sqlite3_finalize(m_stmt); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    bool ok() const { return m_stmt != nullptr; }
    Stmt& bind(int i, const std::string& v) {
        sqlite3_bind_text(m_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Stmt& bind(int i, std::int64_t v) {
        sqlite3_bind_int64(m_stmt, i, v);
        return *this;
    }
    int step() { return sqlite3_step(m_stmt); }
    std::string text(int col) const {
        const auto* p = sqlite3_column_text(m_stmt, col);
        return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(m_stmt, col)) : std::string();
    }
    std::int64_t integer(int col) const { return sqlite3_column_int64(m_stmt, col); }

private:
    sqlite3_stmt* m_stmt = nullptr;
};

}  // namespace

int Store::current_schema_version() { return kSchemaVersion; }

std::unique_ptr<Store> Store::open(const std::string& path, std::string& error) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        error = path + ": cannot open the database: " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close(db);
        return nullptr;
    }
    std::unique_ptr<Store> store(new Store(db, path));
    sqlite3_busy_timeout(db, 5000);
    sqlite3_extended_result_codes(db, 1);
    // Invariant 1: WAL with synchronous=FULL makes every COMMIT durable before it returns.
    if (!store->exec("PRAGMA journal_mode=WAL") || !store->exec("PRAGMA synchronous=FULL") ||
        !store->exec("PRAGMA foreign_keys=ON")) {
        error = path + ": " + store->m_error;
        return nullptr;
    }
    const int from = store->schema_version();
    if (from < 0 || from > kSchemaVersion) {
        error = path + ": schema version " + std::to_string(from) + " is newer than this kiosk understands (" +
                std::to_string(kSchemaVersion) + ")";
        return nullptr;
    }
    for (int v = from; v < kSchemaVersion; ++v) {  // invariant 4: one transaction per migration
        const std::string sql = std::string("BEGIN IMMEDIATE;") + kMigrations[v] +
                                "PRAGMA user_version=" + std::to_string(v + 1) + ";COMMIT;";
        if (!store->exec(sql.c_str())) {
            store->exec("ROLLBACK");
            error = path + ": migration to schema version " + std::to_string(v + 1) + " failed: " + store->m_error;
            return nullptr;
        }
    }
    return store;
}

Store::Store(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {}

Store::~Store() { sqlite3_close(m_db); }

bool Store::exec(const char* sql) {
    char* msg = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
        m_error = msg ? msg : sqlite3_errmsg(m_db);
        sqlite3_free(msg);
        return false;
    }
    return true;
}

bool Store::fail(const char* what) {
    m_error = std::string(what) + ": " + sqlite3_errmsg(m_db);
    if (!sqlite3_get_autocommit(m_db)) sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    return false;
}

int Store::schema_version() {
    Stmt s(m_db, "PRAGMA user_version");
    return s.ok() && s.step() == SQLITE_ROW ? static_cast<int>(s.integer(0)) : -1;
}

std::string Store::journal_mode() {
    Stmt s(m_db, "PRAGMA journal_mode");
    return s.ok() && s.step() == SQLITE_ROW ? s.text(0) : std::string();
}

int Store::synchronous_level() {
    Stmt s(m_db, "PRAGMA synchronous");
    return s.ok() && s.step() == SQLITE_ROW ? static_cast<int>(s.integer(0)) : -1;
}

bool Store::commit(const PendingCommit& pending) {
    if (!exec("BEGIN IMMEDIATE")) return fail("begin");
    {
        // Invariant 2: the session row is written with its first answer, in one transaction.
        Stmt s(m_db,
               "INSERT OR IGNORE INTO sessions (session_id, pack_id, pack_version, pack_hash, language, visit_date, "
               "part_of_day, date_uncertain, boot, mode) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
        if (!s.ok()) return fail("prepare session");
        const SessionInfo& si = pending.session;
        s.bind(1, si.session_id).bind(2, si.pack_id).bind(3, si.pack_version).bind(4, si.pack_hash);
        s.bind(5, si.language).bind(6, si.stamp.date).bind(7, si.stamp.part_of_day);
        s.bind(8, std::int64_t{si.stamp.date_uncertain}).bind(9, std::int64_t{si.stamp.boot}).bind(10, si.mode);
        if (s.step() != SQLITE_DONE) return fail("insert session");
    }
    for (const auto& a : pending.answers) {
        Stmt s(m_db,
               "INSERT INTO answers (session_id, question_id, phase, value, content_hash, skipped) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        if (!s.ok()) return fail("prepare answer");
        s.bind(1, pending.session.session_id).bind(2, a.question_id).bind(3, a.phase).bind(4, a.value);
        s.bind(5, a.content_hash).bind(6, std::int64_t{a.skipped});
        if (s.step() != SQLITE_DONE) return fail("insert answer");
    }
    if (!exec("COMMIT")) return fail("commit");  // invariant 1
    return true;
}

bool Store::writable() {
    if (!exec("BEGIN IMMEDIATE")) return fail("begin");
    if (!exec("INSERT INTO settings (key, value) VALUES ('store_probe', '1') "
              "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"))
        return fail("probe");
    if (!exec("COMMIT")) return fail("commit");
    return true;
}

std::vector<StoredSession> Store::sessions() {
    std::vector<StoredSession> out;
    Stmt s(m_db,
           "SELECT session_id, pack_id, pack_version, pack_hash, language, visit_date, part_of_day, "
           "date_uncertain, boot, mode FROM sessions ORDER BY session_id");
    while (s.ok() && s.step() == SQLITE_ROW) {
        StoredSession r;
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
        out.push_back(std::move(r));
    }
    return out;
}

static std::vector<StoredAnswer> read_answers(sqlite3* db, const char* sql) {
    std::vector<StoredAnswer> out;
    Stmt s(db, sql);
    while (s.ok() && s.step() == SQLITE_ROW) {
        StoredAnswer a;
        a.answer_id = s.integer(0);
        a.session_id = s.text(1);
        a.question_id = s.text(2);
        a.phase = s.text(3);
        a.value = s.text(4);
        a.content_hash = s.text(5);
        a.skipped = s.integer(6) != 0;
        out.push_back(std::move(a));
    }
    return out;
}

std::vector<StoredAnswer> Store::all_answers() {
    return read_answers(m_db,
                        "SELECT answer_id, session_id, question_id, phase, value, content_hash, skipped "
                        "FROM answers ORDER BY answer_id");
}

std::vector<StoredAnswer> Store::effective_answers() {
    // Invariant 3: the latest row for each (session, question, phase) is the one that counts.
    return read_answers(m_db,
                        "SELECT a.answer_id, a.session_id, a.question_id, a.phase, a.value, a.content_hash, a.skipped "
                        "FROM answers a JOIN (SELECT MAX(answer_id) AS latest FROM answers "
                        "GROUP BY session_id, question_id, phase) l ON a.answer_id = l.latest "
                        "WHERE a.skipped = 0 ORDER BY a.answer_id");
}

std::int64_t Store::session_count() {
    Stmt s(m_db, "SELECT COUNT(*) FROM sessions");
    return s.ok() && s.step() == SQLITE_ROW ? s.integer(0) : 0;
}

void Store::audit(const std::string& event, const std::string& detail, const std::string& at) {
    Stmt s(m_db, "INSERT INTO audit_log (at, event, detail) VALUES (?1, ?2, ?3)");
    if (!s.ok()) return;
    s.bind(1, at).bind(2, event).bind(3, detail);
    if (s.step() != SQLITE_DONE) m_error = std::string("audit: ") + sqlite3_errmsg(m_db);
}

std::vector<AuditEntry> Store::audit_log() {
    std::vector<AuditEntry> out;
    Stmt s(m_db, "SELECT at, event, detail FROM audit_log ORDER BY entry_id");
    while (s.ok() && s.step() == SQLITE_ROW) out.push_back({s.text(0), s.text(1), s.text(2)});
    return out;
}

std::optional<std::string> Store::setting(const std::string& key) {
    Stmt s(m_db, "SELECT value FROM settings WHERE key = ?1");
    if (!s.ok()) return std::nullopt;
    s.bind(1, key);
    if (s.step() != SQLITE_ROW) return std::nullopt;
    return s.text(0);
}

bool Store::set_setting(const std::string& key, const std::string& value) {
    Stmt s(m_db,
           "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!s.ok()) return fail("prepare setting");
    s.bind(1, key).bind(2, value);
    if (s.step() != SQLITE_DONE) return fail("set setting");
    return true;
}

}  // namespace dv
