// Facilitator mode: a staff member runs one scenario of the active pack for a group (an
// event, a focus-group warm-up), then shows the group's result on the big screen. Reached
// from staff mode (StaffScreen::Facilitator); the app performs what this asks for (a person's
// turn through the visitor journey, storing a show of hands) and reports back.
//
// STATES (FacilitatorScreen)
//
//            Start (one at a time)                    person_finished()
//   Choose ─────────────────────────► Person ───────────────────────────► BetweenPeople
//     │  ChooseScenario, ChooseMode     ▲    (the visitor journey runs       │   │
//     │                                 │     the scenario for one person)   │   │ ShowResults
//     │                                 └───────────── NextPerson ───────────┘   ▼
//     │       Start (show of hands)                                           Results ──NextPerson──► Person
//     └──────────────────────────► HandsFirst ──Done──► HandsCards ──Done──► HandsSecond
//                                    Plus/Minus            (the cards)         Plus/Minus
//                                                                                │ Done: tally_pending()
//                                                                                ▼
//                                                        tally_stored() ──► Results
//   Exit from any screen (not while a tally waits to be stored) → Off (back to staff home).
//
// TRANSITIONS (each names the function that performs it)
//   Off → Choose                         open()
//   Choose → Person | HandsFirst         handle(Start): a scenario is chosen
//   Person → BetweenPeople               person_finished(): the app saw the turn end
//   BetweenPeople | Results → Person     handle(NextPerson)  (one at a time only)
//   BetweenPeople → Results              handle(ShowResults)
//   HandsFirst → HandsCards → HandsSecond handle(Done)
//   HandsSecond → (tally pending)        handle(Done)
//   (tally pending) → Results            tally_stored()
//   any → Off                            handle(Exit)
//
// INVARIANTS (tests in tests/unit/test_facilitator.cpp name them)
//   (1) Results are built only from this run's people (or hands), never from walk-up
//       visitors; a person counts once, when their turn ends, with the views they gave.
//   (2) A show of hands has no pairs: its tally is two sets of counts, and nothing pairs a
//       first-round hand with a second-round hand (results.hpp's build_tally_results).
//   (3) A count never goes below 0; Minus at 0 does nothing.
//   (4) While a tally waits to be stored every event is ignored, and the results are not
//       shown until the app reports the tally stored (or that it could not be).
//   (5) Leaving (Exit) forgets the run: people, counts and the chosen scenario.
#pragma once

#include "content.hpp"
#include "journey.hpp"
#include "results.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace dv {

enum class FacilitatorScreen { Off, Choose, Person, BetweenPeople, HandsFirst, HandsCards, HandsSecond, Results };
// "facilitator_choose" etc., as input scripts name screens; "" for Off.
const char* facilitator_screen_name(FacilitatorScreen s);

enum class GroupMode { OneAtATime, Hands };

struct FacilitatorEvent {
    enum class Kind {
        ChooseScenario,  // value = scenario id
        ChooseMode,      // number = 0 one at a time, 1 show of hands
        Start,
        NextPerson,
        ShowResults,
        Plus,   // value = option id
        Minus,  // value = option id
        Done,
        Exit,
    };
    Kind kind = Kind::Done;
    std::string value;
    int number = 0;

    static FacilitatorEvent of(Kind k, std::string v = {}, int n = 0) { return {k, std::move(v), n}; }
};

class Facilitator {
public:
    explicit Facilitator(const LanguageContent& content) : m_content(&content) {}

    void open();
    void handle(const FacilitatorEvent& e);
    // The person's turn ended (finished, or abandoned and timed out). `views` holds the views
    // they gave (either may be empty).
    void person_finished(const ViewPair& views);
    // The show of hands was stored (ok) or could not be (the results still show; the app says so).
    void tally_stored(bool ok);

    FacilitatorScreen screen() const { return m_screen; }
    bool active() const { return m_screen != FacilitatorScreen::Off; }
    GroupMode mode() const { return m_mode; }
    const Scenario* scenario() const;  // nullptr until chosen
    const Question* question() const;  // the scenario's view question
    const std::vector<ViewPair>& people() const { return m_people; }  // one-at-a-time turns so far
    // Show of hands: one count per option of the question, in pack order.
    const std::vector<std::int64_t>& first_counts() const { return m_first; }
    const std::vector<std::int64_t>& second_counts() const { return m_second; }
    bool tally_pending() const { return m_tally_pending; }
    bool tally_saved() const { return m_tally_saved; }

private:
    void reset_counts();
    std::vector<std::int64_t>* counting();

    const LanguageContent* m_content;
    FacilitatorScreen m_screen = FacilitatorScreen::Off;
    GroupMode m_mode = GroupMode::OneAtATime;
    std::string m_scenario;
    std::vector<ViewPair> m_people;
    std::vector<std::int64_t> m_first, m_second;
    bool m_tally_pending = false;
    bool m_tally_saved = false;
};

// How a show of hands is stored (docs/facilitator.md): one session per raised hand per round,
// mode "facilitator", holding that hand's one view ("first" or "second"). No session holds
// both, because no hand of the first round is known to be the same person as one of the
// second (invariant 2). `info` gives pack, language and the visit stamp; each gets its own id.
std::vector<PendingCommit> hands_to_commits(const Question& question, const std::vector<std::int64_t>& first,
                                            const std::vector<std::int64_t>& second, const SessionInfo& info);

}  // namespace dv
