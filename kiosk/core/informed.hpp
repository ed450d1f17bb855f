// Informed views: what a mini deliberative poll records beside the two views so a
// report can say whether people understood the scenario and what the cards did.
//
//   - A comparison group: per visit and scenario, comparison_percent of visits are asked the
//     view twice with a neutral pause instead of the cards. assign_group() decides once per
//     visit; the journey keeps it for every screen of that visit and stores it (Phase::Group).
//   - Time on each card only as a coarse band (under 3 s, 3–15 s, longer), never seconds.
//   - A visit that saw cards and left every one in under 3 s is flagged too fast; the report
//     leaves such visits out of the change tables by default, as it does repeat presses.
//   - "How sure are you?" has three points; reasons are cards of the scenario.
// check_informed_record() is the one place that says what a stored record may hold; the
// staff tools refuse rows it rejects.
#pragma once

#include "answer_key.hpp"
#include "content.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace dv {

enum class StudyGroup { Cards, Comparison };
const char* study_group_name(StudyGroup g);  // "cards", "comparison"

// A uniform random number in [0, 100) — the kiosk's CSPRNG by default; tests and the simulator
// pass their own.
using PercentDraw = std::function<std::uint32_t()>;
std::uint32_t secure_percent_draw();
StudyGroup assign_group(int comparison_percent, const PercentDraw& draw = secure_percent_draw);

enum class TimeBand { Under3s, From3To15s, Over15s };
const char* time_band_name(TimeBand b);  // "under_3s", "3_to_15s", "over_15s"
TimeBand time_band(double seconds);

// "card:band,card:band" in the order the cards were shown.
using CardTime = std::pair<std::string, TimeBand>;
std::string encode_card_times(const std::vector<CardTime>& times);
std::vector<CardTime> decode_card_times(const std::string& value, bool* ok = nullptr);
// True when at least one card was shown and every card shown was left in under 3 s.
bool too_fast(const std::vector<CardTime>& times);

// "How sure are you?": stored as these ids, in this order.
const std::vector<std::string>& sureness_ids();  // "very", "fairly", "not"

// The scenario a knowledge statement belongs to (nullptr when none).
const Scenario* scenario_of_knowledge(const LanguageContent& c, const std::string& item_id);

// Whether a stored record of one of the phases above fits the pack: "" when it does, else a
// sentence saying what is wrong. Phases that are not informed-view records give "".
std::string check_informed_record(const LanguageContent& c, Phase phase, const std::string& question_id,
                                  const std::string& value);

}  // namespace dv
