// This file implements answer phases and keys (see answer_key.hpp).
#include "answer_key.hpp"

namespace dv {

namespace {
constexpr Phase kPhases[] = {Phase::Plain, Phase::First, Phase::Second, Phase::CardOrder, Phase::CardsSeen};
}

const char* phase_name(Phase p) {
    switch (p) {
        case Phase::Plain: return "";
        case Phase::First: return "first";
        case Phase::Second: return "second";
        case Phase::CardOrder: return "card_order";
        case Phase::CardsSeen: return "cards_seen";
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
