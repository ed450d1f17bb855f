// The kiosk's system clock, and the one seam where tests replace it.
//
// The kiosk reads the system clock through a Clock (kiosk/core/clock.hpp); the frame loop,
// the store and staff mode read the kiosk clock, the system clock plus the correction staff
// found (KioskClocks, start_clock_trust() and confirm_clock() in kiosk/store/clock_records.hpp).
//
// Tests only: DATAVOICE_TEST_WALL_CLOCK="YYYY-MM-DD HH:MM" makes the kiosk's system clock
// start at that time and run on from there (as a Pi without a real-time clock might after a
// power cut). It is read in one place, apply_test_wall_clock(), and stands behind the Clock
// interface: nothing else in the kiosk knows it is a test.
#pragma once

#include "core/clock.hpp"

#include <string>

namespace dv {

// Reads DATAVOICE_TEST_WALL_CLOCK; true when it moved `clock` (over `system`) to that time.
bool apply_test_wall_clock(ShiftedClock& clock, const Clock& system, std::string& error);

}  // namespace dv
