// The privacy rules: what may be stored about a visit, and how anything shown or exported
// is made safe. One module owns them; the kiosk, the exports and the staff tools all use it.
// docs/privacy.md explains each rule for a data protection lead. The rules live in:
//   privacy.hpp       session ids, the visit stamp (date and part of day), on-screen results
//   scrub.hpp         free text: identifiers removed before storage, length capped
//   suppression.hpp   small-number suppression of tables, with secondary suppression
//   repeat_guard.hpp  repeat presses flagged, remembering only a start time and a hash
//   export_rows.hpp   exported rows: visit times coarsened, guessable fields protected, order shuffled
#pragma once

#include "clock.hpp"
#include "scrub.hpp"  // scrub_free_text(): free text is scrubbed before it is stored

#include <cstdint>
#include <string>

namespace dv {

// A random session id for one visit: 128 bits from the operating system's CSPRNG, as hex.
// It links one visitor's answers to each other and to nothing else.
std::string new_session_id();

// The only time of day ever stored: "morning" (before 12:00), "afternoon" (before 17:00)
// or "evening".
std::string part_of_day(int hour);

// The stamp a visit carries: a date and a coarse part of day, never a time.
struct VisitStamp {
    std::string date;         // "YYYY-MM-DD"
    std::string part_of_day;  // see part_of_day()
    bool date_uncertain = false;  // the kiosk did not trust its clock when the visit began
    int boot = 0;                 // which start-up of the kiosk, so staff can correct dates later
};

VisitStamp stamp_visit(const CivilTime& local, bool clock_trusted, int boot);

// "What others said here": how many of a question's respondents, counted in the order they
// answered, the screen may show. 0 while fewer than `threshold` have answered; otherwise the
// count rounded down to a multiple of `refresh_every`, so the figures change only after every
// refresh_every new answers and watching them change never reveals one visitor's answer.
// Stateless, so a restart shows the same figures as before it.
std::int64_t onscreen_respondents(std::int64_t respondents, int threshold, int refresh_every);

}  // namespace dv
