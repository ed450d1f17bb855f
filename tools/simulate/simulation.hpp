// A whole simulated run: visitors arriving over days and weeks as the population's traffic
// says (opening hours, busier mornings, quieter weekends), one after another at one kiosk,
// each played by SimulatedKiosk; and the two places a run can go:
//   DbOutput      the real store (kiosk/store), in batched transactions (`--db`)
//   ScriptOutput  input scripts for the real kiosk, plus expected.csv and visits.csv, what
//                 the kiosk should store for each visitor (`--scripts`)
// The same seed gives the same visitors either way.
#pragma once

#include "visitor.hpp"

#include <cstdint>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace dv {
class Store;
}

namespace dv::sim {

struct SimulationOptions {
    long visitors = 0;
    std::uint64_t seed = 1;
    CivilTime start;  // the first day (its time of day is ignored)
    int days = 0;     // > 0: spread the visitors over this many days instead of visitors_per_day
    // Every visit in this study group; unset, drawn at random as the kiosk does. Scripts for a
    // real kiosk need it set, and the kiosk's own draw pinned the same way.
    std::optional<StudyGroup> group;
};

struct SimulationSummary {
    long visits = 0;          // every visit, repeat presses included
    long repeats = 0;         // repeat presses (flagged by the kiosk's guard)
    long flagged = 0;         // sessions the guard flagged
    long abandoned = 0;       // walked away before thank-you
    long sessions = 0;        // visits that stored something (answers or skips)
    long answers = 0;         // answer rows stored, skips excluded (card rows included)
    long skips = 0;           // skip rows stored
    std::string first_date, last_date;
};

// Plays options.visitors visits into out (visits numbered from 1).
SimulationSummary run_simulation(const Model& model, const KioskTimings& timings, const SimulationOptions& options,
                                 VisitOutput& out);

// Writes to the store in transactions of `batch_visits` visits; session ids come from the
// seed (synthetic data, so the same seed makes the same database).
class DbOutput final : public VisitOutput {
public:
    DbOutput(Store& store, std::uint64_t seed, long batch_visits = 2000);
    void commit(const PendingCommit& pending) override;
    void flagged(const std::string& session_id) override;
    // Commits a batch when it is full.
    void end_visit(long visit, const VisitReport& report) override;
    // Commits what is left. False (with error()) when the store refused; nothing more is
    // written after a refusal.
    bool flush();
    const std::string& error() const { return m_error; }

private:
    const std::string& synthetic_id(const std::string& journey_id);

    Store& m_store;
    SimRandom m_ids;
    long m_batch_visits;
    long m_visits = 0;
    std::vector<PendingCommit> m_batch;
    std::vector<std::string> m_flags;
    std::map<std::string, std::string> m_id_of;  // journey session id → synthetic, this batch
    std::string m_error;
};

// Writes DIR/visitors.dvs (or visitors-001.dvs, … with per_script visits each), and
// DIR/expected.csv (visit, question_id, phase, value, skipped: every row the kiosk should
// store; a card order is "*", the kiosk shuffles it) and DIR/visits.csv (visit, end, left_at,
// repeat, flagged, answers).
class ScriptOutput final : public VisitOutput {
public:
    ScriptOutput(const std::string& dir, long per_script);
    void comment(const std::string& text) override;
    void advance(double seconds) override;
    void tap(const std::string& widget_id) override;
    void expect_screen(const std::string& name) override;
    void expect_widget(const std::string& id) override;
    void commit(const PendingCommit& pending) override;
    void flagged(const std::string& session_id) override;
    void begin_visit(long visit) override;
    void end_visit(long visit, const VisitReport& report) override;
    // Closes the files; false (with error()) when one could not be written.
    bool finish();
    const std::string& error() const { return m_error; }

private:
    void open_script();

    std::string m_dir;
    long m_per_script;
    int m_script_number = 0;
    long m_in_script = 0;
    long m_visit = 0;
    std::ofstream m_script, m_expected, m_visits;
    std::map<std::string, long> m_visit_of;  // journey session id → visit
    std::map<long, bool> m_flagged;
    std::vector<std::string> m_pending_visit_rows;
    std::string m_error;
};

}  // namespace dv::sim
