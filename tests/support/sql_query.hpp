// Tests only: looking into a database file the way a test checks it, beside the Store API
// (integrity checks, PRAGMAs, raw rows), and reading a file's bytes as they are.
#pragma once

#include <string>
#include <vector>

struct sqlite3;

namespace dv::test {

// The first column of every row `sql` returns, as text; a single "cannot query: ..." row when
// the statement does not prepare.
std::vector<std::string> query_column(sqlite3* db, const std::string& sql);

// Opens the database at path, runs sql and returns the first row's first column ("" if none).
std::string query_value(const std::string& path, const std::string& sql);

// The file's bytes ("" when it does not exist).
std::string file_bytes(const std::string& path);

}  // namespace dv::test
