// The central database in a SQLite file (the default on a staff laptop): one transaction per
// bundle, prepared statements reused for every row (see central_db.hpp).
#include "central_backends.hpp"

#include "sqlite/statement.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <unordered_map>

namespace dv::central {

namespace {

class SqliteDb final : public CentralDb {
public:
    SqliteDb(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {}
    ~SqliteDb() override { sqlite3_close(m_db); }

    const char* backend() const override { return "SQLite"; }

    bool exec(const std::string& sql, std::string& error) {
        char* message = nullptr;
        if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return true;
        error = m_path + ": " + (message ? message : sqlite3_errmsg(m_db));
        sqlite3_free(message);
        return false;
    }

    bool fail(std::string& error) {
        error = m_path + ": " + sqlite3_errmsg(m_db);
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        return false;
    }

    bool import_bundle(const BundleHeader& header, const std::vector<ExportSession>& sessions,
                       const std::vector<ExportAnswer>& answers, ImportCount& count, std::string& error) override {
        count = ImportCount{};
        if (!exec("BEGIN IMMEDIATE", error)) return false;
        {
            sql::Stmt known(m_db, "SELECT 1 FROM exports WHERE export_id = ?");
            if (!known.ok()) return fail(error);
            known.bind(1, header.export_id);
            if (known.step() == SQLITE_ROW) {
                count.export_already_present = true;
                count.sessions_present = static_cast<std::int64_t>(sessions.size());
                return exec("ROLLBACK", error);
            }
        }
        std::vector<char>& added = count.added;
        added.assign(sessions.size(), 0);
        {
            std::string sql = "INSERT INTO sessions VALUES (?";
            for (size_t i = 1; i < session_table_columns().size(); ++i) sql += ",?";
            sql += ") ON CONFLICT (session_id) DO NOTHING";
            sql::Stmt insert(m_db, sql.c_str());
            if (!insert.ok()) return fail(error);
            for (size_t i = 0; i < sessions.size(); ++i) {
                const auto row = session_table_row(header, sessions[i]);
                for (size_t c = 0; c < row.size(); ++c) insert.bind(static_cast<int>(c + 1), row[c]);
                if (insert.step() != SQLITE_DONE) return fail(error);
                added[i] = sqlite3_changes(m_db) > 0;
                insert.reset();
                if (added[i]) ++count.sessions_added;
                else ++count.sessions_present;
            }
        }
        {
            std::vector<std::string_view> fresh;
            fresh.reserve(sessions.size());
            for (size_t i = 0; i < sessions.size(); ++i)
                if (added[i]) fresh.push_back(sessions[i].session_id);
            std::sort(fresh.begin(), fresh.end());
            sql::Stmt insert(m_db, "INSERT INTO answers VALUES (?,?,?,?,?)");
            if (!insert.ok()) return fail(error);
            for (const auto& a : answers) {
                if (!std::binary_search(fresh.begin(), fresh.end(), std::string_view(a.session_id))) continue;
                insert.bind(1, a.session_id).bind(2, a.question_id).bind(3, a.phase).bind(4, a.value);
                insert.bind(5, a.content_hash);
                if (insert.step() != SQLITE_DONE) return fail(error);
                insert.reset();
                ++count.answers_added;
            }
        }
        if (!write_bundle_decisions(*this, header, error)) {
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
            return false;
        }
        {
            sql::Stmt insert(m_db, "INSERT INTO exports VALUES (?,?,?,?,?,?,?,?)");
            if (!insert.ok()) return fail(error);
            insert.bind(1, header.export_id).bind(2, header.site_label).bind(3, header.kiosk_key);
            insert.bind(4, header.created_on).bind(5, header.sessions_from).bind(6, header.sessions_to);
            insert.bind(7, count.sessions_added).bind(8, count.answers_added);
            if (insert.step() != SQLITE_DONE) return fail(error);
        }
        if (!exec("COMMIT", error)) {
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
            return false;
        }
        return true;
    }

    // SQLite plans these queries well from the keys alone (bench_collect shows it).
    bool refresh_statistics(std::string&) override { return true; }

    // Runs sql with params, calling on_row for each row; false with error when it fails.
    template <class OnRow>
    bool each_row(const std::string& sql, const std::vector<std::string>& params, std::string& error, OnRow on_row) {
        sql::Stmt stmt(m_db, sql.c_str());
        if (!stmt.ok()) {
            error = m_path + ": " + sqlite3_errmsg(m_db);
            return false;
        }
        for (size_t i = 0; i < params.size(); ++i) stmt.bind(static_cast<int>(i + 1), params[i]);
        int rc;
        while ((rc = stmt.step()) == SQLITE_ROW) on_row(stmt);
        if (rc != SQLITE_DONE) {
            error = m_path + ": " + sqlite3_errmsg(m_db);
            return false;
        }
        return true;
    }

    bool query(const std::string& sql, const std::vector<std::string>& params, Rows& rows,
               std::string& error) override {
        rows.clear();
        return each_row(sql, params, error, [&](const sql::Stmt& stmt) {
            std::vector<std::string> row;
            for (int c = 0, n = stmt.columns(); c < n; ++c) row.push_back(stmt.text(c));
            rows.push_back(std::move(row));
        });
    }

    bool count_rows(const std::string& sql, const std::vector<std::string>& params, int columns, Rows& rows,
                    std::string& error) override {
        rows.clear();
        std::unordered_map<std::string, std::int64_t> counts;
        std::string key;
        const bool ok = each_row(sql, params, error, [&](const sql::Stmt& stmt) {
            key.clear();
            for (int c = 0; c < columns; ++c) {
                key += stmt.view(c);
                key += '\x1f';
            }
            ++counts[key];
        });
        if (!ok) return false;
        rows.reserve(counts.size());
        for (const auto& [k, n] : counts) {
            std::vector<std::string> row;
            size_t at = 0;
            for (int c = 0; c < columns; ++c) {
                const size_t end = k.find('\x1f', at);
                row.push_back(k.substr(at, end - at));
                at = end + 1;
            }
            row.push_back(std::to_string(n));
            rows.push_back(std::move(row));
        }
        return true;
    }

private:
    sqlite3* m_db;
    std::string m_path;
};

}  // namespace

std::unique_ptr<CentralDb> open_sqlite(const std::string& path, std::string& error) {
    sqlite3* db = nullptr;
    // One thread uses the connection: no mutex around every call (a report makes millions).
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
        error = path + ": cannot open the database (" + (db ? sqlite3_errmsg(db) : "out of memory") + ")";
        sqlite3_close(db);
        return nullptr;
    }
    sqlite3_busy_timeout(db, 5000);
    auto out = std::make_unique<SqliteDb>(db, path);
    // WAL with synchronous=NORMAL: each bundle's commit is atomic and survives a crash of the
    // tool; a power cut may lose the last bundles, which collecting again restores.
    if (!out->exec("PRAGMA journal_mode=WAL", error) || !out->exec("PRAGMA synchronous=NORMAL", error) ||
        !out->exec("PRAGMA foreign_keys=ON", error))
        return nullptr;
    for (const auto& sql : schema_sql())
        if (!out->exec(sql, error)) return nullptr;
    return out;
}

}  // namespace dv::central
