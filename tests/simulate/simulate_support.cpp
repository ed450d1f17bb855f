// Tests only: running datavoice simulate and comparing runs with the model (simulate_support.hpp).
#include "simulate_support.hpp"

#include "exchange/csv.hpp"
#include "exchange/files.hpp"
#include "exchange/pack_files.hpp"
#include "store/store.hpp"
#include "support/process.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace dv::test {

std::string default_pack_dir() { return source_dir() + "/assets/content/default"; }
std::string norfolk_population() { return source_dir() + "/assets/populations/norfolk-2025.toml"; }
std::string pi_profile() { return source_dir() + "/firmware_profiles/pi-7in-800x480.toml"; }

SimulateSummary run_simulate(const std::vector<std::string>& args) {
    std::vector<std::string> argv{tool_binary(), "simulate"};
    argv.insert(argv.end(), args.begin(), args.end());
    const auto r = run_process(argv);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    SimulateSummary s;
    const int got = std::sscanf(r.out.c_str(),
                                "%ld visits (%ld repeat presses, %ld walked away): %ld sessions, %ld answers, %ld skips, "
                                "%ld flagged",
                                &s.visits, &s.repeats, &s.abandoned, &s.sessions, &s.answers, &s.skips, &s.flagged);
    INFO(r.out);
    REQUIRE(got == 7);
    return s;
}

namespace {

CsvTable read_csv(const std::string& path) {
    std::string text, error;
    REQUIRE(read_text_file(path, text, error));
    CsvTable t;
    Problem problem;
    INFO(problem.str());
    REQUIRE(parse_csv(text, path, t, problem));
    return t;
}

std::string row_key(const std::string& question, const std::string& phase, const std::string& value, bool skipped) {
    const std::string key = question + "#" + phase;
    if (skipped) return key + " skipped";
    return key + "=" + (phase == "card_order" || phase == "card_times" ? std::string("*") : value);
}

}  // namespace

std::map<long, std::vector<std::string>> read_expected(const std::string& dir) {
    const CsvTable t = read_csv(dir + "/expected.csv");
    std::map<long, std::vector<std::string>> out;
    const int v = t.column("visit"), q = t.column("question_id"), p = t.column("phase"), val = t.column("value"),
              sk = t.column("skipped");
    REQUIRE((v >= 0 && q >= 0 && p >= 0 && val >= 0 && sk >= 0));
    for (const auto& r : t.rows) out[std::stol(r[v])].push_back(row_key(r[q], r[p], r[val], r[sk] == "1"));
    for (auto& [visit, rows] : out) std::sort(rows.begin(), rows.end());
    return out;
}

std::set<long> read_expected_flags(const std::string& dir) {
    const CsvTable t = read_csv(dir + "/visits.csv");
    std::set<long> out;
    const int v = t.column("visit"), f = t.column("flagged");
    REQUIRE((v >= 0 && f >= 0));
    for (const auto& r : t.rows)
        if (r[f] == "1") out.insert(std::stol(r[v]));
    return out;
}

std::vector<Row> database_rows(const std::string& db_path) {
    std::string error;
    auto store = Store::open(db_path, error);
    INFO(error);
    REQUIRE(store);
    std::vector<Row> out;
    for (const auto& a : store->all_answers()) out.push_back({a.session_id, a.question_id, a.phase, a.value, a.skipped});
    return out;
}

std::set<std::string> flagged_sessions(const std::string& db_path) {
    std::string error;
    auto store = Store::open(db_path, error);
    REQUIRE(store);
    const auto ids = store->flagged_repeat_sessions();
    return {ids.begin(), ids.end()};
}

std::multiset<std::vector<std::string>> per_session(const std::vector<Row>& rows) {
    std::map<std::string, std::vector<std::string>> by;
    for (const auto& r : rows) by[r.session_id].push_back(row_key(r.question_id, r.phase, r.value, r.skipped));
    std::multiset<std::vector<std::string>> out;
    for (auto& [id, v] : by) {
        std::sort(v.begin(), v.end());
        out.insert(v);
    }
    return out;
}

std::multiset<std::vector<std::string>> per_visit(const std::map<long, std::vector<std::string>>& expected) {
    std::multiset<std::vector<std::string>> out;
    for (const auto& [visit, rows] : expected) out.insert(rows);
    return out;
}

struct LoadedModelParts {
    std::optional<Pack> pack;
    std::optional<sim::Population> population;
    std::optional<sim::Model> model;
};

LoadedModel::LoadedModel() : parts(std::make_unique<LoadedModelParts>()) {
    PackLoad pack = load_pack_dir(default_pack_dir());
    REQUIRE(pack.pack);
    parts->pack = std::move(pack.pack);
    std::string text, error;
    REQUIRE(read_text_file(norfolk_population(), text, error));
    auto pop = sim::parse_population(text, norfolk_population());
    INFO(format_problems(pop.problems));
    REQUIRE(pop.population);
    parts->population = std::move(pop.population);
    parts->model.emplace(*parts->population, *parts->pack);
    model = &*parts->model;
}

LoadedModel::~LoadedModel() = default;

namespace {
bool counted_phase(const std::string& phase) { return phase.empty() || phase == "first" || phase == "second"; }
}  // namespace

ValueCounts count_values(const std::vector<Row>& rows, const std::set<std::string>& flagged) {
    ValueCounts out;
    for (const auto& r : rows)
        if (!r.skipped && counted_phase(r.phase) && !flagged.count(r.session_id))
            ++out[r.question_id + "#" + r.phase][r.value];
    return out;
}

ValueCounts count_values_in_db(const std::string& db_path) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    const char* sql =
        "SELECT a.question_id, a.phase, a.value, COUNT(*) FROM answers a JOIN sessions s USING (session_id) "
        "WHERE a.skipped = 0 AND s.flagged_repeat = 0 AND a.phase IN ('', 'first', 'second') "
        "GROUP BY a.question_id, a.phase, a.value";
    INFO(sqlite3_errmsg(db));
    REQUIRE(sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK);
    ValueCounts out;
    auto text = [&](int i) { return std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, i))); };
    while (sqlite3_step(s) == SQLITE_ROW) out[text(0) + "#" + text(1)][text(2)] += sqlite3_column_int64(s, 3);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return out;
}

int cells_in_pack(const sim::Model& model, const std::set<std::string>& leave_out) {
    int cells = 0;
    for (const auto& q : model.content().questions) {
        if (q.type == QuestionType::FreeText || leave_out.count(q.id)) continue;
        bool scenario = false;
        for (const auto& s : model.content().scenarios) scenario = scenario || s.question == q.id;
        cells += static_cast<int>(q.options.size()) * (scenario ? 2 : 1);
    }
    return cells;
}

std::vector<std::string> compare_shares(const sim::Model& model, const ValueCounts& counts,
                                        const std::set<std::string>& leave_out, double tolerance_se, int& compared) {
    std::vector<std::string> failures;
    compared = 0;
    for (const auto& [key, values] : counts) {
        const std::string question_id = key.substr(0, key.find('#')), phase = key.substr(key.find('#') + 1);
        if (leave_out.count(question_id)) continue;
        const Question* q = model.content().question(question_id);
        if (!q) {
            failures.push_back(key + ": a question the pack does not have");
            continue;
        }
        if (q->type == QuestionType::FreeText) continue;
        long n = 0;
        std::map<std::string, long> chose;
        for (const auto& [value, count] : values) {
            n += count;
            std::stringstream ss(value);
            std::string option;
            while (std::getline(ss, option, ';')) chose[option] += count;
        }
        const std::vector<double> expected = model.expected_shares(*q, phase);
        for (size_t i = 0; i < q->options.size(); ++i) {
            const double p = expected[i];
            const double seen = static_cast<double>(chose[q->options[i].id]) / static_cast<double>(n);
            const double se = std::sqrt(p * (1 - p) / static_cast<double>(n));
            ++compared;
            if (std::fabs(seen - p) > tolerance_se * se + 1e-12) {
                char line[300];
                std::snprintf(line, sizeof line, "%s %s: %.4f of %ld answers, model %.4f (%.1f standard errors)",
                              key.c_str(), q->options[i].id.c_str(), seen, n, p, se > 0 ? std::fabs(seen - p) / se : 1e9);
                failures.push_back(line);
            }
        }
    }
    return failures;
}

}  // namespace dv::test
