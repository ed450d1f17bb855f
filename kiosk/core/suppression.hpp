// Small-number suppression for every table that leaves the kiosk or appears on a screen.
//
// The default rule follows NHS England's disclosure control for Hospital Episode Statistics:
// a count from 1 to 7 is shown as "*", every other count is rounded to the nearest 5, and
// zero stays zero. Both numbers are configurable (SuppressionRule).
//
// Hiding a small cell is not enough when a table has totals: if a row shows "*, 20, 10" and a
// total of 33, subtraction gives the hidden 3. suppress_table() therefore also hides some
// other cells ("secondary suppression"), chosen as follows.
//
//   The table and its totals form one grid of R+1 rows and C+1 columns, seen as a graph: a
//   node per row, a node per column, an edge per cell (a row total is where the row meets the
//   "total" column). Each row and column of the grid is a sum a reader can check. Walk round a
//   cycle of cells, adding 1 to one cell and taking 1 from the next, alternately: every sum
//   stays the same. So the values a reader cannot tell apart are exactly those reached by such
//   walks round cycles of hidden cells, as long as no hidden cell falls below what the reader
//   knows it must be (at least 1, since zeros are shown).
//
//   1. Primary: hide every cell, total or grand total whose count is from 1 to hide_up_to.
//   2. Protection: for each primary cell, find how far walks round hidden cycles can move it
//      up and down (a widest-path search: a cell that falls allows only its count less 1). If
//      up plus down is under hide_up_to - 1, the reader could narrow the cell below the
//      hide_up_to values "*" already admits. Then hide the cheapest cells that make a cycle
//      along which it can rise by that much (Dijkstra: a hidden cell costs 0, a shown cell its
//      count, a total more than any set of inner cells; a zero is never hidden; a cell that
//      falls must have room to). Such a cycle always exists: the cell's row total, its column
//      total and the grand total all rise with it.
//   3. Round every shown count.
//
//   Hiding more cells only adds cycles, so one pass over the primary cells is enough.
//
// What it guarantees, with rounding off (round_to = 1, the hardest case), to a reader who
// knows every published figure, that "*" is at least 1 and that the sums hold: each hidden
// small count could be any of at least hide_up_to consecutive values (at least 2), so the
// table reveals nothing about it beyond what "*" says. Consequently no row or column with a
// shown total has hidden cells adding up to 1..hide_up_to. tests/unit/test_suppression.cpp
// checks this by exhaustive search over many tables. Rounding the shown cells only widens it.
// Not covered: a reader who also reasons about which cells this algorithm would choose.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dv {

struct SuppressionRule {
    std::int64_t hide_up_to = 7;  // counts from 1 to this are shown as "*"; 0 hides nothing
    std::int64_t round_to = 5;    // other counts are rounded to the nearest multiple; 1 keeps them exact
    bool secondary = true;        // hide more cells so no hidden one can be worked out from totals

    static SuppressionRule hes() { return {}; }
    static SuppressionRule none() { return {0, 1, false}; }
    // A footnote for a report: what "*" means and how the other counts were changed.
    std::string describe() const;
};

// "hes", "none", or "hide=N,round=M[,secondary=yes|no]". On failure, error says what is wrong.
bool parse_suppression_rule(std::string_view text, SuppressionRule& out, std::string& error);

// One published figure.
struct ShownCount {
    enum class State { Shown, Hidden, HiddenSecondary };
    State state = State::Shown;
    std::int64_t value = 0;  // the published (rounded) count; 0 when hidden

    bool hidden() const { return state != State::Shown; }
    std::string text() const;  // "*" or the number
};

// A count on its own, with no total it could be subtracted from.
ShownCount suppress_count(std::int64_t count, const SuppressionRule& rule);

// Which totals a table publishes (the grand total always is). A total not published is still
// known to the algorithm as a relation between cells; it is just never shown.
struct TableMargins {
    bool row_totals = true;
    bool column_totals = true;
};

struct SuppressedTable {
    std::vector<std::vector<ShownCount>> cells;  // as many rows and columns as the input
    std::vector<ShownCount> row_totals;          // empty unless published
    std::vector<ShownCount> column_totals;       // empty unless published
    ShownCount total;
};

// counts: rows of equal length (a short row counts as padded with zeros); negative counts
// are treated as zero.
SuppressedTable suppress_table(const std::vector<std::vector<std::int64_t>>& counts, const SuppressionRule& rule,
                               TableMargins margins = {});

// One column of counts with its total, such as the answers to a question.
struct SuppressedList {
    std::vector<ShownCount> counts;
    ShownCount total;
};
SuppressedList suppress_list(const std::vector<std::int64_t>& counts, const SuppressionRule& rule);

// A percentage computed from published figures only (computing it from the true counts
// would undo the rounding): "*" when either figure is hidden, "0" when whole is zero.
std::string published_percent(const ShownCount& part, const ShownCount& whole, int decimals = 0);

}  // namespace dv
