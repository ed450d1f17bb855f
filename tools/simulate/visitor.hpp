// Simulated visitors playing the real journey state machine (kiosk/core/journey.hpp) in
// process, with the kiosk's repeat-press guard watching, exactly as the kiosk app wires them.
// What a visitor does is drawn from the population model; each thing is handed to a
// VisitOutput as the input-script line that would make the real kiosk do the same (tap ID,
// advance SECONDS, expect-screen NAME), and every answer the journey asks to keep is handed
// over as a PendingCommit. `datavoice simulate --db` commits those; `--scripts` writes the
// script lines and lists the commits as what the real kiosk should store.
#pragma once

#include "model.hpp"
#include "sim_random.hpp"

#include "core/journey.hpp"
#include "core/repeat_guard.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dv::sim {

struct VisitReport;

class VisitOutput {
public:
    virtual ~VisitOutput() = default;
    virtual void begin_visit(long /*visit*/) {}
    virtual void end_visit(long /*visit*/, const VisitReport&) {}
    virtual void comment(const std::string&) {}
    virtual void advance(double /*seconds*/) {}
    virtual void tap(const std::string& /*widget_id*/) {}
    virtual void expect_screen(const std::string& /*name*/) {}
    virtual void expect_widget(const std::string& /*id*/) {}
    // The journey asked for these answers to be kept (the simulation acknowledges at once).
    virtual void commit(const PendingCommit&) {}
    // The kiosk's guard flags this session (the one just ended) as a repeat press.
    virtual void flagged(const std::string& /*session_id*/) {}
};

// How one visit ended.
enum class VisitEnd { ThankYou, Abandoned, LeftThankYou };

struct VisitReport {
    VisitEnd end = VisitEnd::ThankYou;
    bool repeat = false;  // a repeat press of the visit before
    int answers = 0;      // answer rows committed (skips not counted)
    std::string left_at;  // screen kind, when abandoned
};

class SimulatedKiosk {
public:
    // rng decides what visitors do; a separate stream shuffles the perspective cards.
    // `group`: every visit in this study group of each scenario; unset, drawn as the kiosk
    // draws (the pack's comparison_percent).
    SimulatedKiosk(const Model& model, const KioskTimings& timings, std::uint64_t seed, VisitOutput& out,
                   std::optional<StudyGroup> group = std::nullopt);

    // One visitor from the attract screen back to it, starting at monotonic time `start`
    // (seconds; the kiosk waits on the attract screen until then) with `local` as the kiosk's
    // local time for the visit's stamp. will_repeat: this visitor presses again at once
    // (call replay_last() next).
    VisitReport play(double start, const CivilTime& local, bool& will_repeat);
    // Plays the previous visit's taps again at once (a repeat press).
    VisitReport replay_last(const CivilTime& local);
    double now() const { return m_now.monotonic; }
    SimRandom& rng() { return m_rng; }

private:
    struct Step {
        bool is_event = false;
        Event event;
        std::string tap;
        double seconds = 0;
    };

    void wait(double seconds);
    void act(const Event& e, const std::string& tap);
    void dwell(const std::string& kind);
    void answer(const Question& q, bool presser);
    std::vector<std::string> draw_answer(const Question& q, bool first_view_of_scenario);
    std::vector<std::string> draw_informed(const Question& q);
    void walk_away();
    void after_change(Screen before, bool overlay_before);
    void watch();

    const Model& m_model;
    KioskTimings m_timings;
    SimRandom m_rng;
    SimRandom m_card_rng;
    VisitOutput& m_out;
    Journey m_journey;
    Now m_now;
    RepeatGuard m_guard;
    VisitWatch m_watch;
    std::vector<Step> m_steps;  // what the current visit did, for a repeat press
    bool m_recording = true;
    VisitReport m_report;
    // The visitor's hidden state.
    std::string m_band;
    std::map<std::string, size_t> m_opinion;  // scenario question → option index of the first view
};

}  // namespace dv::sim
