// Percentages, intervals and paired-change tests (the choices are stated in stats.hpp).
#include "stats.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace dv {

std::vector<int> percentages_to_100(const std::vector<std::int64_t>& counts) {
    std::vector<int> out(counts.size(), 0);
    std::int64_t total = 0;
    for (auto c : counts) total += std::max<std::int64_t>(c, 0);
    if (total == 0) return out;
    // Integer arithmetic throughout: share = 100·c / total = floor + remainder / total.
    std::vector<std::int64_t> remainder(counts.size(), 0);
    int given = 0;
    for (size_t i = 0; i < counts.size(); ++i) {
        const std::int64_t c = std::max<std::int64_t>(counts[i], 0);
        out[i] = static_cast<int>(100 * c / total);
        remainder[i] = 100 * c % total;
        given += out[i];
    }
    std::vector<size_t> order(counts.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (remainder[a] != remainder[b]) return remainder[a] > remainder[b];
        return counts[a] > counts[b];  // stable: equal counts keep list order
    });
    for (size_t k = 0; given < 100 && k < order.size(); ++k, ++given) ++out[order[k]];
    return out;
}

Interval wilson_interval(std::int64_t successes, std::int64_t n, double z) {
    if (n <= 0) return {0, 1};
    const double nn = static_cast<double>(n);
    const double p = static_cast<double>(std::clamp<std::int64_t>(successes, 0, n)) / nn;
    const double z2 = z * z;
    const double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
    const double half = z / (1 + z2 / nn) * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

PairedChange paired_change(const std::vector<AnswerPair>& pairs, int option_count) {
    PairedChange r;
    r.net_by_option.assign(static_cast<size_t>(std::max(option_count, 0)), 0);
    std::int64_t shift_sum = 0;
    for (const auto& [first, second] : pairs) {
        if (first < 0 || second < 0 || first >= option_count || second >= option_count) continue;
        ++r.pairs;
        if (first != second) ++r.changed;
        if (second > first) ++r.moved_later;
        if (second < first) ++r.moved_earlier;
        shift_sum += second - first;
        --r.net_by_option[static_cast<size_t>(first)];
        ++r.net_by_option[static_cast<size_t>(second)];
    }
    if (r.pairs > 0) {
        r.share_changed = static_cast<double>(r.changed) / static_cast<double>(r.pairs);
        r.mean_shift = static_cast<double>(shift_sum) / static_cast<double>(r.pairs);
    }
    return r;
}

namespace {

// P(X ≤ k) for X ~ Binomial(n, 1/2), summed in log space so large n does not overflow.
double binomial_half_cdf(std::int64_t k, std::int64_t n) {
    if (k < 0) return 0;
    if (k >= n) return 1;
    const double log_half_n = static_cast<double>(n) * std::log(0.5);
    const double lgn1 = std::lgamma(static_cast<double>(n) + 1);
    double sum = 0;
    for (std::int64_t i = 0; i <= k; ++i) {
        const double lchoose = lgn1 - std::lgamma(static_cast<double>(i) + 1) - std::lgamma(static_cast<double>(n - i) + 1);
        sum += std::exp(lchoose + log_half_n);
    }
    return std::min(1.0, sum);
}

double two_sided_normal_p(double z) { return std::erfc(std::fabs(z) / std::sqrt(2.0)); }

}  // namespace

McNemarResult mcnemar_exact(std::int64_t b, std::int64_t c) {
    McNemarResult r;
    r.b = std::max<std::int64_t>(b, 0);
    r.c = std::max<std::int64_t>(c, 0);
    const std::int64_t n = r.b + r.c;
    if (n == 0) return r;
    const double d = static_cast<double>(r.b - r.c);
    r.chi_square = d * d / static_cast<double>(n);
    r.p_exact = std::min(1.0, 2 * binomial_half_cdf(std::min(r.b, r.c), n));
    return r;
}

WilcoxonResult wilcoxon_signed_rank(const std::vector<double>& differences, WilcoxonMethod method) {
    WilcoxonResult r;
    std::vector<double> nonzero;
    for (double d : differences) {
        if (d == 0)
            ++r.zeros;
        else if (std::isfinite(d))
            nonzero.push_back(d);
    }
    const size_t n = nonzero.size();
    r.n = static_cast<int>(n);
    if (n == 0) return r;

    // Mid-ranks of |d|, kept doubled so they stay whole numbers (rank 1.5 → 3).
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return std::fabs(nonzero[a]) < std::fabs(nonzero[b]); });
    std::vector<std::int64_t> rank2(n, 0);
    double tie_term = 0;  // Σ (t³ − t) over groups of tied |d|
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j + 1 < n && std::fabs(nonzero[order[j + 1]]) == std::fabs(nonzero[order[i]])) ++j;
        const auto mid2 = static_cast<std::int64_t>(i + 1 + j + 1);  // 2 × the mean of ranks i+1 … j+1
        for (size_t k = i; k <= j; ++k) rank2[order[k]] = mid2;
        const double t = static_cast<double>(j - i + 1);
        tie_term += t * t * t - t;
        i = j + 1;
    }
    std::int64_t plus2 = 0, total2 = 0;
    for (size_t i = 0; i < n; ++i) {
        total2 += rank2[i];
        if (nonzero[i] > 0) plus2 += rank2[i];
    }
    r.w_plus = static_cast<double>(plus2) / 2;
    r.w_minus = static_cast<double>(total2 - plus2) / 2;

    const double nn = static_cast<double>(n);
    const double mean = nn * (nn + 1) / 4;
    const double var = nn * (nn + 1) * (2 * nn + 1) / 24 - tie_term / 48;
    const double diff = r.w_plus - mean;
    const double correction = diff > 0 ? 0.5 : diff < 0 ? -0.5 : 0.0;
    r.z = var > 0 ? (diff - correction) / std::sqrt(var) : 0;

    r.exact = method == WilcoxonMethod::Exact ||
              (method == WilcoxonMethod::Automatic && r.n <= kWilcoxonExactLimit);
    if (!r.exact) {
        r.p = var > 0 ? std::min(1.0, two_sided_normal_p(r.z)) : 1;
        return r;
    }
    // Exact: how many of the 2^n sign patterns give each doubled W+ (whole numbers below 2^53,
    // so exact in a double, up to n = 52; an explicit Exact request beyond that is still
    // accurate to a double's precision).
    std::vector<double> ways(static_cast<size_t>(total2) + 1, 0);
    ways[0] = 1;
    std::int64_t reach = 0;
    for (size_t i = 0; i < n; ++i) {
        for (std::int64_t s = reach; s >= 0; --s)
            if (ways[static_cast<size_t>(s)] != 0) ways[static_cast<size_t>(s + rank2[i])] += ways[static_cast<size_t>(s)];
        reach += rank2[i];
    }
    double at_or_below = 0, at_or_above = 0, all = 0;
    for (std::int64_t s = 0; s <= total2; ++s) {
        const double w = ways[static_cast<size_t>(s)];
        all += w;
        if (s <= plus2) at_or_below += w;
        if (s >= plus2) at_or_above += w;
    }
    r.p = std::min(1.0, 2 * std::min(at_or_below, at_or_above) / all);
    return r;
}

std::optional<ProportionDifference> newcombe_difference(std::int64_t successes1, std::int64_t n1,
                                                        std::int64_t successes2, std::int64_t n2, double z) {
    if (n1 <= 0 || n2 <= 0) return std::nullopt;
    ProportionDifference r;
    r.p1 = static_cast<double>(std::clamp<std::int64_t>(successes1, 0, n1)) / static_cast<double>(n1);
    r.p2 = static_cast<double>(std::clamp<std::int64_t>(successes2, 0, n2)) / static_cast<double>(n2);
    r.difference = r.p1 - r.p2;
    const Interval w1 = wilson_interval(successes1, n1, z);
    const Interval w2 = wilson_interval(successes2, n2, z);
    r.interval.low = r.difference - std::hypot(r.p1 - w1.low, w2.high - r.p2);
    r.interval.high = r.difference + std::hypot(w1.high - r.p1, r.p2 - w2.low);
    r.interval.low = std::max(-1.0, r.interval.low);
    r.interval.high = std::min(1.0, r.interval.high);
    return r;
}

namespace {

Turnover empty_turnover(int size) {
    Turnover t;
    const auto n = static_cast<size_t>(std::max(size, 0));
    t.cells.assign(n, std::vector<std::int64_t>(n, 0));
    t.first_totals.assign(n, 0);
    t.second_totals.assign(n, 0);
    return t;
}

void add_to_turnover(Turnover& t, int first, int second, std::int64_t count) {
    t.cells[static_cast<size_t>(first)][static_cast<size_t>(second)] += count;
    t.first_totals[static_cast<size_t>(first)] += count;
    t.second_totals[static_cast<size_t>(second)] += count;
    t.pairs += count;
    (first == second ? t.stayed : t.changed) += count;
}

}  // namespace

Turnover turnover_table(const std::vector<AnswerPair>& pairs, int option_count) {
    Turnover t = empty_turnover(option_count);
    for (const auto& [first, second] : pairs) {
        if (first < 0 || second < 0 || first >= option_count || second >= option_count) continue;
        add_to_turnover(t, first, second, 1);
    }
    return t;
}

Turnover merge_turnover(const Turnover& table, const std::vector<int>& group_of, int groups) {
    Turnover t = empty_turnover(groups);
    auto group = [&](int option) {
        return option < static_cast<int>(group_of.size()) ? group_of[static_cast<size_t>(option)] : -1;
    };
    for (int first = 0; first < table.size(); ++first) {
        for (int second = 0; second < table.size(); ++second) {
            const int gf = group(first), gs = group(second);
            if (gf < 0 || gs < 0 || gf >= groups || gs >= groups) continue;
            add_to_turnover(t, gf, gs, table.cells[static_cast<size_t>(first)][static_cast<size_t>(second)]);
        }
    }
    return t;
}

}  // namespace dv
