// Statistics for polls and deliberative polls: whole percentages that add up to 100, Wilson
// intervals for a proportion, and what changed between a first and a second view of the same
// people (share who changed, net shift, McNemar's exact test, Wilcoxon's signed-rank test).
//
// Pure functions on counts; the kiosk's results screen and the staff report both use them.
// Choices, stated once:
//   - Percentages: largest remainder (Hamilton). Each category gets the floor of its exact
//     share; the points still missing go to the largest remainders. Equal remainders: the
//     larger count first, then the earlier category.
//   - Wilson score interval, without continuity correction.
//   - McNemar: two-sided exact test = binomial(b + c, 1/2) on the discordant pairs,
//     p = min(1, 2 × P(X ≤ min(b, c))). The chi-square (b − c)² / (b + c) is reported too.
//   - Wilcoxon signed-rank on paired differences: zero differences are dropped (Wilcoxon's
//     original rule, as R's wilcox.test and SciPy's zero_method="wilcox"); tied absolute
//     differences get mid-ranks. Up to kWilcoxonExactLimit non-zero differences the p-value
//     is exact: the permutation distribution of W+ over all 2^n sign patterns of the actual
//     (mid-)ranks, so it stays exact with ties. Above it, the normal approximation with the
//     tie correction Σ(t³ − t)/48 in the variance and a continuity correction of 1/2.
//   - Difference of two independent proportions: Newcombe's hybrid score interval (method 10
//     of Newcombe 1998, "Interval estimation for the difference between independent
//     proportions"), built from the two Wilson intervals without continuity correction.
//   - Turnover table: first answer (rows) against second answer (columns) of the same people.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace dv {

// Whole percentages of counts that add up to exactly 100 (all zeros when the total is 0).
std::vector<int> percentages_to_100(const std::vector<std::int64_t>& counts);

struct Interval {
    double low = 0;
    double high = 0;
};

// The Wilson score interval for successes out of n (z = 1.96 for 95 %). n = 0 gives [0, 1].
Interval wilson_interval(std::int64_t successes, std::int64_t n, double z = 1.959963984540054);

// One person's first and second answer, as positions in the question's option list.
using AnswerPair = std::pair<int, int>;

// What changed between the first and second answers of the same people.
struct PairedChange {
    std::int64_t pairs = 0;
    std::int64_t changed = 0;     // second differs from first
    std::int64_t moved_later = 0;  // to an option further down the list (scale: less agreeable)
    std::int64_t moved_earlier = 0;
    double share_changed = 0;  // changed / pairs, 0 when there are no pairs
    // Mean of (second − first) in option positions: > 0 means answers moved down the list.
    double mean_shift = 0;
    // Per option: how many chose it second minus how many chose it first (the net shift).
    std::vector<std::int64_t> net_by_option;
};

// Pairs with a position outside [0, option_count) are ignored.
PairedChange paired_change(const std::vector<AnswerPair>& pairs, int option_count);

struct McNemarResult {
    std::int64_t b = 0, c = 0;  // the discordant pairs: yes→no and no→yes
    double chi_square = 0;      // (b − c)² / (b + c), no continuity correction; 0 when b + c = 0
    double p_exact = 1;         // two-sided exact binomial p-value
};

McNemarResult mcnemar_exact(std::int64_t b, std::int64_t c);

enum class WilcoxonMethod { Automatic, Exact, Normal };
constexpr int kWilcoxonExactLimit = 50;

struct WilcoxonResult {
    int n = 0;      // non-zero differences used
    int zeros = 0;  // zero differences dropped
    double w_plus = 0, w_minus = 0;  // sums of the ranks of positive and negative differences
    bool exact = false;
    double z = 0;  // the normal approximation's statistic (also filled when exact)
    double p = 1;  // two-sided
};

// Differences are second − first (or any paired differences).
WilcoxonResult wilcoxon_signed_rank(const std::vector<double>& differences,
                                    WilcoxonMethod method = WilcoxonMethod::Automatic);

// p1 − p2 for two independent groups, with Newcombe's hybrid score interval:
//   low  = d − sqrt((p1 − l1)² + (u2 − p2)²),  high = d + sqrt((u1 − p1)² + (p2 − l2)²)
// where [l, u] are the groups' Wilson intervals. nullopt when either group is empty.
struct ProportionDifference {
    double p1 = 0, p2 = 0;
    double difference = 0;  // p1 − p2
    Interval interval;      // within [−1, 1]
};
std::optional<ProportionDifference> newcombe_difference(std::int64_t successes1, std::int64_t n1,
                                                        std::int64_t successes2, std::int64_t n2,
                                                        double z = 1.959963984540054);

// Who answered what the first time (row) and the second time (column).
struct Turnover {
    std::vector<std::vector<std::int64_t>> cells;  // cells[first][second]
    std::vector<std::int64_t> first_totals;        // row sums
    std::vector<std::int64_t> second_totals;       // column sums
    std::int64_t pairs = 0;
    std::int64_t stayed = 0;  // the diagonal
    std::int64_t changed = 0;

    int size() const { return static_cast<int>(cells.size()); }
};

// Pairs with a position outside [0, option_count) are ignored, as in paired_change().
Turnover turnover_table(const std::vector<AnswerPair>& pairs, int option_count);

// The same table with options merged into groups (e.g. a 5-point scale into comfortable /
// not sure / uncomfortable): group_of[option] is the option's group, in [0, groups). Options
// whose group is out of range are dropped.
Turnover merge_turnover(const Turnover& table, const std::vector<int>& group_of, int groups);

}  // namespace dv
