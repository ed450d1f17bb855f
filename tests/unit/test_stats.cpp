// Statistics against worked examples from the literature. Each expected value was worked out
// by hand (shown in the comment) or with exact fractions outside datavoice, never copied from
// the function under test.
#include "core/stats.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>

using namespace dv;

namespace {
int sum(const std::vector<int>& v) { return std::accumulate(v.begin(), v.end(), 0); }
}  // namespace

// --- Percentages --------------------------------------------------------------------------

TEST_CASE("Stats/three equal thirds add up to 100, the spare point going to the first", "[stats]") {
    // 100/3 = 33.33 each: floors 33+33+33 = 99; one point left, remainders equal → list order.
    CHECK(percentages_to_100({1, 1, 1}) == std::vector<int>{34, 33, 33});
}

TEST_CASE("Stats/six equal sixths add up to 100 where plain rounding gives 102", "[stats]") {
    // 100/6 = 16.67 each: plain rounding gives 17 × 6 = 102; floors give 96, so four points
    // go to the first four of the equal remainders.
    const auto p = percentages_to_100({1, 1, 1, 1, 1, 1});
    CHECK(p == std::vector<int>{17, 17, 17, 17, 16, 16});
    CHECK(sum(p) == 100);
}

TEST_CASE("Stats/spare points go to the largest remainders", "[stats]") {
    // 7, 5, 1 of 13: 53.846, 38.462, 7.692 → floors 53, 38, 7 (98); remainders .846, .462,
    // .692 → the two points go to the first and the third: 54, 38, 8.
    CHECK(percentages_to_100({7, 5, 1}) == std::vector<int>{54, 38, 8});
    // 2, 2, 1 of 5 is exact: 40, 40, 20.
    CHECK(percentages_to_100({2, 2, 1}) == std::vector<int>{40, 40, 20});
}

TEST_CASE("Stats/equal remainders favour the larger count before list order", "[stats]") {
    // 1, 3, 36 of 40: 2.5, 7.5, 90 → floors 2, 7, 90 (99); the first two tie on .5, and the
    // larger count takes the point: 2, 8, 90 (list order alone would give 3, 7, 90).
    CHECK(percentages_to_100({1, 3, 36}) == std::vector<int>{2, 8, 90});
    // 1, 1, 2, 2, 1 of 7: 14.29, 14.29, 28.57, 28.57, 14.29 → floors 14, 14, 28, 28, 14 (98);
    // remainders .571 for the twos beat .286 for the ones: 14, 14, 29, 29, 14.
    CHECK(percentages_to_100({1, 1, 2, 2, 1}) == std::vector<int>{14, 14, 29, 29, 14});
    // 0, 1, 2 of 3: 33.33 and 66.67 → 33, 67.
    CHECK(percentages_to_100({0, 1, 2}) == std::vector<int>{0, 33, 67});
}

TEST_CASE("Stats/no answers give zero percentages, never a division by zero", "[stats]") {
    CHECK(percentages_to_100({0, 0, 0}) == std::vector<int>{0, 0, 0});
    CHECK(percentages_to_100({}).empty());
}

TEST_CASE("Stats/percentages of many uneven counts always add up to 100", "[stats]") {
    for (std::int64_t a = 0; a < 12; ++a)
        for (std::int64_t b = 0; b < 12; ++b)
            for (std::int64_t c = 1; c < 12; ++c) {
                const auto p = percentages_to_100({a, b, c, 3});
                INFO(a << " " << b << " " << c);
                CHECK(sum(p) == 100);
                // Each differs from its exact share by less than one point.
                const double total = static_cast<double>(a + b + c + 3);
                CHECK(std::fabs(p[0] - 100.0 * static_cast<double>(a) / total) < 1.0);
            }
}

// --- Wilson intervals ---------------------------------------------------------------------

TEST_CASE("Stats/Wilson intervals match Newcombe's 1998 worked examples", "[stats]") {
    // Newcombe RG (1998), Two-sided confidence intervals for the single proportion: comparison
    // of seven methods. Statistics in Medicine 17:857-872, Table II, method 3 (score, no
    // continuity correction): 81/263 → 0.2553–0.3662; 15/148 → 0.0624–0.1605;
    // 0/20 → 0–0.1611; 1/29 → 0.0061–0.1718.
    struct Case {
        std::int64_t x, n;
        double low, high;
    };
    for (const Case& c : {Case{81, 263, 0.2553, 0.3662}, Case{15, 148, 0.0624, 0.1605}, Case{0, 20, 0.0, 0.1611},
                          Case{1, 29, 0.0061, 0.1718}}) {
        const Interval i = wilson_interval(c.x, c.n);
        INFO(c.x << "/" << c.n);
        CHECK(i.low == Approx(c.low).margin(0.00006));
        CHECK(i.high == Approx(c.high).margin(0.00006));
    }
}

TEST_CASE("Stats/a Wilson interval with no observations is the whole range", "[stats]") {
    const Interval i = wilson_interval(0, 0);
    CHECK(i.low == 0);
    CHECK(i.high == 1);
}

// --- Paired change ------------------------------------------------------------------------

TEST_CASE("Stats/paired change counts who changed, which way, and the net shift per option", "[stats]") {
    // Options 0 yes, 1 no, 2 not sure. Pairs: yes→yes, no→yes, not sure→no, no→no, yes→no.
    const PairedChange c = paired_change({{0, 0}, {1, 0}, {2, 1}, {1, 1}, {0, 1}}, 3);
    CHECK(c.pairs == 5);
    CHECK(c.changed == 3);
    CHECK(c.share_changed == Approx(0.6));
    CHECK(c.moved_earlier == 2);  // no→yes, not sure→no
    CHECK(c.moved_later == 1);    // yes→no
    // Sum of (second − first) = 0 − 1 − 1 + 0 + 1 = −1 over 5.
    CHECK(c.mean_shift == Approx(-0.2));
    // First: yes 2, no 2, not sure 1. Second: yes 2, no 3, not sure 0.
    CHECK(c.net_by_option == std::vector<std::int64_t>{0, 1, -1});
}

TEST_CASE("Stats/paired change ignores pairs outside the option list", "[stats]") {
    const PairedChange c = paired_change({{0, 1}, {-1, 0}, {0, 3}}, 3);
    CHECK(c.pairs == 1);
    CHECK(c.changed == 1);
    const PairedChange none = paired_change({}, 2);
    CHECK(none.pairs == 0);
    CHECK(none.share_changed == 0);
}

// --- McNemar --------------------------------------------------------------------------------

TEST_CASE("Stats/McNemar exact test matches Fagerland's airway example", "[stats]") {
    // Fagerland MW, Lydersen S, Laake P (2013), The McNemar test for binary matched-pairs
    // data, BMC Med Res Methodol 13:91, Table 1: airway hyper-responsiveness before and after
    // stem cell transplantation in 21 children; discordant pairs b = 1, c = 7. Exact
    // conditional p reported as 0.070. By hand: P(X ≤ 1 | n = 8, ½) = (1 + 8)/256, doubled
    // = 9/128 = 0.0703125.
    const McNemarResult r = mcnemar_exact(1, 7);
    CHECK(r.p_exact == Approx(9.0 / 128.0).epsilon(1e-12));
    CHECK(r.chi_square == Approx(36.0 / 8.0));  // (1 − 7)² / 8
}

TEST_CASE("Stats/McNemar matches Agresti's presidential approval table", "[stats]") {
    // Agresti A, Categorical Data Analysis (2nd ed., 2002), Table 10.1: approval of the
    // President's performance in two surveys a month apart, 1600 people; 150 approve →
    // disapprove, 86 disapprove → approve. McNemar statistic (86 − 150)² / 236 = 17.36.
    // Exact two-sided p, summed with exact fractions (2 · Σ_{k≤86} C(236,k) / 2^236):
    // 3.7159e-05.
    const McNemarResult r = mcnemar_exact(150, 86);
    CHECK(r.chi_square == Approx(4096.0 / 236.0));
    CHECK(r.chi_square == Approx(17.36).margin(0.005));
    CHECK(r.p_exact == Approx(3.715936e-05).epsilon(1e-5));
}

TEST_CASE("Stats/McNemar with no discordant pairs or a balanced split gives p = 1", "[stats]") {
    CHECK(mcnemar_exact(0, 0).p_exact == 1);
    CHECK(mcnemar_exact(4, 4).p_exact == 1);  // 2 · P(X ≤ 4 | 8) > 1, capped
    // One discordant pair: p = 2 · ½ = 1.
    CHECK(mcnemar_exact(1, 0).p_exact == 1);
}

// --- Wilcoxon signed-rank -------------------------------------------------------------------

TEST_CASE("Stats/Wilcoxon exact p matches Hollander and Wolfe's depression example", "[stats]") {
    // Hollander M, Wolfe DA, Nonparametric Statistical Methods (1973), p. 29: Hamilton
    // depression scale factor IV before (x) and after (y) a tranquiliser, 9 patients (also the
    // example in R's ?wilcox.test, which gives V = 40, one-sided p = 0.01953). By hand:
    // x − y = 0.952, −0.147, 1.022, 0.43, 0.62, 0.59, 0.49, −0.08, 0.01; the two negatives
    // have ranks 3 and 2 among the |d|, so W− = 5, W+ = 45 − 5 = 40. P(W− ≤ 5) counts the 10
    // subsets of {1..9} with sum ≤ 5: 10/512; two-sided 20/512 = 0.0390625.
    const std::vector<double> x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
    const std::vector<double> y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
    std::vector<double> d;
    for (size_t i = 0; i < x.size(); ++i) d.push_back(x[i] - y[i]);
    const WilcoxonResult r = wilcoxon_signed_rank(d);
    CHECK(r.exact);
    CHECK(r.n == 9);
    CHECK(r.w_plus == 40);
    CHECK(r.w_minus == 5);
    CHECK(r.p == Approx(20.0 / 512.0).epsilon(1e-12));
}

TEST_CASE("Stats/Wilcoxon drops zeros and gives ties mid-ranks (Wikipedia's worked example)", "[stats]") {
    // The worked example of the English Wikipedia article "Wilcoxon signed-rank test" (10
    // pairs, one zero difference): differences 15, −7, 5, 20, 0, −9, 17, −12, 5, −10. The zero
    // is dropped (n = 9); |d| sorted 5, 5, 7, 9, 10, 12, 15, 17, 20 → ranks 1.5, 1.5, 3 … 9.
    // W+ = 1.5 + 1.5 + 7 + 8 + 9 = 27, W− = 3 + 4 + 5 + 6 = 18. Exact two-sided p over the 512
    // sign patterns of these ranks (enumerated with exact fractions): 81/128 = 0.6328125.
    const std::vector<double> d = {15, -7, 5, 20, 0, -9, 17, -12, 5, -10};
    const WilcoxonResult r = wilcoxon_signed_rank(d);
    CHECK(r.zeros == 1);
    CHECK(r.n == 9);
    CHECK(r.w_plus == 27);
    CHECK(r.w_minus == 18);
    CHECK(r.exact);
    CHECK(r.p == Approx(81.0 / 128.0).epsilon(1e-12));
}

TEST_CASE("Stats/Wilcoxon normal approximation corrects the variance for ties", "[stats]") {
    // The same example forced to the normal approximation. Mean 9·10/4 = 22.5. Variance
    // 9·10·19/24 − (2³ − 2)/48 = 71.25 − 0.125 = 71.125. With the continuity correction
    // z = (27 − 22.5 − 0.5)/√71.125 = 4/8.43356 = 0.474295; two-sided p = 0.635289.
    const WilcoxonResult r = wilcoxon_signed_rank({15, -7, 5, 20, 0, -9, 17, -12, 5, -10}, WilcoxonMethod::Normal);
    CHECK_FALSE(r.exact);
    CHECK(r.z == Approx(0.474295).epsilon(1e-5));
    CHECK(r.p == Approx(0.635289).epsilon(1e-5));
}

TEST_CASE("Stats/Wilcoxon on a large 5-point scale sample uses the tie-corrected normal approximation", "[stats]") {
    // 100 people on a 5-point scale: 40 did not move, 30 moved +1, 20 moved −1, 10 moved +2.
    // n = 60 > 50, so the normal approximation. |d| = 1 fifty times (ranks 1–50, mid-rank 25.5),
    // |d| = 2 ten times (ranks 51–60, mid-rank 55.5). W+ = 30·25.5 + 10·55.5 = 1320,
    // W− = 20·25.5 = 510. Mean 60·61/4 = 915. Variance 60·61·121/24 − (50³ − 50 + 10³ − 10)/48
    // = 18452.5 − 2623.75 = 15828.75. z = (1320 − 915 − 0.5)/√15828.75 = 404.5/125.8124
    // = 3.21511; two-sided p = erfc(3.21511/√2) = 0.0013040.
    std::vector<double> d;
    d.insert(d.end(), 40, 0);
    d.insert(d.end(), 30, 1);
    d.insert(d.end(), 20, -1);
    d.insert(d.end(), 10, 2);
    const WilcoxonResult r = wilcoxon_signed_rank(d);
    CHECK(r.zeros == 40);
    CHECK(r.n == 60);
    CHECK_FALSE(r.exact);
    CHECK(r.w_plus == 1320);
    CHECK(r.w_minus == 510);
    CHECK(r.z == Approx(3.21511).epsilon(1e-5));
    CHECK(r.p == Approx(0.0013040).epsilon(1e-3));
}

TEST_CASE("Stats/Wilcoxon with every difference zero has nothing to test", "[stats]") {
    const WilcoxonResult r = wilcoxon_signed_rank({0, 0, 0});
    CHECK(r.n == 0);
    CHECK(r.zeros == 3);
    CHECK(r.p == 1);
}

// --- Difference of two independent proportions ----------------------------------------------

TEST_CASE("Stats/Newcombe's hybrid score interval matches his 1998 worked examples", "[stats]") {
    // Newcombe RG (1998), Interval estimation for the difference between independent
    // proportions: comparison of eleven methods. Statistics in Medicine 17:873-890, Table II,
    // method 10 (score-based hybrid, no continuity correction), examples (a), (b) and (d)-(h);
    // (a) and (b) are also the values the R package propint tests against.
    struct Case {
        std::int64_t x1, n1, x2, n2;
        double low, high;
    };
    for (const Case& c : {Case{56, 70, 48, 80, 0.0524, 0.3339}, Case{9, 10, 3, 10, 0.1705, 0.8090},
                          Case{5, 56, 0, 29, -0.0381, 0.1926},
                          Case{0, 10, 0, 20, -0.1611, 0.2775}, Case{0, 10, 0, 10, -0.2775, 0.2775},
                          Case{10, 10, 0, 20, 0.6791, 1.0}, Case{10, 10, 0, 10, 0.6075, 1.0}}) {
        INFO(c.x1 << "/" << c.n1 << " - " << c.x2 << "/" << c.n2);
        const auto d = newcombe_difference(c.x1, c.n1, c.x2, c.n2);
        REQUIRE(d);
        CHECK(d->difference == Approx(static_cast<double>(c.x1) / c.n1 - static_cast<double>(c.x2) / c.n2));
        CHECK(d->interval.low == Approx(c.low).margin(0.00006));
        CHECK(d->interval.high == Approx(c.high).margin(0.00006));
    }
}

TEST_CASE("Stats/Newcombe's interval is the mirror image when the groups swap", "[stats]") {
    const auto ab = newcombe_difference(56, 70, 48, 80);
    const auto ba = newcombe_difference(48, 80, 56, 70);
    REQUIRE(ab);
    REQUIRE(ba);
    CHECK(ba->difference == Approx(-ab->difference));
    CHECK(ba->interval.low == Approx(-ab->interval.high));
    CHECK(ba->interval.high == Approx(-ab->interval.low));
}

TEST_CASE("Stats/a difference with an empty group has no interval", "[stats]") {
    CHECK_FALSE(newcombe_difference(3, 10, 0, 0));
    CHECK_FALSE(newcombe_difference(0, 0, 3, 10));
}

// --- Turnover tables ----------------------------------------------------------------------

TEST_CASE("Stats/a turnover table counts each first answer against each second", "[stats]") {
    // Five people on a 3-option question: 0→0, 0→1, 1→1, 2→0, 2→0, plus one pair off the list.
    const Turnover t = turnover_table({{0, 0}, {0, 1}, {1, 1}, {2, 0}, {2, 0}, {3, 0}}, 3);
    REQUIRE(t.size() == 3);
    CHECK(t.cells[0] == std::vector<std::int64_t>{1, 1, 0});
    CHECK(t.cells[1] == std::vector<std::int64_t>{0, 1, 0});
    CHECK(t.cells[2] == std::vector<std::int64_t>{2, 0, 0});
    CHECK(t.first_totals == std::vector<std::int64_t>{2, 1, 2});
    CHECK(t.second_totals == std::vector<std::int64_t>{3, 2, 0});
    CHECK(t.pairs == 5);
    CHECK(t.stayed == 2);
    CHECK(t.changed == 3);
}

TEST_CASE("Stats/merging a turnover table counts moves within a group as staying", "[stats]") {
    // A 5-point scale into comfortable (0, 1), not sure (2) and uncomfortable (3, 4).
    const Turnover full = turnover_table({{0, 1}, {1, 4}, {2, 2}, {3, 2}, {4, 3}}, 5);
    CHECK(full.changed == 4);
    const Turnover sides = merge_turnover(full, {0, 0, 1, 2, 2}, 3);
    CHECK(sides.cells[0] == std::vector<std::int64_t>{1, 0, 1});
    CHECK(sides.cells[1] == std::vector<std::int64_t>{0, 1, 0});
    CHECK(sides.cells[2] == std::vector<std::int64_t>{0, 1, 1});
    CHECK(sides.pairs == 5);
    CHECK(sides.stayed == 3);
    CHECK(sides.changed == 2);
}
