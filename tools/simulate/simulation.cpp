// A whole simulated run: arrivals over the week, the run loop, and its two outputs
// (simulation.hpp).
#include "simulation.hpp"

#include "core/answer_key.hpp"
#include "store/store.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

namespace dv::sim {

namespace {

constexpr double kMonotonicBase = 1000;  // the kiosk clock at 00:00 on the first day
constexpr double kGapSeconds = 5;        // at least this between one visitor leaving and the next

// Records whose values follow the kiosk's own card shuffle, which a script cannot know: the
// order shown, and the time bands listed in that order.
bool shuffled(const std::string& phase) {
    return phase == phase_name(Phase::CardOrder) || phase == phase_name(Phase::CardTimes);
}

// Visitors arriving at one kiosk: day by day from the first, a Poisson number each day in
// proportion to the weekday's weight, spread over the opening hours by part of day.
class Arrivals {
public:
    Arrivals(const Traffic& traffic, double per_open_day, std::uint64_t seed)
        : m_traffic(traffic), m_rng(seed) {
        double sum = 0;
        int open = 0;
        for (double w : traffic.weekdays) sum += w, open += w > 0;
        m_scale = open > 0 ? per_open_day * open / sum : 0;
    }

    // Seconds after 00:00 on the first day.
    double next() {
        while (m_today.empty()) fill_day();
        const double t = m_today.back();
        m_today.pop_back();
        return t;
    }

    int weekday_of_first_day = 0;  // 0 = Monday

private:
    void fill_day() {
        const int weekday = (weekday_of_first_day + m_day) % 7;
        const double lambda = m_scale * m_traffic.weekdays[static_cast<size_t>(weekday)];
        const int n = m_rng.poisson(lambda);
        // Parts of the day inside opening hours, weighted by rate × length.
        const int opens = m_traffic.opens_minute, closes = m_traffic.closes_minute;
        const int bounds[4] = {0, 12 * 60, 17 * 60, 24 * 60};
        const double rates[3] = {m_traffic.morning, m_traffic.afternoon, m_traffic.evening};
        std::vector<double> weights;
        std::vector<std::pair<int, int>> spans;
        for (int p = 0; p < 3; ++p) {
            const int a = std::max(opens, bounds[p]), b = std::min(closes, bounds[p + 1]);
            spans.emplace_back(a, b);
            weights.push_back(b > a ? rates[p] * (b - a) : 0);
        }
        double total = 0;
        for (double w : weights) total += w;
        if (total <= 0) weights = {1, 0, 0}, spans[0] = {opens, closes};
        std::vector<double> times;
        for (int i = 0; i < n; ++i) {
            const auto& [a, b] = spans[m_rng.weighted(weights)];
            times.push_back(m_day * 86400.0 + 60.0 * m_rng.between(a, b));
        }
        std::sort(times.rbegin(), times.rend());  // next() takes from the back
        m_today = std::move(times);
        ++m_day;
    }

    const Traffic& m_traffic;
    SimRandom m_rng;
    double m_scale = 0;
    int m_day = 0;
    std::vector<double> m_today;
};

int weekday_monday0(const CivilTime& day) {
    const std::int64_t days = unix_from_civil(day) / 86400;  // 1970-01-01 was a Thursday
    return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

// Counts what reaches the store, then passes everything on.
class Counting final : public VisitOutput {
public:
    Counting(VisitOutput& next, SimulationSummary& summary) : m_next(next), m_summary(summary) {}
    void begin_visit(long v) override { m_next.begin_visit(v); }
    void end_visit(long v, const VisitReport& r) override { m_next.end_visit(v, r); }
    void comment(const std::string& s) override { m_next.comment(s); }
    void advance(double s) override { m_next.advance(s); }
    void tap(const std::string& id) override { m_next.tap(id); }
    void expect_screen(const std::string& n) override { m_next.expect_screen(n); }
    void expect_widget(const std::string& id) override { m_next.expect_widget(id); }
    void commit(const PendingCommit& p) override {
        if (p.session.session_id != m_last_session) ++m_summary.sessions;
        m_last_session = p.session.session_id;
        for (const auto& a : p.answers) (a.skipped ? m_summary.skips : m_summary.answers) += 1;
        if (m_summary.first_date.empty()) m_summary.first_date = p.session.stamp.date;
        m_summary.last_date = p.session.stamp.date;
        m_next.commit(p);
    }
    void flagged(const std::string& id) override {
        ++m_summary.flagged;
        m_next.flagged(id);
    }

private:
    VisitOutput& m_next;
    SimulationSummary& m_summary;
    std::string m_last_session;
};

}  // namespace

SimulationSummary run_simulation(const Model& model, const KioskTimings& timings, const SimulationOptions& options,
                                 VisitOutput& out) {
    const Traffic& traffic = model.population().traffic;
    CivilTime first_day = options.start;
    first_day.hour = first_day.minute = first_day.second = 0;
    const std::int64_t first_unix = unix_from_civil(first_day);
    double per_open_day = traffic.visitors_per_day;
    if (options.days > 0) {
        int open_days = 0;
        for (int d = 0; d < options.days; ++d)
            open_days += traffic.weekdays[static_cast<size_t>((weekday_monday0(first_day) + d) % 7)] > 0;
        per_open_day = static_cast<double>(options.visitors) / std::max(1, open_days);
    }
    Arrivals arrivals(traffic, per_open_day, options.seed ^ 0x5bd1e9955bd1e995ull);
    arrivals.weekday_of_first_day = weekday_monday0(first_day);

    SimulationSummary summary;
    Counting counting(out, summary);
    SimulatedKiosk kiosk(model, timings, options.seed, counting, options.group);
    double previous_start = -1e18;
    auto local_at = [&](double monotonic) {
        return civil_from_unix(first_unix + static_cast<std::int64_t>(std::floor(monotonic - kMonotonicBase)));
    };
    while (summary.visits < options.visitors) {
        const double arrival = kMonotonicBase + arrivals.next();
        // One kiosk: the next visitor waits for the last to leave, and never starts within the
        // repeat window of the last start (only deliberate repeat presses do).
        const double start = std::max({arrival, kiosk.now() + kGapSeconds, previous_start + timings.repeat_seconds + 5});
        previous_start = start;
        const long visit = ++summary.visits;
        counting.begin_visit(visit);
        counting.comment("visitor " + std::to_string(visit));
        bool will_repeat = false;
        const VisitReport report = kiosk.play(start, local_at(start), will_repeat);
        summary.abandoned += report.end == VisitEnd::Abandoned;
        counting.end_visit(visit, report);
        if (will_repeat && summary.visits < options.visitors) {
            const long again = ++summary.visits;
            counting.begin_visit(again);
            counting.comment("visitor " + std::to_string(again) + ": presses again at once");
            const VisitReport r = kiosk.replay_last(local_at(kiosk.now()));
            ++summary.repeats;
            counting.end_visit(again, r);
        }
    }
    return summary;
}

// --- DbOutput ---------------------------------------------------------------------------------

DbOutput::DbOutput(Store& store, std::uint64_t seed, long batch_visits)
    : m_store(store), m_ids(seed ^ 0xc2b2ae3d27d4eb4full), m_batch_visits(batch_visits) {}

const std::string& DbOutput::synthetic_id(const std::string& journey_id) {
    auto it = m_id_of.find(journey_id);
    if (it == m_id_of.end()) it = m_id_of.emplace(journey_id, m_ids.hex_id()).first;
    return it->second;
}

void DbOutput::commit(const PendingCommit& pending) {
    m_batch.push_back(pending);
    m_batch.back().session.session_id = synthetic_id(pending.session.session_id);
}

void DbOutput::flagged(const std::string& session_id) { m_flags.push_back(synthetic_id(session_id)); }

void DbOutput::end_visit(long, const VisitReport&) {
    if (++m_visits % m_batch_visits == 0) flush();
}

bool DbOutput::flush() {
    if (!m_error.empty()) return false;
    if (!m_batch.empty() && !m_store.commit_batch(m_batch)) {
        m_error = m_store.last_error();
        return false;
    }
    if (!m_store.flag_repeats(m_flags)) {
        m_error = m_store.last_error();
        return false;
    }
    m_batch.clear();
    m_flags.clear();
    m_id_of.clear();  // a flag always names the visit just ended, so older ids are not needed
    return true;
}

// --- ScriptOutput -----------------------------------------------------------------------------

ScriptOutput::ScriptOutput(const std::string& dir, long per_script) : m_dir(dir), m_per_script(per_script) {
    m_expected.open(dir + "/expected.csv");
    m_visits.open(dir + "/visits.csv");
    m_expected << "visit,question_id,phase,value,skipped\n";
    m_visits << "visit,end,left_at,repeat,flagged,answers\n";
}

void ScriptOutput::open_script() {
    if (m_script.is_open()) {
        m_script << "quit\n";
        m_script.close();
    }
    char name[64];
    if (m_per_script > 0)
        std::snprintf(name, sizeof name, "/visitors-%03d.dvs", ++m_script_number);
    else
        std::snprintf(name, sizeof name, "/visitors.dvs");
    m_script.open(m_dir + name);
    m_script << "# Simulated visitors (datavoice simulate): play with datavoice-kiosk --script.\n"
                "# Each visitor starts and ends on the attract screen; expected.csv lists what the\n"
                "# kiosk should store.\n";
    m_in_script = 0;
}

void ScriptOutput::begin_visit(long visit) {
    m_visit = visit;
    if (!m_script.is_open() || (m_per_script > 0 && m_in_script >= m_per_script)) open_script();
    ++m_in_script;
}

void ScriptOutput::comment(const std::string& text) {
    if (!m_script.is_open()) open_script();
    m_script << "# " << text << "\n";
}

void ScriptOutput::advance(double seconds) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "advance %.1f\n", seconds);
    m_script << buf;
}

void ScriptOutput::tap(const std::string& widget_id) { m_script << "tap " << widget_id << "\n"; }
void ScriptOutput::expect_screen(const std::string& name) { m_script << "expect-screen " << name << "\n"; }
void ScriptOutput::expect_widget(const std::string& id) { m_script << "expect-widget " << id << "\n"; }

void ScriptOutput::commit(const PendingCommit& pending) {
    m_visit_of[pending.session.session_id] = m_visit;
    for (const auto& a : pending.answers)
        m_expected << m_visit << ',' << a.question_id << ',' << a.phase << ','
                   << (shuffled(a.phase) ? std::string("*") : a.value) << ',' << (a.skipped ? 1 : 0) << '\n';
}

void ScriptOutput::flagged(const std::string& session_id) {
    const auto it = m_visit_of.find(session_id);
    if (it != m_visit_of.end()) m_flagged[it->second] = true;
}

void ScriptOutput::end_visit(long visit, const VisitReport& r) {
    static const char* ends[] = {"thank_you", "abandoned", "left_thank_you"};
    m_visits << visit << ',' << ends[static_cast<int>(r.end)] << ',' << r.left_at << ',' << (r.repeat ? 1 : 0) << ','
             << (m_flagged.count(visit) ? 1 : 0) << ',' << r.answers << '\n';
    m_visit_of.clear();
}

bool ScriptOutput::finish() {
    if (m_script.is_open()) m_script << "quit\n";
    m_script.close();
    m_expected.close();
    m_visits.close();
    if (m_script.fail() || m_expected.fail() || m_visits.fail()) m_error = m_dir + ": could not write the scripts";
    return m_error.empty();
}

}  // namespace dv::sim
