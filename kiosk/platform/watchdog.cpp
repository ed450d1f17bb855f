// sd_notify through libsystemd.
#include "watchdog.hpp"

#include <systemd/sd-daemon.h>

#include <cstdint>
#include <limits>

namespace dv {

Watchdog::Watchdog() {
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) m_interval = static_cast<double>(usec) / 1e6;
}

void Watchdog::ready() { sd_notify(0, "READY=1"); }

void Watchdog::ping(double monotonic_now) {
    if (!enabled() || monotonic_now - m_last_ping < m_interval / 2) return;
    sd_notify(0, "WATCHDOG=1");
    m_last_ping = monotonic_now;
}

double Watchdog::next_due() const {
    return enabled() ? m_last_ping + m_interval / 2 : std::numeric_limits<double>::infinity();
}

}  // namespace dv
