// The rows that leave the kiosk (USB bundles, QR codes) and the privacy steps applied to them
// before they are written: coarsening of visit times, shuffling of row order, and the summary
// tables that are then suppressed (suppression.hpp). The exporters fill these plain structs
// from the store and call the functions here; the staff tools read them back the same way.
//
// Order of use for a row-level export:
//   1. coarsen_visit_times(): every group of rows that share a time label holds at least
//      min_group sessions, so knowing when someone visited never narrows them down further.
//   2. shuffle_rows(): file order says nothing about arrival order.
// For a summary: tabulate_answers() (which coarsens the same way), then suppress_table().
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dv {

struct ExportSession {
    std::string session_id;  // random per visit; links a visit's answers and nothing else
    std::string pack_id, pack_version, pack_hash;
    std::string language;
    // "YYYY-MM-DD", or once coarsened possibly a period "YYYY-MM-DD/YYYY-MM-DD" (ISO 8601
    // interval, both days included) when too few people visited on the day itself.
    std::string visit_date;
    std::string part_of_day;  // "morning", "afternoon", "evening", or "" once coarsened away
    bool date_uncertain = false;
    int boot = 0;  // start-up of the kiosk; 0 once coarsened (only kept for uncertain dates)
    std::string mode = "visitor";
    bool flagged_repeat = false;
};

// One effective answer: the latest for its session, question and phase (skips are not rows).
struct ExportAnswer {
    std::string session_id;
    std::string question_id;
    std::string phase;
    std::string value;  // multi-select: option ids joined by ';'
    std::string content_hash;
};

// --- Coarsening ---------------------------------------------------------------------------

struct CoarsenOptions {
    int min_group = 10;             // smallest number of sessions sharing one time label
    bool drop_part_of_day = false;  // drop it from every row, even where groups are large
    bool keep_boot = false;         // keep the start-up number on rows whose date is trusted
    // Things a bystander can often guess by looking at someone: the language on the screen,
    // and the answers to these questions (typically the pack's "about you" age band). Within
    // a time group, if any value is shared by fewer than min_group sessions, that field is
    // blanked for every session of the group, so a guess never narrows the group down.
    bool protect_language = true;
    std::vector<std::string> guessable_questions;
};

struct CoarsenReport {
    int rows_with_part_of_day = 0;  // rows that kept date and part of day
    int rows_with_date = 0;         // rows that kept their date only
    int rows_with_period = 0;       // rows whose date became a week, a month or a wider period
    int rows_withheld = 0;          // rows left out: the whole set had fewer than min_group
    int languages_blanked = 0;      // rows whose language was blanked
    int answers_removed = 0;        // answers to guessable questions removed
};

// Widens visit times, calendar-aligned so the same complete data always groups the same way:
//   a date with at least min_group sessions keeps its date, and its part of day too if every
//   part of that day that had visitors had at least min_group; the sessions of quieter dates
//   are pooled by ISO week (Monday to Sunday), then by calendar month, and any still too few
//   are merged with the nearest group under a period spanning both. If the whole set has
//   fewer than min_group sessions, every row is withheld. Answers of withheld sessions go too.
// Groups never overlap in a way that helps: every label a known date falls in holds at least
// min_group sessions. Then guessable fields are protected as CoarsenOptions describes.
CoarsenReport coarsen_visit_times(std::vector<ExportSession>& sessions, std::vector<ExportAnswer>& answers,
                                  const CoarsenOptions& options);

// The same protection of guessable answers, for an exporter that coarsens its sessions before
// it has read their answers (the export job reads them meanwhile): `sessions` are already
// coarsened, without answers, by coarsen_visit_times(), whose groups are the sessions sharing
// a time label. Removes answers to options.guessable_questions whose value is rarer than
// min_group in their session's group, and answers of sessions not there. Returns how many
// guessable answers it removed (CoarsenReport::answers_removed), and gives them in `removed`.
int protect_guessable_answers(const std::vector<ExportSession>& sessions, std::vector<ExportAnswer>& answers,
                              const CoarsenOptions& options, std::vector<ExportAnswer>* removed = nullptr);

// True when a visit_date label ("YYYY-MM-DD" or "YYYY-MM-DD/YYYY-MM-DD") covers date.
bool period_contains(const std::string& label, const std::string& date);

// --- Row order ----------------------------------------------------------------------------

// Shuffles sessions with the operating system's CSPRNG (a uniform Fisher-Yates shuffle) and
// puts answers in the new session order, each session's answers together in their old order.
void shuffle_rows(std::vector<ExportSession>& sessions, std::vector<ExportAnswer>& answers);

// --- Summary tables -----------------------------------------------------------------------

struct TabulateOptions {
    int min_group = 10;             // as CoarsenOptions: each period row covers this many sessions
    bool include_flagged = false;   // headline tables leave flagged repeats out
    bool by_part_of_day = false;    // rows per date and part of day where groups allow
};

// Counts of one question's answers: a row per period, a column per option. Multi-select
// values count once per option chosen. Ready for suppress_table().
struct AnswerTable {
    std::string question_id, phase;
    std::vector<std::string> periods;  // row labels: a visit_date label, plus " part" if kept
    std::vector<std::string> options;  // the options asked for, then any others seen, sorted
    std::vector<std::vector<std::int64_t>> counts;
    std::int64_t flagged_left_out = 0;  // sessions left out as repeat presses
    std::int64_t withheld = 0;          // sessions left out: fewer than min_group in all
};

AnswerTable tabulate_answers(const std::vector<ExportSession>& sessions, const std::vector<ExportAnswer>& answers,
                             const std::string& question_id, const std::string& phase,
                             const std::vector<std::string>& options, const TabulateOptions& tabulate = {});

}  // namespace dv
