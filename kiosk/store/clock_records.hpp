// The kiosk's clock records in the store's settings: what the trust rules remember between
// starts (kiosk/core/clock_trust.hpp), and a staff correction carried across a restart of the
// kiosk within one boot of the operating system. Shared by the kiosk and `datavoice export`.
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

// The clock as an export run outside the kiosk (`datavoice export`) describes it: the rules
// judged now on the system clock plus any valid correction, without counting a boot.
ExportClock clock_for_export_without_kiosk(Store& store, const Clock& system);

}  // namespace dv
