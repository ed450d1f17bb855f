// Small-number suppression: the HES rule on single counts, a worked table with row and
// column totals, and an intruder who searches exhaustively for the value of every hidden cell.
#include "core/suppression.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <random>
#include <set>

using namespace dv;

namespace {

using Counts = std::vector<std::vector<std::int64_t>>;

std::vector<std::string> row_text(const SuppressedTable& t, size_t i) {
    std::vector<std::string> out;
    for (const auto& c : t.cells[i]) out.push_back(c.text());
    if (!t.row_totals.empty()) out.push_back(t.row_totals[i].text());
    return out;
}

std::vector<std::string> totals_text(const SuppressedTable& t) {
    std::vector<std::string> out;
    for (const auto& c : t.column_totals) out.push_back(c.text());
    out.push_back(t.total.text());
    return out;
}

// The motivated intruder against one published table. They know every shown figure (taken
// as exact: rounding off is the hardest case for suppression), that "*" stands for at least 1
// (zeros are shown), that unpublished totals are at least 0, and that every row and column
// adds up to its total. They list every value each hidden cell could take, by enumerating
// all completions of the table consistent with that knowledge.
class Intruder {
public:
    Intruder(const Counts& truth, const SuppressedTable& published, TableMargins margins) {
        m_rows = static_cast<int>(truth.size());
        m_cols = m_rows ? static_cast<int>(truth[0].size()) : 0;
        const int n = (m_rows + 1) * (m_cols + 1);
        m_known.assign(n, 0);
        m_value.assign(n, 0);
        m_lower.assign(n, 0);
        std::int64_t grand = 0;
        for (const auto& row : truth)
            for (auto v : row) grand += v;
        m_upper_bound = grand + 8;  // enough room above the truth to see seven values
        auto learn = [&](int i, int j, const ShownCount& c) {
            if (c.hidden()) {
                m_lower[idx(i, j)] = 1;
            } else {
                m_known[idx(i, j)] = 1;
                m_value[idx(i, j)] = c.value;
            }
        };
        for (int i = 0; i < m_rows; ++i)
            for (int j = 0; j < m_cols; ++j) learn(i, j, published.cells[i][j]);
        if (margins.row_totals)
            for (int i = 0; i < m_rows; ++i) learn(i, m_cols, published.row_totals[i]);
        if (margins.column_totals)
            for (int j = 0; j < m_cols; ++j) learn(m_rows, j, published.column_totals[j]);
        learn(m_rows, m_cols, published.total);
    }

    // Every value each unknown cell can take, keyed by its grid index; false if the search
    // would be too large to finish quickly (the caller counts those).
    bool search(std::map<int, std::set<std::int64_t>>& possible, std::int64_t budget = 300'000) {
        std::vector<int> unknown;
        for (int e = 0; e < static_cast<int>(m_known.size()); ++e)
            if (!m_known[e]) unknown.push_back(e);
        // A spanning forest of the unknown cells; the others (the co-tree) are enumerated and
        // the forest cells then follow from the sums.
        std::vector<int> parent(static_cast<size_t>(nodes()));
        for (int v = 0; v < nodes(); ++v) parent[v] = v;
        std::function<int(int)> find = [&](int v) { return parent[v] == v ? v : parent[v] = find(parent[v]); };
        // Cells with the widest range go into the forest first, so the enumerated ones are narrow.
        std::vector<int> by_range = unknown;
        std::stable_sort(by_range.begin(), by_range.end(), [&](int a, int b) { return bound(a) > bound(b); });
        std::vector<int> tree, cotree;
        for (int e : by_range) {
            const int a = find(row_node(e)), b = find(col_node(e));
            if (a == b) {
                cotree.push_back(e);
            } else {
                parent[a] = b;
                tree.push_back(e);
            }
        }
        std::vector<std::int64_t> upper;
        double combinations = 1;
        for (int e : cotree) {
            upper.push_back(bound(e));
            combinations *= double(upper.back() - m_lower[e] + 1);
        }
        if (combinations > double(budget)) return false;

        const auto order = peel_order(tree);
        if (order.size() != tree.size()) return false;
        std::vector<std::int64_t> x = m_value;
        std::vector<std::int64_t> choice(cotree.size());
        for (size_t k = 0; k < cotree.size(); ++k) choice[k] = m_lower[cotree[k]];
        std::vector<char> is_tree(x.size(), 0);
        for (int e : tree) is_tree[e] = 1;
        std::vector<std::int64_t> residual(static_cast<size_t>(nodes()));
        for (;;) {
            for (size_t k = 0; k < cotree.size(); ++k) x[cotree[k]] = choice[k];
            // Every row's and column's signed sum must be zero: fill in the forest from its leaves.
            std::fill(residual.begin(), residual.end(), 0);
            for (int e = 0; e < static_cast<int>(x.size()); ++e) {
                if (is_tree[e]) continue;
                residual[row_node(e)] += sign(e) * x[e];
                residual[col_node(e)] += sign(e) * x[e];
            }
            for (auto [e, leaf] : order) {
                const std::int64_t y = -residual[leaf];
                x[e] = sign(e) * y;
                residual[row_node(e)] += y;
                residual[col_node(e)] += y;
            }
            bool ok = std::all_of(residual.begin(), residual.end(), [](std::int64_t r) { return r == 0; });
            for (int e : unknown) ok = ok && x[e] >= m_lower[e];
            if (ok)
                for (int e : unknown) possible[e].insert(x[e]);
            size_t k = 0;
            while (k < cotree.size() && ++choice[k] > upper[k]) choice[k] = m_lower[cotree[k]], ++k;
            if (k == cotree.size()) break;
        }
        return true;
    }

    int idx(int i, int j) const { return i * (m_cols + 1) + j; }

private:
    int nodes() const { return m_rows + 1 + m_cols + 1; }
    int row_node(int e) const { return e / (m_cols + 1); }
    int col_node(int e) const { return m_rows + 1 + e % (m_cols + 1); }
    // Totals enter their row's and column's equation with the opposite sign to inner cells.
    int sign(int e) const { return ((row_node(e) == m_rows) != (e % (m_cols + 1) == m_cols)) ? -1 : 1; }

    // A cell inside a line whose total is shown is at most that total.
    std::int64_t bound(int e) const {
        std::int64_t b = m_upper_bound;
        const int i = row_node(e), j = e % (m_cols + 1);
        if (m_known[idx(m_rows, m_cols)]) b = std::min(b, m_value[idx(m_rows, m_cols)]);
        if (j != m_cols && m_known[idx(i, m_cols)]) b = std::min(b, m_value[idx(i, m_cols)]);
        if (i != m_rows && m_known[idx(m_rows, j)]) b = std::min(b, m_value[idx(m_rows, j)]);
        return b;
    }

    // The order in which the forest's cells follow from the sums: each step takes a node
    // with exactly one cell still open and the cell that is open there.
    std::vector<std::pair<int, int>> peel_order(const std::vector<int>& tree) const {
        std::vector<std::pair<int, int>> order;
        std::vector<char> done(m_known.size(), 0);
        for (bool progress = true; progress && order.size() < tree.size();) {
            progress = false;
            for (int v = 0; v < nodes() && !progress; ++v) {
                int open = 0, last = -1;
                for (int f : tree)
                    if (!done[f] && (row_node(f) == v || col_node(f) == v)) ++open, last = f;
                if (open != 1) continue;
                order.push_back({last, v});
                done[last] = 1;
                progress = true;
            }
        }
        return order;
    }

    int m_rows = 0, m_cols = 0;
    std::vector<char> m_known;
    std::vector<std::int64_t> m_value, m_lower;
    std::int64_t m_upper_bound = 0;
};

const SuppressionRule kExact{7, 1, true};  // HES hiding, no rounding: the intruder's best case

}  // namespace

TEST_CASE("Suppression/single counts follow the HES rule", "[suppression]") {
    const SuppressionRule hes = SuppressionRule::hes();
    CHECK(suppress_count(0, hes).text() == "0");
    for (int n = 1; n <= 7; ++n) CHECK(suppress_count(n, hes).text() == "*");
    CHECK(suppress_count(8, hes).text() == "10");
    CHECK(suppress_count(12, hes).text() == "10");
    CHECK(suppress_count(13, hes).text() == "15");
    CHECK(suppress_count(132, hes).text() == "130");
    CHECK(suppress_count(205, hes).text() == "205");
    CHECK(suppress_count(-3, hes).text() == "0");
    CHECK(suppress_count(3, SuppressionRule::none()).text() == "3");
    // A custom rule: hide 1-9, round to 10; non-zero never shows as zero.
    const SuppressionRule custom{9, 10, true};
    CHECK(suppress_count(9, custom).text() == "*");
    CHECK(suppress_count(14, custom).text() == "10");
    CHECK(suppress_count(15, custom).text() == "20");
    CHECK(suppress_count(2, SuppressionRule{0, 10, false}).text() == "10");
}

TEST_CASE("Suppression/a worked table with row and column totals", "[suppression]") {
    // Answers by day: one small cell (Monday, B = 3).
    const Counts counts = {{12, 3, 20}, {15, 14, 9}, {25, 30, 18}};
    const SuppressedTable t = suppress_table(counts, SuppressionRule::hes());
    // Monday's 3 is hidden; so is the cheapest cycle through it (Tuesday's B, Tuesday's A,
    // Monday's A: 14 + 15 + 12) so that neither Monday's row nor column B gives it away.
    CHECK(row_text(t, 0) == std::vector<std::string>{"*", "*", "20", "35"});
    CHECK(row_text(t, 1) == std::vector<std::string>{"*", "*", "10", "40"});
    CHECK(row_text(t, 2) == std::vector<std::string>{"25", "30", "20", "75"});
    CHECK(totals_text(t) == std::vector<std::string>{"50", "45", "45", "145"});
    CHECK(t.cells[0][1].state == ShownCount::State::Hidden);
    CHECK(t.cells[1][1].state == ShownCount::State::HiddenSecondary);

    // Without secondary suppression the same intruder reads Monday's B straight off the table.
    const SuppressedTable naive = suppress_table(counts, SuppressionRule{7, 1, false});
    Intruder naive_intruder(counts, naive, {});
    std::map<int, std::set<std::int64_t>> naive_possible;
    REQUIRE(naive_intruder.search(naive_possible));
    CHECK(naive_possible.at(naive_intruder.idx(0, 1)) == std::set<std::int64_t>{3});

    // With it, Monday's B could be anything from 1 up to what the shown figures allow.
    const SuppressedTable safe = suppress_table(counts, kExact);
    Intruder intruder(counts, safe, {});
    std::map<int, std::set<std::int64_t>> possible;
    REQUIRE(intruder.search(possible));
    CHECK(possible.at(intruder.idx(0, 1)).size() >= 10);
}

TEST_CASE("Suppression/no hidden cell can be worked out from the totals, on many tables", "[suppression]") {
    std::mt19937 random(20251122);  // fixed seed: the same tables on every run
    int searched = 0, too_large = 0, hidden_cells = 0;
    for (int sample = 0; sample < 300; ++sample) {
        const int rows = 2 + static_cast<int>(random() % 2), cols = 2 + static_cast<int>(random() % 3);
        Counts counts(static_cast<size_t>(rows), std::vector<std::int64_t>(static_cast<size_t>(cols)));
        for (auto& row : counts)
            for (auto& v : row) {
                const unsigned kind = random() % 10;  // many zeros and small counts: the hard cases
                v = kind < 2 ? 0 : kind < 6 ? 1 + random() % 7 : 8 + random() % 12;
            }
        for (TableMargins margins : {TableMargins{}, TableMargins{false, true}}) {
            const SuppressedTable t = suppress_table(counts, kExact, margins);
            Intruder intruder(counts, t, margins);
            std::map<int, std::set<std::int64_t>> possible;
            if (!intruder.search(possible)) {
                ++too_large;
                continue;
            }
            ++searched;
            // No row or column with a shown total has hidden cells adding up to 1-7.
            for (int i = 0; i < rows && margins.row_totals; ++i) {
                std::int64_t hidden_sum = 0;
                for (int j = 0; j < cols; ++j) hidden_sum += t.cells[i][j].hidden() ? counts[i][j] : 0;
                if (!t.row_totals[i].hidden()) CHECK_FALSE((hidden_sum >= 1 && hidden_sum <= 7));
            }
            for (int j = 0; j < cols; ++j) {
                std::int64_t hidden_sum = 0;
                for (int i = 0; i < rows; ++i) hidden_sum += t.cells[i][j].hidden() ? counts[i][j] : 0;
                if (!t.column_totals[j].hidden()) CHECK_FALSE((hidden_sum >= 1 && hidden_sum <= 7));
            }
            for (int i = 0; i < rows; ++i)
                for (int j = 0; j < cols; ++j) {
                    INFO("sample " << sample << " cell " << i << "," << j << " = " << counts[i][j]);
                    CHECK((counts[i][j] == 0) == (t.cells[i][j].text() == "0"));  // zero stays zero
                    if (t.cells[i][j].state != ShownCount::State::Hidden) continue;
                    ++hidden_cells;
                    CHECK(possible[intruder.idx(i, j)].count(counts[i][j]) == 1);  // the truth is among them
                    CHECK(possible[intruder.idx(i, j)].size() >= 7);  // as wide as "*" itself: 1 to 7
                }
        }
    }
    // The search really ran on most tables and really met hidden cells.
    CHECK(searched >= 450);
    CHECK(too_large <= 150);
    CHECK(hidden_cells >= 800);
}

TEST_CASE("Suppression/the hidden cells of a line never add up to a small number", "[suppression]") {
    // Two 1s in a row whose total is shown: subtraction would give 2, so both must be 1.
    const Counts counts = {{1, 1, 30}, {20, 25, 40}};
    const SuppressedTable t = suppress_table(counts, kExact);
    CHECK(t.cells[0][0].hidden());
    CHECK(t.cells[0][1].hidden());
    std::int64_t shown_in_row = 0;
    for (const auto& c : t.cells[0]) shown_in_row += c.value;
    if (!t.row_totals[0].hidden()) CHECK(t.row_totals[0].value - shown_in_row > 7);
}

TEST_CASE("Suppression/a list with its total hides a second count when one is hidden", "[suppression]") {
    const SuppressedList one = suppress_list({205, 132, 48, 3, 35}, SuppressionRule::hes());
    std::vector<std::string> text;
    for (const auto& c : one.counts) text.push_back(c.text());
    // 3 is hidden; the smallest other count (35) goes too, so 425 - 385 cannot reveal it.
    CHECK(text == std::vector<std::string>{"205", "130", "50", "*", "*"});
    CHECK(one.total.text() == "425");
    CHECK(one.counts[4].state == ShownCount::State::HiddenSecondary);

    const SuppressedList none_hidden = suppress_list({205, 132, 48, 39, 35}, SuppressionRule::hes());
    for (const auto& c : none_hidden.counts) CHECK_FALSE(c.hidden());
    CHECK(none_hidden.total.text() == "460");
    CHECK(suppress_list({0, 0, 0}, SuppressionRule::hes()).total.text() == "0");
}

TEST_CASE("Suppression/percentages come from published figures only", "[suppression]") {
    const SuppressedList l = suppress_list({205, 132, 48, 3, 35}, SuppressionRule::hes());
    CHECK(published_percent(l.counts[0], l.total) == "48");  // 205 of 425
    CHECK(published_percent(l.counts[3], l.total) == "*");
    CHECK(published_percent(l.counts[0], l.total, 1) == "48.2");
    CHECK(published_percent(ShownCount{}, ShownCount{}) == "0");
}

TEST_CASE("Suppression/rules are read from text and describe themselves", "[suppression]") {
    SuppressionRule r;
    std::string error;
    REQUIRE(parse_suppression_rule("none", r, error));
    CHECK((r.hide_up_to == 0 && r.round_to == 1 && !r.secondary));
    REQUIRE(parse_suppression_rule(" hes ", r, error));
    CHECK((r.hide_up_to == 7 && r.round_to == 5 && r.secondary));
    REQUIRE(parse_suppression_rule("hide=10, round=10, secondary=no", r, error));
    CHECK((r.hide_up_to == 10 && r.round_to == 10 && !r.secondary));
    CHECK_FALSE(parse_suppression_rule("hide=10", r, error));
    CHECK(error.find("round=M") != std::string::npos);
    CHECK_FALSE(parse_suppression_rule("hide=ten,round=5", r, error));
    CHECK_FALSE(parse_suppression_rule("round=0,hide=3", r, error));
    CHECK(SuppressionRule::hes().describe().find("1 to 7") != std::string::npos);
    CHECK(SuppressionRule::hes().describe().find("nearest 5") != std::string::npos);
    CHECK(SuppressionRule::none().describe() == "Counts are shown exactly, with no suppression.");
}
