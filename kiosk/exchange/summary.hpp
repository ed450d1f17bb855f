// summary.json of an export bundle: how many gave each answer, per question, option and
// period, with small numbers suppressed (core/suppression.hpp). Counts only: no row, no
// session id, no free text. Periods are formed the way core's tabulate_answers() forms them
// (core/export_rows.hpp): every period holds at least min_group visits, and visits flagged as
// repeat presses are left out, as in a report's headline tables.
#pragma once

#include "core/content.hpp"
#include "core/export_rows.hpp"
#include "core/suppression.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace dv {

class SummaryBuilder {
public:
    // `sessions` are the export's sessions as the store holds them (before coarsening): they
    // fix the periods. Questions are counted by the pack's options; questions the pack does
    // not know, and free-text ones, are not counted.
    SummaryBuilder(const Pack* pack, const std::vector<ExportSession>& sessions, int min_group,
                   SuppressionRule rule = SuppressionRule::hes());

    // A session's effective answers (as streamed; the session is looked up by id).
    void add(const std::string& session_id, const std::vector<ExportAnswer>& answers);
    std::string json() const;

private:
    struct Entry {
        const Question* question = nullptr;
        std::vector<std::vector<std::int64_t>> periods;  // by period number: count per option, or empty
    };
    using Key = std::pair<std::string, std::string>;  // question id, phase
    struct KeyLess {
        using is_transparent = void;
        template <typename A, typename B>
        bool operator()(const A& a, const B& b) const {
            const int c = std::string_view(a.first).compare(b.first);
            return c != 0 ? c < 0 : std::string_view(a.second) < std::string_view(b.second);
        }
    };
    Entry* entry(std::string_view question, std::string_view phase);

    const Pack* m_pack;
    SuppressionRule m_rule;
    int m_min_group;
    std::unordered_map<std::string, std::uint32_t> m_period_of;  // session id → period number
    std::vector<std::string> m_period_labels;                    // by period number
    // entry() by "question\nphase", without a string comparison per level of m_counts.
    std::unordered_map<std::string, Entry*> m_entry_of;
    std::string m_entry_key;
    std::int64_t m_flagged_left_out = 0;
    std::int64_t m_withheld = 0;
    std::map<Key, Entry, KeyLess> m_counts;
};

}  // namespace dv
