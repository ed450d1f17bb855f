// This file implements facilitator mode's state machine (states and invariants in
// facilitator.hpp).
#include "facilitator.hpp"

#include "answer_key.hpp"
#include "privacy.hpp"

namespace dv {

const char* facilitator_screen_name(FacilitatorScreen s) {
    switch (s) {
        case FacilitatorScreen::Off: return "";
        case FacilitatorScreen::Choose: return "facilitator_choose";
        case FacilitatorScreen::Person: return "facilitator_person";
        case FacilitatorScreen::BetweenPeople: return "facilitator_between";
        case FacilitatorScreen::HandsFirst: return "facilitator_hands_first";
        case FacilitatorScreen::HandsCards: return "facilitator_hands_cards";
        case FacilitatorScreen::HandsSecond: return "facilitator_hands_second";
        case FacilitatorScreen::Results: return "facilitator_results";
    }
    return "";
}

const Scenario* Facilitator::scenario() const { return m_scenario.empty() ? nullptr : m_content->scenario(m_scenario); }

const Question* Facilitator::question() const {
    const Scenario* s = scenario();
    return s ? m_content->question(s->question) : nullptr;
}

void Facilitator::open() {
    *this = Facilitator(*m_content);  // invariant 5: a new run starts from nothing
    m_screen = FacilitatorScreen::Choose;
}

void Facilitator::reset_counts() {
    const Question* q = question();
    const size_t n = q ? q->options.size() : 0;
    m_first.assign(n, 0);
    m_second.assign(n, 0);
}

std::vector<std::int64_t>* Facilitator::counting() {
    if (m_screen == FacilitatorScreen::HandsFirst) return &m_first;
    if (m_screen == FacilitatorScreen::HandsSecond) return &m_second;
    return nullptr;
}

void Facilitator::handle(const FacilitatorEvent& e) {
    using K = FacilitatorEvent::Kind;
    using S = FacilitatorScreen;
    if (m_screen == S::Off || m_tally_pending) return;  // invariant 4
    switch (e.kind) {
        case K::ChooseScenario:
            if (m_screen == S::Choose && m_content->scenario(e.value)) m_scenario = e.value;
            break;
        case K::ChooseMode:
            if (m_screen == S::Choose) m_mode = e.number == 1 ? GroupMode::Hands : GroupMode::OneAtATime;
            break;
        case K::Start:
            if (m_screen != S::Choose || !question()) break;
            reset_counts();
            m_people.clear();
            m_screen = m_mode == GroupMode::Hands ? S::HandsFirst : S::Person;
            break;
        case K::NextPerson:
            if (m_mode == GroupMode::OneAtATime && (m_screen == S::BetweenPeople || m_screen == S::Results))
                m_screen = S::Person;
            break;
        case K::ShowResults:
            if (m_screen == S::BetweenPeople) m_screen = S::Results;
            break;
        case K::Plus:
        case K::Minus: {
            std::vector<std::int64_t>* counts = counting();
            const Question* q = question();
            if (!counts || !q) break;
            for (size_t i = 0; i < q->options.size() && i < counts->size(); ++i) {
                if (q->options[i].id != e.value) continue;
                std::int64_t& c = (*counts)[i];
                if (e.kind == K::Plus) ++c;
                else if (c > 0) --c;  // invariant 3
            }
            break;
        }
        case K::Done:
            if (m_screen == S::HandsFirst) m_screen = S::HandsCards;
            else if (m_screen == S::HandsCards) m_screen = S::HandsSecond;
            else if (m_screen == S::HandsSecond) m_tally_pending = true;
            break;
        case K::Exit: *this = Facilitator(*m_content); break;  // invariant 5
    }
}

void Facilitator::person_finished(const ViewPair& views) {
    if (m_screen != FacilitatorScreen::Person) return;
    m_people.push_back(views);  // invariant 1
    m_screen = FacilitatorScreen::BetweenPeople;
}

void Facilitator::tally_stored(bool ok) {
    if (!m_tally_pending) return;
    m_tally_pending = false;
    m_tally_saved = ok;
    m_screen = FacilitatorScreen::Results;
}

std::vector<PendingCommit> hands_to_commits(const Question& question, const std::vector<std::int64_t>& first,
                                            const std::vector<std::int64_t>& second, const SessionInfo& info) {
    std::vector<PendingCommit> out;
    const auto add = [&](const std::vector<std::int64_t>& counts, const char* phase) {
        for (size_t i = 0; i < question.options.size() && i < counts.size(); ++i) {
            for (std::int64_t n = 0; n < counts[i]; ++n) {
                PendingCommit pc;
                pc.session = info;
                pc.session.session_id = new_session_id();
                pc.session.mode = "facilitator";
                pc.answers.push_back({question.id, phase, question.options[i].id, question.content_hash, false});
                out.push_back(std::move(pc));
            }
        }
    };
    add(first, phase_name(Phase::First));
    add(second, phase_name(Phase::Second));
    return out;
}

}  // namespace dv
