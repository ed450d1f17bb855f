// This file implements the privacy steps for exported rows: calendar-aligned coarsening of
// visit times, a CSPRNG shuffle of row order, and per-period answer tables.
#include "export_rows.hpp"

#include "clock.hpp"
#include "text.hpp"

#include <sodium.h>

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace dv {

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;


std::int64_t week_start(std::int64_t day) { return day - (day + 3) % 7; }  // 1970-01-01 was a Thursday

std::int64_t month_start(std::int64_t day) {
    CivilTime c = civil_from_unix(day * kSecondsPerDay);
    c.day = 1;
    c.hour = c.minute = c.second = 0;
    return unix_from_civil(c) / kSecondsPerDay;
}

std::int64_t month_end(std::int64_t start) { return month_start(start + 31) - 1; }

// Sessions that will share one time label.
struct Group {
    std::vector<size_t> rows;
    std::int64_t first = 0, last = 0;  // the calendar period the label names
    bool known_period = true;          // false only for rows none of whose dates could be read
    bool keep_part_of_day = false;
};

bool parts_all_large(const std::vector<ExportSession>& sessions, const std::vector<size_t>& rows, size_t k) {
    std::map<std::string, size_t> per_part;
    for (size_t r : rows) ++per_part[sessions[r].part_of_day];
    return std::all_of(per_part.begin(), per_part.end(), [k](const auto& p) { return p.second >= k; });
}

// Builds the groups described in export_rows.hpp. Needs at least k sessions in all.
std::vector<Group> group_by_time(const std::vector<ExportSession>& sessions, size_t k, bool drop_part_of_day) {
    std::vector<Group> groups;
    std::map<std::int64_t, std::vector<size_t>> by_date, by_week, by_month;
    std::vector<size_t> leftover;
    std::vector<std::int64_t> day(sessions.size(), 0);
    for (size_t r = 0; r < sessions.size(); ++r) {
        if (const auto d = day_number(sessions[r].visit_date)) {
            day[r] = *d;
            by_date[*d].push_back(r);
        } else {
            leftover.push_back(r);
        }
    }
    for (auto& [d, rows] : by_date) {
        if (rows.size() >= k) {
            Group g{rows, d, d, true, false};
            g.keep_part_of_day = !drop_part_of_day && parts_all_large(sessions, rows, k);
            groups.push_back(std::move(g));
        } else {
            auto& week = by_week[week_start(d)];
            week.insert(week.end(), rows.begin(), rows.end());
        }
    }
    for (auto& [start, rows] : by_week) {
        if (rows.size() >= k) {
            groups.push_back({rows, start, start + 6, true, false});
        } else {
            for (size_t r : rows) by_month[month_start(day[r])].push_back(r);
        }
    }
    std::int64_t lo = std::numeric_limits<std::int64_t>::max(), hi = std::numeric_limits<std::int64_t>::min();
    for (auto& [start, rows] : by_month) {
        if (rows.size() >= k) {
            groups.push_back({rows, start, month_end(start), true, false});
        } else {
            leftover.insert(leftover.end(), rows.begin(), rows.end());
            lo = std::min(lo, start);
            hi = std::max(hi, month_end(start));
        }
    }
    if (leftover.empty()) return groups;
    const bool known = lo <= hi;
    if (leftover.size() >= k || groups.empty()) {
        groups.push_back({leftover, known ? lo : 0, known ? hi : 0, known, false});
        return groups;
    }
    // Too few even by month: join the nearest group (by calendar distance) under one period.
    auto distance = [&](const Group& g) {
        if (!known) return std::int64_t{0};
        return std::max<std::int64_t>({0, g.first - hi, lo - g.last});
    };
    auto nearest = std::min_element(groups.begin(), groups.end(),
                                    [&](const Group& a, const Group& b) { return distance(a) < distance(b); });
    nearest->rows.insert(nearest->rows.end(), leftover.begin(), leftover.end());
    if (known) {
        nearest->first = std::min(nearest->first, lo);
        nearest->last = std::max(nearest->last, hi);
    }
    nearest->keep_part_of_day = false;
    return groups;
}

std::string period_label(const Group& g) {
    if (!g.known_period) return "";
    return g.first == g.last ? date_of(g.first) : date_of(g.first) + "/" + date_of(g.last);
}

void drop_answers_of_missing_sessions(const std::vector<ExportSession>& sessions, std::vector<ExportAnswer>& answers) {
    if (answers.empty()) return;
    std::unordered_set<std::string_view> kept;
    for (const auto& s : sessions) kept.insert(s.session_id);
    answers.erase(std::remove_if(answers.begin(), answers.end(),
                                 [&](const ExportAnswer& a) { return kept.count(a.session_id) == 0; }),
                  answers.end());
}

bool has_rare_value(const std::map<std::string, size_t>& counts, size_t k) {
    return std::any_of(counts.begin(), counts.end(), [k](const auto& c) { return c.second < k; });
}

// A guessable field is blanked for a whole group when some value of it is rarer than k there.
void protect_language(const std::vector<Group>& groups, std::vector<ExportSession>& sessions, size_t k,
                      CoarsenReport& report) {
    for (const Group& g : groups) {
        std::map<std::string, size_t> per_language;
        for (size_t r : g.rows) ++per_language[sessions[r].language];
        if (!has_rare_value(per_language, k)) continue;
        for (size_t r : g.rows) sessions[r].language.clear();
        report.languages_blanked += static_cast<int>(g.rows.size());
    }
}

void protect_answers(const std::vector<Group>& groups, const std::vector<ExportSession>& sessions,
                     std::vector<ExportAnswer>& answers, const CoarsenOptions& options, size_t k,
                     CoarsenReport& report, std::vector<ExportAnswer>* removed = nullptr) {
    if (options.guessable_questions.empty() || answers.empty()) return;
    std::unordered_map<std::string_view, size_t> group_of;
    group_of.reserve(sessions.size());
    for (size_t g = 0; g < groups.size(); ++g)
        for (size_t r : groups[g].rows) group_of.emplace(sessions[r].session_id, g);
    // Each guessable answer's group, looked up once.
    constexpr size_t kNone = static_cast<size_t>(-1);
    std::vector<size_t> group_of_answer(answers.size(), kNone);
    for (size_t i = 0; i < answers.size(); ++i) {
        const auto& a = answers[i];
        if (std::find(options.guessable_questions.begin(), options.guessable_questions.end(), a.question_id) ==
            options.guessable_questions.end())
            continue;
        if (const auto it = group_of.find(a.session_id); it != group_of.end()) group_of_answer[i] = it->second;
    }
    std::vector<bool> remove(answers.size(), false);
    for (const auto& question : options.guessable_questions) {
        std::vector<std::map<std::string, size_t>> per_value(groups.size());
        for (size_t i = 0; i < answers.size(); ++i)
            if (group_of_answer[i] != kNone && answers[i].question_id == question)
                ++per_value[group_of_answer[i]][answers[i].value];
        for (size_t i = 0; i < answers.size(); ++i)
            if (group_of_answer[i] != kNone && answers[i].question_id == question &&
                has_rare_value(per_value[group_of_answer[i]], k))
                remove[i] = true;
    }
    size_t kept = 0;
    for (size_t i = 0; i < answers.size(); ++i) {
        if (remove[i]) {
            if (removed) removed->push_back(std::move(answers[i]));
            continue;
        }
        if (kept != i) answers[kept] = std::move(answers[i]);
        ++kept;
    }
    report.answers_removed += static_cast<int>(answers.size() - kept);
    answers.resize(kept);
}

}  // namespace

CoarsenReport coarsen_visit_times(std::vector<ExportSession>& sessions, std::vector<ExportAnswer>& answers,
                                  const CoarsenOptions& options) {
    CoarsenReport report;
    const size_t k = static_cast<size_t>(std::max(1, options.min_group));
    if (sessions.size() < k) {
        report.rows_withheld = static_cast<int>(sessions.size());
        sessions.clear();
        answers.clear();
        return report;
    }
    const std::vector<Group> groups = group_by_time(sessions, k, options.drop_part_of_day);
    for (const Group& g : groups) {
        const std::string label = period_label(g);
        for (size_t r : g.rows) {
            ExportSession& s = sessions[r];
            s.visit_date = label;
            if (!g.keep_part_of_day) s.part_of_day.clear();
            if (!options.keep_boot && !s.date_uncertain) s.boot = 0;
            if (!s.part_of_day.empty())
                ++report.rows_with_part_of_day;
            else if (g.first == g.last && g.known_period)
                ++report.rows_with_date;
            else
                ++report.rows_with_period;
        }
    }
    drop_answers_of_missing_sessions(sessions, answers);
    if (options.protect_language) protect_language(groups, sessions, k, report);
    protect_answers(groups, sessions, answers, options, k, report);
    return report;
}

int protect_guessable_answers(const std::vector<ExportSession>& sessions, std::vector<ExportAnswer>& answers,
                              const CoarsenOptions& options, std::vector<ExportAnswer>* removed) {
    // Each group has its own label (coarsen_visit_times' periods never coincide), so the
    // sessions sharing a label are exactly one of its groups.
    std::map<std::string, size_t> group_of_label;
    std::vector<Group> groups;
    for (size_t r = 0; r < sessions.size(); ++r) {
        const auto [it, added] = group_of_label.emplace(sessions[r].visit_date, groups.size());
        if (added) groups.emplace_back();
        groups[it->second].rows.push_back(r);
    }
    drop_answers_of_missing_sessions(sessions, answers);
    CoarsenReport report;
    protect_answers(groups, sessions, answers, options, static_cast<size_t>(std::max(1, options.min_group)), report,
                    removed);
    return report.answers_removed;
}

bool period_contains(const std::string& label, const std::string& date) {
    const auto slash = label.find('/');
    if (slash == std::string::npos) return label == date;
    // ISO dates compare correctly as text.
    return label.compare(0, slash, date) <= 0 && date.compare(label.substr(slash + 1)) <= 0;
}

void shuffle_rows(std::vector<ExportSession>& sessions, std::vector<ExportAnswer>& answers) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
    for (size_t i = sessions.size(); i > 1; --i) {
        const size_t j = randombytes_uniform(static_cast<std::uint32_t>(i));
        std::swap(sessions[i - 1], sessions[j]);
    }
    if (answers.empty()) return;  // an export that streams its answers in the sessions' new order
    std::unordered_map<std::string, size_t> position;
    for (size_t i = 0; i < sessions.size(); ++i) position[sessions[i].session_id] = i;
    auto place = [&](const ExportAnswer& a) {
        const auto it = position.find(a.session_id);
        return it == position.end() ? sessions.size() : it->second;
    };
    std::stable_sort(answers.begin(), answers.end(),
                     [&](const ExportAnswer& a, const ExportAnswer& b) { return place(a) < place(b); });
}

AnswerTable tabulate_answers(const std::vector<ExportSession>& sessions, const std::vector<ExportAnswer>& answers,
                             const std::string& question_id, const std::string& phase,
                             const std::vector<std::string>& options, const TabulateOptions& tabulate) {
    AnswerTable table;
    table.question_id = question_id;
    table.phase = phase;
    std::vector<ExportSession> included;
    for (const auto& s : sessions) {
        if (s.flagged_repeat && !tabulate.include_flagged)
            ++table.flagged_left_out;
        else
            included.push_back(s);
    }
    std::vector<ExportAnswer> relevant;
    for (const auto& a : answers)
        if (a.question_id == question_id && a.phase == phase) relevant.push_back(a);
    // Periods are formed from all included sessions, answered or not, as in a row-level export.
    CoarsenOptions coarsen;
    coarsen.min_group = tabulate.min_group;
    coarsen.drop_part_of_day = !tabulate.by_part_of_day;
    coarsen.protect_language = false;  // tables are per option, not per language
    const CoarsenReport report = coarsen_visit_times(included, relevant, coarsen);
    table.withheld = report.rows_withheld;

    std::unordered_map<std::string, std::string> period_of;
    std::set<std::string> periods;
    for (const auto& s : included) {
        const std::string label = s.visit_date + (s.part_of_day.empty() ? "" : " " + s.part_of_day);
        period_of[s.session_id] = label;
        periods.insert(label);
    }
    table.periods.assign(periods.begin(), periods.end());
    table.options = options;
    std::set<std::string> others;
    for (const auto& a : relevant)
        for (const auto& v : split(a.value, ';'))
            if (!v.empty() && std::find(options.begin(), options.end(), v) == options.end()) others.insert(v);
    table.options.insert(table.options.end(), others.begin(), others.end());

    table.counts.assign(table.periods.size(), std::vector<std::int64_t>(table.options.size(), 0));
    for (const auto& a : relevant) {
        const auto row = std::lower_bound(table.periods.begin(), table.periods.end(), period_of[a.session_id]);
        for (const auto& v : split(a.value, ';')) {
            const auto col = std::find(table.options.begin(), table.options.end(), v);
            if (v.empty() || col == table.options.end()) continue;
            ++table.counts[row - table.periods.begin()][col - table.options.begin()];
        }
    }
    return table;
}

}  // namespace dv
