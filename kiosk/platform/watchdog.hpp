// The systemd service manager's notify protocol: READY=1 once the first frame is up, then
// WATCHDOG=1 from the frame loop at half the watchdog interval, so a hung loop gets restarted.
//
// [X] NOTIFY_SOCKET and WATCHDOG_USEC/WATCHDOG_PID from the environment, through libsystemd.
// [X] Silent and free when not started by systemd (no socket: every call does nothing).
// [ ] STATUS= messages: the staff screen is where people look.
#pragma once

namespace dv {

class Watchdog {
public:
    Watchdog();
    bool enabled() const { return m_interval > 0; }
    // Tells the service manager the kiosk is up.
    void ready();
    // Sends WATCHDOG=1 if half the interval has passed since the last one.
    void ping(double monotonic_now);
    // The latest monotonic time the loop may sleep until before it must ping again.
    double next_due() const;

private:
    double m_interval = 0;  // seconds; 0 when systemd is not watching
    double m_last_ping = -1e300;
};

}  // namespace dv
