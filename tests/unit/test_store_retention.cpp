// Purges (invariants 8 and 9 of kiosk/store/store.cpp): rows leave only through a logged
// purge, a purge by age needs a trusted clock and spares uncertain dates, and what is purged
// does not linger in the file.
#include "store/store.hpp"
#include "support/sql_query.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <limits>


using namespace dv;

namespace {

const CivilTime kToday = civil_from_unix(1763803800);  // 2025-11-22 09:30:00

PendingCommit visit_on(const std::string& id, const std::string& date, bool uncertain = false,
                       const std::string& value = "yes") {
    PendingCommit p;
    p.session = {id, "default", "1.0.0", "h", "en", {date, "afternoon", uncertain, 1}, "visitor"};
    p.answers.push_back({"aware", "", value, "h-aware", false});
    p.answers.push_back({"age_band", "", "", "h-age", true});
    return p;
}

// Marks the sessions as taken whole by a verified export, as the export job does.
void mark_exported(Store& store, const std::vector<std::string>& ids) {
    ExportMark mark;
    mark.export_id = "export-" + ids.front();
    mark.bundle_name = "datavoice-test";
    mark.made_on = kToday.date();
    mark.sessions = static_cast<std::int64_t>(ids.size());
    std::vector<std::pair<std::string, std::int64_t>> sessions;
    for (const auto& id : ids) sessions.emplace_back(id, std::numeric_limits<std::int64_t>::max());
    REQUIRE(store.mark_exported(mark, sessions));
}

std::vector<std::string> session_ids(Store& store) {
    std::vector<std::string> out;
    for (const auto& s : store.sessions()) out.push_back(s.session_id);
    return out;
}

}  // namespace

TEST_CASE("Store retention/(9) sessions older than retention_days go with their answers; the purge is logged",
          "[store][retention]") {
    test::TempDir dir;
    std::string error;
    auto store = Store::open(dir.file("a.sqlite"), error);
    REQUIRE(store);
    REQUIRE(store->commit(visit_on("a-2025-01-01", "2025-01-01")));
    REQUIRE(store->commit(visit_on("b-2025-10-22", "2025-10-22")));  // 31 days old
    REQUIRE(store->commit(visit_on("c-2025-10-23", "2025-10-23")));  // 30 days old: kept
    REQUIRE(store->commit(visit_on("d-2025-11-22", "2025-11-22")));
    mark_exported(*store, {"a-2025-01-01", "b-2025-10-22", "c-2025-10-23", "d-2025-11-22"});

    const PurgeResult r = store->purge_expired(30, kToday, true);
    CHECK(r.ok);
    CHECK(r.sessions == 2);
    CHECK(r.answers == 4);
    CHECK(r.cutoff_date == "2025-10-23");
    CHECK(session_ids(*store) == std::vector<std::string>{"c-2025-10-23", "d-2025-11-22"});
    CHECK(store->all_answers().size() == 4);

    const auto log = store->audit_log();
    REQUIRE(log.size() == 1);
    CHECK(log[0].event == "retention_purge");
    CHECK(log[0].at == "2025-11-22 09:30:00");
    CHECK(log[0].detail.find("2 sessions") != std::string::npos);
    CHECK(log[0].detail.find("4 answers") != std::string::npos);
    CHECK(log[0].detail.find("2025-10-23") != std::string::npos);
    CHECK(log[0].detail.find("a-2025") == std::string::npos);  // no visitor data in the log

    // Run again the same day: nothing left to remove, nothing more logged.
    const PurgeResult again = store->purge_expired(30, kToday, true);
    CHECK(again.ok);
    CHECK(again.sessions == 0);
    CHECK(store->audit_log().size() == 1);
}

TEST_CASE("Store retention/(9) an old visit no export has taken whole is kept, however old", "[store][retention]") {
    test::TempDir dir;
    std::string error;
    auto store = Store::open(dir.file("a.sqlite"), error);
    REQUIRE(store);
    REQUIRE(store->commit(visit_on("a-2024-01-01", "2024-01-01")));  // never exported
    REQUIRE(store->commit(visit_on("b-2024-01-01", "2024-01-01")));  // exported
    REQUIRE(store->commit(visit_on("c-2024-01-01", "2024-01-01")));  // exported, then answered again
    mark_exported(*store, {"b-2024-01-01"});
    {
        ExportMark mark;
        mark.export_id = "export-c";
        mark.bundle_name = "datavoice-test";
        mark.made_on = kToday.date();
        REQUIRE(store->mark_exported(mark, {{"c-2024-01-01", 0}}));  // taken before any of its answers
    }
    const PurgeResult r = store->purge_expired(30, kToday, true);
    CHECK(r.ok);
    CHECK(r.sessions == 1);
    CHECK(session_ids(*store) == std::vector<std::string>{"a-2024-01-01", "c-2024-01-01"});
    CHECK(store->all_answers().size() == 4);
    // Once exported, the next purge by age takes it.
    mark_exported(*store, {"a-2024-01-01", "c-2024-01-01"});
    CHECK(store->purge_expired(30, kToday, true).sessions == 2);
    CHECK(store->sessions().empty());
}

TEST_CASE("Store retention/(9) nothing is purged on an untrusted clock", "[store][retention]") {
    test::TempDir dir;
    std::string error;
    auto store = Store::open(dir.file("a.sqlite"), error);
    REQUIRE(store);
    REQUIRE(store->commit(visit_on("a", "2025-01-01")));
    mark_exported(*store, {"a"});
    // A clock that jumped to 2037 would otherwise remove every visit.
    const PurgeResult r = store->purge_expired(30, civil_from_unix(2114380800), false);
    CHECK(r.ok);
    CHECK(r.sessions == 0);
    CHECK(store->session_count() == 1);
    CHECK(store->audit_log().empty());
}

TEST_CASE("Store retention/(9) a visit stored with an uncertain date is never purged by age", "[store][retention]") {
    test::TempDir dir;
    std::string error;
    auto store = Store::open(dir.file("a.sqlite"), error);
    REQUIRE(store);
    REQUIRE(store->commit(visit_on("uncertain", "1970-01-01", true)));
    REQUIRE(store->commit(visit_on("old", "2024-01-01")));
    mark_exported(*store, {"uncertain", "old"});
    const PurgeResult r = store->purge_expired(30, kToday, true);
    CHECK(r.sessions == 1);
    CHECK(session_ids(*store) == std::vector<std::string>{"uncertain"});
}

TEST_CASE("Store retention/retention_days 0 keeps everything", "[store][retention]") {
    test::TempDir dir;
    std::string error;
    auto store = Store::open(dir.file("a.sqlite"), error);
    REQUIRE(store);
    REQUIRE(store->commit(visit_on("a", "2001-01-01")));
    CHECK(store->purge_expired(0, kToday, true).sessions == 0);
    CHECK(store->session_count() == 1);
}

TEST_CASE("Store retention/(8) rows cannot be deleted outside a purge, and the gate is closed after one",
          "[store][retention]") {
    test::TempDir dir;
    std::string error;
    auto store = Store::open(dir.file("a.sqlite"), error);
    REQUIRE(store);
    REQUIRE(store->commit(visit_on("old", "2024-01-01")));
    REQUIRE(store->commit(visit_on("new", "2025-11-21")));
    mark_exported(*store, {"old", "new"});
    REQUIRE(store->purge_expired(30, kToday, true).sessions == 1);

    sqlite3* db = nullptr;
    sqlite3_open(dir.file("a.sqlite").c_str(), &db);
    sqlite3_exec(db, "PRAGMA foreign_keys=ON", nullptr, nullptr, nullptr);
    char* msg = nullptr;
    CHECK(sqlite3_exec(db, "DELETE FROM answers", nullptr, nullptr, &msg) != SQLITE_OK);
    CHECK(std::string(msg ? msg : "").find("purge") != std::string::npos);
    sqlite3_free(msg);
    CHECK(sqlite3_exec(db, "DELETE FROM sessions WHERE session_id = 'new'", nullptr, nullptr, nullptr) != SQLITE_OK);
    sqlite3_close(db);
    CHECK(store->all_answers().size() == 2);
    CHECK(store->session_count() == 1);
}

TEST_CASE("Store retention/(8) purged answers are overwritten, not left in the file or its log",
          "[store][retention]") {
    test::TempDir dir;
    const std::string path = dir.file("a.sqlite");
    const std::string secret = "a-value-that-must-not-survive-the-purge";
    {
        std::string error;
        auto store = Store::open(path, error);
        REQUIRE(store);
        // Among many rows that stay, so the page it sits on is not simply rebuilt.
        for (int i = 0; i < 20; ++i) REQUIRE(store->commit(visit_on("before-" + std::to_string(i), "2025-11-21")));
        REQUIRE(store->commit(visit_on("old", "2024-01-01", false, secret)));
        for (int i = 0; i < 20; ++i) REQUIRE(store->commit(visit_on("after-" + std::to_string(i), "2025-11-21")));
        sqlite3* db = nullptr;
        sqlite3_open(path.c_str(), &db);
        sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);  // into the main file
        sqlite3_close(db);
        REQUIRE(test::file_bytes(path).find(secret) != std::string::npos);
        mark_exported(*store, {"old"});
        REQUIRE(store->purge_expired(30, kToday, true).sessions == 1);
        CHECK(test::file_bytes(path).find(secret) == std::string::npos);
        CHECK(test::file_bytes(path + "-wal").find(secret) == std::string::npos);
    }
    CHECK(test::file_bytes(path).find(secret) == std::string::npos);
}
