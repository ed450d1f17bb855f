// This file implements the records of informed views (see informed.hpp).
#include "informed.hpp"

#include "text.hpp"

#include <sodium.h>

#include <algorithm>
#include <set>

namespace dv {

const char* study_group_name(StudyGroup g) { return g == StudyGroup::Comparison ? "comparison" : "cards"; }

std::uint32_t secure_percent_draw() { return randombytes_uniform(100); }

StudyGroup assign_group(int comparison_percent, const PercentDraw& draw) {
    if (comparison_percent <= 0) return StudyGroup::Cards;
    return draw() % 100 < static_cast<std::uint32_t>(comparison_percent) ? StudyGroup::Comparison : StudyGroup::Cards;
}

const char* time_band_name(TimeBand b) {
    switch (b) {
        case TimeBand::Under3s: return "under_3s";
        case TimeBand::From3To15s: return "3_to_15s";
        case TimeBand::Over15s: return "over_15s";
    }
    return "";
}

TimeBand time_band(double seconds) {
    if (seconds < 3) return TimeBand::Under3s;
    if (seconds <= 15) return TimeBand::From3To15s;
    return TimeBand::Over15s;
}

std::string encode_card_times(const std::vector<CardTime>& times) {
    std::vector<std::string> parts;
    for (const auto& [card, band] : times) parts.push_back(card + ":" + time_band_name(band));
    return join(parts, ",");
}

std::vector<CardTime> decode_card_times(const std::string& value, bool* ok) {
    std::vector<CardTime> out;
    bool good = true;
    if (!value.empty()) {
        for (const auto& part : split(value, ',')) {
            const auto colon = part.find(':');
            bool known = false;
            if (colon != std::string::npos) {
                const std::string band = part.substr(colon + 1);
                for (TimeBand b : {TimeBand::Under3s, TimeBand::From3To15s, TimeBand::Over15s}) {
                    if (band == time_band_name(b)) {
                        out.emplace_back(part.substr(0, colon), b);
                        known = true;
                    }
                }
            }
            good = good && known;
        }
    }
    if (ok) *ok = good;
    return out;
}

bool too_fast(const std::vector<CardTime>& times) {
    return !times.empty() &&
           std::all_of(times.begin(), times.end(), [](const CardTime& t) { return t.second == TimeBand::Under3s; });
}

const std::vector<std::string>& sureness_ids() {
    static const std::vector<std::string> ids = {"very", "fairly", "not"};
    return ids;
}

const Scenario* scenario_of_knowledge(const LanguageContent& c, const std::string& item_id) {
    for (const auto& s : c.scenarios)
        if (s.knowledge_item(item_id)) return &s;
    return nullptr;
}

namespace {

bool has_card(const Scenario& s, const std::string& id) {
    return std::any_of(s.cards.begin(), s.cards.end(), [&](const Card& k) { return k.id == id; });
}

std::string check_on_scenario(const Scenario& s, Phase phase, const std::string& value) {
    const std::string of = " of scenario '" + s.id + "'";
    switch (phase) {
        case Phase::Group:
            if (value != study_group_name(StudyGroup::Cards) && value != study_group_name(StudyGroup::Comparison))
                return "group '" + value + "' is neither 'cards' nor 'comparison'";
            return "";
        case Phase::SureFirst:
        case Phase::SureSecond: {
            const auto& ids = sureness_ids();
            if (std::find(ids.begin(), ids.end(), value) == ids.end())
                return "'" + value + "' is not an answer to \"How sure are you?\"";
            return "";
        }
        case Phase::Reasons: {
            std::set<std::string> seen;
            for (const auto& card : split(value, ';')) {
                if (!has_card(s, card)) return "reason '" + card + "' is not a card" + of;
                if (!seen.insert(card).second) return "reason '" + card + "' is chosen twice";
            }
            return "";
        }
        case Phase::CardTimes: {
            bool ok = false;
            std::set<std::string> seen;
            for (const auto& [card, band] : decode_card_times(value, &ok)) {
                if (!has_card(s, card)) return "card time names '" + card + "', which is not a card" + of;
                if (!seen.insert(card).second) return "card time names card '" + card + "' twice";
            }
            return ok ? "" : "card times '" + value + "' are not card:band pairs";
        }
        case Phase::TooFast:
            return value == "1" ? "" : "too_fast must be 1, not '" + value + "'";
        default:
            return "";
    }
}

}  // namespace

std::string check_informed_record(const LanguageContent& c, Phase phase, const std::string& question_id,
                                  const std::string& value) {
    if (phase == Phase::KnowledgeBefore || phase == Phase::KnowledgeAfter) {
        if (!scenario_of_knowledge(c, question_id))
            return "knowledge statement '" + question_id + "' is not in the pack";
        if (value != kKnowledgeTrue && value != kKnowledgeFalse && value != kKnowledgeDontKnow)
            return "'" + value + "' is not true, false or dont_know";
        return "";
    }
    switch (phase) {
        case Phase::Group:
        case Phase::SureFirst:
        case Phase::SureSecond:
        case Phase::Reasons:
        case Phase::CardTimes:
        case Phase::TooFast: {
            const Scenario* s = c.scenario(question_id);
            if (!s) return std::string("phase ") + phase_name(phase) + " names scenario '" + question_id + "', which is not in the pack";
            return check_on_scenario(*s, phase, value);
        }
        default:
            return "";
    }
}

}  // namespace dv
