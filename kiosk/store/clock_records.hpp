// The kiosk's clock records in the store: what the trust rules remember between starts
// (kiosk/core/clock_trust.hpp), a staff correction carried across a restart of the kiosk
// within one boot of the operating system, and the staff confirmation itself (the clock
// check every staff visit starts with). Shared by the kiosk and `datavoice export`.
//
// A correction is an offset from the system clock, so it holds only while the system clock
// keeps running from the same base: the same OS boot (Clock::run_id()) and the same wall
// minus monotonic reading (nobody set the clock since). After a reboot, or once the clock was
// set, it is dropped and the trust rules decide again.
#pragma once

#include "core/clock.hpp"
#include "core/clock_trust.hpp"
#include "store.hpp"

#include <cstdint>
#include <string>

namespace dv {

inline constexpr const char* kSettingClockLastTrusted = "clock_last_trusted";
inline constexpr const char* kSettingBootCount = "boot_count";
inline constexpr const char* kSettingClockCorrection = "clock_correction";

ClockMemory load_clock_memory(Store& store);
// last_trusted is rounded down to the hour, so the settings never date a visit.
bool save_clock_memory(Store& store, const ClockMemory& memory);

// Remembers `offset` as valid for the system clock's current run and base (0 forgets it).
bool save_carried_correction(Store& store, const Clock& system, std::int64_t offset);
// The remembered offset if it is still valid for `system`, else 0.
std::int64_t carried_correction(Store& store, const Clock& system);

// The clock rules' settings for this build.
ClockRules clock_rules();

struct KioskClocks {
    Clock& system;        // the operating system's clock, or the tests' stand-in
    ShiftedClock& kiosk;  // system + the staff correction: what the kiosk shows and stamps
    ClockTrust& trust;
    bool may_set_system = false;  // profile [kiosk] set_system_clock
};

// At start-up: applies a correction still valid from an earlier start in this OS boot,
// judges the clock, counts the boot, and logs an untrusted clock for staff.
// Returns the verdict (the kiosk says an untrusted one on stderr as well).
ClockVerdict start_clock_trust(ClockTrust& trust, Store& store, const Clock& system);

struct ClockConfirmOutcome {
    bool saved = false;
    std::string message;  // one line for the staff home when it could not be recorded
};

// Staff said the time shown is right (changed = false) or that it is `set` (local time).
// Trusts the clock (ClockTrust::staff_confirm), applies the correction to the kiosk clock,
// sets the system clock too where allowed and permitted, remembers the correction for a
// restart within this OS boot, and records the confirmation with its audit entry
// (clock_confirmed / clock_set, with the offset found and the boot), stamped with the
// corrected time.
ClockConfirmOutcome confirm_clock(KioskClocks& clocks, Store& store, bool changed, const CivilTime& set);

// The clock as an export run outside the kiosk (`datavoice export`) describes it: the rules
// judged now on the system clock plus any valid correction, without counting a boot.
ExportClock clock_for_export_without_kiosk(Store& store, const Clock& system);

}  // namespace dv
