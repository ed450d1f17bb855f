// Simulated visitors on the real journey (see visitor.hpp).
#include "visitor.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace dv::sim {

namespace {

constexpr double kTapSeconds = 0.5;  // the kiosk clock between two taps with no dwell

}  // namespace

SimulatedKiosk::SimulatedKiosk(const Model& model, const KioskTimings& timings, std::uint64_t seed, VisitOutput& out,
                               std::optional<StudyGroup> group)
    : m_model(model),
      m_timings(timings),
      m_rng(seed),
      m_card_rng(seed ^ 0x9e3779b97f4a7c15ull),
      m_out(out),
      m_journey([&] {
          JourneyConfig c;
          c.pack = &model.pack();
          c.idle_seconds = timings.idle_seconds;
          c.still_there_seconds = timings.still_there_seconds;
          c.thank_you_seconds = timings.thank_you_seconds;
          c.shuffle_cards = [this](std::vector<std::string> ids) {
              m_card_rng.shuffle(ids);
              return ids;
          };
          c.draw_percent = [this, group]() -> std::uint32_t {
              if (group) return *group == StudyGroup::Comparison ? 0 : 99;
              return static_cast<std::uint32_t>(m_card_rng.below(100));
          };
          return c;
      }()),
      m_guard(timings.repeat_seconds),
      m_watch(m_guard) {
    m_now.boot = 1;
}

void SimulatedKiosk::watch() {
    if (const auto repeated = m_watch.observe(m_journey.session_id(), m_journey.answers(), m_now.monotonic))
        m_out.flagged(*repeated);
}

void SimulatedKiosk::after_change(Screen before, bool overlay_before) {
    if (m_journey.screen() != before) m_out.expect_screen(screen_name(m_journey.screen()));
    if (m_journey.still_there_showing() && !overlay_before) m_out.expect_widget("still_here");
}

void SimulatedKiosk::wait(double seconds) {
    seconds = std::round(seconds * 10) / 10;
    if (seconds <= 0) return;
    if (m_recording) m_steps.push_back({false, {}, {}, seconds});
    m_out.advance(seconds);
    const Screen before = m_journey.screen();
    const bool overlay = m_journey.still_there_showing();
    m_now.monotonic += seconds;
    m_journey.tick(m_now);
    watch();
    after_change(before, overlay);
}

void SimulatedKiosk::act(const Event& e, const std::string& tap) {
    if (m_recording) m_steps.push_back({true, e, tap, 0});
    m_out.tap(tap);
    const Screen before = m_journey.screen();
    const bool overlay = m_journey.still_there_showing();
    m_now.monotonic += kTapSeconds;
    m_journey.handle(e, m_now);
    if (const auto& pending = m_journey.pending()) {
        m_out.commit(*pending);
        for (const auto& a : pending->answers) m_report.answers += !a.skipped;
        m_journey.handle(Event::of(Event::Kind::Committed), m_now);
    }
    watch();
    after_change(before, overlay);
}

void SimulatedKiosk::dwell(const std::string& kind) {
    const Range r = m_model.dwell(kind);
    wait(m_rng.between(r.least, r.most));
}

std::vector<std::string> SimulatedKiosk::draw_answer(const Question& q, bool first_view_of_scenario) {
    const QuestionDraw& d = m_model.draw(q);
    const auto& options = q.options;
    if (m_model.age_question() && q.id == m_model.age_question()->id) {
        const AgeModel& age = m_model.population().age;
        if (m_band.empty() || m_rng.chance(age.prefer_not)) return {age.prefer_not_option};
        return {m_band};
    }
    const std::vector<double>& dist = d.for_band(m_band);
    if (!d.multi) {
        size_t index = m_rng.weighted(dist);
        if (first_view_of_scenario) {
            m_opinion[q.id] = index;
        } else if (m_journey.screen() == Screen::SecondView) {
            if (const auto it = m_opinion.find(q.id); it != m_opinion.end()) index = it->second;
            const Scenario* s = m_journey.scenario();
            const DeliberationDraw* dd = s ? m_model.deliberation(s->id) : nullptr;
            const bool cards = m_journey.group() == StudyGroup::Cards;
            if (dd && m_rng.chance(cards ? dd->move : dd->move_without_cards)) {
                const bool up = m_rng.chance(dd->towards_positive);
                const size_t r = dd->rank[index];
                if (up && r > 0) index = dd->by_rank[r - 1];
                if (!up && r + 1 < options.size()) index = dd->by_rank[r + 1];
            }
        }
        return {options[index].id};
    }
    std::vector<size_t> chosen;
    for (size_t i = 0; i < options.size(); ++i)
        if (m_rng.chance(dist[i])) chosen.push_back(i);
    for (size_t i : chosen)
        if (d.alone[i]) return {options[i].id};
    const size_t max = static_cast<size_t>(std::max(1, q.max_choices));
    while (chosen.size() > max) chosen.erase(chosen.begin() + static_cast<long>(m_rng.below(chosen.size())));
    std::vector<std::string> out;
    for (size_t i : chosen) out.push_back(options[i].id);
    return out;
}

// How sure, the knowledge statements and the reasons: questions the journey makes itself.
std::vector<std::string> SimulatedKiosk::draw_informed(const Question& q) {
    const Screen screen = m_journey.screen();
    const Scenario* s = m_journey.scenario();
    const DeliberationDraw* dd = s ? m_model.deliberation(s->id) : nullptr;
    if (const KnowledgeItem* k = m_journey.knowledge()) {
        const bool informed = screen == Screen::KnowledgeAfter && m_journey.group() == StudyGroup::Cards;
        const double right = dd ? (informed ? dd->knowledge_after : dd->knowledge_before) : 0.5;
        if (m_rng.chance(right)) return {k->answer ? kKnowledgeTrue : kKnowledgeFalse};
        if (m_rng.chance(0.5)) return {kKnowledgeDontKnow};
        return {k->answer ? kKnowledgeFalse : kKnowledgeTrue};
    }
    if (screen == Screen::Reasons) {
        std::vector<std::string> out;
        for (const auto& o : q.options)
            if (m_rng.chance(0.4)) out.push_back(o.id);
        return out;
    }
    return {q.options[m_rng.below(q.options.size())].id};  // how sure: evenly
}

void SimulatedKiosk::answer(const Question& q, bool presser) {
    const Screen screen = m_journey.screen();
    if (!presser) dwell(screen_name(screen));
    if (in_scenario(screen) && screen != Screen::FirstView && screen != Screen::SecondView) {
        const std::vector<std::string> values = draw_informed(q);
        if (presser || values.empty() || m_rng.chance(m_model.population().behaviour.skip))
            return act(Event::of(Event::Kind::Skip), "skip");
        for (const auto& v : values) act(Event::toggle(v), "opt_" + v);
        return act(Event::of(Event::Kind::Next), "next");
    }
    if (q.type == QuestionType::FreeText) return act(Event::of(Event::Kind::Skip), "skip");
    const std::vector<std::string> values = draw_answer(q, screen == Screen::FirstView);
    const bool skip = !presser && m_rng.chance(m_model.draw(q).skip);
    if (skip || values.empty()) return act(Event::of(Event::Kind::Skip), "skip");
    for (const auto& v : values) act(Event::toggle(v), "opt_" + v);
    if (presser || m_rng.chance(m_model.population().behaviour.finish_early)) {
        act(Event::of(Event::Kind::Finish), "finish");  // "Leave now?": yes (how to opt out follows)
        act(Event::of(Event::Kind::LeaveConfirmed), "leave_yes");
    } else
        act(Event::of(Event::Kind::Next), "next");
}

void SimulatedKiosk::walk_away() {
    const Screen s = m_journey.screen();
    m_report.end = VisitEnd::Abandoned;
    m_report.left_at = screen_name(s);
    dwell(screen_name(s));
    if (asks_question(s) && m_rng.chance(m_model.population().abandon.draft_lost)) {
        // Chose an answer, then was called in before moving on: nothing of it is kept.
        const Question* q = m_journey.question();
        if (q && !q->options.empty()) {
            const std::string& o = q->options[m_rng.below(q->options.size())].id;
            act(Event::toggle(o), "opt_" + o);
        }
    }
    wait(m_timings.idle_seconds + 1);         // "Still there?"
    wait(m_timings.still_there_seconds + 1);  // nobody answers: back to the start
}

VisitReport SimulatedKiosk::play(double start, const CivilTime& local, bool& will_repeat) {
    const Population& pop = m_model.population();
    const Behaviour& b = pop.behaviour;
    m_report = {};
    m_opinion.clear();
    will_repeat = false;
    m_now.local = local;
    if (start > m_now.monotonic) {  // the kiosk waits on its attract screen for the next visitor
        m_recording = false;
        wait(start - m_now.monotonic);
    }
    m_steps.clear();
    m_recording = true;

    m_band = m_model.bands().empty() ? std::string() : m_model.bands()[m_rng.weighted(m_model.band_weights())];
    const std::string language = m_model.languages()[m_rng.weighted(m_model.language_weights())];
    const bool presser = m_rng.chance(b.repeat_press);
    const bool abandons = !presser && m_rng.chance(pop.abandon.rate);
    std::string leave_kind;
    if (abandons) {
        std::vector<double> w;
        for (const auto& [k, v] : pop.abandon.where.items) w.push_back(v);
        leave_kind = pop.abandon.where.items[m_rng.weighted(w)].first;
    }

    act(Event::start(), "start");
    if (language != m_journey.language()) {
        if (!presser) dwell("welcome");
        act(Event::language(language), "lang_" + language);
    }
    if (leave_kind == "welcome") {
        walk_away();
        return m_report;
    }
    if (!presser) dwell("welcome");
    act(Event::of(Event::Kind::Next), "next");
    if (leave_kind == "topics") {
        walk_away();
        return m_report;
    }
    std::vector<double> topic_weights = m_model.topic_weights();
    bool first_topic = true;
    for (;;) {
        double left = 0;
        for (double w : topic_weights) left += w;
        if (left <= 0) {  // every topic done: "I'm done"
            act(Event::of(Event::Kind::Finish), "finish");
            break;
        }
        const size_t t = m_rng.weighted(topic_weights);
        topic_weights[t] = 0;
        if (!presser) dwell("topics");
        act(Event::topic(m_model.topics()[t]), "topic_" + m_model.topics()[t]);

        size_t leave_index = std::numeric_limits<size_t>::max();
        if (first_topic && abandons) {
            const auto screens = m_journey.step_screens();
            std::vector<size_t> at;
            for (size_t i = 0; i < screens.size(); ++i)
                if (leave_kind == screen_name(screens[i])) at.push_back(i);
            if (at.empty()) {  // this topic has no such screen: leave where others do
                std::vector<double> w;
                for (size_t i = 0; i < screens.size(); ++i) {
                    w.push_back(pop.abandon.where.of(screen_name(screens[i])));
                    at.push_back(i);
                }
                double sum = 0;
                for (double x : w) sum += x;
                if (sum <= 0) w.assign(w.size(), 1.0);
                leave_index = at.empty() ? 0 : at[m_rng.weighted(w)];
            } else {
                leave_index = at[m_rng.below(at.size())];
            }
        }
        for (int guard = 0; guard < 500; ++guard) {
            const Screen s = m_journey.screen();
            if (s == Screen::ThankYou || s == Screen::Attract) break;
            if (m_journey.step_index() >= leave_index) {
                walk_away();
                return m_report;
            }
            if (asks_question(s)) {
                answer(*m_journey.question(), presser);
                continue;
            }
            switch (s) {
                case Screen::Card:
                    if (!presser) dwell("card");
                    if (!presser && m_rng.chance(b.skip_cards)) {
                        // Skip passes one card: skipping the rest is a Skip on each, at once.
                        while (m_journey.screen() == Screen::Card) act(Event::of(Event::Kind::Skip), "skip");
                    } else {
                        act(Event::of(Event::Kind::Next), "next");
                    }
                    break;
                default:
                    if (!presser) dwell(screen_name(s));
                    act(Event::of(Event::Kind::Next), "next");
                    break;
            }
        }
        if (m_journey.screen() != Screen::ThankYou) return m_report;  // cannot happen: the journey always ends
        first_topic = false;
        if (presser) {
            act(Event::of(Event::Kind::Finish), "done");
            will_repeat = m_report.answers > 0;
            return m_report;
        }
        dwell("thank_you");
        double remaining = 0;
        for (double w : topic_weights) remaining += w;
        if (remaining > 0 && m_rng.chance(b.another_topic)) {
            act(Event::of(Event::Kind::AnotherTopic), "another_topic");
            continue;
        }
        if (m_rng.chance(b.leave_at_thank_you)) {
            m_report.end = VisitEnd::LeftThankYou;
            wait(m_timings.thank_you_seconds + 1);
            return m_report;
        }
        break;
    }
    act(Event::of(Event::Kind::Finish), "done");
    return m_report;
}

VisitReport SimulatedKiosk::replay_last(const CivilTime& local) {
    m_recording = false;
    m_report = {};
    m_report.repeat = true;
    m_now.local = local;
    const std::vector<Step> steps = m_steps;
    for (const auto& s : steps) {
        if (s.is_event)
            act(s.event, s.tap);
        else
            wait(s.seconds);
    }
    m_recording = true;
    return m_report;
}

}  // namespace dv::sim
