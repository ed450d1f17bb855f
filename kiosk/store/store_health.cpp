// This file implements the store's start-up check: PRAGMA quick_check on an existing
// database, and moving a corrupt one aside, never deleting it (store invariants 6 and 10).
#include "health.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <system_error>

namespace dv::health {

namespace fs = std::filesystem;

namespace {

bool is_corruption(int rc) {
    const int primary = rc & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return s;
}

bool non_empty(const fs::path& p) {
    std::error_code ec;
    const auto size = fs::file_size(p, ec);
    return !ec && size > 0;
}

}  // namespace

Check quick_check(sqlite3* db) {
    sqlite3_stmt* st = nullptr;
    int rc = sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, nullptr);
    Check out;
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            const auto* first = sqlite3_column_text(st, 0);
            const std::string verdict = first ? reinterpret_cast<const char*>(first) : "";
            if (verdict != "ok") {
                out.verdict = Verdict::Corrupt;
                out.detail = "quick_check: " + one_line(verdict);
            }
            sqlite3_finalize(st);
            return out;
        }
    }
    out.verdict = is_corruption(rc) ? Verdict::Corrupt : Verdict::Unreadable;
    out.detail = one_line(sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return out;
}

bool has_content(const std::string& path) { return non_empty(path) || non_empty(path + "-wal"); }

std::string audit_time(const CivilTime& t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", t.year, t.month, t.day, t.hour, t.minute, t.second);
    return buf;
}

bool move_aside(const std::string& path, const CivilTime& now, std::string& moved_to, std::string& error) {
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "%04d%02d%02d-%02d%02d%02d", now.year, now.month, now.day, now.hour,
                  now.minute, now.second);
    std::string target = path + ".corrupt-" + stamp;
    std::error_code ec;
    for (int n = 2; fs::exists(target, ec) || fs::exists(target + "-wal", ec); ++n)
        target = path + ".corrupt-" + stamp + "-" + std::to_string(n);
    // The -wal first: a stale log left beside a fresh database could be replayed into it.
    for (const char* suffix : {"-wal", "-shm", ""}) {
        const std::string from = path + suffix;
        if (!fs::exists(from, ec)) continue;
        fs::rename(from, target + suffix, ec);
        if (ec) {
            error = from + ": cannot move the damaged database aside (" + ec.message() + ")";
            return false;
        }
    }
    moved_to = target;
    return true;
}

}  // namespace dv::health
