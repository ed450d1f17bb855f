// The staff laptop's central database: every kiosk's collected visits in one place, for
// `datavoice collect` to fill and `datavoice report` to read. Besides kiosk/store, the only
// place with SQL.
//
// One schema (schema_sql() below), two backends behind one interface:
//   - SQLite, a file on the laptop (the default: `--db results.sqlite`);
//   - PostgreSQL through libpq (`--db postgresql://...`), for many areas or a national
//     programme. Same tables, same queries, same results.
//
// Tables:
//   exports   one row per bundle collected (export id, site, kiosk key, dates, counts)
//   sessions  one row per visit (the bundle's sessions.csv columns, plus the site, the export
//             it first came in, and the first and last day of its date label)
//   answers   one row per answer that counts (answers.csv), keyed on session, question, phase
//   kiosks    the kiosks staff enrolled: public key, fingerprint, site label, enrolment and
//             revocation dates (kiosks.hpp)
//   quarantine  answers `collect --lenient` kept out of the counts, with the reason
//
// Invariants:
//   (1) A bundle is imported in one transaction: all of it or nothing.
//   (2) An export id already present adds nothing; a session id already present is not
//       added again, nor are its answers (overlapping exports from one kiosk merge cleanly).
//   (3) A kiosk enrolled on first collect (--enrol) and a bundle's quarantined answers are
//       written in the bundle's transaction: never one without the other.
//   (4) Rows are written in batches (prepared statements in SQLite; multi-row INSERTs and COPY
//       in PostgreSQL).
#pragma once

#include "core/export_rows.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace dv::central {

// An answer collect kept out of the counts (--lenient), and why.
struct QuarantinedAnswer {
    ExportAnswer answer;
    std::string reason;
};

// What a bundle brings besides its rows (from its manifest), and what collect decided about
// it: whether to enrol its kiosk, and the answers it quarantined.
struct BundleHeader {
    std::string export_id;
    std::string site_label;
    std::string kiosk_key;
    std::string created_on;
    std::string sessions_from, sessions_to;
    std::string enrol_on;  // a date: enrol the kiosk (not yet known) under site_label; "" otherwise
    std::vector<QuarantinedAnswer> quarantined;
};

struct ImportCount {
    bool export_already_present = false;
    std::int64_t sessions_added = 0;
    std::int64_t sessions_present = 0;  // skipped: already in the database
    std::int64_t answers_added = 0;
    std::vector<char> added;  // per session of the bundle: 1 if it was new
};

using Rows = std::vector<std::vector<std::string>>;

class CentralDb {
public:
    virtual ~CentralDb() = default;
    // "SQLite" or "PostgreSQL".
    virtual const char* backend() const = 0;
    // One bundle in one transaction (invariants 1–4). The rows must already be checked:
    // unique session ids, every answer's session among them, unique (session, question, phase).
    virtual bool import_bundle(const BundleHeader& header, const std::vector<ExportSession>& sessions,
                               const std::vector<ExportAnswer>& answers, ImportCount& count, std::string& error) = 0;
    // After a collect that added rows: brings the query planner's statistics up to date
    // (PostgreSQL's ANALYZE; without it the report's joins are planned for empty tables).
    virtual bool refresh_statistics(std::string& error) = 0;
    // Runs a SELECT written with `?` placeholders; every value comes back as text (NULL as "").
    virtual bool query(const std::string& sql, const std::vector<std::string>& params, Rows& rows,
                       std::string& error) = 0;
    // Runs a SELECT of `columns` columns and counts identical rows: each distinct row once,
    // with how many there were as one more column, in no particular order. (SQLite counts in a
    // hash table here, several times faster than its sorter; PostgreSQL groups on the server.)
    virtual bool count_rows(const std::string& sql, const std::vector<std::string>& params, int columns, Rows& rows,
                            std::string& error) = 0;
};

// "postgresql://..." or "postgres://..." opens PostgreSQL; anything else is a SQLite file
// (made if missing). Creates the schema if needed. nullptr with error naming the database.
std::unique_ptr<CentralDb> open_central_db(const std::string& spec, std::string& error);

// The schema, one statement per entry, valid in both SQLite and PostgreSQL.
const std::vector<std::string>& schema_sql();

// Inside a backend's import transaction: enrols the kiosk when the header says so and writes
// the quarantined answers (invariant 3), through db.query().
bool write_bundle_decisions(CentralDb& db, const BundleHeader& header, std::string& error);

// The columns of sessions, in the order both backends write them.
const std::vector<std::string>& session_table_columns();
// One session's row for the sessions table, in session_table_columns() order.
std::vector<std::string> session_table_row(const BundleHeader& header, const ExportSession& s);

}  // namespace dv::central
