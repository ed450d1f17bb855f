// Fault injection (tests/support/fault_vfs.hpp) over whole scripted journeys: a full disk,
// I/O errors and power cuts at every write, sync and truncate in turn. The invariants are
// those of kiosk/store/store.cpp and kiosk/core/journey.hpp.
#include "store/store.hpp"
#include "support/fault_vfs.hpp"
#include "support/sql_query.hpp"
#include "support/test_pack.hpp"
#include "support/visit_driver.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <sstream>

using namespace dv;

namespace {

constexpr std::uint64_t kSeed = 20251122;
constexpr int kVisits = 5;

// One stored answer as the tests compare them.
std::string row(const std::string& session, const AnswerRecord& a) {
    std::ostringstream s;
    s << session << ' ' << a.question_id << '#' << a.phase << ' ' << a.value << (a.skipped ? " (skip)" : "");
    return s.str();
}

std::vector<std::string> rows_of(const PendingCommit& p) {
    std::vector<std::string> out;
    for (const auto& a : p.answers) out.push_back(row(p.session.session_id, a));
    return out;
}

std::vector<std::string> stored_rows(Store& store) {
    std::vector<std::string> out;
    for (const auto& a : store.all_answers())
        out.push_back(row(a.session_id, {a.question_id, a.phase, a.value, a.content_hash, a.skipped}));
    return out;
}

std::string integrity(const std::string& path) { return test::query_value(path, "PRAGMA integrity_check"); }

PendingCommit visit_on_the_same_day(const std::string& session) {
    PendingCommit p;
    p.session = {session, "default", "1.0.0", "h", "en", {"2025-11-22", "morning", false, 1}, "visitor"};
    p.answers.push_back({"aware", "", "yes", "h", false});
    return p;
}

// Another connection checkpoints the log now and then, so faults also land in checkpoints.
void checkpoint(const std::string& path) {
    sqlite3* db = nullptr;
    if (sqlite3_open(path.c_str(), &db) == SQLITE_OK)
        sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
}

// A scripted morning at the kiosk: what was acknowledged, refused, and how visits ended.
struct Morning {
    std::vector<std::string> acknowledged;
    std::vector<std::vector<std::string>> refused;  // each refused commit's rows
    int acks_since_checkpoint = 0;
    bool rested = false;

    test::VisitHooks hooks(const std::string& path) {
        test::VisitHooks h;
        h.acknowledged = [this, path](const PendingCommit& p) {
            for (auto& r : rows_of(p)) acknowledged.push_back(r);
            if (++acks_since_checkpoint == 4) {
                acks_since_checkpoint = 0;
                checkpoint(path);
            }
        };
        h.refused = [this](const PendingCommit& p) { refused.push_back(rows_of(p)); };
        return h;
    }
    void play(test::VisitDriver& d, const std::string& path, int visits) {
        const test::VisitHooks h = hooks(path);
        for (int v = 0; v < visits && !rested; ++v) rested = d.play_visit(h) == Screen::Resting;
    }
};

// Operations (writes, syncs, truncates) a fault-free scripted morning performs.
std::int64_t operations_of_a_morning(test::FaultVfs& vfs) {
    test::TempDir dir;
    std::string error;
    auto store = Store::open(dir.file("a.sqlite"), error);
    REQUIRE(store);
    test::VisitDriver d(test::default_pack(), *store, kSeed);
    Morning m;
    const std::int64_t start = vfs.operations();
    m.play(d, dir.file("a.sqlite"), kVisits);
    REQUIRE_FALSE(m.rested);
    REQUIRE(m.acknowledged.size() > 20);
    REQUIRE(d.thank_yous() > 0);
    return vfs.operations() - start;
}

void sweep_failures(int code) {
    test::FaultVfs vfs;
    const std::int64_t total = operations_of_a_morning(vfs);
    int refusals = 0;
    for (std::int64_t n = 0; n <= total; ++n) {
        INFO("fault at operation " << n << " of " << total);
        test::TempDir dir;
        const std::string path = dir.file("a.sqlite");
        std::string error;
        auto store = Store::open(path, error);
        REQUIRE(store);
        test::VisitDriver d(test::default_pack(), *store, kSeed);
        Morning m;
        vfs.fail_after(n, code);
        m.play(d, path, kVisits);

        // The store reported the failure and the journey did not acknowledge it.
        for (Screen s : d.screens_after_refusal()) CHECK(s == Screen::Resting);
        if (m.rested) {
            ++refusals;
            CHECK_FALSE(m.refused.empty());
            CHECK_FALSE(store->last_error().empty());
            CHECK_FALSE(recover_if_writable(d.journey(), *store, d.now()));  // still full: still resting
            CHECK(d.journey().screen() == Screen::Resting);
        }
        // Space returns: the kiosk recovers by itself and the next visitors' answers commit.
        vfs.clear();
        if (m.rested) {
            REQUIRE(recover_if_writable(d.journey(), *store, d.now()));
            CHECK(d.journey().screen() == Screen::Attract);
        }
        const size_t refused_before = m.refused.size();
        const size_t acked_before = m.acknowledged.size();
        m.rested = false;
        m.play(d, path, 2);
        CHECK_FALSE(m.rested);
        CHECK(m.refused.size() == refused_before);
        CHECK(m.acknowledged.size() > acked_before);

        // Exactly the acknowledged answers are stored, in order: none lost, none extra.
        CHECK(stored_rows(*store) == m.acknowledged);
        store.reset();
        auto reopened = Store::open(path, error);
        REQUIRE(reopened);
        CHECK(reopened->startup_warnings().empty());
        CHECK(stored_rows(*reopened) == m.acknowledged);
        CHECK(integrity(path) == "ok");
    }
    CHECK(refusals > total / 4);  // the sweep really did refuse answers, many times over
}

}  // namespace

TEST_CASE("Store faults/(1)(7) a full disk at any write of a journey: refused, resting, recovers, nothing lost",
          "[store][faults]") {
    sweep_failures(SQLITE_FULL);
}

TEST_CASE("Store faults/(1)(7) an I/O error at any write of a journey: refused, resting, recovers, nothing lost",
          "[store][faults]") {
    sweep_failures(SQLITE_IOERR);
}

TEST_CASE("Store faults/(7) a failed commit leaves no transaction open and the same connection commits next",
          "[store][faults]") {
    test::FaultVfs vfs;
    test::TempDir dir;
    std::string error;
    auto store = Store::open(dir.file("a.sqlite"), error);
    REQUIRE(store);
    const PendingCommit p = visit_on_the_same_day("s1");
    vfs.fail_after(0, SQLITE_FULL);
    CHECK_FALSE(store->commit(p));
    CHECK(store->last_error().find("full") != std::string::npos);
    CHECK_FALSE(store->writable());
    vfs.clear();
    CHECK(store->commit(p));
    CHECK(store->all_answers().size() == 1);
}

TEST_CASE("Store faults/(1) a checkpoint that cannot write the database file fails no commit and loses nothing",
          "[store][faults]") {
    for (const int code : {SQLITE_FULL, SQLITE_IOERR}) {
        test::FaultVfs vfs;
        test::TempDir dir;
        const std::string path = dir.file("a.sqlite");
        std::string error;
        auto store = Store::open(path, error);
        REQUIRE(store);
        // Enough rows to pass the automatic checkpoint (1,000 pages of log) in one commit.
        constexpr int kVisits = 8000;
        std::vector<PendingCommit> batch;
        for (int i = 0; i < kVisits; ++i) {
            PendingCommit p;
            p.session = {"visit-" + std::to_string(i), "default", "1.0.0", "h", "en",
                         {"2025-11-22", "morning", false, 1}, "visitor"};
            for (int q = 0; q < 15; ++q) p.answers.push_back({"q" + std::to_string(q), "", "not_sure", "h", false});
            batch.push_back(std::move(p));
        }
        vfs.fail_after(0, code, ".sqlite");  // the database file fails; its -wal works
        CHECK(store->commit_batch(batch));
        CHECK(vfs.tripped());  // a checkpoint ran, and failed
        CHECK(store->commit(visit_on_the_same_day("one-more")));
        CHECK(store->session_count() == kVisits + 1);
        store.reset();  // closing tries to checkpoint again, and fails again

        vfs.clear();
        auto reopened = Store::open(path, error);
        REQUIRE(reopened);
        CHECK(reopened->startup_warnings().empty());
        CHECK(reopened->session_count() == kVisits + 1);
        CHECK(reopened->all_answers().size() == static_cast<size_t>(kVisits) * 15 + 1);
        CHECK(integrity(path) == "ok");
    }
}

TEST_CASE("Store faults/(1) a power cut at any write of a journey loses no acknowledged answer", "[store][faults]") {
    test::FaultVfs vfs;
    const std::int64_t total = operations_of_a_morning(vfs);
    for (std::int64_t n = 0; n < total; ++n) {
        // The disk keeps none, half or all of what was written since each file's last sync.
        const double keep = static_cast<double>(n % 3) / 2.0;
        INFO("power cut at operation " << n << " of " << total << ", keeping " << keep << " of unsynced writes");
        test::TempDir dir;
        const std::string path = dir.file("a.sqlite");
        std::string error;
        auto store = Store::open(path, error);
        REQUIRE(store);
        Morning m;
        {
            test::VisitDriver d(test::default_pack(), *store, kSeed);
            vfs.power_cut_after(n);
            m.play(d, path, kVisits + 2);  // enough visits to reach operation n whatever the session ids
            for (Screen s : d.screens_after_refusal()) CHECK(s == Screen::Resting);
        }
        CHECK(vfs.tripped());
        store.reset();  // the kiosk dies with the power
        vfs.restore_power(keep, static_cast<std::uint32_t>(n));

        auto after = Store::open(path, error);
        INFO(error);
        REQUIRE(after);
        CHECK(after->startup_warnings().empty());  // not corrupt: nothing moved aside
        CHECK(integrity(path) == "ok");
        // Every acknowledged answer, in order; beyond them at most the one commit in flight,
        // whole or not at all.
        std::vector<std::string> stored = stored_rows(*after);
        REQUIRE(stored.size() >= m.acknowledged.size());
        CHECK(std::vector<std::string>(stored.begin(), stored.begin() + m.acknowledged.size()) == m.acknowledged);
        const std::vector<std::string> extra(stored.begin() + m.acknowledged.size(), stored.end());
        if (!extra.empty()) {
            REQUIRE(m.refused.size() == 1);
            CHECK(extra == m.refused.front());
        }
    }
}

TEST_CASE("Store faults/(1) the power-cut simulation loses commits under synchronous=NORMAL, none under FULL",
          "[store][faults]") {
    test::FaultVfs vfs;
    for (const char* level : {"NORMAL", "FULL"}) {
        test::TempDir dir;
        const std::string path = dir.file("a.sqlite");
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "PRAGMA journal_mode=WAL; CREATE TABLE t (x); PRAGMA wal_checkpoint(TRUNCATE)",
                             nullptr, nullptr, nullptr) == 0);
        REQUIRE(sqlite3_exec(db, (std::string("PRAGMA synchronous=") + level).c_str(), nullptr, nullptr, nullptr) == 0);
        int acknowledged = 0;
        for (int i = 0; i < 10; ++i)
            if (sqlite3_exec(db, "INSERT INTO t VALUES (1)", nullptr, nullptr, nullptr) == SQLITE_OK) ++acknowledged;
        REQUIRE(acknowledged == 10);
        vfs.power_cut_after(0);
        sqlite3_close(db);
        vfs.restore_power(0.0, 1);
        const int survived = std::atoi(test::query_value(path, "SELECT COUNT(*) FROM t").c_str());
        INFO("synchronous=" << level);
        if (std::string(level) == "NORMAL")
            CHECK(survived < acknowledged);
        else
            CHECK(survived == acknowledged);
    }
}
