// This file implements what both central database backends share: the schema, the row a
// session becomes, and choosing the backend from --db (see central_db.hpp).
#include "central_db.hpp"

#include "central_backends.hpp"
#include "exchange/crypto.hpp"
#include "kiosks.hpp"

namespace dv::central {

const std::vector<std::string>& schema_sql() {
    static const std::vector<std::string> sql = {
        "CREATE TABLE IF NOT EXISTS exports ("
        " export_id TEXT PRIMARY KEY, site_label TEXT NOT NULL, kiosk_key TEXT NOT NULL,"
        " created_on TEXT NOT NULL, sessions_from TEXT NOT NULL, sessions_to TEXT NOT NULL,"
        " sessions_added INTEGER NOT NULL, answers_added INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS sessions ("
        " session_id TEXT PRIMARY KEY, export_id TEXT NOT NULL, site_label TEXT NOT NULL,"
        " visit_date TEXT NOT NULL, date_from TEXT NOT NULL, date_to TEXT NOT NULL, month TEXT NOT NULL,"
        " part_of_day TEXT NOT NULL, date_uncertain INTEGER NOT NULL, boot INTEGER NOT NULL,"
        " language TEXT NOT NULL, pack_id TEXT NOT NULL, pack_version TEXT NOT NULL, pack_hash TEXT NOT NULL,"
        " mode TEXT NOT NULL, flagged_repeat INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS answers ("
        " session_id TEXT NOT NULL, question_id TEXT NOT NULL, phase TEXT NOT NULL,"
        " value TEXT NOT NULL, wording TEXT NOT NULL, PRIMARY KEY (session_id, question_id, phase))",
        "CREATE TABLE IF NOT EXISTS kiosks ("
        " kiosk_key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, site_label TEXT NOT NULL,"
        " enrolled_on TEXT NOT NULL, revoked_on TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS quarantine ("
        " export_id TEXT NOT NULL, session_id TEXT NOT NULL, question_id TEXT NOT NULL, phase TEXT NOT NULL,"
        " value TEXT NOT NULL, wording TEXT NOT NULL, reason TEXT NOT NULL)",
    };
    return sql;
}

const std::vector<std::string>& session_table_columns() {
    static const std::vector<std::string> columns = {
        "session_id", "export_id", "site_label", "visit_date", "date_from", "date_to", "month", "part_of_day",
        "date_uncertain", "boot", "language", "pack_id", "pack_version", "pack_hash", "mode", "flagged_repeat"};
    return columns;
}

std::vector<std::string> session_table_row(const BundleHeader& header, const ExportSession& s) {
    const auto slash = s.visit_date.find('/');
    const std::string from = s.visit_date.substr(0, slash);
    const std::string to = slash == std::string::npos ? from : s.visit_date.substr(slash + 1);
    // A month split needs the whole label inside one month; a period across months has none.
    const std::string month = from.compare(0, 7, to, 0, 7) == 0 ? from.substr(0, 7) : std::string();
    return {s.session_id,
            header.export_id,
            header.site_label,
            s.visit_date,
            from,
            to,
            month,
            s.part_of_day,
            s.date_uncertain ? "1" : "0",
            std::to_string(s.boot),
            s.language,
            s.pack_id,
            s.pack_version,
            s.pack_hash,
            s.mode,
            s.flagged_repeat ? "1" : "0"};
}

bool write_bundle_decisions(CentralDb& db, const BundleHeader& header, std::string& error) {
    Rows rows;
    if (!header.enrol_on.empty() &&
        !db.query(enrol_kiosk_sql(),
                  {header.kiosk_key, key_fingerprint(header.kiosk_key).value_or(""), header.site_label, header.enrol_on},
                  rows, error))
        return false;
    for (const auto& q : header.quarantined) {
        const ExportAnswer& a = q.answer;
        if (!db.query("INSERT INTO quarantine VALUES (?,?,?,?,?,?,?)",
                      {header.export_id, a.session_id, a.question_id, a.phase, a.value, a.content_hash, q.reason}, rows,
                      error))
            return false;
    }
    return true;
}

std::unique_ptr<CentralDb> open_central_db(const std::string& spec, std::string& error) {
    if (spec.rfind("postgresql://", 0) == 0 || spec.rfind("postgres://", 0) == 0) return open_postgres(spec, error);
    return open_sqlite(spec, error);
}

}  // namespace dv::central
