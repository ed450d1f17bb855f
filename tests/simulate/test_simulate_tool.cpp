// datavoice simulate as staff run it: deterministic for a seed, the same visitors into the
// store as into scripts, and 100,000 visitors into a kiosk database.
#include "simulate_support.hpp"

#include "support/process.hpp"
#include "support/sql_query.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <chrono>
#include <cmath>
#include <cstdio>

using namespace dv;

namespace {

std::vector<std::string> base_args(int visitors, int seed) {
    return {"--pack", test::default_pack_dir(), "--population", test::norfolk_population(), "--profile",
            test::pi_profile(), "--visitors", std::to_string(visitors), "--seed", std::to_string(seed)};
}

std::vector<std::string> with(std::vector<std::string> args, std::initializer_list<std::string> more) {
    args.insert(args.end(), more);
    return args;
}

// A database's visitor rows in a fixed order, as text.
std::string dump(const std::string& db) {
    std::string out;
    for (const char* sql : {"SELECT session_id || '|' || visit_date || '|' || part_of_day || '|' || language || '|' || "
                            "flagged_repeat FROM sessions ORDER BY session_id",
                            "SELECT session_id || '|' || question_id || '|' || phase || '|' || value || '|' || skipped "
                            "FROM answers ORDER BY answer_id"}) {
        sqlite3* handle = nullptr;
        REQUIRE(sqlite3_open(db.c_str(), &handle) == SQLITE_OK);
        for (const auto& row : test::query_column(handle, sql)) out += row + "\n";
        sqlite3_close(handle);
    }
    return out;
}

std::string scripts_of(const std::string& dir) {
    return test::file_bytes(dir + "/visitors.dvs") + test::file_bytes(dir + "/expected.csv") +
           test::file_bytes(dir + "/visits.csv");
}

}  // namespace

TEST_CASE("simulate/the same seed gives the same visitors, and another seed other ones", "[simulate]") {
    test::TempDir dir;
    for (const char* name : {"a", "b", "c"}) {
        test::run_simulate(with(base_args(400, std::string(name) == "c" ? 8 : 7), {"--scripts", dir.file(name)}));
        test::run_simulate(with(base_args(400, std::string(name) == "c" ? 8 : 7), {"--db", dir.file(std::string(name) + ".sqlite")}));
    }
    const std::string a = scripts_of(dir.file("a")), b = scripts_of(dir.file("b")), c = scripts_of(dir.file("c"));
    REQUIRE(a.size() > 10000);
    CHECK(a == b);
    CHECK(a != c);
    const std::string da = dump(dir.file("a.sqlite")), db = dump(dir.file("b.sqlite")), dc = dump(dir.file("c.sqlite"));
    REQUIRE(da.size() > 10000);
    CHECK(da == db);
    CHECK(da != dc);
}

TEST_CASE("simulate/--db stores exactly the rows --scripts expects the kiosk to store, for the same seed", "[simulate]") {
    test::TempDir dir;
    const auto scripted = test::run_simulate(with(base_args(600, 11), {"--scripts", dir.file("s")}));
    const auto stored = test::run_simulate(with(base_args(600, 11), {"--db", dir.file("d.sqlite")}));
    CHECK(scripted.sessions == stored.sessions);
    CHECK(scripted.answers == stored.answers);
    CHECK(scripted.flagged == stored.flagged);
    const auto expected = test::read_expected(dir.file("s"));
    const auto rows = test::database_rows(dir.file("d.sqlite"));
    CHECK(static_cast<long>(expected.size()) == stored.sessions);
    CHECK(test::per_session(rows) == test::per_visit(expected));
    // The visits the scripts expect the kiosk to flag are the repeat presses, and the store
    // flagged as many.
    const auto flags = test::read_expected_flags(dir.file("s"));
    CHECK(static_cast<long>(flags.size()) == stored.repeats);
    CHECK(static_cast<long>(test::flagged_sessions(dir.file("d.sqlite")).size()) == stored.repeats);
    CHECK(stored.repeats > 0);
    CHECK(stored.abandoned > 0);
}

TEST_CASE("simulate/bad options and a bad population file are one clear line each", "[simulate]") {
    test::TempDir dir;
    auto run = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {test::tool_binary(), "simulate"});
        return test::run_process(args);
    };
    auto r = run({"--visitors", "10", "--seed", "1"});  // neither --db nor --scripts
    CHECK(r.exit_code == 2);
    r = run({"--visitors", "ten", "--seed", "1", "--db", dir.file("x.sqlite")});
    CHECK(r.exit_code == 2);
    CHECK(r.err == "datavoice simulate: --visitors must be a whole number from 1 to 100000000\n");
    std::FILE* f = std::fopen(dir.file("p.toml").c_str(), "w");
    std::fputs("name = \"x\"\n[behaviour]\nrepeat_press = 0.9\n", f);
    std::fclose(f);
    r = run({"--visitors", "10", "--seed", "1", "--db", dir.file("x.sqlite"), "--population", dir.file("p.toml")});
    CHECK(r.exit_code == 2);
    CHECK(r.err == dir.file("p.toml") + ":3: 'behaviour.repeat_press' is out of range; it must be between 0 and 0.5\n");
}

// The time it takes is printed (WARN) for the record, never asserted: the bar, 100k visitors
// in under a minute, is measured against a floor by tools/bench/bench_simulate.
TEST_CASE("simulate/100k visitors via --db are stored whole and consistent", "[large]") {
    test::TempDir dir;
    const std::string db = dir.file("datavoice.sqlite");
    const auto began = std::chrono::steady_clock::now();
    const auto s = test::run_simulate(with(base_args(100000, 2025), {"--db", db}));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    WARN("100,000 simulated visitors into the store took " << seconds << " s");
    CHECK(s.visits == 100000);
    auto count = [&](const std::string& sql) { return std::stol(test::query_value(db, sql)); };
    // Every visit that stored something is one session; the rest walked away before answering.
    CHECK(count("SELECT COUNT(*) FROM sessions") == s.sessions);
    CHECK(s.sessions > 90000);
    CHECK(s.sessions <= 100000);
    CHECK(count("SELECT COUNT(*) FROM answers WHERE skipped = 0") == s.answers);
    CHECK(count("SELECT COUNT(*) FROM answers WHERE skipped = 1") == s.skips);
    CHECK(count("SELECT COUNT(*) FROM sessions WHERE session_id NOT IN (SELECT session_id FROM answers)") == 0);
    CHECK(count("SELECT COUNT(*) FROM answers WHERE session_id NOT IN (SELECT session_id FROM sessions)") == 0);
    CHECK(count("SELECT COUNT(*) FROM sessions WHERE flagged_repeat = 1") == s.repeats);
    CHECK(s.repeats > 500);
    // Dated over the weeks the traffic model gives: weekdays only, busier in the morning.
    CHECK(count("SELECT COUNT(DISTINCT visit_date) FROM sessions") > 2000);
    CHECK(count("SELECT COUNT(*) FROM sessions WHERE strftime('%w', visit_date) IN ('0', '6')") == 0);
    const long morning = count("SELECT COUNT(*) FROM sessions WHERE part_of_day = 'morning'");
    const long afternoon = count("SELECT COUNT(*) FROM sessions WHERE part_of_day = 'afternoon'");
    CHECK(morning / 4.0 > afternoon / 5.0);  // 08:00-12:00 against 12:00-17:00, per hour
    // Answers in the proportions the population gives. With ~100k visitors, 4 standard errors
    // of each binomial share are about 1 percentage point or less.
    test::LoadedModel m;
    int compared = 0;
    const auto failures = test::compare_shares(*m.model, test::count_values_in_db(db), {}, 4.0, compared);
    for (const auto& f : failures) FAIL_CHECK(f);
    CHECK(compared == test::cells_in_pack(*m.model, {}));  // every option of every question was seen
}
