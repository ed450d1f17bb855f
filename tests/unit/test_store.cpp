// The SQLite store: round trips, schema version, reopening, and the invariants numbered in
// kiosk/store/store.cpp.
#include "store/store.hpp"
#include "support/sql_query.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

using namespace dv;

namespace {

PendingCommit answer(const std::string& session, const std::string& question, const std::string& value,
                     const std::string& phase = "", bool skipped = false) {
    PendingCommit p;
    p.session.session_id = session;
    p.session.pack_id = "tiny";
    p.session.pack_version = "1.2.3";
    p.session.pack_hash = "abc";
    p.session.language = "en";
    p.session.stamp = {"2025-11-22", "morning", false, 3};
    p.answers.push_back({question, phase, value, "hash-" + question, skipped});
    return p;
}

}  // namespace

TEST_CASE("Store/an answer round-trips with its session", "[store]") {
    test::TempDir dir;
    std::string error;
    auto store = Store::open(dir.file("a.sqlite"), error);
    REQUIRE(store);
    REQUIRE(store->commit(answer("s1", "q1", "yes")));
    const auto sessions = store->sessions();
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].session_id == "s1");
    CHECK(sessions[0].pack_version == "1.2.3");
    CHECK(sessions[0].visit_date == "2025-11-22");
    CHECK(sessions[0].part_of_day == "morning");
    CHECK(sessions[0].boot == 3);
    const auto answers = store->effective_answers();
    REQUIRE(answers.size() == 1);
    CHECK(answers[0].question_id == "q1");
    CHECK(answers[0].value == "yes");
    CHECK(answers[0].content_hash == "hash-q1");
}

TEST_CASE("Store/(4) a new database is at the current schema version", "[store]") {
    test::TempDir dir;
    std::string error;
    auto store = Store::open(dir.file("a.sqlite"), error);
    REQUIRE(store);
    CHECK(store->schema_version() == Store::current_schema_version());
    CHECK(store->schema_version() >= 1);
}

TEST_CASE("Store/a reopened database keeps everything", "[store]") {
    test::TempDir dir;
    std::string error;
    {
        auto store = Store::open(dir.file("a.sqlite"), error);
        REQUIRE(store);
        REQUIRE(store->commit(answer("s1", "q1", "yes")));
        REQUIRE(store->commit(answer("s1", "q2", "no")));
        REQUIRE(store->commit(answer("s2", "q1", "not_sure")));
        REQUIRE(store->set_setting("site_label", "Riverside Surgery"));
    }
    auto store = Store::open(dir.file("a.sqlite"), error);
    REQUIRE(store);
    CHECK(store->session_count() == 2);
    CHECK(store->all_answers().size() == 3);
    CHECK(store->setting("site_label") == std::optional<std::string>("Riverside Surgery"));
    CHECK(store->schema_version() == Store::current_schema_version());
}

TEST_CASE("Store/(1) the database runs in WAL mode with synchronous FULL", "[store]") {
    test::TempDir dir;
    std::string error;
    auto store = Store::open(dir.file("a.sqlite"), error);
    REQUIRE(store);
    REQUIRE(store->commit(answer("s1", "q1", "yes")));
    CHECK(store->journal_mode() == "wal");
    CHECK(store->synchronous_level() == 2);  // FULL
    // WAL is a property of the file: another connection sees it too.
    CHECK(test::query_value(dir.file("a.sqlite"), "PRAGMA journal_mode") == "wal");
}

TEST_CASE("Store/(3) answers are append-only and the latest counts", "[store]") {
    test::TempDir dir;
    std::string error;
    auto store = Store::open(dir.file("a.sqlite"), error);
    REQUIRE(store);
    REQUIRE(store->commit(answer("s1", "q1", "yes")));
    REQUIRE(store->commit(answer("s1", "q1", "no")));  // went back and changed it
    REQUIRE(store->commit(answer("s1", "q2", "m1;m2")));
    REQUIRE(store->commit(answer("s1", "q2", "", "", true)));  // went back and skipped it
    REQUIRE(store->commit(answer("s1", "v", "yes", "first")));
    REQUIRE(store->commit(answer("s1", "v", "no", "second")));
    CHECK(store->all_answers().size() == 6);
    const auto eff = store->effective_answers();
    REQUIRE(eff.size() == 3);
    CHECK((eff[0].question_id == "q1" && eff[0].value == "no"));
    CHECK((eff[1].question_id == "v" && eff[1].phase == "first" && eff[1].value == "yes"));
    CHECK((eff[2].question_id == "v" && eff[2].phase == "second" && eff[2].value == "no"));

    sqlite3* db = nullptr;
    sqlite3_open(dir.file("a.sqlite").c_str(), &db);
    char* msg = nullptr;
    const int rc = sqlite3_exec(db, "UPDATE answers SET value = 'tampered'", nullptr, nullptr, &msg);
    CHECK(rc != SQLITE_OK);
    CHECK(std::string(msg ? msg : "").find("append-only") != std::string::npos);
    sqlite3_free(msg);
    sqlite3_close(db);
}

TEST_CASE("Store/(2)(7) a session and its answers commit together or not at all; the store works on", "[store]") {
    test::TempDir dir;
    std::string error;
    auto store = Store::open(dir.file("a.sqlite"), error);
    REQUIRE(store);
    PendingCommit bad = answer("s1", "q1", "yes");
    bad.session.stamp.part_of_day = "03:14";  // refused by the schema's CHECK: no times stored
    CHECK_FALSE(store->commit(bad));
    CHECK_FALSE(store->last_error().empty());
    CHECK(store->session_count() == 0);
    CHECK(store->all_answers().empty());
    // The store still works afterwards.
    CHECK(store->commit(answer("s1", "q1", "yes")));
    CHECK(store->session_count() == 1);
}

TEST_CASE("Store/several answers in one commit land together", "[store]") {
    test::TempDir dir;
    std::string error;
    auto store = Store::open(dir.file("a.sqlite"), error);
    REQUIRE(store);
    PendingCommit p = answer("s1", "s1", "c3,c1,c2", "card_order");
    p.answers.push_back({"s1", "cards_seen", "3", "", false});
    REQUIRE(store->commit(p));
    CHECK(store->all_answers().size() == 2);
}

TEST_CASE("Store/opening an unusable path gives one line naming it", "[store]") {
    test::TempDir dir;
    std::string error;
    auto store = Store::open(dir.file("no/such/folder/a.sqlite"), error);
    CHECK_FALSE(store);
    CHECK(error.find(dir.file("no/such/folder/a.sqlite")) == 0);
    CHECK(error.find('\n') == std::string::npos);
}

TEST_CASE("Store/a database from a newer kiosk is refused, not damaged", "[store]") {
    test::TempDir dir;
    {
        sqlite3* db = nullptr;
        sqlite3_open(dir.file("a.sqlite").c_str(), &db);
        sqlite3_exec(db, "PRAGMA user_version = 999", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    std::string error;
    auto store = Store::open(dir.file("a.sqlite"), error);
    CHECK_FALSE(store);
    CHECK(error.find("newer") != std::string::npos);
    CHECK(test::query_value(dir.file("a.sqlite"), "PRAGMA user_version") == "999");
}

TEST_CASE("Store/the audit log keeps staff events in order", "[store]") {
    test::TempDir dir;
    std::string error;
    auto store = Store::open(dir.file("a.sqlite"), error);
    REQUIRE(store);
    store->audit("unlock", "", "2025-11-22 09:00:00");
    store->audit("export", "usb", "2025-11-22 09:05:00");
    const auto log = store->audit_log();
    REQUIRE(log.size() == 2);
    CHECK(log[0].event == "unlock");
    CHECK(log[1].detail == "usb");
}

TEST_CASE("Store/(2) an answer without its session is refused by the foreign key", "[store]") {
    test::TempDir dir;
    std::string error;
    auto store = Store::open(dir.file("a.sqlite"), error);
    REQUIRE(store);
    REQUIRE(store->commit(answer("s1", "q1", "yes")));
    sqlite3* db = nullptr;
    sqlite3_open(dir.file("a.sqlite").c_str(), &db);
    sqlite3_exec(db, "PRAGMA foreign_keys=ON", nullptr, nullptr, nullptr);
    const int rc = sqlite3_exec(db,
                                "INSERT INTO answers (session_id, question_id, value, content_hash) "
                                "VALUES ('nobody', 'q1', 'yes', 'h')",
                                nullptr, nullptr, nullptr);
    CHECK((rc & 0xff) == SQLITE_CONSTRAINT);
    sqlite3_close(db);
    CHECK(store->all_answers().size() == 1);
}

TEST_CASE("Store/many visits commit in one batch, all or nothing", "[store]") {
    test::TempDir dir;
    std::string error;
    auto store = Store::open(dir.file("a.sqlite"), error);
    REQUIRE(store);
    std::vector<PendingCommit> batch{answer("s1", "q1", "yes"), answer("s2", "q1", "no"), answer("s2", "q2", "m1")};
    REQUIRE(store->commit_batch(batch));
    CHECK(store->session_count() == 2);
    CHECK(store->all_answers().size() == 3);
    batch.push_back(answer("s3", "q1", "yes"));
    batch.back().session.stamp.part_of_day = "03:14";  // refused: the whole batch goes
    CHECK_FALSE(store->commit_batch(batch));
    CHECK(store->all_answers().size() == 3);
    CHECK(store->commit(answer("s4", "q1", "yes")));
}
