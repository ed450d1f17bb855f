// Store queries the clock-trust rules need.
#include "store.hpp"

#include <sqlite3.h>

namespace dv {

std::string Store::latest_visit_date() {
    sqlite3_stmt* st = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(m_db, "SELECT MAX(visit_date) FROM sessions WHERE date_uncertain = 0", -1, &st, nullptr) ==
            SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out;
}

}  // namespace dv
