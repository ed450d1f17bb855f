// Tests only: rows as a kiosk at each earlier schema version stored them, so migrations are
// tested from every version with data in it (tests/unit/test_store_migrations.cpp).
#pragma once

namespace dv::test {

// SQL inserting rows into a database at schema `version` (using only the tables and columns
// that version had); nullptr when there is none for that version.
const char* seed_rows_at(int version);

}  // namespace dv::test
