// This file implements the kiosk's time (see kiosk_clock.hpp).
#include "kiosk_clock.hpp"

#include "store/clock_records.hpp"
#include "store/store_export.hpp"

#include <cstdio>
#include <cstdlib>

namespace dv {

bool apply_test_wall_clock(ShiftedClock& clock, const Clock& system, std::string& error) {
    const char* env = std::getenv("DATAVOICE_TEST_WALL_CLOCK");
    if (!env || !*env) return false;
    CivilTime t;
    if (!parse_civil(env, t)) {
        error = std::string("DATAVOICE_TEST_WALL_CLOCK: '") + env + "' is not a time like 2019-03-01 10:00";
        return false;
    }
    clock.set_wall_offset(unix_from_local(system, t) - system.unix_seconds());
    return true;
}

void start_clock_trust(ClockTrust& trust, Store& store, const Clock& system) {
    const std::int64_t carried = carried_correction(store, system);
    const ClockVerdict v = trust.start(system.unix_seconds(), system.monotonic_seconds(), carried);
    save_clock_memory(store, trust.remember(system.unix_seconds()));
    if (carried == 0) save_carried_correction(store, system, 0);  // one no longer valid is dropped
    if (v != ClockVerdict::Trusted) {
        const CivilTime now = system.local_time(system.unix_seconds() + carried);
        store.audit("clock_untrusted", verdict_text(v),
                    now.date() + " " + now.time_hm() + " (kiosk clock, boot " + std::to_string(trust.boot()) + ")");
        std::fprintf(stderr, "datavoice-kiosk: %s Visits are marked date-uncertain until staff confirm the time.\n",
                     verdict_text(v));
    }
}

ClockConfirmOutcome confirm_clock(KioskClocks& c, Store& store, bool changed, const CivilTime& set) {
    const std::int64_t kiosk_before = c.kiosk.unix_seconds();
    const std::int64_t actual = changed ? unix_from_local(c.kiosk, set) : kiosk_before;
    // What the export carries: the actual time against the clock that stamped the boot's
    // uncertain visits (ClockConfirmation::offset_seconds).
    const std::int64_t found = actual - kiosk_before;
    std::string system_note = "kiosk offset only";
    if (changed && c.may_set_system && found != 0) {
        std::string error;
        system_note = c.system.set_wall_time(actual, error) ? "system clock set" : error + "; kiosk offset only";
    }
    const std::int64_t offset = c.trust.staff_confirm(actual, c.system.unix_seconds(), c.system.monotonic_seconds());
    c.kiosk.set_wall_offset(offset);
    save_carried_correction(store, c.system, offset);
    save_clock_memory(store, c.trust.remember(c.system.unix_seconds()));

    const CivilTime now = c.kiosk.local_now();
    ClockConfirmation record{c.trust.boot(), found, now.date()};
    const std::string detail = "offset " + std::to_string(found) + " seconds, boot " + std::to_string(record.boot) +
                               (changed ? "; " + system_note : "");
    ClockConfirmOutcome out;
    out.saved = store.record_clock_confirmation(record, changed ? "clock_set" : "clock_confirmed", detail,
                                                StoreLedger(store, c.kiosk).now_text());
    if (!out.saved)
        out.message = "The clock is now " + now.date() + " " + now.time_hm() +
                      ", but the kiosk could not record it: " + store.last_error();
    return out;  // staff just saw the time: nothing more to say when all went well
}

}  // namespace dv
