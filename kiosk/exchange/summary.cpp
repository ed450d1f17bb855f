// This file implements summary.json (format in docs/bundle-format.md).
#include "summary.hpp"

#include "core/answer_key.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace dv {

namespace {

using Json = nlohmann::ordered_json;

Json shown(const ShownCount& c) { return c.hidden() ? Json("*") : Json(c.value); }

}  // namespace

SummaryBuilder::SummaryBuilder(const Pack* pack, const std::vector<ExportSession>& sessions, int min_group,
                               SuppressionRule rule)
    : m_pack(pack), m_rule(rule), m_min_group(min_group) {
    // The periods of tabulate_answers(): flagged repeats out, the rest coarsened by date.
    std::vector<ExportSession> included;  // only what coarsening looks at: a year is 100k of them
    included.reserve(sessions.size());
    for (const auto& s : sessions) {
        if (s.flagged_repeat) {
            ++m_flagged_left_out;
            continue;
        }
        ExportSession& c = included.emplace_back();
        c.session_id = s.session_id;
        c.visit_date = s.visit_date;
        c.part_of_day = s.part_of_day;
        c.date_uncertain = s.date_uncertain;
        c.boot = s.boot;
    }
    std::vector<ExportAnswer> none;
    CoarsenOptions coarsen;
    coarsen.min_group = min_group;
    coarsen.drop_part_of_day = true;
    coarsen.protect_language = false;
    m_withheld = coarsen_visit_times(included, none, coarsen).rows_withheld;
    std::unordered_map<std::string, std::uint32_t> number_of_label;
    m_period_of.reserve(included.size());
    for (const auto& s : included) {
        const auto [it, added] =
            number_of_label.emplace(s.visit_date, static_cast<std::uint32_t>(m_period_labels.size()));
        if (added) m_period_labels.push_back(s.visit_date);
        m_period_of.emplace(s.session_id, it->second);
    }
}

SummaryBuilder::Entry* SummaryBuilder::entry(std::string_view question, std::string_view phase) {
    m_entry_key.assign(question).append(1, '\n').append(phase);
    if (const auto cached = m_entry_of.find(m_entry_key); cached != m_entry_of.end()) return cached->second;
    const auto it = m_counts.find(std::pair<std::string_view, std::string_view>(question, phase));
    if (it != m_counts.end()) return it->second.question ? &it->second : nullptr;
    Entry e;
    if (m_pack) e.question = m_pack->default_content().question(question);
    if (e.question && e.question->type == QuestionType::FreeText) e.question = nullptr;  // never counted by value
    Entry& stored = m_counts.emplace(Key(question, phase), std::move(e)).first->second;
    return m_entry_of[m_entry_key] = stored.question ? &stored : nullptr;
}

void SummaryBuilder::add(const std::string& session_id, const std::vector<ExportAnswer>& answers) {
    const auto period = m_period_of.find(session_id);
    if (period == m_period_of.end()) return;  // a flagged repeat, or withheld
    for (const auto& a : answers) {
        if (!is_view_phase(a.phase)) continue;  // card order is not an opinion
        Entry* e = entry(a.question_id, a.phase);
        if (!e) continue;
        const auto& options = e->question->options;
        if (e->periods.size() <= period->second) e->periods.resize(m_period_labels.size());
        std::vector<std::int64_t>& row = e->periods[period->second];
        if (row.empty()) row.assign(options.size(), 0);
        std::string_view rest = a.value;  // option ids, ';' between them for a multi-choice answer
        while (!rest.empty()) {
            const size_t cut = rest.find(';');
            const std::string_view id = rest.substr(0, cut);
            for (size_t i = 0; i < options.size(); ++i)
                if (options[i].id == id) ++row[i];
            rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
        }
    }
}

std::string SummaryBuilder::json() const {
    Json doc;
    doc["format_version"] = 1;
    doc["suppression"] = {{"hide_up_to", m_rule.hide_up_to}, {"round_to", m_rule.round_to}, {"note", m_rule.describe()}};
    doc["periods"] = {{"min_group", m_min_group},
                      {"flagged_repeats_left_out", shown(suppress_count(m_flagged_left_out, m_rule))},
                      {"withheld", m_withheld > 0}};
    Json questions = Json::array();
    // Periods in label order (ISO dates and periods sort by time).
    std::vector<std::uint32_t> by_label(m_period_labels.size());
    for (std::uint32_t p = 0; p < by_label.size(); ++p) by_label[p] = p;
    std::sort(by_label.begin(), by_label.end(),
              [this](std::uint32_t a, std::uint32_t b) { return m_period_labels[a] < m_period_labels[b]; });
    for (const auto& [key, e] : m_counts) {
        if (!e.question) continue;
        std::vector<std::vector<std::int64_t>> counts;
        std::vector<const std::string*> labels;
        for (std::uint32_t p : by_label)
            if (p < e.periods.size() && !e.periods[p].empty()) {
                counts.push_back(e.periods[p]);
                labels.push_back(&m_period_labels[p]);
            }
        if (counts.empty()) continue;
        const SuppressedTable t = suppress_table(counts, m_rule);
        Json item;
        item["question_id"] = key.first;
        item["phase"] = key.second;
        const auto& options = e.question->options;
        auto by_option = [&](const std::vector<ShownCount>& cells) {
            Json o = Json::object();
            for (size_t i = 0; i < options.size(); ++i) o[options[i].id] = shown(cells[i]);
            return o;
        };
        Json periods = Json::array();
        for (size_t r = 0; r < labels.size(); ++r)
            periods.push_back({{"period", *labels[r]}, {"counts", by_option(t.cells[r])}, {"total", shown(t.row_totals[r])}});
        item["periods"] = std::move(periods);
        item["total"] = {{"counts", by_option(t.column_totals)}, {"total", shown(t.total)}};
        questions.push_back(std::move(item));
    }
    doc["questions"] = std::move(questions);
    return doc.dump(2) + "\n";
}

}  // namespace dv
