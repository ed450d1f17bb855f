// This file implements the report's tables: counts to suppressed figures, whole percentages,
// bars, splits and first→second change tables (see report_tables.hpp).
#include "report_tables.hpp"

#include "core/stats.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace dv::central {

namespace {

std::string pct(const std::string& p) { return p == "*" ? p : p + "%"; }

std::string format(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

std::string p_value(double p) { return p < 0.001 ? "p < 0.001" : format("p = %.3f", p); }

// Percentages of one row of counts against its total (whole numbers).
std::vector<std::string> row_percents(const std::vector<std::int64_t>& counts, std::int64_t whole, bool multi,
                                      const std::vector<ShownCount>& shown, const ShownCount& shown_whole,
                                      const SuppressionRule& rule) {
    std::vector<std::string> out;
    if (exact_rule(rule) && !multi) {
        for (int p : percentages_to_100(counts)) out.push_back(std::to_string(p));
        return out;
    }
    for (size_t i = 0; i < counts.size(); ++i) {
        if (exact_rule(rule)) out.push_back(published_percent({ShownCount::State::Shown, counts[i]}, {ShownCount::State::Shown, whole}));
        else out.push_back(published_percent(shown[i], shown_whole));
    }
    return out;
}

}  // namespace

void tally_value(Tally& t, const std::string& value, std::int64_t count) {
    t.respondents += count;
    const auto add = [&](const std::string& id) {
        auto it = std::find(t.ids.begin(), t.ids.end(), id);
        if (it == t.ids.end()) {
            t.ids.push_back(id);
            t.labels.push_back(id);
            t.counts.push_back(0);
            it = t.ids.end() - 1;
        }
        t.counts[static_cast<size_t>(it - t.ids.begin())] += count;
    };
    if (t.multi) {
        for (const auto& id : split(value, ';'))
            if (!id.empty()) add(id);
    } else {
        add(value);
    }
}

bool exact_rule(const SuppressionRule& rule) { return rule.hide_up_to == 0 && rule.round_to <= 1; }

ReportTable answer_table(const Tally& t, const SuppressionRule& rule, std::vector<ReportBar>& bars) {
    ReportTable table;
    table.header = {"Answer", t.multi ? "Times chosen" : "Number of responses",
                    t.multi ? "Percentage of respondents" : "Percentage"};
    std::vector<ShownCount> shown;
    ShownCount total;
    if (t.multi) {
        for (auto c : t.counts) shown.push_back(suppress_count(c, rule));
        total = suppress_count(t.respondents, rule);
    } else {
        const SuppressedList list = suppress_list(t.counts, rule);
        shown = list.counts;
        total = list.total;
    }
    const auto percents = row_percents(t.counts, t.respondents, t.multi, shown, total, rule);
    bars.clear();
    for (size_t i = 0; i < t.ids.size(); ++i) {
        table.rows.push_back({t.labels[i], shown[i].text(), pct(percents[i])});
        ReportBar bar{t.labels[i], "*", 0};
        if (!shown[i].hidden() && percents[i] != "*") {
            bar.fraction = std::stod(percents[i]) / 100.0;
            bar.value = pct(percents[i]) + " (" + shown[i].text() + ")";
        }
        bars.push_back(std::move(bar));
    }
    table.rows.push_back({t.multi ? "TOTAL respondents" : "TOTAL", total.text(),
                          t.multi ? "" : (total.hidden() ? "*" : "100%")});
    return table;
}

namespace {

// The rows of a split (one per group, then TOTAL), suppressed as one table.
std::vector<std::vector<std::string>> split_rows(const Tally& shape, const std::map<std::string, Tally>& groups,
                                                 const std::string& apart, bool take_apart, const SuppressionRule& rule) {
    std::vector<std::string> names;
    std::vector<std::vector<std::int64_t>> counts;
    std::vector<std::int64_t> respondents;
    for (const auto& [name, g] : groups) {
        if ((name == apart) != take_apart) continue;
        std::vector<std::int64_t> row(shape.ids.size(), 0);
        for (size_t i = 0; i < g.ids.size(); ++i) {
            const auto it = std::find(shape.ids.begin(), shape.ids.end(), g.ids[i]);
            if (it != shape.ids.end()) row[static_cast<size_t>(it - shape.ids.begin())] += g.counts[i];
        }
        names.push_back(name);
        counts.push_back(std::move(row));
        respondents.push_back(g.respondents);
    }
    SuppressedTable s;
    if (shape.multi) {
        // Choices per option do not add up to the respondents: each figure stands alone.
        s.column_totals.assign(shape.ids.size(), {});
        std::vector<std::int64_t> column(shape.ids.size(), 0);
        std::int64_t all = 0;
        for (size_t r = 0; r < counts.size(); ++r) {
            s.cells.emplace_back();
            for (size_t c = 0; c < counts[r].size(); ++c) {
                s.cells.back().push_back(suppress_count(counts[r][c], rule));
                column[c] += counts[r][c];
            }
            s.row_totals.push_back(suppress_count(respondents[r], rule));
            all += respondents[r];
        }
        for (size_t c = 0; c < column.size(); ++c) s.column_totals[c] = suppress_count(column[c], rule);
        s.total = suppress_count(all, rule);
    } else {
        s = suppress_table(counts, rule);
    }
    std::vector<std::vector<std::string>> rows;
    for (size_t r = 0; r < names.size(); ++r) {
        std::vector<std::string> row{names[r]};
        const auto percents = row_percents(counts[r], respondents[r], shape.multi, s.cells[r], s.row_totals[r], rule);
        for (size_t c = 0; c < shape.ids.size(); ++c)
            row.push_back(s.cells[r][c].text() + (percents[c] == "*" || s.cells[r][c].hidden() ? "" : " (" + pct(percents[c]) + ")"));
        row.push_back(s.row_totals[r].text());
        rows.push_back(std::move(row));
    }
    std::vector<std::string> total_row{"TOTAL"};
    for (const auto& c : s.column_totals) total_row.push_back(c.text());
    total_row.push_back(s.total.text());
    rows.push_back(std::move(total_row));
    return rows;
}

}  // namespace

ReportTable split_table(const Tally& shape, const std::string& split_label, const std::map<std::string, Tally>& groups,
                        const std::string& apart, const SuppressionRule& rule) {
    ReportTable table;
    table.header.push_back(split_label);
    for (const auto& l : shape.labels) table.header.push_back(l);
    table.header.push_back(shape.multi ? "Respondents" : "Total");
    table.rows = split_rows(shape, groups, apart, false, rule);
    if (!apart.empty() && groups.count(apart)) {
        auto rows = split_rows(shape, groups, apart, true, rule);
        table.rows.push_back(std::move(rows.front()));  // its own TOTAL would only repeat it
    }
    return table;
}

ReportTable change_table(const Tally& shape, const std::vector<std::vector<std::int64_t>>& pairs,
                         const SuppressionRule& rule, std::vector<std::string>& stats) {
    ReportTable table;
    table.header.push_back("First view \u2192 second view");
    for (const auto& l : shape.labels) table.header.push_back(l);
    table.header.push_back("Total");
    const SuppressedTable s = suppress_table(pairs, rule);
    for (size_t r = 0; r < pairs.size(); ++r) {
        std::vector<std::string> row{shape.labels[r]};
        for (const auto& c : s.cells[r]) row.push_back(c.text());
        row.push_back(s.row_totals[r].text());
        table.rows.push_back(std::move(row));
    }
    std::vector<std::string> total_row{"TOTAL"};
    for (const auto& c : s.column_totals) total_row.push_back(c.text());
    total_row.push_back(s.total.text());
    table.rows.push_back(std::move(total_row));

    std::vector<AnswerPair> list;
    std::vector<double> differences;
    for (size_t a = 0; a < pairs.size(); ++a)
        for (size_t b = 0; b < pairs[a].size(); ++b)
            for (std::int64_t k = 0; k < pairs[a][b]; ++k) {
                list.emplace_back(static_cast<int>(a), static_cast<int>(b));
                differences.push_back(double(b) - double(a));
            }
    const int n = static_cast<int>(shape.ids.size());
    const PairedChange change = paired_change(list, n);
    stats.push_back("People who gave both views: " + s.total.text() + ".");
    if (change.pairs <= rule.hide_up_to) {
        stats.push_back("Too few people to show how views changed.");
        return table;
    }
    stats.push_back("Changed their answer: " + format("%.0f", 100.0 * change.share_changed) + "% (to an answer further down the list: " +
                    suppress_count(change.moved_later, rule).text() + "; further up: " +
                    suppress_count(change.moved_earlier, rule).text() + ").");
    // From each view's own published counts (as its table shows them), not the cross table's
    // margins, which secondary suppression may hide.
    std::vector<std::int64_t> first_counts(pairs.size(), 0), second_counts(pairs.size(), 0);
    for (size_t a = 0; a < pairs.size(); ++a)
        for (size_t b = 0; b < pairs[a].size(); ++b) {
            first_counts[a] += pairs[a][b];
            second_counts[b] += pairs[a][b];
        }
    const SuppressedList first_shown = suppress_list(first_counts, rule), second_shown = suppress_list(second_counts, rule);
    std::string net = "Net shift (second view minus first view): ";
    for (int i = 0; i < n; ++i) {
        const ShownCount& first = first_shown.counts[static_cast<size_t>(i)];
        const ShownCount& second = second_shown.counts[static_cast<size_t>(i)];
        const std::int64_t d = second.value - first.value;
        net += (i ? "; " : "") + shape.labels[static_cast<size_t>(i)] + " " +
               (first.hidden() || second.hidden() ? std::string("*") : (d > 0 ? "+" : "") + std::to_string(d));
    }
    stats.push_back(net + ".");
    stats.push_back("Mean shift: " + format("%+.2f", change.mean_shift) + " places down the list of answers.");
    const McNemarResult mc = mcnemar_exact(change.moved_later, change.moved_earlier);
    stats.push_back("McNemar's exact test (moved down the list against moved up): chi-square = " +
                    format("%.2f", mc.chi_square) + ", " + p_value(mc.p_exact) + ".");
    const WilcoxonResult w = wilcoxon_signed_rank(differences);
    stats.push_back("Wilcoxon signed-rank test on the change in position (" +
                    std::string(w.exact ? "exact" : "normal approximation") + "): W+ = " + format("%.1f", w.w_plus) +
                    ", W\u2212 = " + format("%.1f", w.w_minus) + ", " + p_value(w.p) + ".");
    return table;
}

bool LeftOutCounts::add(const std::string& reason, std::int64_t count) {
    if (reason == "too_fast") too_fast += count;
    else if (reason == "comparison") comparison += count;
    else if (reason == "no_cards") no_cards += count;
    else return false;
    return true;
}

std::string LeftOutCounts::caption(const SuppressionRule& rule) const {
    std::vector<std::string> parts;
    const auto visits = [&](std::int64_t n) { return suppress_count(n, rule).text() + (n == 1 ? " visit" : " visits"); };
    if (too_fast) parts.push_back(visits(too_fast) + " that left every card in under 3 seconds");
    if (comparison)
        parts.push_back(visits(comparison) + " in the comparison group (asked twice with a pause instead of the "
                                             "points of view; they are the comparison in \"What informed views "
                                             "looked like\")");
    if (no_cards) parts.push_back(visits(no_cards) + " that saw no cards");
    return parts.empty() ? "" : ". Left out: " + join(parts, "; ");
}

ReportTable share_table(const std::vector<std::string>& header, const std::vector<ShareRow>& rows,
                        const SuppressionRule& rule, std::vector<std::string>& shares) {
    ReportTable table;
    table.header = header;
    std::vector<std::vector<std::int64_t>> counts;
    for (const auto& r : rows) counts.push_back({r.yes, r.no});
    const SuppressedTable s = suppress_table(counts, rule, {true, false});
    shares.clear();
    for (size_t i = 0; i < rows.size(); ++i) {
        shares.push_back(published_percent(s.cells[i][0], s.row_totals[i]));
        table.rows.push_back({rows[i].label, s.cells[i][0].text(), s.cells[i][1].text(), s.row_totals[i].text(),
                              s.row_totals[i].value == 0 && !s.row_totals[i].hidden() ? "" : pct(shares[i])});
    }
    return table;
}

std::string percent_text(const std::string& whole_percent) { return pct(whole_percent); }

}  // namespace dv::central
