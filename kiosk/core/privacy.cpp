// Session ids and visit stamps.
#include "privacy.hpp"

#include <sodium.h>

#include <stdexcept>

namespace dv {

std::string new_session_id() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
    unsigned char bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    char hex[sizeof bytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    sodium_memzero(bytes, sizeof bytes);
    return hex;
}

std::string part_of_day(int hour) {
    if (hour < 12) return "morning";
    if (hour < 17) return "afternoon";
    return "evening";
}

VisitStamp stamp_visit(const CivilTime& local, bool clock_trusted, int boot) {
    VisitStamp s;
    s.date = local.date();
    s.part_of_day = part_of_day(local.hour);
    s.date_uncertain = !clock_trusted;
    s.boot = boot;
    return s;
}

std::int64_t onscreen_respondents(std::int64_t respondents, int threshold, int refresh_every) {
    if (refresh_every < 1) refresh_every = 1;
    const std::int64_t published = respondents - respondents % refresh_every;
    return published >= threshold && published > 0 ? published : 0;
}

}  // namespace dv
