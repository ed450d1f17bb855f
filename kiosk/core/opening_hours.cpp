// Opening-hours arithmetic on local wall-clock minutes.
#include "opening_hours.hpp"

#include <cstdio>

namespace dv {

namespace {
int minute_of(const std::string& hhmm, int fallback) {
    int h = 0, m = 0;
    return std::sscanf(hhmm.c_str(), "%d:%d", &h, &m) == 2 ? h * 60 + m : fallback;
}
constexpr int kDayMinutes = 24 * 60;
}  // namespace

bool is_clock_time(const std::string& s) {
    int h = -1, m = -1, n = 0;
    if (std::sscanf(s.c_str(), "%2d:%2d%n", &h, &m, &n) != 2 || n != 5 || s.size() != 5) return false;
    return (h >= 0 && h <= 23 && m >= 0 && m <= 59) || (h == 24 && m == 0);
}

OpeningHours OpeningHours::from_text(const std::string& opens, const std::string& closes) {
    return {minute_of(opens, 0), minute_of(closes, kDayMinutes)};
}

bool OpeningHours::always_open() const {
    return (opens_minute % kDayMinutes) == (closes_minute % kDayMinutes);
}

bool OpeningHours::is_open(const CivilTime& local) const {
    if (always_open()) return true;
    const int m = local.hour * 60 + local.minute;
    if (opens_minute < closes_minute) return m >= opens_minute && m < closes_minute;
    return m >= opens_minute || m < closes_minute;  // open across midnight
}

int OpeningHours::seconds_until_change(const CivilTime& local) const {
    if (always_open()) return 86400;
    const int now_s = (local.hour * 60 + local.minute) * 60 + local.second;
    const int target_minute = (is_open(local) ? closes_minute : opens_minute) % kDayMinutes;
    int delta = target_minute * 60 - now_s;
    if (delta <= 0) delta += 86400;
    return delta;
}

}  // namespace dv
