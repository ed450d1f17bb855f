// Population resolved against a pack, and the answer shares the model produces (model.hpp).
#include "model.hpp"

#include "core/answer_key.hpp"

#include <algorithm>

namespace dv::sim {

std::vector<double> normalised(std::vector<double> v) {
    double total = 0;
    for (double x : v) total += x;
    if (total > 0)
        for (double& x : v) x /= total;
    return v;
}

const std::vector<double>& QuestionDraw::for_band(const std::string& band) const {
    const auto it = by_band.find(band);
    return it == by_band.end() ? base : it->second;
}

namespace {

std::vector<double> aligned(const Weights& w, const Question& q, bool multi) {
    std::vector<double> out;
    for (const auto& o : q.options) out.push_back(w.of(o.id));
    return multi ? out : normalised(out);
}

}  // namespace

Model::Model(const Population& population, const Pack& pack) : m_population(population), m_pack(pack) {
    const LanguageContent& c = content();
    for (const auto& q : c.questions) {
        if (q.type == QuestionType::FreeText) continue;
        QuestionDraw d;
        d.question = &q;
        d.multi = q.type == QuestionType::Multi;
        d.skip = population.behaviour.skip;
        d.alone.assign(q.options.size(), false);
        const auto it = population.questions.find(q.id);
        if (it == population.questions.end()) {
            // Not in the population: every option equally likely (multi: one choice on average).
            const double n = static_cast<double>(q.options.size());
            d.base.assign(q.options.size(), 1.0 / n);
        } else {
            const QuestionModel& m = it->second;
            if (m.skip) d.skip = *m.skip;
            d.base = aligned(d.multi ? m.chosen : m.shares, q, d.multi);
            for (const auto& [band, w] : m.by_age) d.by_band[band] = aligned(w, q, d.multi);
            for (size_t i = 0; i < q.options.size(); ++i)
                d.alone[i] = std::find(m.alone.begin(), m.alone.end(), q.options[i].id) != m.alone.end();
        }
        m_draws[q.id] = std::move(d);
    }
    for (const auto& [id, d] : population.deliberation) {
        const Scenario* s = c.scenario(id);
        const Question* q = s ? c.question(s->question) : nullptr;
        if (!q) continue;
        DeliberationDraw dd;
        dd.move = d.move;
        dd.move_without_cards = d.move_without_cards;
        dd.knowledge_before = d.knowledge_before;
        dd.knowledge_after = d.knowledge_after.value_or(d.knowledge_before);
        dd.towards_positive = d.towards_positive;
        dd.rank.assign(q->options.size(), 0);
        for (size_t i = 0; i < q->options.size(); ++i) {
            size_t r = i;  // a scale runs from most to least positive in pack order
            if (!d.order.empty())
                r = static_cast<size_t>(std::find(d.order.begin(), d.order.end(), q->options[i].id) - d.order.begin());
            dd.rank[i] = r;
        }
        dd.by_rank.assign(q->options.size(), 0);
        for (size_t i = 0; i < dd.rank.size(); ++i) dd.by_rank[dd.rank[i]] = i;
        m_deliberations[id] = std::move(dd);
    }
    if (!population.age.question.empty()) {
        m_age_question = c.question(population.age.question);
        for (const auto& [band, w] : population.age.mix.items) {
            m_bands.push_back(band);
            m_band_weights.push_back(w);
        }
        m_band_weights = normalised(m_band_weights);
    }
    for (const auto& l : pack.languages) {
        const double w = population.languages.empty() ? (l.info.code == pack.default_language) : population.languages.of(l.info.code);
        m_languages.push_back(l.info.code);
        m_language_weights.push_back(w);
    }
    for (const auto& t : c.topics) {
        m_topics.push_back(t.id);
        m_topic_weights.push_back(population.topics.empty() ? 1.0 : population.topics.of(t.id));
    }
}

const QuestionDraw& Model::draw(const Question& q) const { return m_draws.at(q.id); }

const DeliberationDraw* Model::deliberation(const std::string& scenario_id) const {
    const auto it = m_deliberations.find(scenario_id);
    return it == m_deliberations.end() ? nullptr : &it->second;
}

Range Model::dwell(const std::string& kind) const {
    const auto it = m_population.dwell.find(kind);
    if (it != m_population.dwell.end()) return it->second;
    return Range{2, 10, 0};
}

std::vector<double> Model::subset_shares(const QuestionDraw& d, const std::vector<double>& chances) const {
    const size_t n = chances.size();
    const size_t max = static_cast<size_t>(std::max(1, d.question->max_choices));
    std::vector<double> kept(n, 0.0);
    double answered = 0;
    for (std::uint32_t s = 1; s < (1u << n); ++s) {
        double p = 1;
        for (size_t i = 0; i < n; ++i) p *= (s >> i & 1) ? chances[i] : 1 - chances[i];
        if (p <= 0) continue;
        answered += p;
        size_t first_alone = n, size = 0;
        for (size_t i = 0; i < n; ++i)
            if (s >> i & 1) {
                ++size;
                if (d.alone[i] && first_alone == n) first_alone = i;
            }
        if (first_alone < n) {
            kept[first_alone] += p;
            continue;
        }
        const double keep = size > max ? static_cast<double>(max) / static_cast<double>(size) : 1.0;
        for (size_t i = 0; i < n; ++i)
            if (s >> i & 1) kept[i] += p * keep;
    }
    if (answered > 0)
        for (double& k : kept) k /= answered;
    return kept;
}

std::vector<double> Model::expected_shares(const Question& q, const std::string& phase) const {
    const QuestionDraw& d = draw(q);
    const size_t n = q.options.size();
    std::vector<double> out(n, 0.0);
    if (m_age_question && q.id == m_age_question->id) {
        // Each visitor's own band, or "prefer not to say".
        const double pn = m_population.age.prefer_not;
        for (size_t b = 0; b < m_bands.size(); ++b)
            for (size_t i = 0; i < n; ++i)
                if (q.options[i].id == m_bands[b]) out[i] += (1 - pn) * m_band_weights[b];
        for (size_t i = 0; i < n; ++i)
            if (q.options[i].id == m_population.age.prefer_not_option) out[i] += pn;
        return out;
    }
    // Mixed over age bands (every band's visitors answer alike when the population gives no split).
    std::vector<std::pair<double, const std::vector<double>*>> mix;
    if (m_bands.empty())
        mix.emplace_back(1.0, &d.base);
    else
        for (size_t b = 0; b < m_bands.size(); ++b) mix.emplace_back(m_band_weights[b], &d.for_band(m_bands[b]));
    if (d.multi) {
        // Shares among those who answered: weight each band by its chance of answering at all.
        double total = 0;
        for (const auto& [w, chances] : mix) {
            double none = 1;
            for (double c : *chances) none *= 1 - c;
            const auto kept = subset_shares(d, *chances);
            for (size_t i = 0; i < n; ++i) out[i] += w * (1 - none) * kept[i];
            total += w * (1 - none);
        }
        if (total > 0)
            for (double& x : out) x /= total;
        return out;
    }
    for (const auto& [w, shares] : mix)
        for (size_t i = 0; i < n; ++i) out[i] += w * (*shares)[i];
    if (phase != phase_name(Phase::Second)) return out;
    // The second view: the first, moved one step with the deliberation's chances.
    const Scenario* sc = nullptr;
    for (const auto& s : content().scenarios)
        if (s.question == q.id) sc = &s;
    const DeliberationDraw* dd = sc ? deliberation(sc->id) : nullptr;
    if (!dd) return out;
    // Mixed over the study groups: the comparison group moves with its own chance.
    const double comparison = sc->comparison_percent / 100.0;
    std::vector<double> second(n, 0.0);
    for (const auto& [share, move] : {std::pair{1 - comparison, dd->move}, std::pair{comparison, dd->move_without_cards}}) {
        for (size_t i = 0; i < n; ++i) {
            const size_t r = dd->rank[i];
            const double up = move * dd->towards_positive, down = move * (1 - dd->towards_positive);
            second[i] += share * out[i] * (1 - move);
            second[r > 0 ? dd->by_rank[r - 1] : i] += share * out[i] * up;
            second[r + 1 < n ? dd->by_rank[r + 1] : i] += share * out[i] * down;
        }
    }
    return second;
}

double Model::expected_change(const std::string& scenario_id, StudyGroup group) const {
    const Scenario* s = content().scenario(scenario_id);
    const Question* q = s ? content().question(s->question) : nullptr;
    const DeliberationDraw* dd = deliberation(scenario_id);
    if (!q || !dd) return 0;
    const std::vector<double> first = expected_shares(*q, phase_name(Phase::First));
    const double move = group == StudyGroup::Cards ? dd->move : dd->move_without_cards;
    const size_t n = first.size();
    double changed = 0;  // a view at the end it would move past stays where it is
    for (size_t i = 0; i < n; ++i) {
        const size_t r = dd->rank[i];
        changed += first[i] * move * ((r > 0 ? dd->towards_positive : 0) + (r + 1 < n ? 1 - dd->towards_positive : 0));
    }
    return changed;
}

}  // namespace dv::sim
