// Tests only: the staff laptop's side of an end-to-end run — the real `datavoice collect`
// into a central database, the real `datavoice report`, and its CSV tables read back.
#pragma once

#include "exchange/csv.hpp"

#include <string>
#include <vector>

namespace dv::test {

// The figures `datavoice collect` prints (its two summary lines).
struct Collected {
    long bundles = -1, already = -1, refused = -1, visits = -1, answers = -1, present = -1;
    long dates_corrected = -1, dates_uncertain = -1;
};

// Runs `datavoice collect --db DB PATHS...`; fails the test unless it exits 0 and prints its
// summary.
Collected collect_into(const std::string& db, const std::vector<std::string>& paths);

// Runs `datavoice report --db DB --out OUT ARGS...`; fails the test unless it exits 0.
void write_report(const std::string& db, const std::string& out, const std::vector<std::string>& args);

// The report's table NAME (OUT/NAME.csv) as written; fails the test unless it exists and
// parses.
CsvTable report_table(const std::string& out, const std::string& name);

// The row whose first field is `first` (nullptr when none).
const std::vector<std::string>* row_named(const CsvTable& t, const std::string& first);

}  // namespace dv::test
