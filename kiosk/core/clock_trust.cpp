// The rules that decide whether the kiosk trusts its wall clock (see clock_trust.hpp).
#include "clock_trust.hpp"

#include "clock.hpp"

#include <cmath>
#include <cstdlib>

namespace dv {

const char* verdict_text(ClockVerdict v) {
    switch (v) {
        case ClockVerdict::Trusted: return "The clock looks right.";
        case ClockVerdict::BeforeBuild: return "The clock is set before this software was made.";
        case ClockVerdict::BeforeStoredData: return "The clock is set before answers that are already stored.";
        case ClockVerdict::WentBackwards: return "The clock has gone back since it was last trusted.";
        case ClockVerdict::JumpedForward: return "The clock has jumped a long way forward since it was last trusted.";
        case ClockVerdict::JumpedWhileRunning: return "The clock jumped while the kiosk was running.";
    }
    return "";
}

std::int64_t build_time_from_date(const std::string& yyyy_mm_dd) {
    CivilTime c;
    return parse_civil(yyyy_mm_dd, c) ? unix_from_civil(c) : 0;
}

ClockTrust::ClockTrust(ClockRules rules, ClockMemory remembered, std::string latest_stored_date)
    : m_rules(rules), m_memory(remembered) {
    CivilTime c;
    if (!latest_stored_date.empty() && parse_civil(latest_stored_date, c)) m_latest_stored_day = unix_from_civil(c);
}

ClockVerdict ClockTrust::start(std::int64_t system_unix_bare, double monotonic, std::int64_t carried_offset) {
    ++m_memory.boot;
    m_offset = carried_offset;
    m_anchor_wall = system_unix_bare;
    m_anchor_monotonic = monotonic;
    const std::int64_t system_unix = system_unix_bare + carried_offset;  // invariant 4
    // Visits are stamped in local time, which may be up to a day ahead of UTC midnight.
    const std::int64_t latest_allowed_before = m_latest_stored_day - 86400;
    if (system_unix < m_rules.build_time)
        m_verdict = ClockVerdict::BeforeBuild;
    else if (m_latest_stored_day && system_unix < latest_allowed_before)
        m_verdict = ClockVerdict::BeforeStoredData;
    else if (m_memory.last_trusted && system_unix < m_memory.last_trusted)
        m_verdict = ClockVerdict::WentBackwards;
    else if (m_memory.last_trusted && system_unix - m_memory.last_trusted > m_rules.max_forward_seconds)
        m_verdict = ClockVerdict::JumpedForward;
    else
        m_verdict = ClockVerdict::Trusted;
    m_trusted = m_verdict == ClockVerdict::Trusted;
    return m_verdict;
}

ClockVerdict ClockTrust::check(std::int64_t system_unix, double monotonic) {
    const double expected = static_cast<double>(m_anchor_wall) + (monotonic - m_anchor_monotonic);
    const double actual = static_cast<double>(system_unix);
    if (std::fabs(actual - expected) > static_cast<double>(m_rules.running_jump_seconds)) {
        // The operating system's clock was changed under us: believe it no more (invariant 1).
        m_trusted = false;
        m_verdict = ClockVerdict::JumpedWhileRunning;
        m_anchor_wall = system_unix;
        m_anchor_monotonic = monotonic;
    }
    return m_verdict;
}

std::int64_t ClockTrust::staff_confirm(std::int64_t actual_unix, std::int64_t system_unix, double monotonic) {
    m_offset = actual_unix - system_unix;  // invariant 3: only the wall clock moves
    m_trusted = true;
    m_verdict = ClockVerdict::Trusted;
    m_anchor_wall = system_unix;
    m_anchor_monotonic = monotonic;
    if (actual_unix > m_memory.last_trusted) m_memory.last_trusted = actual_unix;
    return m_offset;
}

ClockMemory ClockTrust::remember(std::int64_t system_unix) {
    const std::int64_t now = system_unix + m_offset;
    if (m_trusted && now > m_memory.last_trusted) m_memory.last_trusted = now;  // invariant 2
    return m_memory;
}

}  // namespace dv
