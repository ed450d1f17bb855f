// This file implements small-number suppression: the rule, its text form, and the secondary
// suppression algorithm described at the top of suppression.hpp.
#include "suppression.hpp"

#include "text.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <queue>

namespace dv {

// --- The rule -----------------------------------------------------------------------------

std::string SuppressionRule::describe() const {
    std::string out;
    if (hide_up_to > 0)
        out = "* means a count from 1 to " + std::to_string(hide_up_to) + ", hidden to protect privacy.";
    if (round_to > 1)
        out += std::string(out.empty() ? "" : " ") + "Other counts are rounded to the nearest " +
               std::to_string(round_to) + ", so figures may not add up exactly to their totals.";
    if (hide_up_to > 0 && secondary)
        out += " Some larger counts are also shown as * so that a hidden count cannot be worked out from the totals.";
    if (out.empty()) out = "Counts are shown exactly, with no suppression.";
    return out;
}

bool parse_suppression_rule(std::string_view text, SuppressionRule& out, std::string& error) {
    const std::string t = trim(text);
    if (t == "hes") {
        out = SuppressionRule::hes();
        return true;
    }
    if (t == "none") {
        out = SuppressionRule::none();
        return true;
    }
    SuppressionRule rule;
    bool have_hide = false, have_round = false;
    for (const auto& part : split(t, ',')) {
        const auto eq = part.find('=');
        const std::string key = trim(part.substr(0, eq == std::string::npos ? part.size() : eq));
        const std::string value = eq == std::string::npos ? "" : trim(part.substr(eq + 1));
        if (key == "secondary" && (value == "yes" || value == "no")) {
            rule.secondary = value == "yes";
            continue;
        }
        long long n = -1;
        int used = 0;
        const bool number = std::sscanf(value.c_str(), "%lld%n", &n, &used) == 1 && used == static_cast<int>(value.size());
        if (key == "hide" && number && n >= 0 && n <= 1000) {
            rule.hide_up_to = n;
            have_hide = true;
        } else if (key == "round" && number && n >= 1 && n <= 1000) {
            rule.round_to = n;
            have_round = true;
        } else {
            error = "suppression rule \"" + t +
                    "\": expected \"hes\", \"none\" or \"hide=N,round=M[,secondary=yes|no]\" "
                    "(hide 0-1000, round 1-1000)";
            return false;
        }
    }
    if (!have_hide || !have_round) {
        error = "suppression rule \"" + t + "\": needs both hide=N and round=M";
        return false;
    }
    out = rule;
    return true;
}

std::string ShownCount::text() const { return hidden() ? "*" : std::to_string(value); }

namespace {

std::int64_t rounded(std::int64_t count, std::int64_t round_to) {
    if (count <= 0 || round_to <= 1) return std::max<std::int64_t>(count, 0);
    // Nearest multiple, halves upwards; a count that is not zero is never shown as zero.
    return std::max(round_to, (count + round_to / 2) / round_to * round_to);
}

bool primary(std::int64_t count, const SuppressionRule& rule) { return count >= 1 && count <= rule.hide_up_to; }

constexpr std::int64_t kUnbounded = std::numeric_limits<std::int64_t>::max() / 4;

// The table and its totals as a grid of (R+1) × (C+1) cells: row R holds the column totals,
// column C the row totals, (R, C) the grand total. Each cell is an edge between its row node
// (0..R) and its column node (R+1 .. R+1+C); see suppression.hpp for the walk round a cycle.
class Grid {
public:
    Grid(const std::vector<std::vector<std::int64_t>>& counts, TableMargins margins) {
        m_rows = static_cast<int>(counts.size());
        for (const auto& row : counts) m_cols = std::max(m_cols, static_cast<int>(row.size()));
        const size_t n = static_cast<size_t>((m_rows + 1) * (m_cols + 1));
        m_value.assign(n, 0);
        m_state.assign(n, ShownCount::State::Shown);
        m_published.assign(n, 1);
        for (int i = 0; i < m_rows; ++i)
            for (int j = 0; j < static_cast<int>(counts[i].size()); ++j) {
                const std::int64_t v = std::max<std::int64_t>(counts[i][j], 0);
                value(i, j) = v;
                value(i, m_cols) += v;
                value(m_rows, j) += v;
                value(m_rows, m_cols) += v;
            }
        for (int i = 0; i < m_rows; ++i) m_published[index(i, m_cols)] = margins.row_totals;
        for (int j = 0; j < m_cols; ++j) m_published[index(m_rows, j)] = margins.column_totals;
        m_total_penalty = value(m_rows, m_cols) + 1;
    }

    int rows() const { return m_rows; }
    int cols() const { return m_cols; }
    std::int64_t& value(int i, int j) { return m_value[index(i, j)]; }
    std::int64_t value(int i, int j) const { return m_value[index(i, j)]; }
    ShownCount::State state(int i, int j) const { return m_state[index(i, j)]; }
    bool published(int i, int j) const { return m_published[index(i, j)]; }
    void hide(int i, int j, ShownCount::State why) {
        if (m_state[index(i, j)] == ShownCount::State::Shown) m_state[index(i, j)] = why;
    }

    // How far a reader of the table could move the hidden cell (i, j) up plus down without
    // contradicting anything published (along single cycles: a lower bound on the truth).
    std::int64_t protection(int i, int j) const {
        const int up = up_direction(i, j);
        const std::int64_t rise = widest(i, j, up);
        const std::int64_t fall = std::min(slack(i, j), widest(i, j, -up));
        return std::min(kUnbounded, rise + fall);
    }

    // Hides the cheapest cells that put (i, j) on a cycle along which it can rise by at least
    // `needed`. Always possible for a non-zero cell: its row and column totals and the grand
    // total form such a cycle. False only if no path exists (then nothing is changed).
    bool widen(int i, int j, std::int64_t needed) {
        const int up = up_direction(i, j);
        const auto [from, to] = ends(i, j, up);
        std::vector<std::int64_t> cost(static_cast<size_t>(nodes()), kUnbounded);
        std::vector<std::pair<int, int>> via(static_cast<size_t>(nodes()), {-1, -1});
        using Item = std::pair<std::int64_t, int>;
        std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;
        cost[from] = 0;
        queue.push({0, from});
        while (!queue.empty()) {
            const auto [c, node] = queue.top();
            queue.pop();
            if (c != cost[node] || node == to) continue;
            for_each_step(node, i, j, [&](int next, int a, int b, bool falls) {
                std::int64_t step = 0;
                if (!unknown(a, b)) {
                    if (value(a, b) == 0) return;  // a zero is always shown
                    step = value(a, b) + (is_margin(a, b) ? m_total_penalty : 0);
                    if (falls && value(a, b) - 1 < needed) return;
                } else if (falls && slack(a, b) < needed) {
                    return;
                }
                if (c + step < cost[next]) {
                    cost[next] = c + step;
                    via[next] = {a, b};
                    queue.push({cost[next], next});
                }
            });
        }
        if (cost[to] == kUnbounded) return false;
        for (int node = to; node != from;) {
            const auto [a, b] = via[node];
            hide(a, b, ShownCount::State::HiddenSecondary);
            node = node == a ? col_node(b) : a;
        }
        return true;
    }

private:
    size_t index(int i, int j) const { return static_cast<size_t>(i * (m_cols + 1) + j); }
    int nodes() const { return m_rows + 1 + m_cols + 1; }
    int col_node(int j) const { return m_rows + 1 + j; }
    bool is_margin(int i, int j) const { return i == m_rows || j == m_cols; }
    // A reader does not know unpublished totals either: they count as hidden.
    bool unknown(int i, int j) const { return !published(i, j) || state(i, j) != ShownCount::State::Shown; }
    // Totals enter their row's and column's sums with the opposite sign to inner cells.
    int sign(int i, int j) const { return (i == m_rows) != (j == m_cols) ? -1 : 1; }
    // How far a hidden cell can fall before a reader would know it impossible: "*" is at
    // least 1 (zeros are shown); an unpublished total is at least 0.
    std::int64_t slack(int i, int j) const { return value(i, j) - (published(i, j) ? 1 : 0); }

    // A walk round a cycle adds 1 to the cells it enters from a row node and takes 1 from
    // those it enters from a column node (in the signed sums); `direction` is the change for
    // (i, j) itself, and fixes where the rest of the walk starts and ends.
    std::pair<int, int> ends(int i, int j, int direction) const {
        return direction > 0 ? std::pair{col_node(j), i} : std::pair{i, col_node(j)};
    }
    int up_direction(int i, int j) const { return sign(i, j); }

    // Calls visit(next node, cell row, cell column, whether the cell's count falls) for every
    // cell at `node` except (i, j).
    template <class Visit>
    void for_each_step(int node, int i, int j, Visit&& visit) const {
        const bool from_row = node <= m_rows;
        const int count = from_row ? m_cols + 1 : m_rows + 1;
        for (int k = 0; k < count; ++k) {
            const int a = from_row ? node : k, b = from_row ? k : node - (m_rows + 1);
            if (a == i && b == j) continue;
            const int change = sign(a, b) * (from_row ? 1 : -1);
            visit(from_row ? col_node(b) : a, a, b, change < 0);
        }
    }

    // The largest amount the walk can carry from (i, j)'s other end back to it, through
    // hidden cells only: the widest path, where a falling cell allows only its slack.
    std::int64_t widest(int i, int j, int direction) const {
        const auto [from, to] = ends(i, j, direction);
        std::vector<std::int64_t> width(static_cast<size_t>(nodes()), 0);
        std::priority_queue<std::pair<std::int64_t, int>> queue;
        width[from] = kUnbounded;
        queue.push({kUnbounded, from});
        while (!queue.empty()) {
            const auto [w, node] = queue.top();
            queue.pop();
            if (w != width[node] || node == to) continue;
            for_each_step(node, i, j, [&](int next, int a, int b, bool falls) {
                if (!unknown(a, b)) return;
                const std::int64_t through = std::min(w, falls ? slack(a, b) : kUnbounded);
                if (through > width[next]) {
                    width[next] = through;
                    queue.push({through, next});
                }
            });
        }
        return width[to];
    }

    int m_rows = 0, m_cols = 0;
    std::vector<std::int64_t> m_value;
    std::vector<ShownCount::State> m_state;
    std::vector<char> m_published;
    std::int64_t m_total_penalty = 1;
};

// Step 2 of the algorithm in suppression.hpp. Hiding more cells never lowers another cell's
// protection (it only adds ways round), so one pass over the primary cells is enough.
void suppress_secondary(Grid& g, const SuppressionRule& rule) {
    const std::int64_t needed = std::max<std::int64_t>(1, rule.hide_up_to - 1);
    for (int i = 0; i <= g.rows(); ++i)
        for (int j = 0; j <= g.cols(); ++j) {
            if (g.state(i, j) != ShownCount::State::Hidden || g.protection(i, j) >= needed) continue;
            if (!g.widen(i, j, needed)) {
                // Unreachable for a non-zero cell; hide every non-zero cell rather than risk it.
                for (int a = 0; a <= g.rows(); ++a)
                    for (int b = 0; b <= g.cols(); ++b)
                        if (g.value(a, b) > 0) g.hide(a, b, ShownCount::State::HiddenSecondary);
                return;
            }
        }
}

ShownCount shown(const Grid& g, int i, int j, const SuppressionRule& rule) {
    ShownCount c;
    c.state = g.state(i, j);
    c.value = c.hidden() ? 0 : rounded(g.value(i, j), rule.round_to);
    return c;
}

}  // namespace

ShownCount suppress_count(std::int64_t count, const SuppressionRule& rule) {
    ShownCount c;
    if (primary(count, rule))
        c.state = ShownCount::State::Hidden;
    else
        c.value = rounded(count, rule.round_to);
    return c;
}

SuppressedTable suppress_table(const std::vector<std::vector<std::int64_t>>& counts, const SuppressionRule& rule,
                               TableMargins margins) {
    Grid g(counts, margins);
    for (int i = 0; i <= g.rows(); ++i)
        for (int j = 0; j <= g.cols(); ++j)
            if (g.published(i, j) && primary(g.value(i, j), rule)) g.hide(i, j, ShownCount::State::Hidden);
    if (rule.secondary) suppress_secondary(g, rule);

    SuppressedTable t;
    t.cells.resize(static_cast<size_t>(g.rows()));
    for (int i = 0; i < g.rows(); ++i)
        for (int j = 0; j < g.cols(); ++j) t.cells[i].push_back(shown(g, i, j, rule));
    if (margins.row_totals)
        for (int i = 0; i < g.rows(); ++i) t.row_totals.push_back(shown(g, i, g.cols(), rule));
    if (margins.column_totals)
        for (int j = 0; j < g.cols(); ++j) t.column_totals.push_back(shown(g, g.rows(), j, rule));
    t.total = shown(g, g.rows(), g.cols(), rule);
    return t;
}

SuppressedList suppress_list(const std::vector<std::int64_t>& counts, const SuppressionRule& rule) {
    std::vector<std::vector<std::int64_t>> column;
    for (auto c : counts) column.push_back({c});
    const SuppressedTable t = suppress_table(column, rule, TableMargins{false, true});
    SuppressedList out;
    for (const auto& row : t.cells) out.counts.push_back(row[0]);
    out.total = t.total;
    return out;
}

std::string published_percent(const ShownCount& part, const ShownCount& whole, int decimals) {
    if (part.hidden() || whole.hidden()) return "*";
    if (whole.value == 0) return "0";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", std::clamp(decimals, 0, 3), 100.0 * double(part.value) / double(whole.value));
    return buf;
}

}  // namespace dv
