// This file implements answer phases and keys (see answer_key.hpp).
#include "answer_key.hpp"

namespace dv {

namespace {
constexpr Phase kPhases[] = {Phase::Plain,      Phase::First,     Phase::Second,         Phase::CardOrder,
                             Phase::CardsSeen,  Phase::Group,     Phase::KnowledgeBefore, Phase::KnowledgeAfter,
                             Phase::SureFirst,  Phase::SureSecond, Phase::Reasons,        Phase::CardTimes,
                             Phase::TooFast};
}

const char* phase_name(Phase p) {
    switch (p) {
        case Phase::Plain: return "";
        case Phase::First: return "first";
        case Phase::Second: return "second";
        case Phase::CardOrder: return "card_order";
        case Phase::CardsSeen: return "cards_seen";
        case Phase::Group: return "group";
        case Phase::KnowledgeBefore: return "knowledge_before";
        case Phase::KnowledgeAfter: return "knowledge_after";
        case Phase::SureFirst: return "sure_first";
        case Phase::SureSecond: return "sure_second";
        case Phase::Reasons: return "reasons";
        case Phase::CardTimes: return "card_times";
        case Phase::TooFast: return "too_fast";
    }
    return "";
}

std::optional<Phase> phase_from_name(const std::string& name) {
    for (const Phase p : kPhases)
        if (name == phase_name(p)) return p;
    return std::nullopt;
}

bool is_view_phase(const std::string& name) {
    const auto p = phase_from_name(name);
    return p && is_view(*p);
}

std::string AnswerKey::text() const {
    return phase == Phase::Plain ? question_id : question_id + "#" + phase_name(phase);
}

}  // namespace dv
