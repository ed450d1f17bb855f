// The visitor journey: the state machine behind every visitor-facing screen.
//
// STATES (Screen)
//
//            tap                 Start                ChooseTopic
//   Attract ─────► Welcome ──────────► Topics ──────────────► [steps of the topic] ─► ThankYou
//      ▲            (language,            ▲                    Explainer ...            │
//      │             text size)           │  AnotherTopic       Question ...             │
//      │                                  └─────────────────── [scenario steps]          │
//      │                                                        Results                  │
//      │                                                        Closing (how to opt out) │
//      └──────────────── reset: Done on thank you, its timeout, "Still there?" timeout ◄─┘
//
//   A scenario's steps (a mini deliberative poll):
//     ScenarioIntro, FirstView, SureFirst, KnowledgeBefore ..., then
//       the cards group:      Card ... (in a shuffled order)            SecondView, SureSecond, Reasons,
//       the comparison group: Pause (a neutral "take a moment" screen)  SecondView, SureSecond,
//     then KnowledgeAfter ..., KnowledgeAnswers (the right answers, no score).
//   The group is drawn once per visit and scenario (informed.hpp); a facilitated turn is always
//   in the cards group. A scenario without knowledge statements has no Knowledge steps.
//
//   Leaving: Finish (the header's "I'm done") first asks "Leave now?" (an overlay, like
//   "Still there?"); LeaveConfirmed keeps a chosen answer, then shows the closing screen (how to
//   opt out) before ThankYou; LeaveCancelled closes the question.
//
//   Resting: entered when the store could not commit an answer; left when the app reports
//   the store has recovered (→ Attract).  "Still there?" is an overlay, not a screen.
//
//   Facilitated (facilitator mode, core/facilitator.hpp): begin_facilitated() starts one
//   person's turn at Welcome; Next goes straight to the chosen scenario's steps
//   (ScenarioIntro, FirstView, Card ..., SecondView; no Topics, Results or Closing), and the
//   turn ends at ThankYou.
//
// TRANSITIONS (each names the function that performs it)
//   Attract → Welcome                        handle(Start)       begin()
//   Attract → Welcome (facilitated)          begin_facilitated() begin()
//   Welcome → ScenarioIntro (facilitated)    handle(Next)        scenario_steps()
//   Welcome → Topics                         handle(Next)        go_topics()
//   Topics → first step of topic             handle(ChooseTopic) choose_topic()
//   step → next visible step / ThankYou      handle(Next|Skip)   request_commit() then advance()
//   step → previous visible step / Topics    handle(Back)        retreat()
//   any → "Leave now?" overlay               handle(Finish)
//   overlay → Closing, or ThankYou           handle(LeaveConfirmed) leave()
//   card → next card                         handle(Skip)        advance()
//   ThankYou → Topics                        handle(AnotherTopic)
//   any → Resting                            handle(CommitFailed)
//   Resting → Attract                        handle(StoreRecovered)  reset()
//   any visitor screen → overlay → Attract   tick()              reset()
//
// INVARIANTS (tests in tests/unit/test_journey.cpp name them)
//   (1) A question step never advances on an answer until the app reports Committed; while a
//       commit is pending every visitor event is ignored.
//   (2) CommitFailed never leads to ThankYou or to the next step: it leads to Resting.
//   (3) After reset() nothing of the previous visitor remains: no session id, no answers,
//       no drafts; language, text size, contrast and read-aloud back to the defaults.
//   (4) A question whose show_if condition is not met is never shown, going forward or back.
//   (5) Back is possible from every screen but Attract, Resting and ThankYou; Skip from every
//       question and card. Next does something exactly when can_go_next(): on a question only
//       once something is chosen or typed (otherwise the visitor skips). The screens show Back,
//       Skip and Next as can_go_back(), can_skip() and offers_next() say, and grey Next out
//       while !can_go_next(), so a tap and the journey always agree.
//   (6) While the visitor is active (any event within idle_seconds, Activity included: a touch,
//       a scroll or a drag counts as much as a choice; WCAG 2.2.1) the overlay never appears;
//       after idle_seconds it appears, and after a further still_there_seconds the journey resets.
//   (7) First and second views of a scenario carry the same session id and question id,
//       with phases Phase::First and Phase::Second (answer_key.hpp).
//   (8) A facilitated turn's every commit carries mode "facilitator" (a walk-up visit's
//       "visitor"), and it never shows Topics, Results or another scenario.
//   (9) A visit's study group for a scenario is drawn once and stored with its first commit
//       in that scenario (Phase::Group); every screen of the visit follows it: the comparison
//       group never sees a card or the reasons question, the cards group never the pause.
//   (10) Leaving is asked once: after LeaveConfirmed a walk-up visit always passes the closing
//       screen (how to opt out) before ThankYou, unless it is already on it.
#pragma once

#include "answer_key.hpp"
#include "clock.hpp"
#include "repeat_guard.hpp"
#include "content.hpp"
#include "informed.hpp"
#include "privacy.hpp"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace dv {

enum class Screen {
    Attract,
    Welcome,
    Topics,
    Explainer,
    Question,
    ScenarioIntro,
    FirstView,
    Card,
    SecondView,
    SureFirst,         // "How sure are you?" after the first view
    SureSecond,        // and after the second
    KnowledgeBefore,   // a knowledge statement: true, false or don't know
    KnowledgeAfter,    // the same statement after the cards (or the pause)
    Pause,             // the comparison group's "take a moment" instead of the cards
    Reasons,           // "Which of these points mattered to you?": the cards seen
    KnowledgeAnswers,  // the right answers, each with one line of explanation
    Results,
    Closing,
    ThankYou,
    Resting,
};
const char* screen_name(Screen s);
// The screens that ask something and show answer options (drawn by screen_question).
bool asks_question(Screen s);
// The screens of a scenario's own steps (a mini deliberative poll).
bool in_scenario(Screen s);

enum class TextSize { Standard = 0, Large = 1, ExtraLarge = 2 };
TextSize text_size_from_name(const std::string& name);

// What a visitor (or the app) did. Each kind carries only its own payload, made by the
// factory functions below: an id, the typed text, a text size or a switch.
struct Event {
    enum class Kind {
        Start,           // tap on the attract screen
        ChooseLanguage,  // id = language code
        ChooseTextSize,  // size
        ChooseContrast,  // on = high contrast, off = standard colours
        ChooseReadAloud, // on = read screens aloud, off = stop
        ChooseTopic,     // id = topic id
        Toggle,          // id = option id (single and scale replace, multi toggles)
        SetText,         // text = free text typed so far
        Next,
        Back,
        Skip,
        Finish,          // "I'm done": asks "Leave now?"
        LeaveConfirmed,  // "Yes, leave": keep what was chosen, show how to opt out, thank you
        LeaveCancelled,  // "No, go back"
        AnotherTopic,    // from thank you, back to the topic list
        StillHere,       // answers the "Still there?" overlay
        Activity,        // a touch, scroll or drag that chose nothing: the visitor is still here
        Committed,       // from the app: the pending answers are durable
        CommitFailed,    // from the app: they are not
        StoreRecovered,  // from the app: the store accepts writes again
    };
    Kind kind = Kind::Next;
    std::string id;                  // ChooseLanguage, ChooseTopic, Toggle
    std::string text;                // SetText
    TextSize size = TextSize::Standard;  // ChooseTextSize
    bool on = false;                 // ChooseContrast, ChooseReadAloud

    static Event start() { return of(Kind::Start); }
    static Event language(std::string code) { return with_id(Kind::ChooseLanguage, std::move(code)); }
    static Event text_size(TextSize s) {
        Event e = of(Kind::ChooseTextSize);
        e.size = s;
        return e;
    }
    static Event contrast(bool high) { return switched(Kind::ChooseContrast, high); }
    static Event read_aloud(bool on) { return switched(Kind::ChooseReadAloud, on); }
    static Event topic(std::string id) { return with_id(Kind::ChooseTopic, std::move(id)); }
    static Event toggle(std::string option) { return with_id(Kind::Toggle, std::move(option)); }
    static Event typed(std::string text) {
        Event e = of(Kind::SetText);
        e.text = std::move(text);
        return e;
    }
    static Event of(Kind k) {
        Event e;
        e.kind = k;
        return e;
    }

private:
    static Event with_id(Kind k, std::string id) {
        Event e = of(k);
        e.id = std::move(id);
        return e;
    }
    static Event switched(Kind k, bool on) {
        Event e = of(k);
        e.on = on;
        return e;
    }
};

// The time as the journey needs it: monotonic seconds for timeouts, the local date and hour
// (from the clock it trusts) for the visit stamp.
struct Now {
    double monotonic = 0;
    CivilTime local;
    bool clock_trusted = true;
    int boot = 0;
};

struct SessionInfo {
    std::string session_id;
    std::string pack_id;
    std::string pack_version;
    std::string pack_hash;
    std::string language;
    VisitStamp stamp;
    std::string mode = "visitor";  // or "facilitator"
};

// One stored answer. A later record for the same question and phase supersedes an earlier one
// (the visitor went back and changed it); a skip is stored too, with an empty value.
struct AnswerRecord {
    std::string question_id;
    std::string phase;  // "" for plain questions; "first"/"second" for scenario views;
                        // "card_order"/"cards_seen" for the perspective cards
    std::string value;  // option id; multi: ids joined by ';'; text: the scrubbed text
    std::string content_hash;
    bool skipped = false;
};

struct PendingCommit {
    SessionInfo session;
    std::vector<AnswerRecord> answers;  // committed together, in one transaction
};

struct JourneyConfig {
    const Pack* pack = nullptr;
    double idle_seconds = 60;
    double still_there_seconds = 20;
    double thank_you_seconds = 20;
    TextSize default_text_size = TextSize::Standard;
    bool default_read_aloud = false;
    // Shuffles card order for a scenario; tests and simulations may pin or seed it.
    // Default: a CSPRNG shuffle.
    std::function<std::vector<std::string>(std::vector<std::string>)> shuffle_cards;
    // Draws a number in [0, 100) to put a visit in a scenario's comparison group (informed.hpp).
    // Default: the CSPRNG.
    PercentDraw draw_percent;
};

class Journey {
public:
    explicit Journey(const JourneyConfig& config);

    void handle(const Event& e, const Now& now);
    // Facilitator mode: one person's turn through scenario_id, stored with mode "facilitator".
    void begin_facilitated(const std::string& scenario_id, const Now& now);
    bool facilitated() const { return !m_facilitated.empty(); }
    // Inactivity: call at least when now.monotonic passes next_deadline().
    void tick(const Now& now);
    // The next monotonic time at which tick() may change something; +infinity when none.
    double next_deadline() const;

    // What the app must make durable before the journey may move on (invariant 1).
    const std::optional<PendingCommit>& pending() const { return m_pending; }

    // --- What the screens draw ---------------------------------------------------------
    Screen screen() const { return m_screen; }
    const LanguageContent& content() const;
    const Pack& pack() const { return *m_config.pack; }
    const std::string& language() const { return m_language; }
    TextSize text_size() const { return m_text_size; }
    bool high_contrast() const { return m_high_contrast; }
    bool read_aloud() const { return m_read_aloud; }
    bool still_there_showing() const { return m_still_there; }
    bool leave_asking() const { return m_leave_asking; }
    int still_there_seconds_left(double now_monotonic) const;
    bool has_session() const { return !m_session.session_id.empty(); }
    const std::string& session_id() const { return m_session.session_id; }

    const Topic* topic() const;
    const Explainer* explainer() const;  // Explainer and Closing screens
    // Every screen that asks_question(): for the scenario's own steps (how sure, knowledge,
    // reasons) a question the journey makes from the pack's words, valid until the next event.
    const Question* question() const;
    const Scenario* scenario() const;    // scenario screens
    const Card* card() const;            // Card screen
    int card_number() const;             // 1-based position in the shuffled order
    int card_count() const;
    const std::vector<std::string>& card_order() const { return m_card_order; }
    // The current scenario's study group for this visit (Cards when there is no scenario).
    StudyGroup group() const;
    // Knowledge screens: the statement showing; and "1 of 3" among the scenario's statements.
    const KnowledgeItem* knowledge() const;

    const std::vector<std::string>& draft() const { return m_draft; }  // selected option ids
    const std::string& draft_text() const { return m_draft_text; }
    bool is_selected(const std::string& option_id) const;
    int step_number() const;  // 1-based among the topic's steps, for "2 of 7"
    int step_count() const;
    // The screens of the chosen topic's steps in order (hidden show_if steps included), and
    // the index of the one showing; empty outside a topic. For simulated visitors.
    std::vector<Screen> step_screens() const;
    size_t step_index() const { return m_step; }
    // Invariant 5: what the footer shows and what Next does.
    bool can_go_back() const;
    bool can_skip() const;
    bool offers_next() const;
    bool can_go_next() const;

    // Effective answers so far this session, by question and phase.
    const VisitAnswers& answers() const { return m_answers; }

private:
    struct Step {
        Screen screen;
        std::string ref;  // explainer, question or card id
    };

    void reset();
    void begin(const Now& now);
    void choose_topic(const std::string& id);
    void scenario_steps();
    void advance();
    void retreat();
    void finish();
    void leave();
    void show_closing_or_finish();
    void note_card_time();
    void add_scenario_records(PendingCommit& pc);
    void enter_step(size_t index);
    void request_commit(bool skipped);
    void on_committed();
    bool step_visible(const Step& s) const;
    AnswerKey answer_key(const Step& s) const;
    static Phase phase_of(const Step& s);
    const Step* current_step() const { return m_step < m_steps.size() ? &m_steps[m_step] : nullptr; }
    void load_draft();
    void wipe_drafts();

    JourneyConfig m_config;
    Screen m_screen = Screen::Attract;
    std::string m_language;
    TextSize m_text_size = TextSize::Standard;
    bool m_high_contrast = false;
    bool m_read_aloud = false;
    SessionInfo m_session;
    std::string m_topic;
    std::string m_facilitated;  // the scenario of a facilitated turn; "" for a walk-up visit
    std::vector<Step> m_steps;
    size_t m_step = 0;
    std::vector<std::string> m_card_order;
    int m_cards_seen = 0;
    std::map<std::string, StudyGroup> m_groups;  // by scenario id, drawn once per visit
    std::set<std::string> m_group_recorded;      // scenarios whose group is in a commit
    std::vector<CardTime> m_card_times;          // the cards shown, in order, with their bands
    std::map<std::string, double> m_card_seconds;
    mutable Question m_step_question;            // question() on the scenario's own steps
    bool m_leave_asking = false;
    bool m_card_time_noted = false;  // the card showing has had its time added
    std::vector<std::string> m_draft;
    std::string m_draft_text;
    VisitAnswers m_answers;
    std::set<std::string> m_about_you_asked;  // "about you" questions already offered this visit
    std::optional<PendingCommit> m_pending;
    bool m_leave_after_commit = false;  // LeaveConfirmed with an answer chosen: keep it, then leave
    std::vector<std::string> m_pending_values;  // what m_answers becomes once committed
    std::optional<AnswerKey> m_pending_key;  // none for the cards' records
    double m_last_activity = 0;
    double m_screen_since = 0;
    bool m_still_there = false;
    double m_still_there_since = 0;
};

}  // namespace dv
