// This file implements the kiosk's durable store on SQLite: opening (with the start-up
// check and migrations), committing answers, and reading them back.
//
// STATES
//
//   Closed ──open()──► Checking ──healthy or new──────────────► Migrating ──► Ready
//                         │                                        ▲           │ ▲
//                         ├──corrupt──► MovedAside ────────────────┘           │ │ commit(),
//                         │             (file renamed, fresh file, warning)    │ │ purge ok
//                         └──unreadable, or newer schema──► Closed (error)     │ └──┘
//                                                          commit(), purge fails│
//                                                                               ▼
//                                                 Ready ◄── writable() ok ── Failing
//
//   Closed      no connection.
//   Checking    inside open(): an existing database is read by PRAGMA quick_check.
//   MovedAside  inside open(): the corrupt file and its -wal and -shm are renamed with a
//               timestamp; a fresh database is created in their place.
//   Migrating   inside open(): PRAGMAs set, each pending migration applied in its own
//               transaction that also sets PRAGMA user_version (migrations.cpp).
//   Ready       every commit() so far has succeeded or the last writable() probe did.
//   Failing     the last write failed (disk full, I/O error); nothing was acknowledged and
//               no transaction is left open.
//
// TRANSITIONS
//   Closed → Checking → Migrating → Ready      Store::open()
//   Checking → MovedAside → Migrating          Store::open() via health::move_aside()
//   Ready → Ready | Failing                    Store::commit(), Store::commit_batch()
//   Ready → Ready | Failing                    Store::purge_expired() (store_retention.cpp)
//   Failing → Ready                            Store::writable()
//
// INVARIANTS (tests name them: tests/unit/test_store*.cpp, tests/crash/)
//   (1) commit() returns true only after SQLite reports COMMIT done with journal_mode=WAL and
//       synchronous=FULL, so an acknowledged answer survives a crash or power cut.
//   (2) A session row and its answers are written in the same transaction: no answer without
//       its session (a foreign key, enforced), no session without its first answer.
//   (3) Answers are append-only: an UPDATE of an answer row is refused by a trigger. A changed
//       answer is a new row; the latest row per (session, question, phase) is the one that counts.
//   (4) PRAGMA user_version always equals the number of migrations applied, and each migration
//       is applied completely or not at all.
//   (5) Nothing in the database identifies a visitor: no times finer than a part of day,
//       no device ids (the audit log holds staff and system events only).
//   (6) A database that fails PRAGMA quick_check, or that SQLite calls corrupt or not a
//       database, is never written to and never deleted: it is renamed with its -wal and
//       -shm, a fresh database starts, and startup_warnings() and audit_log say so.
//   (7) A failed write leaves no transaction open: every write path rolls back on error, so
//       the connection stays usable and the next write starts clean.
//   (8) Rows leave sessions and answers only through a purge: triggers refuse any DELETE
//       while the purge gate is empty; a purge opens the gate, deletes, closes it and logs
//       itself in audit_log, all in one transaction. Deleted content is overwritten
//       (secure_delete) and the write-ahead log truncated afterwards.
//   (9) A purge by age runs only on a trusted clock and removes only sessions a verified
//       export has taken completely (invariant 13), never one whose date was uncertain when
//       it was stored.
//   (10) An error that is not corruption (I/O, permissions, a lock) never moves a database
//       aside: open() fails with one line naming the file instead.
#include "store.hpp"

#include "health.hpp"
#include "migrations.hpp"
#include "sqlite/statement.hpp"

#include <sqlite3.h>

#include <filesystem>

namespace dv {

using sql::Stmt;

namespace sql {

std::string query_text(sqlite3* db, const char* text, const std::string& fallback) {
    Stmt s(db, text);
    return s.ok() && s.step() == SQLITE_ROW ? s.text(0) : fallback;
}

std::int64_t query_integer(sqlite3* db, const char* text, std::int64_t fallback) {
    Stmt s(db, text);
    return s.ok() && s.step() == SQLITE_ROW ? s.integer(0) : fallback;
}

sqlite3* open_connection(const std::string& path, int flags, std::string& error) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        error = path + ": cannot open the database: " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close(db);
        return nullptr;
    }
    sqlite3_busy_timeout(db, 5000);
    sqlite3_extended_result_codes(db, 1);
    return db;
}

}  // namespace sql

namespace {

constexpr int kReadWrite = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;

}  // namespace

int Store::current_schema_version() { return schema::latest_version(); }

bool Store::peek_schema_version(const std::string& path, int& version, std::string& error) {
    version = 0;
    if (!health::has_content(path)) return true;
    // With no log beside it the file is whole: open it immutable, so that not even the -shm
    // and -wal files a read-only connection makes are left in the folder. With a log (the
    // kiosk was stopped hard), the log may hold the latest schema change: read through it.
    std::error_code ec;
    const bool has_log = std::filesystem::exists(path + "-wal", ec);
    std::string uri = "file:";
    for (const char c : path) {
        if (c == '%' || c == '?' || c == '#') {
            static const char hex[] = "0123456789ABCDEF";
            uri += '%';
            uri += hex[static_cast<unsigned char>(c) >> 4];
            uri += hex[static_cast<unsigned char>(c) & 15];
        } else {
            uri += c;
        }
    }
    uri += "?mode=ro&immutable=1";
    sqlite3* db = has_log ? sql::open_connection(path, SQLITE_OPEN_READONLY, error)
                          : sql::open_connection(uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error);
    if (!db) {
        error = path + ": cannot open the database";
        return false;
    }
    version = static_cast<int>(sql::query_integer(db, "PRAGMA user_version"));
    if (version < 0) error = path + ": cannot read the database: " + sqlite3_errmsg(db);
    sqlite3_close(db);
    return version >= 0;
}

std::unique_ptr<Store> Store::open(const std::string& path, std::string& error) {
    static const SystemClock system_clock;
    return open(path, error, system_clock);
}

std::unique_ptr<Store> Store::open(const std::string& path, std::string& error, const Clock& clock) {
    const bool existed = health::has_content(path);
    sqlite3* db = sql::open_connection(path, kReadWrite, error);
    if (!db) return nullptr;
    std::string moved_to, damage;
    if (existed) {  // invariants 6 and 10
        // Closing the last connection would checkpoint the log into the file: not while it
        // may be damaged, so that a damaged file is kept exactly as it was found.
        sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        const health::Check check = health::quick_check(db);
        if (check.verdict == health::Verdict::Unreadable) {
            error = path + ": cannot read the database: " + check.detail;
            sqlite3_close(db);
            return nullptr;
        }
        if (check.verdict == health::Verdict::Corrupt) {
            sqlite3_close(db);
            damage = check.detail;
            if (!health::move_aside(path, clock.local_now(), moved_to, error)) return nullptr;
            db = sql::open_connection(path, kReadWrite, error);
            if (!db) return nullptr;
        }
        sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, nullptr);
    }
    std::unique_ptr<Store> store(new Store(db, path));
    if (!store->configure(error) || !store->migrate(error)) return nullptr;
    if (!moved_to.empty()) {
        const std::string kept = moved_to.substr(moved_to.find_last_of('/') + 1);
        store->m_startup_warnings.push_back("The answers database was damaged (" + damage + "). It was kept as " +
                                            kept + " and a new, empty one was started.");
        store->audit("database_moved_aside", damage + "; kept as " + kept, health::audit_time(clock.local_now()));
    }
    return store;
}

bool Store::configure(std::string& error) {
    // Invariant 1: WAL with synchronous=FULL makes every COMMIT durable before it returns.
    // Invariant 8: what a purge deletes is overwritten, not left in free pages.
    if (!exec("PRAGMA journal_mode=WAL") || journal_mode() != "wal" || !exec("PRAGMA synchronous=FULL") ||
        !exec("PRAGMA foreign_keys=ON") || !exec("PRAGMA secure_delete=ON")) {
        error = m_path + ": " + (m_error.empty() ? "cannot switch the database to WAL mode" : m_error);
        return false;
    }
    return true;
}

bool Store::migrate(std::string& error) {
    const int from = schema_version();
    const int latest = schema::latest_version();
    if (from < 0 || from > latest) {
        error = m_path + ": schema version " + std::to_string(from) + " is newer than this kiosk understands (" +
                std::to_string(latest) + ")";
        return false;
    }
    for (int v = from + 1; v <= latest; ++v) {  // invariant 4: one transaction per migration
        std::string why;
        if (!schema::apply_migration(m_db, v, why)) {
            error = m_path + ": migration to schema version " + std::to_string(v) + " failed: " + why;
            return false;
        }
    }
    return true;
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
    // Invariant 7: nothing half-done stays open. Statements are reset first so ROLLBACK is
    // never refused because one of them is still running.
    for (sqlite3_stmt* s = sqlite3_next_stmt(m_db, nullptr); s; s = sqlite3_next_stmt(m_db, s)) sqlite3_reset(s);
    if (!sqlite3_get_autocommit(m_db)) sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    return false;
}

bool Store::begin_write() {
    // A transaction left open by an earlier failure (one SQLite could not roll back then)
    // would make every later BEGIN fail: end it first (invariant 7).
    if (!sqlite3_get_autocommit(m_db)) sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    return exec("BEGIN IMMEDIATE");
}

int Store::schema_version() { return static_cast<int>(sql::query_integer(m_db, "PRAGMA user_version")); }

std::string Store::journal_mode() { return sql::query_text(m_db, "PRAGMA journal_mode"); }

int Store::synchronous_level() { return static_cast<int>(sql::query_integer(m_db, "PRAGMA synchronous")); }

namespace {

const char* const kInsertSession =
    "INSERT OR IGNORE INTO sessions (session_id, pack_id, pack_version, pack_hash, language, visit_date, "
    "part_of_day, date_uncertain, boot, mode) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
const char* const kInsertAnswer =
    "INSERT INTO answers (session_id, question_id, phase, value, content_hash, skipped) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

}  // namespace

bool Store::insert_pending(const PendingCommit& pending, Stmt& s, Stmt& a) {
    // Invariant 2: the session row is written with its first answer, in one transaction.
    const SessionInfo& si = pending.session;
    s.reset();
    s.bind(1, si.session_id).bind(2, si.pack_id).bind(3, si.pack_version).bind(4, si.pack_hash);
    s.bind(5, si.language).bind(6, si.stamp.date).bind(7, si.stamp.part_of_day);
    s.bind(8, std::int64_t{si.stamp.date_uncertain}).bind(9, std::int64_t{si.stamp.boot}).bind(10, si.mode);
    if (s.step() != SQLITE_DONE) return fail("insert session");
    for (const auto& r : pending.answers) {
        a.reset();
        a.bind(1, si.session_id).bind(2, r.question_id).bind(3, r.phase).bind(4, r.value);
        a.bind(5, r.content_hash).bind(6, std::int64_t{r.skipped});
        if (a.step() != SQLITE_DONE) return fail("insert answer");
    }
    return true;
}

bool Store::commit(const PendingCommit& pending) { return commit_batch({pending}); }

bool Store::commit_batch(const std::vector<PendingCommit>& batch) {
    if (!begin_write()) return fail("begin");
    Stmt session(m_db, kInsertSession), answer(m_db, kInsertAnswer);
    if (!session.ok() || !answer.ok()) return fail("prepare");
    for (const auto& pending : batch)
        if (!insert_pending(pending, session, answer)) return false;
    if (!exec("COMMIT")) return fail("commit");  // invariant 1
    return true;
}

bool Store::writable() {
    if (!begin_write()) return fail("begin");
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

std::int64_t Store::session_count() { return sql::query_integer(m_db, "SELECT COUNT(*) FROM sessions", 0); }

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
