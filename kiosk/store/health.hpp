// Inside kiosk/store only: the start-up check of an existing database and what happens to a
// corrupt one (store invariants 6 and 10). Used by Store::open().
#pragma once

#include "core/clock.hpp"

#include <string>

struct sqlite3;

namespace dv::health {

enum class Verdict {
    Healthy,     // PRAGMA quick_check said "ok"
    Corrupt,     // quick_check found damage, or SQLite says the file is corrupt or not a database
    Unreadable,  // any other error (I/O, permissions, locks): not evidence of corruption
};

struct Check {
    Verdict verdict = Verdict::Healthy;
    std::string detail;  // SQLite's first complaint, one line
};

// Runs PRAGMA quick_check on an open connection to an existing database.
Check quick_check(sqlite3* db);

// True when path holds something SQLite would read: a non-empty file or a non-empty -wal.
bool has_content(const std::string& path);

// Renames path and its -wal and -shm files to "<path>.corrupt-YYYYMMDD-HHMMSS" (plus the
// same suffixes), never overwriting: a second move in the same second adds "-2", "-3", ...
// False with error set when a file cannot be moved (the kiosk then refuses to start).
bool move_aside(const std::string& path, const CivilTime& now, std::string& moved_to, std::string& error);

// "YYYY-MM-DD HH:MM:SS": how the audit log writes a staff or system event's time.
std::string audit_time(const CivilTime& t);

}  // namespace dv::health
