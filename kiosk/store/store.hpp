// The kiosk's durable store: one SQLite database per kiosk. The only code with SQL in it.
//
// See store.cpp for the states, transitions and numbered invariants of the store. Its
// methods are defined across several files: store.cpp (open, commit, reads),
// store_health.cpp (the start-up check), store_retention.cpp (purges), store_export.cpp
// (exports, export marks, the staff screen's totals), store_clock.cpp (the clock rules' queries,
// staff confirmations of the clock, clock_records.hpp) and
// store_results.cpp (the results screen's query); the schema's
// history is in migrations.cpp, and journey_commit.hpp holds the journey/store glue.
#pragma once

#include "core/clock.hpp"
#include "core/clock_trust.hpp"
#include "core/export_ledger.hpp"
#include "core/journey.hpp"
#include "core/results.hpp"
#include "core/staff_mode.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace dv {

namespace sql {
class Stmt;
}

struct StoredSession {
    std::string session_id;
    std::string pack_id, pack_version, pack_hash;
    std::string language;
    std::string visit_date, part_of_day;
    bool date_uncertain = false;
    int boot = 0;
    std::string mode;
};

struct StoredAnswer {
    std::int64_t answer_id = 0;  // row order; never exported
    std::string session_id;
    std::string question_id;
    std::string phase;
    std::string value;
    std::string content_hash;
    bool skipped = false;
};

struct AuditEntry {
    std::string at;  // staff events carry a full time; visitor data never appears here
    std::string event;
    std::string detail;
};

// What a purge removed. ok is false when the purge failed (nothing was removed).
struct PurgeResult {
    bool ok = false;
    std::int64_t sessions = 0;
    std::int64_t answers = 0;
    std::string cutoff_date;  // retention: rows dated before this day were removed
};

class Store {
public:
    // Opens (creating if needed) the database at path, checks it (PRAGMA quick_check) and
    // migrates it to the current schema. A corrupt database is moved aside with a timestamped
    // name taken from `clock` and a fresh one started; startup_warnings() then says so.
    // On failure returns nullptr and sets error to one line naming the file and the problem.
    static std::unique_ptr<Store> open(const std::string& path, std::string& error, const Clock& clock);
    // The same, with the system clock.
    static std::unique_ptr<Store> open(const std::string& path, std::string& error);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    static int current_schema_version();
    int schema_version();
    // The schema version of the database at path, read without changing anything (no
    // migration, no checkpoint, no repair): for the package's check before it starts a new
    // version of the kiosk. 0 for a file that does not exist yet. False with one line.
    static bool peek_schema_version(const std::string& path, int& version, std::string& error);
    // The connection's durability settings: "wal" and 2 (FULL) once open() succeeded.
    std::string journal_mode();
    int synchronous_level();

    // Makes a pending commit durable: the session row (once) and every answer, in one
    // transaction. True only when the transaction committed (invariant 1).
    bool commit(const PendingCommit& pending);

    // Many pending commits in one transaction (bulk loads, simulations): all or nothing.
    bool commit_batch(const std::vector<PendingCommit>& batch);

    // A cheap write that proves the database accepts writes again (used while resting).
    bool writable();

    // Problems found when the store opened, for the staff screen: one plain sentence each
    // (e.g. the database was corrupt and was moved aside). Also recorded in audit_log.
    const std::vector<std::string>& startup_warnings() const { return m_startup_warnings; }

    // Storage limitation: removes the sessions (with their answers) dated more than
    // retention_days before the date of `now`, and logs the purge in audit_log at `now`.
    // Never runs on an untrusted clock: when clock_trusted is false it removes nothing.
    // Only sessions a verified export has taken completely go (nothing is lost to age);
    // sessions whose date was uncertain when stored are never purged by age.
    // retention_days <= 0 means keep everything.
    PurgeResult purge_expired(int retention_days, const CivilTime& now, bool clock_trusted);

    std::vector<StoredSession> sessions();
    // Every answer row ever written, oldest first.
    std::vector<StoredAnswer> all_answers();
    // The answer that counts for each (session, question, phase): the latest; skips excluded.
    std::vector<StoredAnswer> effective_answers();
    std::int64_t session_count();
    // A scenario question's first and second views (store_results.cpp): one row per visitor
    // session of this pack that has either, in the order the sessions began, with whether the
    // visit saw cards of `scenario_id` and whether it was in its comparison group.
    std::vector<ViewPair> view_pairs(const std::string& pack_id, const std::string& question_id,
                                     const std::string& scenario_id);

    void audit(const std::string& event, const std::string& detail, const std::string& at);
    std::vector<AuditEntry> audit_log();

    // --- The clock (store_clock.cpp) ----------------------------------------------------
    // The latest visit date stored on a trusted clock ("" when none): the clock may not go before it.
    std::string latest_visit_date();
    // Records a staff confirmation of the clock and its audit entry in one transaction.
    bool record_clock_confirmation(const ClockConfirmation& c, const std::string& audit_event,
                                   const std::string& audit_detail, const std::string& at);
    // The latest confirmation of each boot, by boot.
    std::vector<ClockConfirmation> clock_confirmations();
    // How many stored visits have uncertain dates (a count, never rows).
    std::int64_t date_uncertain_count();
    // Repeat presses (store_privacy.cpp): a session flagged as repeating the one before it
    // stays in the store and in exports, and is left out of headline tables by default.
    bool flag_repeat(const std::string& session_id);
    // Many at once, in one transaction (bulk loads, simulations): all or nothing.
    bool flag_repeats(const std::vector<std::string>& session_ids);
    std::vector<std::string> flagged_repeat_sessions();  // sorted
    std::int64_t flagged_repeat_count();

    std::optional<std::string> setting(const std::string& key);
    bool set_setting(const std::string& key, const std::string& value);

    // --- Exports (store_export.cpp) ----------------------------------------------------
    // The ExportLedger operations (core/export_ledger.hpp); StoreLedger forwards to them.
    bool export_sessions(bool everything, std::vector<ExportSession>& out);
    // Safe to call from another thread while the store is in use: it opens its own
    // read-only connection.
    bool read_answer_set(ExportAnswerSet& out, ExportLedger::ReadProgress& progress, std::string& error) const;
    bool mark_exported(const ExportMark& mark, const std::vector<std::pair<std::string, std::int64_t>>& sessions);
    // Verified exports, newest first.
    std::vector<ExportMark> exports();
    // Staff's purge after an export: the sessions (with their answers) that a verified export
    // took completely, through the purge gate, logged at `at` (store invariant 8).
    PurgeResult purge_exported(const std::string& at);
    StaffTotals staff_totals();

    const std::string& last_error() const { return m_error; }
    const std::string& path() const { return m_path; }

private:
    Store(sqlite3* db, std::string path);
    bool exec(const char* sql);
    // Records the error and rolls back whatever transaction is open (invariant 7).
    bool fail(const char* what);
    // BEGIN IMMEDIATE on a connection with no transaction left open.
    bool begin_write();
    // The two statements are prepared once per transaction (see commit(), commit_batch()).
    bool insert_pending(const PendingCommit& pending, sql::Stmt& insert_session, sql::Stmt& insert_answer);
    bool configure(std::string& error);
    bool migrate(std::string& error);
    // Removes the sessions matching `condition` (SQL on table sessions, binding ?1 to
    // condition_arg) and their answers through the purge gate, logs `event` with `detail`
    // and the counts in audit_log, all in one transaction (invariant 8). Nothing is logged
    // when nothing matched. The only way visitor rows may leave: any purge (by age, or of
    // exported rows by staff) goes through here.
    PurgeResult purge_sessions_where(const char* condition, const std::string& condition_arg,
                                     const std::string& event, const std::string& detail, const std::string& at);

    sqlite3* m_db;
    std::string m_path;
    std::string m_error;
    std::vector<std::string> m_startup_warnings;
};

}  // namespace dv
