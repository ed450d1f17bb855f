// Tests only: a clock that shows whatever time the test sets, and moves only when told.
#pragma once

#include "core/clock.hpp"

namespace dv::test {

class FixedClock final : public Clock {
public:
    explicit FixedClock(std::int64_t unix_seconds) : m_unix(unix_seconds) {}
    void set(std::int64_t unix_seconds) { m_unix = unix_seconds; }
    void advance(double seconds) {
        m_monotonic += seconds;
        m_unix += static_cast<std::int64_t>(seconds);
    }

    double monotonic_seconds() const override { return m_monotonic; }
    std::int64_t unix_seconds() const override { return m_unix; }
    CivilTime local_time(std::int64_t unix_seconds) const override { return civil_from_unix(unix_seconds); }

private:
    std::int64_t m_unix;
    double m_monotonic = 1000;
};

}  // namespace dv::test
