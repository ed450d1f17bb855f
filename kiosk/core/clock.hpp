// The clock the kiosk trusts: the only place datavoice reads the time.
//
// Two readings: a monotonic one for timeouts (never jumps) and a wall-clock one for the
// coarse date stored with a visit. Product code takes a Clock&, so tests and headless
// scripts can substitute a fake or shifted clock; nothing else calls time().
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace dv {

struct CivilTime {
    int year = 1970, month = 1, day = 1;
    int hour = 0, minute = 0, second = 0;

    std::string date() const;      // "YYYY-MM-DD"
    std::string time_hm() const;   // "HH:MM"
};

// Calendar conversion for a given offset from UTC (seconds east).
CivilTime civil_from_unix(std::int64_t unix_seconds, int utc_offset_seconds = 0);
std::int64_t unix_from_civil(const CivilTime& t, int utc_offset_seconds = 0);
// Parses "YYYY-MM-DD" or "YYYY-MM-DD HH:MM[:SS]"; false when malformed or out of range.
bool parse_civil(const std::string& text, CivilTime& out);
// Days since 1970-01-01 of a "YYYY-MM-DD" date (nullopt when malformed), and back.
std::optional<std::int64_t> day_number(const std::string& date);
std::string date_of(std::int64_t day);

// "YYYY-MM-DDTHH:MM" (ISO 8601 to the minute, no zone: the kiosk's local time).
std::string iso_minute(const CivilTime& t);

// The fields staff set on the clock screen, each with its own +/- stepper.
enum class ClockField { Day, Month, Year, Hour, Minute };
// One step of a field. Day, hour and minute wrap around within their range (the day within
// the month); the month wraps and keeps the day inside the new month; the year stays within
// 2000..2099 (a kiosk set outside it is set wrong).
CivilTime step_civil(CivilTime t, ClockField field, int delta);

class Clock {
public:
    virtual ~Clock() = default;
    virtual double monotonic_seconds() const = 0;
    virtual std::int64_t unix_seconds() const = 0;
    virtual CivilTime local_time(std::int64_t unix_seconds) const = 0;

    // Sets the wall clock so it reads `unix` now; false with `error` when it may not.
    virtual bool set_wall_time(std::int64_t unix, std::string& error) {
        (void)unix;
        error = "this clock cannot be set";
        return false;
    }
    // What identifies this run of the wall clock: a correction found against it holds only
    // while it is the same (the operating system's boot id; "" when unknown).
    virtual std::string run_id() const { return ""; }

    CivilTime local_now() const { return local_time(unix_seconds()); }
};

// The unix time of a local civil time on this clock (its time zone rules at that time).
std::int64_t unix_from_local(const Clock& clock, const CivilTime& local);

// The operating system's clocks, in the machine's local time zone.
class SystemClock final : public Clock {
public:
    double monotonic_seconds() const override;
    std::int64_t unix_seconds() const override;
    CivilTime local_time(std::int64_t unix_seconds) const override;
    // clock_settime(CLOCK_REALTIME): needs CAP_SYS_TIME (root).
    bool set_wall_time(std::int64_t unix, std::string& error) override;
    std::string run_id() const override;  // /proc/sys/kernel/random/boot_id
};

// Another clock moved by fixed amounts: lets a headless script jump past an inactivity
// timeout, and lets the kiosk apply a staff-confirmed correction without touching the OS.
// (Tests move the system clock itself from outside the kiosk: tests/support/fake_clock_preload.cpp.)
class ShiftedClock final : public Clock {
public:
    explicit ShiftedClock(const Clock& base) : m_base(base) {}
    // Never copied: a copy of a ShiftedClock over another would silently share its base
    // instead of stacking on it. Stack one on another through a Clock&.
    ShiftedClock(const ShiftedClock&) = delete;
    ShiftedClock& operator=(const ShiftedClock&) = delete;
    void shift_monotonic(double seconds) { m_monotonic_shift += seconds; }
    void set_wall_offset(std::int64_t seconds) { m_wall_offset = seconds; }
    std::int64_t wall_offset() const { return m_wall_offset; }

    double monotonic_seconds() const override { return m_base.monotonic_seconds() + m_monotonic_shift; }
    std::int64_t unix_seconds() const override { return m_base.unix_seconds() + m_wall_offset; }
    CivilTime local_time(std::int64_t unix_seconds) const override { return m_base.local_time(unix_seconds); }
    bool set_wall_time(std::int64_t unix, std::string&) override {
        m_wall_offset += unix - unix_seconds();
        return true;
    }
    std::string run_id() const override { return m_base.run_id(); }

private:
    const Clock& m_base;
    double m_monotonic_shift = 0;
    std::int64_t m_wall_offset = 0;
};

}  // namespace dv
