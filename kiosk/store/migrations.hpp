// The schema's history, one migration per version: migration N takes a database from schema
// version N-1 to N. Store::open() applies what is missing; tests build every earlier version
// from the same list (tests/unit/test_store_migrations.cpp).
#pragma once

#include <string>

struct sqlite3;

namespace dv::schema {

// The newest schema version this build knows: the number of migrations.
int latest_version();

// The SQL of the migration that produces `version` (1 ≤ version ≤ latest_version()).
const char* migration_sql(int version);

// Applies the migration that produces `version` in its own transaction, which also sets
// PRAGMA user_version = version: all of it or none of it (store invariant 4). False with
// `error` set when it failed; the database is then still at version - 1.
bool apply_migration(sqlite3* db, int version, std::string& error);

}  // namespace dv::schema
