// The crash test (CTest label `crash`): the child (crash_child.cpp) plays visitors through
// the real journey and store and is killed with SIGKILL at a random point, 500 times, each
// run restarting on the same database. After every kill the database is checked: every
// answer the child acknowledged is there (store invariant 1), nothing is duplicated, a commit
// in flight landed whole or not at all (invariant 2), integrity_check is ok and no foreign key
// is broken, and the restarted child found nothing to move aside (invariant 6).
#include "store/store.hpp"
#include "support/sql_query.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace dv;
using test::query_column;
using Steady = std::chrono::steady_clock;

namespace {

constexpr int kKills = 500;

using Multiset = std::map<std::string, int>;

struct Child {
    pid_t pid = -1;
    int out = -1;
};

Child spawn(const std::string& db, std::uint64_t seed, const std::string& err_path) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    Child c;
    c.pid = fork();
    REQUIRE(c.pid >= 0);
    if (c.pid == 0) {
        close(fds[0]);
        dup2(fds[1], 1);
        const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(err, 2);
        const std::string s = std::to_string(seed);
        execl(CRASH_CHILD_BINARY, "crash_child", db.c_str(), s.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    c.out = fds[0];
    return c;
}

// What one run of the child said, line by line, and what that means for the database.
struct Ledger {
    Multiset expected;                 // rows the database must hold exactly
    std::vector<std::string> inflight;  // rows of a commit begun but not acknowledged
    std::string partial;                // an incomplete line still being read
    bool ready = false;
    int acks_this_run = 0;
    std::int64_t acknowledged = 0;

    void line(const std::string& l) {
        if (l == "READY") {
            ready = true;
        } else if (l.rfind("TRY ", 0) == 0) {
            inflight.push_back(l.substr(4));
        } else if (l.rfind("ACK ", 0) == 0) {
            const std::string row = l.substr(4);
            ++expected[row];
            ++acknowledged;
            ++acks_this_run;
            const auto it = std::find(inflight.begin(), inflight.end(), row);
            REQUIRE(it != inflight.end());  // acknowledged only what it tried
            inflight.erase(it);
        } else {
            FAIL("unexpected line from the child: " << l);
        }
    }
    // Reads what is there; false at end of file.
    bool read_some(int fd) {
        char buf[4096];
        const ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0) return false;
        partial.append(buf, static_cast<size_t>(n));
        for (size_t nl; (nl = partial.find('\n')) != std::string::npos;) {
            line(partial.substr(0, nl));
            partial.erase(0, nl + 1);
        }
        return true;
    }
};

// Drains the child's output until `done()` or the deadline; false if the child went quiet
// for far too long (a hang) or ended by itself.
template <typename Done>
bool drain_until(Child& c, Ledger& ledger, Steady::time_point deadline, Done done) {
    const auto hang = Steady::now() + std::chrono::seconds(20);
    while (!done()) {
        const auto now = Steady::now();
        if (now >= deadline) return true;
        if (now >= hang) return false;
        const auto wait = std::min(deadline, hang) - now;
        pollfd p{c.out, POLLIN, 0};
        const int timeout_ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(wait).count());
        if (poll(&p, 1, std::max(timeout_ms, 0)) > 0 && !ledger.read_some(c.out)) return false;
    }
    return true;
}

// The answers table as the child writes its lines; integrity and foreign keys checked on
// the way. The connection does not checkpoint on close, so the log carries on growing
// across runs as it would in a kiosk that keeps crashing.
Multiset stored_rows(const std::string& path) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    CHECK(query_column(db, "PRAGMA integrity_check") == std::vector<std::string>{"ok"});
    CHECK(query_column(db, "PRAGMA foreign_key_check").empty());
    Multiset rows;
    for (const auto& r : query_column(db,
                                      "SELECT session_id || ' ' || question_id || '#' || phase || ' ' || "
                                      "CASE WHEN skipped THEN '(skip)' ELSE value END FROM answers"))
        ++rows[r];
    sqlite3_close(db);
    return rows;
}

}  // namespace

TEST_CASE("Crash/(1)(2)(6) 500 SIGKILLs at random points: every acknowledged answer kept, none duplicated",
          "[crash]") {
    test::TempDir dir;
    const std::string db = dir.file("datavoice.sqlite");
    const std::string err = dir.file("child.err");
    std::mt19937_64 rng(20251122);
    Ledger ledger;
    std::int64_t lost = 0;
    int kills = 0, killed_mid_commit = 0, landed_unacknowledged = 0, killed_before_ready = 0;
    const auto started = Steady::now();

    for (int run = 0; run < kKills; ++run) {
        INFO("run " << run);
        ledger.inflight.clear();
        ledger.partial.clear();
        ledger.ready = false;
        ledger.acks_this_run = 0;
        Child child = spawn(db, rng(), err);

        // The kill point: after a random number of acknowledgements, after a random delay
        // once the store is open, or at a random moment of start-up (open, check, migrate).
        const int mode = static_cast<int>(rng() % 5);
        bool alive = true;
        if (mode <= 1) {
            const int acks = 1 + static_cast<int>(rng() % 25);
            alive = drain_until(child, ledger, Steady::time_point::max(), [&] { return ledger.acks_this_run >= acks; });
        } else if (mode <= 3) {
            alive = drain_until(child, ledger, Steady::time_point::max(), [&] { return ledger.ready; });
            const auto delay = std::chrono::microseconds(rng() % 40000);
            alive = alive && drain_until(child, ledger, Steady::now() + delay, [] { return false; });
        } else {
            const auto delay = std::chrono::microseconds(rng() % 15000);
            alive = drain_until(child, ledger, Steady::now() + delay, [] { return false; });
        }
        kill(child.pid, SIGKILL);
        int status = 0;
        waitpid(child.pid, &status, 0);
        while (ledger.read_some(child.out)) {
        }
        close(child.out);
        INFO("child said on stderr: " << test::file_bytes(err));
        REQUIRE(alive);
        REQUIRE(WIFSIGNALED(status));  // it was still running: it never gave up by itself
        REQUIRE(test::file_bytes(err).empty());   // no warnings: nothing was found damaged at start-up
        ++kills;
        if (!ledger.ready) ++killed_before_ready;
        if (!ledger.inflight.empty()) ++killed_mid_commit;

        // Every acknowledged row is there; beyond them only the commit in flight, whole.
        const Multiset stored = stored_rows(db);
        Multiset extra;
        for (const auto& [row, n] : ledger.expected) {
            const auto it = stored.find(row);
            const int have = it == stored.end() ? 0 : it->second;
            if (have < n) lost += n - have;
        }
        for (const auto& [row, n] : stored) {
            const auto it = ledger.expected.find(row);
            const int want = it == ledger.expected.end() ? 0 : it->second;
            if (n > want) extra[row] = n - want;
        }
        REQUIRE(lost == 0);
        if (!extra.empty()) {
            Multiset inflight;
            for (const auto& r : ledger.inflight) ++inflight[r];
            REQUIRE(extra == inflight);  // the unacknowledged commit landed whole: nothing else is extra
            for (const auto& [row, n] : extra) ledger.expected[row] += n;
            ++landed_unacknowledged;
        }
    }

    // A last clean start: the store opens without a warning and holds exactly the ledger.
    std::string error;
    auto store = Store::open(db, error);
    REQUIRE(store);
    CHECK(store->startup_warnings().empty());
    CHECK(static_cast<std::int64_t>(store->all_answers().size()) >= ledger.acknowledged);

    const double seconds = std::chrono::duration<double>(Steady::now() - started).count();
    std::printf("%d kills, %lld acknowledged, %lld lost\n", kills, static_cast<long long>(ledger.acknowledged),
                static_cast<long long>(lost));
    std::printf("(%d killed mid-commit, %d unacknowledged commits landed whole, %d killed during start-up; %.1f s)\n",
                killed_mid_commit, landed_unacknowledged, killed_before_ready, seconds);
    CHECK(kills >= 500);
    CHECK(lost == 0);
    CHECK(ledger.acknowledged > kills);   // the runs did real work
    CHECK(killed_mid_commit > 0);         // and some kills landed between TRY and ACK
    CHECK(killed_before_ready > 0);       // and some during start-up
}
