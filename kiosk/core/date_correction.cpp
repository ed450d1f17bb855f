// This file implements the date-correction rule described in date_correction.hpp.
#include "date_correction.hpp"

#include "clock.hpp"
#include "export_rows.hpp"

#include <map>

namespace dv {

namespace {

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kMaxOffset = 200LL * 366 * kDay;

std::optional<std::int64_t> day_start(const std::string& date) {
    const auto day = day_number(date);
    if (!day) return std::nullopt;
    return *day * kDay;
}

// [begin, end) in seconds of naive local time.
struct Span {
    std::int64_t begin = 0, end = 0;
};

std::optional<Span> part_span(const std::string& part) {
    if (part.empty()) return Span{0, kDay};
    if (part == "morning") return Span{0, 12 * 3600};
    if (part == "afternoon") return Span{12 * 3600, 17 * 3600};
    if (part == "evening") return Span{17 * 3600, kDay};
    return std::nullopt;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

const char* part_at(std::int64_t seconds_into_day) {
    if (seconds_into_day < 12 * 3600) return "morning";
    if (seconds_into_day < 17 * 3600) return "afternoon";
    return "evening";
}

}  // namespace

std::optional<DateLabel> shift_date_label(const DateLabel& label, std::int64_t offset_seconds) {
    const auto slash = label.visit_date.find('/');
    const std::string first = label.visit_date.substr(0, slash);
    const std::string last = slash == std::string::npos ? first : label.visit_date.substr(slash + 1);
    const auto from = day_start(first), to = day_start(last);
    const auto part = part_span(label.part_of_day);
    if (!from || !to || !part || *to < *from) return std::nullopt;
    // An offset of centuries is not a clock correction (and must not overflow below).
    if (offset_seconds > kMaxOffset || offset_seconds < -kMaxOffset) return std::nullopt;
    if (slash != std::string::npos && !label.part_of_day.empty()) return std::nullopt;  // not a label the kiosk writes
    const std::int64_t begin = *from + part->begin + offset_seconds;
    const std::int64_t last_second = *to + part->end - 1 + offset_seconds;
    const std::int64_t day = floor_div(begin, kDay);
    if (floor_div(last_second, kDay) != day) return std::nullopt;
    DateLabel out;
    out.visit_date = date_of(day);
    if (!label.part_of_day.empty()) {
        const char* a = part_at(begin - day * kDay);
        const char* b = part_at(last_second - day * kDay);
        if (std::string(a) == b) out.part_of_day = a;
    }
    return out;
}

DateCorrectionCount correct_uncertain_dates(std::vector<ExportSession>& sessions,
                                            const std::vector<ClockCorrection>& corrections) {
    std::map<int, std::int64_t> offset_by_boot;
    for (const auto& c : corrections) offset_by_boot[c.boot] = c.offset_seconds;
    DateCorrectionCount count;
    for (auto& s : sessions) {
        if (!s.date_uncertain) continue;
        const auto it = offset_by_boot.find(s.boot);
        const auto shifted =
            it == offset_by_boot.end() ? std::nullopt : shift_date_label({s.visit_date, s.part_of_day}, it->second);
        if (!shifted) {
            ++count.still_uncertain;
            continue;
        }
        s.visit_date = shifted->visit_date;
        s.part_of_day = shifted->part_of_day;
        s.date_uncertain = false;
        s.boot = 0;
        ++count.corrected;
    }
    return count;
}

}  // namespace dv
