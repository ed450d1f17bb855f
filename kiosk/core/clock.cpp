// Calendar arithmetic and the system clock.
#include "clock.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>

namespace dv {

namespace {

// Days since 1970-01-01 for a proleptic Gregorian date (era-based, exact for all int years).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, int& y, int& m, int& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2));
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

}  // namespace

std::string CivilTime::date() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::string CivilTime::time_hm() const {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", hour, minute);
    return buf;
}

CivilTime civil_from_unix(std::int64_t unix_seconds, int utc_offset_seconds) {
    const std::int64_t t = unix_seconds + utc_offset_seconds;
    std::int64_t days = t / 86400;
    std::int64_t rem = t % 86400;
    if (rem < 0) {
        rem += 86400;
        --days;
    }
    CivilTime c;
    civil_from_days(days, c.year, c.month, c.day);
    c.hour = static_cast<int>(rem / 3600);
    c.minute = static_cast<int>(rem / 60 % 60);
    c.second = static_cast<int>(rem % 60);
    return c;
}

std::int64_t unix_from_civil(const CivilTime& t, int utc_offset_seconds) {
    return days_from_civil(t.year, static_cast<unsigned>(t.month), static_cast<unsigned>(t.day)) * 86400 +
           t.hour * 3600 + t.minute * 60 + t.second - utc_offset_seconds;
}

bool parse_civil(const std::string& text, CivilTime& out) {
    CivilTime c;
    int consumed = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &c.year, &c.month, &c.day, &consumed) != 3 || consumed != 10)
        return false;
    if (text.size() > 10) {
        int n = 0;
        const char* rest = text.c_str() + 10;
        if (std::sscanf(rest, " %2d:%2d%n", &c.hour, &c.minute, &n) != 2) return false;
        if (rest[n] == ':') {
            int n2 = 0;
            if (std::sscanf(rest + n, ":%2d%n", &c.second, &n2) != 1) return false;
            n += n2;
        }
        if (rest[n] != '\0') return false;
    }
    if (c.year < 1970 || c.year > 9999 || c.month < 1 || c.month > 12 || c.day < 1 ||
        c.day > days_in_month(c.year, c.month) || c.hour > 23 || c.minute > 59 || c.second > 59 || c.hour < 0 ||
        c.minute < 0 || c.second < 0)
        return false;
    out = c;
    return true;
}

std::optional<std::int64_t> day_number(const std::string& date) {
    CivilTime c;
    if (date.size() != 10 || !parse_civil(date, c)) return std::nullopt;
    return unix_from_civil(c) / 86400;
}

std::string date_of(std::int64_t day) { return civil_from_unix(day * 86400).date(); }

std::string iso_minute(const CivilTime& t) { return t.date() + "T" + t.time_hm(); }

CivilTime step_civil(CivilTime t, ClockField field, int delta) {
    auto wrap = [](int v, int lo, int hi) {
        const int n = hi - lo + 1;
        return lo + ((v - lo) % n + n) % n;
    };
    switch (field) {
        case ClockField::Day: t.day = wrap(t.day + delta, 1, days_in_month(t.year, t.month)); break;
        case ClockField::Month: t.month = wrap(t.month + delta, 1, 12); break;
        case ClockField::Year: t.year = std::clamp(t.year + delta, 2000, 2099); break;
        case ClockField::Hour: t.hour = wrap(t.hour + delta, 0, 23); break;
        case ClockField::Minute: t.minute = wrap(t.minute + delta, 0, 59); break;
    }
    t.day = std::min(t.day, days_in_month(t.year, t.month));
    return t;
}

std::int64_t unix_from_local(const Clock& clock, const CivilTime& local) {
    // Guess with the zone's offset now, then correct with its offset at the guess (a summer
    // date set while the clock believes it is winter).
    const std::int64_t as_utc = unix_from_civil(local);
    const std::int64_t now = clock.unix_seconds();
    std::int64_t guess = as_utc - (unix_from_civil(clock.local_time(now)) - now);
    guess = as_utc - (unix_from_civil(clock.local_time(guess)) - guess);
    return guess;
}

double SystemClock::monotonic_seconds() const {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

std::int64_t SystemClock::unix_seconds() const {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

bool SystemClock::set_wall_time(std::int64_t unix, std::string& error) {
    timespec ts{};
    ts.tv_sec = static_cast<std::time_t>(unix);
    if (clock_settime(CLOCK_REALTIME, &ts) == 0) return true;
    error = std::string("the system clock could not be set (") + std::strerror(errno) + ")";
    return false;
}

std::string SystemClock::run_id() const {
    std::ifstream in("/proc/sys/kernel/random/boot_id");
    std::string id;
    std::getline(in, id);
    return id;
}

CivilTime SystemClock::local_time(std::int64_t unix_seconds) const {
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    localtime_r(&t, &tm);
    CivilTime c;
    c.year = tm.tm_year + 1900;
    c.month = tm.tm_mon + 1;
    c.day = tm.tm_mday;
    c.hour = tm.tm_hour;
    c.minute = tm.tm_min;
    c.second = tm.tm_sec;
    return c;
}

}  // namespace dv
