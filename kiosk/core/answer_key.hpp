// What an answer is an answer to: a question and its phase. The phase names are part of the
// stored and exported formats (answers.phase, answers.csv), written and read only through
// phase_name() and phase_from_name(); in memory a phase is a Phase and a key an AnswerKey.
#pragma once

#include <optional>
#include <string>
#include <tuple>

namespace dv {

enum class Phase {
    Plain,      // a plain question: ""
    First,      // a scenario's first view: "first"
    Second,     // its second view, after the perspective cards: "second"
    CardOrder,  // the order the cards were shown in: "card_order"
    CardsSeen,  // how many of them were seen: "cards_seen"
};

const char* phase_name(Phase p);
std::optional<Phase> phase_from_name(const std::string& name);
// Plain questions and scenario views hold opinions; the cards' records do not.
inline bool is_view(Phase p) { return p == Phase::Plain || p == Phase::First || p == Phase::Second; }
// For a stored phase name: false for card records and for names this version does not know.
bool is_view_phase(const std::string& name);

struct AnswerKey {
    std::string question_id;
    Phase phase = Phase::Plain;

    AnswerKey() = default;
    AnswerKey(std::string question, Phase p = Phase::Plain) : question_id(std::move(question)), phase(p) {}
    AnswerKey(const char* question) : question_id(question) {}
    // "question" or "question#phase", as reports and digests spell it.
    std::string text() const;

    bool operator<(const AnswerKey& o) const { return std::tie(question_id, phase) < std::tie(o.question_id, o.phase); }
    bool operator==(const AnswerKey& o) const { return question_id == o.question_id && phase == o.phase; }
};

}  // namespace dv
