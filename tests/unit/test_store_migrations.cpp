// Migrations from every earlier schema version, each with rows in it, and invariant (4) of
// kiosk/store/store.cpp: user_version counts the migrations applied, each all or nothing.
#include "store/migrations.hpp"
#include "store/store.hpp"
#include "store_history.hpp"
#include "support/sql_query.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <map>
#include <vector>

using namespace dv;
using test::query_column;

namespace {

using Rows = std::vector<std::string>;  // each row's columns joined by '|'

bool exec(sqlite3* db, const std::string& sql) {
    char* msg = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg);
    if (rc != SQLITE_OK) UNSCOPED_INFO("SQL failed: " << (msg ? msg : "") << "\n" << sql);
    sqlite3_free(msg);
    return rc == SQLITE_OK;
}

Rows rows_of(sqlite3* db, const std::string& table, const std::vector<std::string>& columns) {
    std::string select = "SELECT ";
    for (size_t i = 0; i < columns.size(); ++i) select += (i ? " || '|' || " : "") + ("quote(" + columns[i] + ")");
    return query_column(db, select + " FROM " + table + " ORDER BY rowid");
}

// Every table's rows, over the columns it had at the version snapshotted.
struct Snapshot {
    std::map<std::string, std::vector<std::string>> columns;
    std::map<std::string, Rows> rows;
};

Snapshot snapshot(sqlite3* db) {
    Snapshot s;
    for (const auto& t : query_column(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
        s.columns[t] = query_column(db, "SELECT name FROM pragma_table_info('" + t + "')");
        s.rows[t] = rows_of(db, t, s.columns[t]);
    }
    return s;
}

// A database as a kiosk running schema `version` left it: every migration up to it, each
// followed by the rows that version stored.
void build_at_version(const std::string& path, int version, Snapshot& before) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(exec(db, "PRAGMA journal_mode=WAL"));
    for (int v = 1; v <= version; ++v) {
        std::string error;
        REQUIRE(schema::apply_migration(db, v, error));
        const char* seed = test::seed_rows_at(v);
        INFO("schema version " << v << " has no rows in tests/unit/store_history.cpp: add some");
        REQUIRE(seed != nullptr);
        REQUIRE(exec(db, seed));
    }
    before = snapshot(db);
    sqlite3_close(db);
}

}  // namespace

TEST_CASE("Store migrations/(4) from every earlier version with data, nothing is lost or changed", "[store]") {
    const int latest = Store::current_schema_version();
    REQUIRE(latest == schema::latest_version());
    for (int from = 1; from < latest; ++from) {
        DYNAMIC_SECTION("from schema version " << from) {
            test::TempDir dir;
            const std::string path = dir.file("old.sqlite");
            Snapshot before;
            build_at_version(path, from, before);
            REQUIRE_FALSE(before.rows["answers"].empty());

            std::string error;
            auto store = Store::open(path, error);
            INFO(error);
            REQUIRE(store);
            CHECK(store->schema_version() == latest);
            CHECK(store->startup_warnings().empty());

            sqlite3* db = nullptr;
            REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
            for (const auto& [table, columns] : before.columns) {
                INFO("table " << table);
                CHECK(rows_of(db, table, columns) == before.rows[table]);
            }
            sqlite3_close(db);

            // The migrated store reads the old rows and takes new ones.
            CHECK(store->session_count() == static_cast<std::int64_t>(before.rows["sessions"].size()));
            CHECK(store->all_answers().size() == before.rows["answers"].size());
            PendingCommit p;
            p.session = {"newnewnewnewnewnewnewnewnewnew00", "default", "2.0.0", "h", "en",
                         {"2025-11-22", "morning", false, 9}, "visitor"};
            p.answers.push_back({"aware", "", "yes", "q-aware", false});
            CHECK(store->commit(p));
        }
    }
}

TEST_CASE("Store migrations/(4) each version's rows are in the history, so every migration is tested with data",
          "[store]") {
    for (int v = 1; v < Store::current_schema_version(); ++v) {
        INFO("schema version " << v << " has no rows in tests/unit/store_history.cpp");
        CHECK(test::seed_rows_at(v) != nullptr);
    }
}

TEST_CASE("Store migrations/(4) an empty file is migrated from version 0", "[store]") {
    test::TempDir dir;
    { std::FILE* f = std::fopen(dir.file("empty.sqlite").c_str(), "w"); std::fclose(f); }
    std::string error;
    auto store = Store::open(dir.file("empty.sqlite"), error);
    REQUIRE(store);
    CHECK(store->schema_version() == Store::current_schema_version());
    CHECK(store->startup_warnings().empty());
}

TEST_CASE("Store migrations/(4) a migration that fails leaves the version before it, nothing half-applied",
          "[store]") {
    test::TempDir dir;
    const std::string path = dir.file("old.sqlite");
    Snapshot before;
    build_at_version(path, 2, before);
    {
        // Something already holds the name migration 3 gives its last object.
        sqlite3* db = nullptr;
        sqlite3_open(path.c_str(), &db);
        REQUIRE(exec(db, "CREATE INDEX sessions_by_date ON settings(value)"));
        sqlite3_close(db);
    }
    std::string error;
    auto store = Store::open(path, error);
    CHECK_FALSE(store);
    CHECK(error.find(path) == 0);
    CHECK(error.find("migration to schema version 3") != std::string::npos);

    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    CHECK(query_column(db, "PRAGMA user_version") == std::vector<std::string>{"2"});
    // Migration 3's first objects were rolled back with it.
    CHECK(query_column(db, "SELECT name FROM sqlite_master WHERE name IN "
                          "('purge_gate', 'answers_deleted_only_by_purge', 'sessions_deleted_only_by_purge')")
              .empty());
    CHECK(rows_of(db, "answers", before.columns["answers"]) == before.rows["answers"]);
    sqlite3_close(db);
}

TEST_CASE("Store migrations/(3)(8) the guards hold after migrating from version 1", "[store]") {
    test::TempDir dir;
    const std::string path = dir.file("old.sqlite");
    Snapshot before;
    build_at_version(path, 1, before);
    std::string error;
    REQUIRE(Store::open(path, error));
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    CHECK(sqlite3_exec(db, "UPDATE answers SET value = 'x'", nullptr, nullptr, nullptr) != SQLITE_OK);
    CHECK(sqlite3_exec(db, "DELETE FROM answers", nullptr, nullptr, nullptr) != SQLITE_OK);
    CHECK(query_column(db, "SELECT COUNT(*) FROM answers") ==
          std::vector<std::string>{std::to_string(before.rows["answers"].size())});
    sqlite3_close(db);
}
