// The central database in PostgreSQL through libpq (`--db postgresql://...`): the same schema
// and queries as SQLite; each bundle in one transaction, its sessions in multi-row INSERTs and
// its answers sent with COPY (see central_db.hpp).
#include "central_backends.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <unordered_set>

namespace dv::central {

namespace {

// COPY's text format: backslash, tab, newline and carriage return escaped.
void copy_field(std::string& out, std::string_view v) {
    for (char c : v) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            default: out += c;
        }
    }
}

// `?` placeholders (outside quotes) become $1, $2, ...
std::string numbered_placeholders(const std::string& sql) {
    std::string out;
    bool quoted = false;
    int n = 0;
    for (char c : sql) {
        if (c == '\'') quoted = !quoted;
        if (c == '?' && !quoted) out += "$" + std::to_string(++n);
        else out += c;
    }
    return out;
}

class Result {
public:
    explicit Result(PGresult* r) : m_r(r) {}
    ~Result() { PQclear(m_r); }
    Result(const Result&) = delete;
    Result& operator=(const Result&) = delete;
    PGresult* get() const { return m_r; }
    ExecStatusType status() const { return PQresultStatus(m_r); }

private:
    PGresult* m_r;
};

class PostgresDb final : public CentralDb {
public:
    PostgresDb(PGconn* conn, std::string name) : m_conn(conn), m_name(std::move(name)) {}
    ~PostgresDb() override { PQfinish(m_conn); }

    const char* backend() const override { return "PostgreSQL"; }

    bool fail(std::string& error, const char* what = nullptr) {
        std::string message = what ? what : PQerrorMessage(m_conn);
        while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
        error = m_name + ": " + message;
        if (PQtransactionStatus(m_conn) != PQTRANS_IDLE) Result(PQexec(m_conn, "ROLLBACK"));
        return false;
    }

    bool exec(const char* sql, std::string& error) {
        Result r(PQexec(m_conn, sql));
        if (r.status() == PGRES_COMMAND_OK || r.status() == PGRES_TUPLES_OK) return true;
        return fail(error);
    }

    bool copy(const char* sql, const std::string& data, std::string& error) {
        {
            Result r(PQexec(m_conn, sql));
            if (r.status() != PGRES_COPY_IN) return fail(error);
        }
        constexpr size_t kChunk = 1 << 20;
        for (size_t at = 0; at < data.size(); at += kChunk) {
            const size_t n = std::min(kChunk, data.size() - at);
            if (PQputCopyData(m_conn, data.data() + at, static_cast<int>(n)) != 1) return fail(error);
        }
        if (PQputCopyEnd(m_conn, nullptr) != 1) return fail(error);
        bool ok = true;
        while (PGresult* r = PQgetResult(m_conn)) {
            if (PQresultStatus(r) != PGRES_COMMAND_OK) ok = false;
            PQclear(r);
        }
        return ok || fail(error);
    }

    bool import_bundle(const BundleHeader& header, const std::vector<ExportSession>& sessions,
                       const std::vector<ExportAnswer>& answers, ImportCount& count, std::string& error) override {
        count = ImportCount{};
        if (!exec("BEGIN", error)) return false;
        Rows rows;
        if (!query("SELECT 1 FROM exports WHERE export_id = ?", {header.export_id}, rows, error)) return fail(error);
        if (!rows.empty()) {
            count.export_already_present = true;
            count.sessions_present = static_cast<std::int64_t>(sessions.size());
            return exec("ROLLBACK", error);
        }
        // Sessions as multi-row INSERTs (a few hundred rows each), so RETURNING names the new ones.
        std::unordered_set<std::string> fresh;
        const size_t columns = session_table_columns().size();
        constexpr size_t kRowsPerInsert = 500;
        for (size_t at = 0; at < sessions.size(); at += kRowsPerInsert) {
            const size_t n = std::min(kRowsPerInsert, sessions.size() - at);
            std::string sql = "INSERT INTO sessions VALUES ";
            std::vector<std::string> params;
            params.reserve(n * columns);
            for (size_t i = 0; i < n; ++i) {
                sql += i ? ",(?" : "(?";
                for (size_t c = 1; c < columns; ++c) sql += ",?";
                sql += ")";
                for (auto& v : session_table_row(header, sessions[at + i])) params.push_back(std::move(v));
            }
            sql += " ON CONFLICT (session_id) DO NOTHING RETURNING session_id";
            if (!query(sql, params, rows, error)) return fail(error);
            for (auto& r : rows) fresh.insert(std::move(r[0]));
        }
        count.added.reserve(sessions.size());
        for (const auto& s : sessions) count.added.push_back(fresh.count(s.session_id) ? 1 : 0);
        count.sessions_added = static_cast<std::int64_t>(fresh.size());
        count.sessions_present = static_cast<std::int64_t>(sessions.size()) - count.sessions_added;
        std::string data;
        for (const auto& a : answers) {
            if (!fresh.count(a.session_id)) continue;
            for (const std::string* f : {&a.session_id, &a.question_id, &a.phase, &a.value, &a.content_hash}) {
                if (f != &a.session_id) data += '\t';
                copy_field(data, *f);
            }
            data += '\n';
            ++count.answers_added;
        }
        if (!data.empty() && !copy("COPY answers FROM STDIN", data, error)) return false;
        if (!write_bundle_decisions(*this, header, error)) return fail(error);
        if (!query("INSERT INTO exports VALUES (?,?,?,?,?,?,?,?)",
                   {header.export_id, header.site_label, header.kiosk_key, header.created_on, header.sessions_from,
                    header.sessions_to, std::to_string(count.sessions_added), std::to_string(count.answers_added)},
                   rows, error))
            return fail(error);
        return exec("COMMIT", error);
    }

    bool refresh_statistics(std::string& error) override { return exec("ANALYZE exports, sessions, answers", error); }

    bool query(const std::string& sql, const std::vector<std::string>& params, Rows& rows,
               std::string& error) override {
        rows.clear();
        std::vector<const char*> values;
        for (const auto& p : params) values.push_back(p.c_str());
        Result r(PQexecParams(m_conn, numbered_placeholders(sql).c_str(), static_cast<int>(values.size()), nullptr,
                              values.data(), nullptr, nullptr, 0));
        if (r.status() != PGRES_TUPLES_OK && r.status() != PGRES_COMMAND_OK) {
            std::string message = PQresultErrorMessage(r.get());
            while (!message.empty() && message.back() == '\n') message.pop_back();
            error = m_name + ": " + message;
            return false;
        }
        const int n = PQntuples(r.get()), columns = PQnfields(r.get());
        rows.reserve(static_cast<size_t>(n));
        for (int i = 0; i < n; ++i) {
            std::vector<std::string> row;
            for (int c = 0; c < columns; ++c) row.emplace_back(PQgetvalue(r.get(), i, c));
            rows.push_back(std::move(row));
        }
        return true;
    }

    bool count_rows(const std::string& sql, const std::vector<std::string>& params, int columns, Rows& rows,
                    std::string& error) override {
        std::string group;
        for (int c = 1; c <= columns; ++c) group += (c > 1 ? ", " : "") + std::to_string(c);
        return query("SELECT q.*, COUNT(*) FROM (" + sql + ") q GROUP BY " + group, params, rows, error);
    }

private:
    PGconn* m_conn;
    std::string m_name;
};

void quiet(void*, const char*) {}

// The URI without a password, for messages.
std::string display_name(const std::string& uri) {
    const auto scheme = uri.find("://");
    const auto at = uri.find('@', scheme == std::string::npos ? 0 : scheme + 3);
    if (scheme == std::string::npos || at == std::string::npos) return uri;
    const auto colon = uri.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at) return uri;
    return uri.substr(0, colon) + ":***" + uri.substr(at);
}

}  // namespace

std::unique_ptr<CentralDb> open_postgres(const std::string& uri, std::string& error) {
    const std::string name = display_name(uri);
    PGconn* conn = PQconnectdb(uri.c_str());
    if (!conn || PQstatus(conn) != CONNECTION_OK) {
        std::string message = conn ? PQerrorMessage(conn) : "out of memory";
        while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
        for (auto& c : message)
            if (c == '\n' || c == '\t') c = ' ';
        error = name + ": cannot connect (" + message + ")";
        PQfinish(conn);
        return nullptr;
    }
    PQsetNoticeProcessor(conn, quiet, nullptr);
    auto out = std::make_unique<PostgresDb>(conn, name);
    for (const auto& sql : schema_sql())
        if (!out->exec(sql.c_str(), error)) return nullptr;
    // Each bundle's commit is atomic; like SQLite's synchronous=NORMAL, a power cut may lose the
    // last bundles committed, which collecting again restores (it is idempotent).
    if (!out->exec("SET synchronous_commit = off", error)) return nullptr;
    return out;
}

}  // namespace dv::central
