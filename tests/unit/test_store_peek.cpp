// Store::peek_schema_version, which the package's install check uses (kiosk/app/data_check.hpp):
// it reads a database's schema version and leaves the data folder exactly as it found it.
#include "store/store.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <filesystem>
#include <set>
#include <string>

using namespace dv;

namespace {

std::set<std::string> files_in(const std::string& dir) {
    std::set<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(dir)) out.insert(e.path().filename().string());
    return out;
}

void set_user_version(const std::string& path, int version) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, ("PRAGMA user_version=" + std::to_string(version)).c_str(), nullptr, nullptr, nullptr) ==
            SQLITE_OK);
    sqlite3_close(db);
}

}  // namespace

TEST_CASE("Store peek/a folder with no database yet reads as version 0 and stays empty", "[store]") {
    test::TempDir dir;
    int version = -1;
    std::string error;
    REQUIRE(Store::peek_schema_version(dir.file("datavoice.sqlite"), version, error));
    CHECK(version == 0);
    CHECK(files_in(dir.path()).empty());
}

TEST_CASE("Store peek/reads the current and a newer schema version without touching the folder", "[store]") {
    test::TempDir dir;
    const std::string path = dir.file("datavoice.sqlite");
    std::string error;
    { REQUIRE(Store::open(path, error)); }
    const auto before = files_in(dir.path());
    int version = -1;
    REQUIRE(Store::peek_schema_version(path, version, error));
    CHECK(version == Store::current_schema_version());
    CHECK(files_in(dir.path()) == before);  // no -wal or -shm left behind

    set_user_version(path, Store::current_schema_version() + 3);
    REQUIRE(Store::peek_schema_version(path, version, error));
    CHECK(version == Store::current_schema_version() + 3);
    CHECK(files_in(dir.path()) == before);
}

TEST_CASE("Store peek/a file that is not a database gives one line naming it", "[store]") {
    test::TempDir dir;
    const std::string path = dir.file("datavoice.sqlite");
    { std::FILE* f = std::fopen(path.c_str(), "wb"); REQUIRE(f); std::fputs("not a database at all, just text that is long enough", f); std::fclose(f); }
    int version = 0;
    std::string error;
    CHECK_FALSE(Store::peek_schema_version(path, version, error));
    CHECK(error.rfind(path + ": ", 0) == 0);
}
