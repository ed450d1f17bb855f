// Repeat presses and ballot stuffing: a visit that starts within a few seconds of the previous
// one and gives exactly the same answers is flagged. Flagged sessions are kept in the store and
// in exports, and left out of headline tables by default (reports say how many).
//
// What the guard may remember between visits is deliberately tiny: the previous visit's start
// on the monotonic clock (seconds since the kiosk started, never a time of day) and a keyed
// hash of its answers. The key is random, made when the kiosk starts and never stored, so the
// hash cannot be matched against guessed answers by anyone without the running process.
#pragma once

#include "answer_key.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dv {

// What the journey keeps for a visit: answers by question and phase.
using VisitAnswers = std::map<AnswerKey, std::vector<std::string>>;
using AnswersDigest = std::array<unsigned char, 32>;

class RepeatGuard {
public:
    // window_seconds: how soon after the previous visit's start a repeat must start; 0 turns
    // the guard off.
    explicit RepeatGuard(double window_seconds);
    ~RepeatGuard();
    RepeatGuard(const RepeatGuard&) = delete;
    RepeatGuard& operator=(const RepeatGuard&) = delete;

    // A keyed hash of a visit's answers (the same answers always give the same digest).
    AnswersDigest digest(const VisitAnswers& answers) const;

    // A visit that gave answers has ended. True when it repeats the previous such visit:
    // started no more than window_seconds after it, with the same digest. Either way it
    // becomes the visit the next one is compared with.
    bool visit_ended(double started_monotonic, const AnswersDigest& digest);

    double window_seconds() const { return m_window; }

private:
    double m_window;
    unsigned char m_key[32];
    bool m_have_previous = false;
    double m_previous_start = 0;
    AnswersDigest m_previous_digest{};
};

// Follows the journey from the outside: notices a visit begin (a new session id) and end (the
// id changes or disappears), keeps only its start and the digest of its answers so far, and
// asks the guard when it ends.
class VisitWatch {
public:
    explicit VisitWatch(RepeatGuard& guard) : m_guard(guard) {}

    // Call after anything that may have changed the journey. Returns the session id of a
    // visit that has just ended and repeats the one before it.
    std::optional<std::string> observe(const std::string& session_id, const VisitAnswers& answers,
                                       double now_monotonic);

private:
    RepeatGuard& m_guard;
    std::string m_session_id;
    double m_started = 0;
    bool m_answered = false;
    AnswersDigest m_digest{};
};

}  // namespace dv
