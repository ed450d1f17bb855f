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
    // The informed-views records of a scenario. On the scenario's id unless noted.
    Group,            // "cards" or "comparison" (a pause instead of the cards): "group"
    KnowledgeBefore,  // on a knowledge statement's id: true / false / dont_know: "knowledge_before"
    KnowledgeAfter,   // the same statement after the cards: "knowledge_after"
    SureFirst,        // "How sure are you?" with the first view: "sure_first"
    SureSecond,       // and with the second: "sure_second"
    Reasons,          // the cards that mattered, ids joined by ';': "reasons"
    CardTimes,        // per card shown, a coarse band of time on it: "card_times"
    TooFast,          // "1" when every card shown was left in under 3 s: "too_fast"
};

const char* phase_name(Phase p);
std::optional<Phase> phase_from_name(const std::string& name);
// Plain questions and scenario views hold opinions; the cards' records do not.
inline bool is_view(Phase p) { return p == Phase::Plain || p == Phase::First || p == Phase::Second; }
// Knowledge answers, confidence and reasons are not opinions on the question either: they
// never reach the on-screen results or the opinion tables.
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
