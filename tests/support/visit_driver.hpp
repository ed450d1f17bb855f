// Tests only: scripted visitors for the real Journey and Store, in-process, with a clock the
// test moves. The fault-injection tests and the crash test's child both play visits through
// the same glue the kiosk app runs (store/journey_commit.hpp), choosing answers, skips, back
// steps, early finishes and walk-aways from a seeded random generator.
#pragma once

#include "core/journey.hpp"
#include "store/journey_commit.hpp"
#include "store/store.hpp"

#include <cstdint>
#include <functional>
#include <random>
#include <vector>

namespace dv::test {

struct VisitHooks {
    std::function<void(const PendingCommit&)> before_commit;  // about to call Store::commit
    std::function<void(const PendingCommit&)> acknowledged;   // commit returned true
    std::function<void(const PendingCommit&)> refused;        // commit returned false
};

class VisitDriver {
public:
    VisitDriver(const Pack& pack, Store& store, std::uint64_t seed);

    // One visitor, from the attract screen until the journey is back on attract (finished,
    // walked away) or resting (a commit failed). Returns where it ended.
    Screen play_visit(const VisitHooks& hooks = {});

    Journey& journey() { return m_journey; }
    Now& now() { return m_now; }
    // Every screen the journey showed right after a refused commit (journey invariant 2
    // says: always Resting).
    const std::vector<Screen>& screens_after_refusal() const { return m_after_refusal; }
    // Thank-you screens reached (so a test can show its visits went all the way).
    int thank_yous() const { return m_thank_yous; }

private:
    void send(const Event& e, const VisitHooks& hooks);
    void send(Event::Kind k, const VisitHooks& hooks) { send(Event::of(k), hooks); }
    void answer_question(const VisitHooks& hooks);
    bool chance(double p) { return std::bernoulli_distribution(p)(m_rng); }
    size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(m_rng); }

    const Pack& m_pack;
    Store& m_store;
    Journey m_journey;
    Now m_now;
    std::mt19937_64 m_rng;
    std::vector<Screen> m_after_refusal;
    int m_thank_yous = 0;
};

}  // namespace dv::test
