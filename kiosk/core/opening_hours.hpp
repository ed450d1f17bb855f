// Opening hours: outside them the kiosk blanks its screen and sleeps.
#pragma once

#include "clock.hpp"

#include <string>

namespace dv {

// "HH:MM" from 00:00 to 23:59, or "24:00" (the end of a day).
bool is_clock_time(const std::string& text);

struct OpeningHours {
    int opens_minute = 0;         // minutes after midnight, local time
    int closes_minute = 24 * 60;  // may be before opens_minute: open overnight

    // From "HH:MM" strings as validated by the profile parser ("24:00" allowed for closes).
    static OpeningHours from_text(const std::string& opens, const std::string& closes);

    bool always_open() const;
    bool is_open(const CivilTime& local) const;
    // Seconds from `local` until the next opening or closing; a day when always open.
    int seconds_until_change(const CivilTime& local) const;
};

}  // namespace dv
