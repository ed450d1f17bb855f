// This file implements the one seam for a test's fake time (see kiosk_clock.hpp).
#include "kiosk_clock.hpp"

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

}  // namespace dv
