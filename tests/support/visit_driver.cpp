// Scripted visitors for the real Journey and Store (see visit_driver.hpp).
#include "visit_driver.hpp"

namespace dv::test {

namespace {

std::vector<std::string> keep_order(std::vector<std::string> v) { return v; }

JourneyConfig config_for(const Pack& pack) {
    JourneyConfig c;
    c.pack = &pack;
    c.idle_seconds = 60;
    c.still_there_seconds = 20;
    c.thank_you_seconds = 15;
    c.shuffle_cards = keep_order;
    return c;
}

}  // namespace

VisitDriver::VisitDriver(const Pack& pack, Store& store, std::uint64_t seed)
    : m_pack(pack), m_store(store), m_journey(config_for(pack)), m_rng(seed) {
    m_now.monotonic = 1000;
    m_now.local = civil_from_unix(1763800000);  // 2025-11-22, 08:26 UTC
    m_now.boot = 1;
}

void VisitDriver::send(const Event& e, const VisitHooks& hooks) {
    m_now.monotonic += 2;
    m_journey.handle(e, m_now);
    if (!m_journey.pending()) return;
    const PendingCommit pending = *m_journey.pending();
    if (hooks.before_commit) hooks.before_commit(pending);
    const CommitOutcome outcome = commit_pending(m_journey, m_store, m_now);
    if (outcome == CommitOutcome::Committed) {
        if (hooks.acknowledged) hooks.acknowledged(pending);
    } else {
        m_after_refusal.push_back(m_journey.screen());
        if (hooks.refused) hooks.refused(pending);
    }
}

void VisitDriver::answer_question(const VisitHooks& hooks) {
    const Question* q = m_journey.question();
    if (chance(0.08)) return send(Event::Kind::Back, hooks);
    if (chance(0.1)) return send(Event::Kind::Skip, hooks);
    if (q && !q->options.empty()) {
        const int taps = q->type == QuestionType::Multi ? 1 + static_cast<int>(pick(3)) : 1;
        for (int i = 0; i < taps; ++i) send(Event::toggle(q->options[pick(q->options.size())].id), hooks);
    }
    if (chance(0.03)) {  // "I'm done" with an answer chosen; now and then "No, go back"
        send(Event::Kind::Finish, hooks);
        return send(chance(0.2) ? Event::Kind::LeaveCancelled : Event::Kind::LeaveConfirmed, hooks);
    }
    send(Event::Kind::Next, hooks);
}

Screen VisitDriver::play_visit(const VisitHooks& hooks) {
    send(Event::start(), hooks);
    send(Event::Kind::Next, hooks);
    for (int guard = 0; guard < 400; ++guard) {
        const Screen s = m_journey.screen();
        if (s == Screen::Attract || s == Screen::Resting) return s;
        if (chance(0.01)) {  // walks away: "Still there?" runs out
            m_now.monotonic += 61;
            m_journey.tick(m_now);
            m_now.monotonic += 21;
            m_journey.tick(m_now);
            continue;
        }
        if (asks_question(s)) {
            answer_question(hooks);
            continue;
        }
        switch (s) {
            case Screen::Topics: {
                const auto& topics = m_journey.content().topics;
                send(Event::topic(topics[pick(topics.size())].id), hooks);
                break;
            }
            case Screen::ThankYou:
                ++m_thank_yous;
                if (chance(0.25))
                    send(Event::Kind::AnotherTopic, hooks);
                else
                    send(Event::Kind::Finish, hooks);
                break;
            case Screen::Card: send(chance(0.15) ? Event::Kind::Skip : Event::Kind::Next, hooks); break;
            default: send(chance(0.05) ? Event::Kind::Back : Event::Kind::Next, hooks); break;
        }
    }
    // A visit that never ended would be a journey bug: leave it where it is for the test.
    return m_journey.screen();
}

}  // namespace dv::test
