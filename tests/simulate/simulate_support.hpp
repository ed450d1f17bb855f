// Tests only: running `datavoice simulate` and reading what it wrote, and comparing the
// answers a run stored with the shares its population model should give.
#pragma once

#include "simulate/model.hpp"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace dv::test {

// The figures `datavoice simulate` prints on its last line.
struct SimulateSummary {
    long visits = -1, repeats = -1, abandoned = -1, sessions = -1, answers = -1, skips = -1, flagged = -1;
};

// Runs the real tool with these arguments; fails the test unless it exits 0.
SimulateSummary run_simulate(const std::vector<std::string>& args);

std::string default_pack_dir();
std::string norfolk_population();
std::string pi_profile();

// expected.csv of a --scripts run: each visit's rows as "question#phase=value" (skips as
// "question#phase skipped"; card orders as "question#card_order=*"), sorted.
std::map<long, std::vector<std::string>> read_expected(const std::string& dir);
// visits.csv: the visits that the kiosk should flag as repeat presses.
std::set<long> read_expected_flags(const std::string& dir);

// One stored answer, as a test compares them.
struct Row {
    std::string session_id, question_id, phase, value;
    bool skipped = false;
};
// Every answer row of a kiosk database, and its flagged sessions.
std::vector<Row> database_rows(const std::string& db_path);
std::set<std::string> flagged_sessions(const std::string& db_path);
// The same per-session view as read_expected(), for comparing as multisets.
std::multiset<std::vector<std::string>> per_session(const std::vector<Row>& rows);
std::multiset<std::vector<std::string>> per_visit(const std::map<long, std::vector<std::string>>& expected);

// The population model (norfolk-2025.toml against the default pack), kept alive for a test.
struct LoadedModelParts;
struct LoadedModel {
    std::unique_ptr<LoadedModelParts> parts;
    const sim::Model* model = nullptr;
    LoadedModel();
    ~LoadedModel();
};

// "question#phase" → stored value → how many answers (skips, card rows and flagged sessions
// left out).
using ValueCounts = std::map<std::string, std::map<std::string, long>>;
ValueCounts count_values(const std::vector<Row>& rows, const std::set<std::string>& flagged);
ValueCounts count_values_in_db(const std::string& db_path);  // the same, counted by SQL

// For each question the model draws (but those in `leave_out`), compares the share of answers
// choosing each option with the model's expected share, within `tolerance_se` binomial
// standard errors (an option the model never draws must never appear). Returns one line per
// cell outside it (empty: all within); `compared` counts the (question, phase, option) cells.
// How many cells compare_shares() checks when every question of the pack was answered
// (scenario questions twice: first and second views), leaving out `leave_out`.
int cells_in_pack(const sim::Model& model, const std::set<std::string>& leave_out);
std::vector<std::string> compare_shares(const sim::Model& model, const ValueCounts& counts,
                                        const std::set<std::string>& leave_out, double tolerance_se, int& compared);

}  // namespace dv::test
