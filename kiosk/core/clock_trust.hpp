// Whether the kiosk believes its wall clock.
//
// A Raspberry Pi has no battery-backed clock and a kiosk has no network: after a power cut it
// may boot believing it is 1970, or last Tuesday. Every stored date depends on the clock, so
// the kiosk decides at start-up, and checks again whenever it stamps a visit, whether to trust
// it. Visits are always stored; on an untrusted clock they are marked date_uncertain with the
// boot number, so staff (and `datavoice collect`) can correct them later.
//
// STATES
//
//            start(): every rule holds                 check(): a jump during the run
//   Unknown ───────────────────────────► Trusted ────────────────────────────────► Untrusted
//      │                                   ▲                                          │
//      │ start(): a rule fails             │ staff_confirm()                          │
//      └───────────────────────────────► Untrusted ◄──────────────────────────────────┘
//
// TRANSITIONS
//   Unknown → Trusted | Untrusted   ClockTrust::start()  (on the system clock plus any correction
//                                   carried over from a kiosk restart within the same OS boot)
//   Trusted → Untrusted             ClockTrust::check()  (the wall clock moved against the monotonic one)
//   Untrusted → Trusted             ClockTrust::staff_confirm()
//
// RULES for start() (each failure is a ClockVerdict)
//   the time is not before the build date;
//   not before the latest date already stored;
//   not before the last trusted reading (no jump backwards);
//   not more than max_forward_seconds after the last trusted reading.
//
// INVARIANTS (tests/unit/test_clock_trust.cpp names them)
//   (1) Once untrusted, only a staff confirmation makes the clock trusted again within a boot.
//   (2) remember() never moves the last trusted reading backwards, and never records a reading
//       taken while untrusted.
//   (3) The correction staff confirm is an offset added to the system clock; it never changes
//       what the monotonic clock says, so timeouts are unaffected.
//   (4) A carried correction is judged by the same rules as the bare system clock: it is
//       applied, never trusted blindly.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dv {

enum class ClockVerdict {
    Trusted,
    BeforeBuild,       // e.g. 1970 after a power cut
    BeforeStoredData,  // earlier than a visit already stored
    WentBackwards,     // earlier than the last trusted reading
    JumpedForward,     // much later than the last trusted reading
    JumpedWhileRunning,
};
const char* verdict_text(ClockVerdict v);  // plain words for the staff screen and log

// A staff confirmation of the time, as the store keeps it and an export carries it
// (manifest.json "clock", docs/bundle-format.md).
struct ClockConfirmation {
    int boot = 0;
    // The actual time minus the kiosk's clock as it was before the confirmation (the clock
    // that stamped the boot's date-uncertain visits); 0 when staff said it was right.
    std::int64_t offset_seconds = 0;
    std::string confirmed_on;  // YYYY-MM-DD on the corrected clock
};

// The kiosk's clock as an export describes it (manifest.json "clock").
struct ExportClock {
    std::string at_export;  // YYYY-MM-DDTHH:MM, the kiosk's local time with any correction applied
    bool trusted = false;   // whether the kiosk trusted its clock at the export
    int boot = 0;           // the boot the export ran in
    // For each boot with date-uncertain visits in the bundle and a confirmation in that same
    // boot: the latest confirmation. Filled by the export job.
    std::vector<ClockConfirmation> corrections;
};

// What the kiosk remembers between boots (stored in the settings table).
struct ClockMemory {
    std::int64_t last_trusted = 0;  // unix seconds of the latest trusted reading; 0 = never
    int boot = 0;                   // how many times the kiosk has started
};

struct ClockRules {
    std::int64_t build_time = 0;                       // unix seconds; nothing before it is trusted
    std::int64_t max_forward_seconds = 60LL * 86400;   // a longer gap needs a staff confirmation
    std::int64_t running_jump_seconds = 300;           // wall vs monotonic disagreement while running
};

// The build date as unix seconds (midnight UTC of DATAVOICE_BUILD_DATE).
std::int64_t build_time_from_date(const std::string& yyyy_mm_dd);

class ClockTrust {
public:
    ClockTrust(ClockRules rules, ClockMemory remembered, std::string latest_stored_date);

    // The first reading of this boot. `system_unix` is the operating system's clock;
    // `carried_offset` a staff correction still valid from an earlier start in the same OS
    // boot (invariant 4: the rules judge system_unix + carried_offset).
    ClockVerdict start(std::int64_t system_unix, double monotonic, std::int64_t carried_offset = 0);
    // A later reading: untrusts the clock if it moved against the monotonic clock.
    ClockVerdict check(std::int64_t system_unix, double monotonic);
    // Staff say the true time is `actual_unix`; returns the offset found (actual - system).
    std::int64_t staff_confirm(std::int64_t actual_unix, std::int64_t system_unix, double monotonic);

    bool trusted() const { return m_trusted; }
    ClockVerdict verdict() const { return m_verdict; }
    // Seconds added to the system clock to get the kiosk's time (0 unless staff corrected it).
    std::int64_t offset() const { return m_offset; }
    // What to persist now: the latest trusted reading (invariant 2) and this boot's number.
    ClockMemory remember(std::int64_t system_unix);
    int boot() const { return m_memory.boot; }

private:
    ClockRules m_rules;
    ClockMemory m_memory;
    std::int64_t m_latest_stored_day = 0;  // unix seconds of the latest stored date's midnight
    bool m_trusted = false;
    ClockVerdict m_verdict = ClockVerdict::Trusted;
    std::int64_t m_offset = 0;
    // The reading the running checks compare against: wall (with offset) at a monotonic time.
    std::int64_t m_anchor_wall = 0;
    double m_anchor_monotonic = 0;
};

}  // namespace dv
