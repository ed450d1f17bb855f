// This file implements the counts behind the report's informed-views section
// (see informed_summary.hpp).
#include "informed_summary.hpp"

#include "informed.hpp"

#include <algorithm>

namespace dv {

LeftOut left_out_of_change(const std::string& group, const std::string& cards_seen, bool too_fast) {
    if (too_fast) return LeftOut::TooFast;
    if (group == study_group_name(StudyGroup::Comparison)) return LeftOut::Comparison;
    const bool none_seen = cards_seen.empty() || cards_seen.find_first_not_of('0') == std::string::npos;
    if (group == study_group_name(StudyGroup::Cards) && none_seen) return LeftOut::NoCards;
    if (group.empty() && !cards_seen.empty() && none_seen) return LeftOut::NoCards;
    return LeftOut::No;
}

ViewSide view_side(const Question& view, const std::string& option_id) {
    const auto& options = view.options;
    const auto it = std::find_if(options.begin(), options.end(), [&](const Option& o) { return o.id == option_id; });
    if (it == options.end()) return ViewSide::Neither;
    const auto at = static_cast<size_t>(it - options.begin());
    if (view.type != QuestionType::Scale) {
        if (at == 0) return ViewSide::Benefit;
        return at == 1 ? ViewSide::Concern : ViewSide::Neither;
    }
    const size_t n = options.size();
    if (2 * at + 1 == n) return ViewSide::Neither;  // the middle of an odd scale
    return 2 * at < n ? ViewSide::Benefit : ViewSide::Concern;
}

namespace {

void count_knowledge(KnowledgeCounts& k, const std::string& value, bool right_answer) {
    if (value == kKnowledgeDontKnow) ++k.dont_know;
    else if ((value == kKnowledgeTrue) == right_answer) ++k.right;
    else ++k.wrong;
}

void add_visit(GroupFigures& g, const Scenario& s, const InformedVisit& v) {
    for (size_t i = 0; i < s.knowledge.size(); ++i) {
        const KnowledgeItem& item = s.knowledge[i];
        const auto before = v.knowledge_before.find(item.id), after = v.knowledge_after.find(item.id);
        if (before == v.knowledge_before.end() || after == v.knowledge_after.end() || before->second.empty() ||
            after->second.empty())
            continue;
        count_knowledge(g.knowledge[i].before, before->second, item.answer);
        count_knowledge(g.knowledge[i].after, after->second, item.answer);
    }
    if (!v.first.empty() && !v.second.empty()) {
        ++g.changed.n;
        if (v.first != v.second) ++g.changed.yes;
    }
    if (!v.sure_first.empty() && !v.sure_second.empty()) {
        ++g.not_sure_first.n;
        ++g.not_sure_second.n;
        if (v.sure_first == "not") ++g.not_sure_first.yes;
        if (v.sure_second == "not") ++g.not_sure_second.yes;
    }
}

int position(const Question& q, const std::string& id) {
    for (size_t i = 0; i < q.options.size(); ++i)
        if (q.options[i].id == id) return static_cast<int>(i);
    return -1;
}

}  // namespace

InformedSummary summarise_informed(const Scenario& scenario, const Question& view,
                                   const std::vector<InformedVisit>& visits) {
    InformedSummary out;
    for (GroupFigures* g : {&out.cards, &out.comparison})
        for (const auto& k : scenario.knowledge) g->knowledge.push_back({k.id, {}, {}});
    std::vector<AnswerPair> pairs;
    for (const auto& v : visits) {
        if (v.group == study_group_name(StudyGroup::Comparison)) {
            ++out.comparison_visits;
            add_visit(out.comparison, scenario, v);
            continue;
        }
        if (v.group != study_group_name(StudyGroup::Cards)) continue;
        ++out.cards_visits;
        const LeftOut why = left_out_of_change(v.group, v.cards_seen, v.too_fast);
        if (why == LeftOut::TooFast) ++out.too_fast;
        if (why == LeftOut::NoCards) ++out.no_cards;
        if (why != LeftOut::No) continue;
        add_visit(out.cards, scenario, v);
        if (!v.first.empty() && !v.second.empty()) pairs.emplace_back(position(view, v.first), position(view, v.second));
        const ViewSide side = view_side(view, v.second);
        if (side == ViewSide::Neither || !v.reasons_given) continue;
        const CardSide other = side == ViewSide::Benefit ? CardSide::Concern : CardSide::Benefit;
        ShareCount& share = out.other_side[side == ViewSide::Benefit ? 0 : 1];
        ++share.n;
        const bool crossed = std::any_of(v.reasons.begin(), v.reasons.end(), [&](const std::string& id) {
            return std::any_of(scenario.cards.begin(), scenario.cards.end(),
                               [&](const Card& c) { return c.id == id && c.side == other; });
        });
        if (crossed) ++share.yes;
    }
    out.turnover = turnover_table(pairs, static_cast<int>(view.options.size()));
    return out;
}

}  // namespace dv
