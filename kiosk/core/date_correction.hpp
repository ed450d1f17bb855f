// Correcting the dates of visits stored while the kiosk did not trust its clock (issue #13,
// the laptop's side). A kiosk with no network and no real-time clock may boot believing it is
// 1970 or last week; its visits are then stored with date_uncertain = 1 and the boot number.
// When staff later confirm the time during that same boot, the export carries the offset they
// found (actual time − the system clock the visits were stamped with; manifest.json "clock").
//
// The rule, applied by `datavoice collect`: take the local-time interval a visit's label
// covers (a date, narrowed by its part of day if present — morning before 12:00, afternoon
// 12:00–17:00, evening after 17:00 — or a period "A/B", both days whole), add the offset, and
// if the shifted interval lies within one calendar date, that date becomes the visit's date
// (and the part of day too, if the interval also lies within one part); the date is then
// certain. Otherwise the visit stays uncertain: never a guess.
#pragma once

#include "clock_trust.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dv {

struct ExportSession;

// One staff confirmation of the time, for the boot it was made in (core/clock_trust.hpp).
using ClockCorrection = ClockConfirmation;

struct DateLabel {
    std::string visit_date;   // "YYYY-MM-DD" or "YYYY-MM-DD/YYYY-MM-DD"
    std::string part_of_day;  // "morning", "afternoon", "evening" or ""
};

// The label shifted by offset_seconds when the result is one calendar date; nullopt when the
// shifted interval spans two dates or more, or the label is malformed.
std::optional<DateLabel> shift_date_label(const DateLabel& label, std::int64_t offset_seconds);

struct DateCorrectionCount {
    std::int64_t corrected = 0;        // uncertain dates made certain
    std::int64_t still_uncertain = 0;  // uncertain dates left as they were
};

// Applies the rule to every uncertain session whose boot has a correction (the latest in the
// list for that boot wins). Corrected sessions get date_uncertain = false and boot = 0.
DateCorrectionCount correct_uncertain_dates(std::vector<ExportSession>& sessions,
                                            const std::vector<ClockCorrection>& corrections);

}  // namespace dv
