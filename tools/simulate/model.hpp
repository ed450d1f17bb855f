// A population resolved against a content pack: every distribution as a vector in the pack's
// option order, defaults filled in for what the population leaves out, and the answer shares
// the model should produce (expected_shares), which tests compare with what a run stored.
#pragma once

#include "population.hpp"

#include "core/content.hpp"
#include "core/informed.hpp"

#include <map>
#include <string>
#include <vector>

namespace dv::sim {

// How visitors answer one question. Several-answer draws: each option independently with its
// chance; an "alone" option drawn replaces the rest (the first such, in pack order); more than
// max_choices keeps a random max_choices of them; none drawn means the visitor skips.
struct QuestionDraw {
    const Question* question = nullptr;
    bool multi = false;
    double skip = 0;
    std::vector<double> base;                         // shares (normalised) or chances, per option
    std::map<std::string, std::vector<double>> by_band;  // the same, for one age band
    std::vector<bool> alone;                          // multi: chosen only on its own
    const std::vector<double>& for_band(const std::string& band) const;
};

struct DeliberationDraw {
    double move = 0, move_without_cards = 0, towards_positive = 0.5;
    double knowledge_before = 0.5, knowledge_after = 0.5;  // chance of the right answer
    std::vector<size_t> rank;  // option index → position from most positive (0) down
    std::vector<size_t> by_rank;  // position → option index
};

class Model {
public:
    // The population must have passed check_population() against this pack.
    Model(const Population& population, const Pack& pack);

    const Population& population() const { return m_population; }
    const Pack& pack() const { return m_pack; }
    const LanguageContent& content() const { return m_pack.default_content(); }

    const QuestionDraw& draw(const Question& q) const;
    const DeliberationDraw* deliberation(const std::string& scenario_id) const;
    const Question* age_question() const { return m_age_question; }
    const std::vector<std::string>& bands() const { return m_bands; }
    const std::vector<double>& band_weights() const { return m_band_weights; }  // normalised
    const std::vector<std::string>& languages() const { return m_languages; }
    const std::vector<double>& language_weights() const { return m_language_weights; }
    const std::vector<std::string>& topics() const { return m_topics; }
    const std::vector<double>& topic_weights() const { return m_topic_weights; }
    Range dwell(const std::string& kind) const;

    // Among visitors who answer the question in this phase ("", "first" or "second"): the
    // share choosing each option, in pack order. For a multi-answer question the shares sum
    // to more than 1 (a visitor may choose several).
    std::vector<double> expected_shares(const Question& q, const std::string& phase) const;
    // Among visitors who give both views of a scenario in one study group: the share whose
    // second view differs from the first (what the report's change tables estimate).
    double expected_change(const std::string& scenario_id, StudyGroup group) const;

private:
    std::vector<double> subset_shares(const QuestionDraw& d, const std::vector<double>& chances) const;

    const Population& m_population;
    const Pack& m_pack;
    std::map<std::string, QuestionDraw> m_draws;
    std::map<std::string, DeliberationDraw> m_deliberations;
    const Question* m_age_question = nullptr;
    std::vector<std::string> m_bands;
    std::vector<double> m_band_weights;
    std::vector<std::string> m_languages, m_topics;
    std::vector<double> m_language_weights, m_topic_weights;
};

// The weights scaled to sum to 1 (unchanged when they sum to 0).
std::vector<double> normalised(std::vector<double> v);

}  // namespace dv::sim
