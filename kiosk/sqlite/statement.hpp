// kiosk/sqlite: a prepared SQLite statement that finalizes itself. Its own small library so the
// kiosk's store (kiosk/store) and the staff laptop's central database (tools/central) share it
// without either reaching into the other.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace dv::sql {

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
    // Ready to run again with new bindings.
    void reset() {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    std::string text(int col) const {
        const auto* p = sqlite3_column_text(m_stmt, col);
        return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(m_stmt, col)) : std::string();
    }
    // Without a copy; valid until the next step() or reset().
    std::string_view view(int col) const {
        const auto* p = sqlite3_column_text(m_stmt, col);
        return p ? std::string_view(reinterpret_cast<const char*>(p), sqlite3_column_bytes(m_stmt, col))
                 : std::string_view();
    }
    int columns() const { return sqlite3_column_count(m_stmt); }
    std::int64_t integer(int col) const { return sqlite3_column_int64(m_stmt, col); }
    bool null(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }

private:
    sqlite3_stmt* m_stmt = nullptr;
};

// A connection to the database at path with sqlite3_open_v2's flags, a 5 s busy timeout and
// extended result codes; nullptr with a one-line error naming the file.
sqlite3* open_connection(const std::string& path, int flags, std::string& error);

// The first row's first column as text or integer; fallback when there is no row.
std::string query_text(sqlite3* db, const char* sql, const std::string& fallback = {});
std::int64_t query_integer(sqlite3* db, const char* sql, std::int64_t fallback = -1);

}  // namespace dv::sql
