// This file implements the report's informed-views sections (see report_informed.hpp): the
// visits' records gathered per scenario, counted (core/informed_summary.hpp), and turned into
// suppressed tables, a difference with its interval, and a paragraph that says only what the
// tables show.
#include "report_informed.hpp"

#include "core/informed.hpp"
#include "core/informed_summary.hpp"
#include "core/stats.hpp"
#include "core/text.hpp"
#include "report_tables.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

namespace dv::central {

namespace {

// One visit's records, by (question or scenario id, phase).
struct StoredVisit {
    std::string pack_id, pack_version;
    std::map<std::pair<std::string, std::string>, std::string> records;

    const std::string* find(const std::string& id, Phase phase) const {
        const auto it = records.find({id, phase_name(phase)});
        return it == records.end() ? nullptr : &it->second;
    }
    std::string value(const std::string& id, Phase phase) const {
        const std::string* v = find(id, phase);
        return v ? *v : std::string();
    }
};

InformedVisit informed_visit(const StoredVisit& v, const Scenario& s) {
    InformedVisit out;
    out.group = v.value(s.id, Phase::Group);
    for (const auto& k : s.knowledge) {
        if (const std::string* b = v.find(k.id, Phase::KnowledgeBefore)) out.knowledge_before[k.id] = *b;
        if (const std::string* a = v.find(k.id, Phase::KnowledgeAfter)) out.knowledge_after[k.id] = *a;
    }
    out.first = v.value(s.question, Phase::First);
    out.second = v.value(s.question, Phase::Second);
    out.sure_first = v.value(s.id, Phase::SureFirst);
    out.sure_second = v.value(s.id, Phase::SureSecond);
    out.cards_seen = v.value(s.id, Phase::CardsSeen);
    out.too_fast = v.value(s.id, Phase::TooFast) == "1";
    if (const std::string* r = v.find(s.id, Phase::Reasons)) {
        out.reasons_given = true;
        for (const auto& id : split(*r, ';'))
            if (!id.empty()) out.reasons.push_back(id);
    }
    return out;
}

// The pack whose words a scenario's section uses: the newest version the visits used, else
// any of that id.
const Pack* pack_for(const std::vector<Pack>& packs, const std::string& id, const std::set<std::string>& versions) {
    const Pack* found = nullptr;
    for (auto v = versions.rbegin(); v != versions.rend() && !found; ++v)
        for (const auto& p : packs)
            if (p.id == id && p.version == *v) found = &p;
    for (const auto& p : packs)
        if (!found && p.id == id) found = &p;
    return found;
}

std::string whole(double fraction) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", std::round(100 * fraction) + 0.0);
    return buf;
}

// "about 3 in 10 people" for a whole percentage as a table shows it.
std::string in_ten(const std::string& share) {
    const int p = std::stoi(share);
    if (p == 0) return "no one";
    if (p == 100) return "everyone";
    if (p < 5) return "fewer than 1 in 10 people";
    if (p > 95) return "more than 9 in 10 people";
    return "about " + std::to_string((p + 5) / 10) + " in 10 people";
}

std::string sides_rule(const Question& view) {
    std::vector<std::string> benefit, concern;
    for (const auto& o : view.options) {
        const ViewSide side = view_side(view, o.id);
        if (side == ViewSide::Benefit) benefit.push_back("\"" + o.label + "\"");
        if (side == ViewSide::Concern) concern.push_back("\"" + o.label + "\"");
    }
    const auto lean = [](const std::vector<std::string>& labels) {
        return join(labels, ", ") + (labels.size() == 1 ? " leans" : " lean");
    };
    return lean(benefit) + " to the benefit cards; " + lean(concern) +
           " to the concern cards; any other answer leans to neither.";
}

struct KnowledgeTable {
    ReportTable table;
    std::string overall_before, overall_after;  // shares right, as the table shows them
    bool answered = false;                      // anyone answered a statement both times
};

KnowledgeTable knowledge_table(const Scenario& s, const std::vector<KnowledgeRow>& rows, const SuppressionRule& rule) {
    KnowledgeTable out;
    out.table.header = {"Statement (right answer)", "Before: right", "Before: wrong", "Before: don't know", "Before: answers",
                        "After: right", "After: wrong", "After: don't know", "After: answers"};
    std::vector<std::vector<std::int64_t>> before, after;
    for (const auto& r : rows) {
        before.push_back({r.before.right, r.before.wrong, r.before.dont_know});
        after.push_back({r.after.right, r.after.wrong, r.after.dont_know});
    }
    const SuppressedTable b = suppress_table(before, rule), a = suppress_table(after, rule);
    const auto cells = [](std::vector<std::string>& row, const std::vector<ShownCount>& counts, const ShownCount& total) {
        for (const auto& c : counts) {
            const std::string p = published_percent(c, total);
            row.push_back(c.text() + (c.hidden() || p == "*" || total.value == 0 ? "" : " (" + percent_text(p) + ")"));
        }
        row.push_back(total.text());
    };
    for (size_t i = 0; i < rows.size(); ++i) {
        const KnowledgeItem* item = s.knowledge_item(rows[i].id);
        std::vector<std::string> row{(item ? item->statement : rows[i].id) + (item && item->answer ? " (true)" : " (false)")};
        cells(row, b.cells[i], b.row_totals[i]);
        cells(row, a.cells[i], a.row_totals[i]);
        out.table.rows.push_back(std::move(row));
    }
    std::vector<std::string> total{"All statements"};
    cells(total, b.column_totals, b.total);
    cells(total, a.column_totals, a.total);
    out.table.rows.push_back(std::move(total));
    out.answered = b.total.value > 0 || b.total.hidden();
    out.overall_before = b.total.value ? published_percent(b.column_totals[0], b.total) : "*";
    out.overall_after = a.total.value ? published_percent(a.column_totals[0], a.total) : "*";
    return out;
}

ShareRow share_row(const std::string& label, const ShareCount& c) { return {label, c.yes, c.n - c.yes}; }

ReportSection informed_section(const Pack& pack, const std::set<std::string>& versions, const Scenario& s,
                               const Question& view, const InformedSummary& f, const SuppressionRule& rule,
                               const std::string& prefix) {
    ReportSection out;
    const std::string base = prefix + "informed_" + s.id;
    out.heading = "What informed views looked like: " + s.title;
    std::vector<std::string> vs(versions.begin(), versions.end());
    out.detail = "Scenario " + s.id + ", view question " + view.id + "; pack " + pack.id + " " +
                 (vs.size() > 1 ? "versions " : "version ") + join(vs, ", ");
    LeftOutCounts left_out;
    left_out.too_fast = f.too_fast;
    left_out.no_cards = f.no_cards;
    const std::string left_caption = left_out.caption(rule);
    const std::string same_left_out = left_caption.empty() ? "" : ". The same visits are left out as above";
    const std::string saw = "Saw the points of view", did_not = "Did not see them (comparison group)";
    std::vector<std::string> paragraph;

    // Changed with the cards, and without.
    std::vector<std::string> changed;
    ReportTable change = share_table({"Group", "Changed their view", "Did not change", "Total", "Share who changed"},
                                     {share_row(saw, f.cards.changed), share_row(did_not, f.comparison.changed)}, rule,
                                     changed);
    change.name = base + "_changed";
    change.caption = "People who gave their view both times, with the points of view and without" + left_caption;
    const bool cards_shown = f.cards.changed.n > 0 && changed[0] != "*";
    const bool comparison_shown = f.comparison.changed.n > 0 && changed[1] != "*";
    if (cards_shown)
        paragraph.push_back("After reading the points of view, " + in_ten(changed[0]) + " changed their view (" +
                            percent_text(changed[0]) + " of " + change.rows[0][3] + ").");
    else
        paragraph.push_back(f.cards.changed.n ? "Too few people saw the points of view to show how many changed their view."
                                              : "No one who saw the points of view gave their view both times.");
    if (comparison_shown)
        paragraph.push_back("Among people who did not see them, " + in_ten(changed[1]) + " did (" +
                            percent_text(changed[1]) + " of " + change.rows[1][3] + ").");
    else
        paragraph.push_back(f.comparison.changed.n ? "Too few people were in the comparison group to show their figures."
                                                   : "No one in the comparison group gave their view both times, so "
                                                     "there is nothing to compare with.");
    if (cards_shown && comparison_shown) {
        // From the counts as the table shows them, so rounding is never undone (exact without it).
        const auto shown = [&](size_t row, size_t column) { return std::stoll(change.rows[row][column]); };
        const auto d = newcombe_difference(shown(0, 1), shown(0, 3), shown(1, 1), shown(1, 3));
        const std::string interval = whole(d->interval.low) + " to " + whole(d->interval.high);
        out.stats.push_back("Difference in the share who changed (saw the points minus did not): " +
                            whole(d->difference) + " percentage points, 95% interval " + interval +
                            " (Newcombe's hybrid score interval, from the counts in the table).");
        paragraph.push_back("The difference is " + whole(d->difference) + " percentage points (95% interval " + interval +
                            ").");
        if (d->interval.low <= 0 && d->interval.high >= 0)
            paragraph.push_back("This interval includes zero, so the effect of the points of view cannot be told "
                                "apart from none.");
        else
            paragraph.push_back(std::string("This interval does not include zero: people who saw the points changed "
                                            "their view ") + (d->difference > 0 ? "more" : "less") +
                                " often than people who did not.");
    } else {
        out.stats.push_back("Difference in the share who changed: not shown (too few people in a group).");
    }
    out.tables.push_back(std::move(change));

    // The cards group's turnover.
    Tally shape;
    for (const auto& o : view.options) {
        shape.ids.push_back(o.id);
        shape.labels.push_back(o.label);
    }
    std::vector<std::string> ignored;
    ReportTable turnover = change_table(shape, f.turnover.cells, rule, ignored);
    turnover.name = base + "_first_to_second";
    turnover.caption = "People who saw the points of view: first view (rows) and second view (columns)" + left_caption;
    out.tables.push_back(std::move(turnover));

    // Knowledge, right before and after (a table only for a group where someone answered).
    if (!s.knowledge.empty()) {
        KnowledgeTable k = knowledge_table(s, f.cards.knowledge, rule);
        k.table.name = base + "_knowledge";
        k.table.caption = "Quick check, people who saw the points of view: answers before and after (only people who "
                          "answered a statement both times)" + same_left_out;
        if (k.overall_before != "*" && k.overall_after != "*")
            paragraph.push_back("In the quick check, " + percent_text(k.overall_before) +
                                " of answers were right before the points of view and " + percent_text(k.overall_after) +
                                " after.");
        if (k.answered) out.tables.push_back(std::move(k.table));
        KnowledgeTable c = knowledge_table(s, f.comparison.knowledge, rule);
        c.table.name = base + "_knowledge_comparison";
        c.table.caption = "Quick check, comparison group (a pause instead of the points of view): answers before and after";
        if (c.answered) out.tables.push_back(std::move(c.table));
    }

    // Not sure, first and second time.
    std::vector<std::string> not_sure;
    ReportTable sure = share_table({"Group and time", "Not sure", "Fairly or very sure", "Total", "Share not sure"},
                                   {share_row(saw + ": first view", f.cards.not_sure_first),
                                    share_row(saw + ": second view", f.cards.not_sure_second),
                                    share_row(did_not + ": first view", f.comparison.not_sure_first),
                                    share_row(did_not + ": second view", f.comparison.not_sure_second)},
                                   rule, not_sure);
    sure.name = base + "_not_sure";
    sure.caption = "\"How sure are you?\" answered \"not sure\" (only people who answered it both times)" + same_left_out;
    if (f.cards.not_sure_first.n > 0 && not_sure[0] != "*" && not_sure[1] != "*")
        paragraph.push_back("Among people who saw the points, " + percent_text(not_sure[0]) +
                            " were not sure of their first view and " + percent_text(not_sure[1]) +
                            " were not sure of their second.");
    out.tables.push_back(std::move(sure));

    // Reasons across sides.
    std::vector<std::string> crossed;
    ReportTable reasons = share_table({"Second view", "Named a card from the other side", "Named only cards from its own side",
                                       "Total", "Share naming the other side"},
                                      {share_row("Leans to the benefits", f.other_side[0]),
                                       share_row("Leans to the concerns", f.other_side[1])},
                                      rule, crossed);
    reasons.name = base + "_reasons";
    reasons.caption = "Cards that mattered, people who saw the points of view and named at least one" + same_left_out;
    out.tables.push_back(std::move(reasons));

    out.summary = join(paragraph, " ");
    out.notes.push_back(
        "How these figures were made: the people here chose to use the kiosk, so they are not a random sample. Each "
        "visit was put at random either in the group that saw the points of view or, for " +
        std::to_string(s.comparison_percent) +
        "% of visits, in a comparison group asked the same question twice with a short pause instead; because the "
        "kiosk chose at random, the difference between the two groups is a fair measure of what the points did. "
        "Visits that left every card in under 3 seconds (too fast to read them) and visits that saw no cards are left "
        "out of the figures for people who saw the points. \"Changed\" means the second answer was a different "
        "option from the first; skipped answers are not counted. Sides of a view: " + sides_rule(view));
    return out;
}

}  // namespace

bool add_informed_sections(CentralDb& db, const ReportOptions& o, const ReportFilter& filter, const std::string& prefix,
                           std::vector<ReportSection>& out, std::string& error) {
    std::vector<InformedRow> rows;
    if (!load_informed_rows(db, filter, rows, error)) return false;
    std::map<std::string, StoredVisit> visits;  // by session id, so the order never depends on the backend
    std::map<std::string, std::set<std::string>> versions;  // pack id → versions whose visits hold a group record
    for (auto& r : rows) {
        StoredVisit& v = visits[r.session_id];
        v.pack_id = r.pack_id;
        v.pack_version = r.pack_version;
        if (r.phase == phase_name(Phase::Group)) versions[r.pack_id].insert(r.pack_version);
        v.records[{std::move(r.question_id), std::move(r.phase)}] = std::move(r.value);
    }
    for (const auto& [pack_id, used] : versions) {
        const Pack* pack = pack_for(o.packs, pack_id, used);
        if (!pack) continue;  // the warnings at the top already name packs not found
        const LanguageContent& content = pack->default_content();
        for (const auto& s : content.scenarios) {
            const Question* view = content.question(s.question);
            if (!view) continue;
            std::vector<InformedVisit> of_scenario;
            std::set<std::string> scenario_versions;
            for (const auto& [id, v] : visits)
                if (v.pack_id == pack_id && v.find(s.id, Phase::Group)) {
                    of_scenario.push_back(informed_visit(v, s));
                    scenario_versions.insert(v.pack_version);
                }
            if (of_scenario.empty()) continue;
            out.push_back(informed_section(*pack, scenario_versions, s, *view, summarise_informed(s, *view, of_scenario),
                                           o.rule, prefix));
        }
    }
    return true;
}

}  // namespace dv::central
