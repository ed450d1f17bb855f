// The start-up check (invariants 6 and 10 of kiosk/store/store.cpp): a damaged database is
// moved aside with a timestamp, never deleted or written, a fresh one starts, and staff are
// told; a database that merely cannot be read is left alone.
#include "store/store.hpp"
#include "support/fault_vfs.hpp"
#include "support/fixed_clock.hpp"
#include "support/sql_query.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <random>

#include <sys/wait.h>
#include <unistd.h>

using namespace dv;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kNow = 1763803800;  // 2025-11-22 09:30:00 UTC
const char* const kKept = "a.sqlite.corrupt-20251122-093000";

PendingCommit visit(int i) {
    PendingCommit p;
    p.session = {"session-" + std::to_string(100000 + i), "default", "1.0.0", "h", "en",
                 {"2025-11-" + std::to_string(10 + i % 10), "morning", false, 1}, "visitor"};
    for (const char* q : {"aware", "comfort_wider", "reassure", "age_band", "conditions"})
        p.answers.push_back({q, "", "an answer to " + std::string(q) + " " + std::to_string(i), "h-" + std::string(q), false});
    return p;
}

// A healthy database with `visits` visits, closed cleanly (its log checkpointed away).
void make_database(const std::string& path, int visits = 300) {
    std::string error;
    auto store = Store::open(path, error);
    REQUIRE(store);
    std::vector<PendingCommit> batch;
    for (int i = 0; i < visits; ++i) batch.push_back(visit(i));
    REQUIRE(store->commit_batch(batch));
}

void write_bytes(const std::string& path, const std::string& bytes, std::int64_t offset) {
    std::fstream f(path, std::ios::binary | std::ios::in | std::ios::out);
    f.seekp(offset);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

int page_size(const std::string& path) {
    const std::string header = test::file_bytes(path).substr(0, 100);
    return (static_cast<unsigned char>(header[16]) << 8) | static_cast<unsigned char>(header[17]);
}

std::string random_bytes(size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::string out(n, '\0');
    for (auto& c : out) c = static_cast<char>(rng() & 0xff);
    return out;
}

// Opens the damaged database at dir/a.sqlite and checks everything invariant 6 promises.
void expect_moved_aside(const test::TempDir& dir) {
    const std::string path = dir.file("a.sqlite");
    const std::string damaged = test::file_bytes(path);
    test::FixedClock clock(kNow);
    std::string error;
    auto store = Store::open(path, error, clock);
    INFO(error);
    REQUIRE(store);

    // Kept, byte for byte, under a timestamped name.
    REQUIRE(fs::exists(dir.file(kKept)));
    CHECK(test::file_bytes(dir.file(kKept)) == damaged);

    // A fresh database in its place, ready for answers.
    CHECK(store->session_count() == 0);
    CHECK(store->schema_version() == Store::current_schema_version());
    CHECK(store->commit(visit(1)));
    CHECK(test::query_value(path, "PRAGMA quick_check") == "ok");

    // Staff are told, on screen and in the audit log; no visitor data in either.
    REQUIRE(store->startup_warnings().size() == 1);
    const std::string& warning = store->startup_warnings()[0];
    CHECK(warning.find("damaged") != std::string::npos);
    CHECK(warning.find(kKept) != std::string::npos);
    CHECK(warning.find('\n') == std::string::npos);
    const auto log = store->audit_log();
    REQUIRE(log.size() == 1);
    CHECK(log[0].event == "database_moved_aside");
    CHECK(log[0].at == "2025-11-22 09:30:00");
    CHECK(log[0].detail.find(kKept) != std::string::npos);
    CHECK(log[0].detail.find("session-") == std::string::npos);
}

}  // namespace

TEST_CASE("Store health/a healthy database reopens with no warning and nothing moved", "[store][health]") {
    test::TempDir dir;
    make_database(dir.file("a.sqlite"));
    test::FixedClock clock(kNow);
    std::string error;
    auto store = Store::open(dir.file("a.sqlite"), error, clock);
    REQUIRE(store);
    CHECK(store->startup_warnings().empty());
    CHECK(store->session_count() == 300);
    CHECK(store->audit_log().empty());
    CHECK_FALSE(fs::exists(dir.file(kKept)));
}

TEST_CASE("Store health/(6) a truncated database is moved aside, a fresh one started, staff warned",
          "[store][health]") {
    for (const char* how : {"to half its size", "to one page and a bit", "by its last page"}) {
        DYNAMIC_SECTION("truncated " << how) {
            test::TempDir dir;
            const std::string path = dir.file("a.sqlite");
            make_database(path);
            const auto size = static_cast<std::int64_t>(fs::file_size(path));
            const int page = page_size(path);
            const std::string h = how;
            const std::int64_t keep = h == "to half its size" ? size / 2 : h == "by its last page" ? size - page : page + 100;
            fs::resize_file(path, static_cast<std::uintmax_t>(keep));
            expect_moved_aside(dir);
        }
    }
}

TEST_CASE("Store health/(6) random bytes over a page are found, moved aside, staff warned", "[store][health]") {
    for (int which : {2, 5, 20, 40, -1}) {  // -1: the last page
        DYNAMIC_SECTION("page " << which) {
            test::TempDir dir;
            const std::string path = dir.file("a.sqlite");
            make_database(path);
            const int page = page_size(path);
            const auto pages = static_cast<int>(fs::file_size(path) / static_cast<std::uintmax_t>(page));
            REQUIRE(pages > 40);
            const int n = which < 0 ? pages : which;
            write_bytes(path, random_bytes(static_cast<size_t>(page), static_cast<unsigned>(n)),
                        static_cast<std::int64_t>(n - 1) * page);
            expect_moved_aside(dir);
        }
    }
}

TEST_CASE("Store health/(6) a file that is not a database at all is moved aside", "[store][health]") {
    test::TempDir dir;
    make_database(dir.file("a.sqlite"));
    write_bytes(dir.file("a.sqlite"), random_bytes(100, 7), 0);  // the header
    expect_moved_aside(dir);
}

TEST_CASE("Store health/(6) the log and index go with the damaged file; a stale log never replays into the new one",
          "[store][health]") {
    test::TempDir dir;
    const std::string path = dir.file("a.sqlite");
    make_database(path);
    // A kiosk that died with answers still in its log (no checkpoint, no clean close).
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        std::string error;
        auto store = Store::open(path, error);
        sqlite3* db = nullptr;
        sqlite3_open(path.c_str(), &db);
        sqlite3_exec(db, "PRAGMA wal_autocheckpoint=0", nullptr, nullptr, nullptr);
        const bool ok = store && store->commit(visit(999));
        _exit(ok ? 0 : 1);
    }
    int status = 0;
    waitpid(child, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    REQUIRE(fs::file_size(path + "-wal") > 0);
    const std::string log = test::file_bytes(path + "-wal");
    write_bytes(path, random_bytes(100, 11), 0);

    expect_moved_aside(dir);
    CHECK(test::file_bytes(dir.file(std::string(kKept) + "-wal")) == log);
    CHECK(fs::exists(dir.file(std::string(kKept) + "-shm")));
    std::string error;
    auto store = Store::open(path, error);
    REQUIRE(store);
    CHECK(store->session_count() == 1);  // only the answer committed after the fresh start
}

TEST_CASE("Store health/(6) two damaged databases in the same second are both kept", "[store][health]") {
    test::TempDir dir;
    const std::string path = dir.file("a.sqlite");
    test::FixedClock clock(kNow);
    std::string error;
    for (int round = 0; round < 2; ++round) {
        make_database(path, 100);
        write_bytes(path, random_bytes(100, 3), 0);
        auto store = Store::open(path, error, clock);
        REQUIRE(store);
        CHECK(store->startup_warnings().size() == 1);
    }
    CHECK(fs::exists(dir.file(kKept)));
    CHECK(fs::exists(dir.file(std::string(kKept) + "-2")));
}

TEST_CASE("Store health/(10) a database that cannot be read is not moved aside: one line names it",
          "[store][health]") {
    test::TempDir dir;
    const std::string path = dir.file("a.sqlite");
    make_database(path);
    const std::string before = test::file_bytes(path);
    std::string error;
    {
        test::FaultVfs vfs;
        vfs.fail_reads(true);
        test::FixedClock clock(kNow);
        CHECK_FALSE(Store::open(path, error, clock));
    }
    CHECK(error.find(path) == 0);
    INFO(error);
    CHECK(error.find("I/O error") != std::string::npos);
    CHECK(error.find('\n') == std::string::npos);
    CHECK_FALSE(fs::exists(dir.file(kKept)));
    CHECK(test::file_bytes(path) == before);
    auto store = Store::open(path, error);
    REQUIRE(store);
    CHECK(store->session_count() == 300);
}
