// This file implements facilitator mode inside the kiosk (see facilitator_run.hpp).
#include "facilitator_run.hpp"

#include "store/journey_commit.hpp"
#include "ui/screens.hpp"

#include <cstdio>

namespace dv {

FacilitatorRun::FacilitatorRun(const Pack& pack, Store& store, const JourneyConfig& journey_config)
    : m_pack(pack),
      m_store(store),
      m_journey_config(journey_config),
      m_group(pack.default_content()),
      m_journey(journey_config) {}

void FacilitatorRun::open() {
    m_group.open();
    m_journey = Journey(m_journey_config);
    m_turn_started = false;
    m_results = {};
    m_results_for = FacilitatorScreen::Off;
    m_note.clear();
    m_ui = ui::UiState{};
}

void FacilitatorRun::close() {
    m_group.handle(FacilitatorEvent::of(FacilitatorEvent::Kind::Exit));
    m_journey = Journey(m_journey_config);  // nothing of a person's turn stays behind
    m_results = {};
    m_turn_started = false;
}

std::string FacilitatorRun::screen_name() const {
    if (person_turn() && m_turn_started) return dv::screen_name(m_journey.screen());
    return facilitator_screen_name(m_group.screen());
}

FacilitatorRun::Drawn FacilitatorRun::draw(ui::Frame& f, const Now& now) {
    update(now);
    Drawn drawn;
    if (person_turn()) {
        ui::Frame turn{m_journey, m_ui, f.fonts, f.pal, f.m, f.widgets, f.out, f.now, f.display, nullptr, f.links};
        ui::draw_visitor_frame(turn);
        for (const auto& e : f.out.events)
            drawn.commit_failed |= apply_event(m_journey, m_store, e, now) == CommitOutcome::Failed;
        drawn.tapped = !f.out.events.empty();
        f.out.events.clear();  // the visitor journey of the kiosk must not see them
        end_turn_if_over();
        return drawn;
    }
    std::vector<FacilitatorEvent> events;
    ui::FacilitatorFrame ff{f, m_group, m_pack.default_content(), m_results, m_note, events};
    ui::draw_facilitator_frame(ff);
    for (const auto& e : events) m_group.handle(e);
    update(now);
    drawn.tapped = !events.empty();
    return drawn;
}

bool FacilitatorRun::recover_if_writable(const Now& now) {
    if (!resting() || !dv::recover_if_writable(m_journey, m_store, now)) return false;
    end_turn_if_over();  // back on Attract: the person's turn is over, with what was stored
    return true;
}

void FacilitatorRun::update(const Now& now) {
    if (person_turn()) {
        if (!m_turn_started) {
            m_journey.begin_facilitated(m_group.scenario() ? m_group.scenario()->id : std::string(), now);
            m_turn_started = true;
            m_ui = ui::UiState{};
        }
        m_journey.tick(now);
        end_turn_if_over();
    }
    if (m_group.tally_pending()) store_tally(now);
    // The group's results, built once on arriving at the screen (facilitator.hpp invariant 1).
    if (m_group.screen() == FacilitatorScreen::Results && m_results_for != FacilitatorScreen::Results) {
        const Question* q = m_group.question();
        const LanguageContent& words = m_pack.default_content();
        if (q && m_group.mode() == GroupMode::Hands)
            m_results = build_tally_results(*q, m_group.first_counts(), m_group.second_counts(), m_pack.privacy, words);
        else if (q)
            m_results = build_scenario_results(*q, m_group.people(), m_pack.privacy, words);
    }
    if (m_group.screen() != FacilitatorScreen::Results) m_results = {};
    m_results_for = m_group.screen();
}

// A turn is over at the thank-you screen, or when the journey went back to its start
// (the person left and the "Still there?" timeout reset it, or they backed out).
void FacilitatorRun::end_turn_if_over() {
    if (!person_turn() || !m_turn_started) return;
    const Screen s = m_journey.screen();
    if (s != Screen::ThankYou && s != Screen::Attract) return;
    ViewPair views;
    if (const Question* q = m_group.question()) {
        const auto& answers = m_journey.answers();
        const auto first = answers.find({q->id, Phase::First}), second = answers.find({q->id, Phase::Second});
        views.session_id = m_journey.session_id();
        if (first != answers.end() && !first->second.empty()) views.first = first->second.front();
        if (second != answers.end() && !second->second.empty()) views.second = second->second.front();
    }
    m_group.person_finished(views);
    m_journey = Journey(m_journey_config);
    m_turn_started = false;
}

void FacilitatorRun::store_tally(const Now& now) {
    const Question* q = m_group.question();
    if (!q) return m_group.tally_stored(false);
    SessionInfo info;
    info.pack_id = m_pack.id;
    info.pack_version = m_pack.version;
    info.pack_hash = m_pack.hash;
    info.language = m_pack.default_content().info.code;
    info.stamp = stamp_visit(now.local, now.clock_trusted, now.boot);
    const auto commits = hands_to_commits(*q, m_group.first_counts(), m_group.second_counts(), info);
    const bool ok = commits.empty() || m_store.commit_batch(commits);
    m_note = ok ? std::string() : "The show of hands could not be saved: " + m_store.last_error();
    if (!ok) std::fprintf(stderr, "datavoice-kiosk: %s: %s\n", m_store.path().c_str(), m_note.c_str());
    m_group.tally_stored(ok);
}

}  // namespace dv
