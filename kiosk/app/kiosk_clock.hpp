// The kiosk's time: the system clock (or the tests' stand-in), the trust rules deciding
// whether to believe it (kiosk/core/clock_trust.hpp), and the staff confirmation that sets
// it right. The frame loop, the store and staff mode all read the kiosk clock: the system
// clock plus the correction staff found.
//
// Tests only: DATAVOICE_TEST_WALL_CLOCK="YYYY-MM-DD HH:MM" makes the kiosk's system clock
// start at that time and run on from there (as a Pi without a real-time clock might after a
// power cut). It is read in one place, apply_test_wall_clock(), and stands behind the Clock
// interface: nothing else in the kiosk knows it is a test.
#pragma once

#include "core/clock.hpp"
#include "core/clock_trust.hpp"
#include "store/store.hpp"

#include <string>

namespace dv {

struct KioskClocks {
    Clock& system;        // the operating system's clock, or the tests' stand-in
    ShiftedClock& kiosk;  // system + the staff correction: what the kiosk shows and stamps
    ClockTrust& trust;
    bool may_set_system = false;  // profile [kiosk] set_system_clock
};

// Reads DATAVOICE_TEST_WALL_CLOCK; true when it moved `clock` (over `system`) to that time.
bool apply_test_wall_clock(ShiftedClock& clock, const Clock& system, std::string& error);

// At start-up: applies a correction still valid from an earlier start in this OS boot,
// judges the clock, counts the boot, and logs an untrusted clock for staff.
void start_clock_trust(ClockTrust& trust, Store& store, const Clock& system);

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

}  // namespace dv
