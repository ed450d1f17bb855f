// Facilitator mode inside the running kiosk: core's Facilitator, the journey that runs one
// person's turn (stored with mode "facilitator"), the show of hands stored as a tally, and
// the group's results built from this run only (core/results.hpp, with the pack's privacy
// rules). Staff mode's Facilitator screen hands the whole screen to this while it is open.
#pragma once

#include "core/facilitator.hpp"
#include "core/journey.hpp"
#include "store/store.hpp"
#include "ui/facilitator_screens.hpp"

#include <string>

namespace dv {

class FacilitatorRun {
public:
    FacilitatorRun(const Pack& pack, Store& store, const JourneyConfig& journey_config);

    bool active() const { return m_group.active(); }
    void open();
    void close();  // staff mode closed around it (timed out): forget the run
    // The journey the visitor screens draw during a person's turn.
    const Journey& journey() const { return m_journey; }
    bool person_turn() const { return m_group.screen() == FacilitatorScreen::Person; }
    std::string screen_name() const;

    struct Drawn {
        bool tapped = false;         // anything was tapped (the staff idle timer restarts)
        bool commit_failed = false;  // a person's answer was not stored: their turn rests
    };
    // Draws this frame: the visitor screens for a person's turn, otherwise the facilitator's;
    // applies what was tapped.
    Drawn draw(ui::Frame& f, const Now& now);
    // A person's turn resting after a failed commit (kiosk_mode.hpp invariant 4), and the
    // probe that ends it once the store accepts writes again (the turn then ends).
    bool resting() const { return person_turn() && m_turn_started && m_journey.screen() == Screen::Resting; }
    bool recover_if_writable(const Now& now);
    // Once per pass of the frame loop: timeouts of a person's turn, the end of a turn, storing a tally.
    void update(const Now& now);
    double next_deadline() const { return person_turn() ? m_journey.next_deadline() : 1e300; }

private:
    void end_turn_if_over();
    void store_tally(const Now& now);

    const Pack& m_pack;
    Store& m_store;
    JourneyConfig m_journey_config;
    Facilitator m_group;
    Journey m_journey;
    bool m_turn_started = false;
    ui::ResultsView m_results;
    FacilitatorScreen m_results_for = FacilitatorScreen::Off;  // m_results is built on entering Results
    std::string m_note;
    ui::UiState m_ui;  // the visitor screens' layout memory for the group's turns
};

}  // namespace dv
