// This file implements the collect/report test data (see central_fixture.hpp).
#include "central_fixture.hpp"

#include "exchange/bundle_rows.hpp"
#include "support/test_pack.hpp"

#include <cstdio>
#include <sstream>

namespace dv::test {

const std::vector<std::pair<std::string, std::int64_t>>& table2_counts() {
    static const std::vector<std::pair<std::string, std::int64_t>> counts = {
        {"very_comfortable", 205},      {"somewhat_comfortable", 132}, {"neutral", 48},
        {"somewhat_uncomfortable", 39}, {"very_uncomfortable", 35}};
    return counts;
}

std::string default_wording(const std::string& question_id) {
    const Question* q = default_pack().default_content().question(question_id);
    return q ? std::string(wording_key(q->content_hash)) : std::string(16, '0');
}

ExportSession default_session(const std::string& id, const std::string& date, const std::string& part_of_day) {
    const Pack& pack = default_pack();
    return made_session(id, date, part_of_day, pack.id, pack.version, pack.hash);
}

std::vector<std::string> write_survey(const std::string& parent, const SurveyKiosks& kiosks, int bundles, bool extras,
                                      std::uint64_t first_export) {
    std::vector<ExportSession> sessions;
    std::vector<ExportAnswer> answers;
    const std::string comfort = default_wording("comfort_wider");
    int n = 0;
    const auto add = [&](const std::string& value, const std::string& mode, bool flagged) {
        char id[33];
        std::snprintf(id, sizeof id, "%032x", 0x5000 + n);
        ExportSession s = default_session(id, n % 2 ? "2025-11-21" : "2025-12-02", n % 3 ? "morning" : "afternoon");
        s.mode = mode;
        s.flagged_repeat = flagged;
        s.language = n % 4 ? "en" : "pl";
        sessions.push_back(s);
        answers.push_back({id, "comfort_wider", "", value, comfort});
        if (extras && mode == "visitor" && !flagged) {
            static const char* ages[] = {"16_35", "36_55", "56_75"};
            answers.push_back({id, "age_band", "", ages[n % 3], default_wording("age_band")});
            if (n < 100) {
                static const char* picks[] = {"names_removed;security", "no_companies", "security;told_how;see_results",
                                              "names_removed"};
                answers.push_back({id, "reassure", "", picks[n % 4], default_wording("reassure")});
            }
            if (n < 70) {
                static const char* first[] = {"yes", "no", "not_sure"};
                const std::string a = first[n % 3];
                // Some of the cards group change their mind towards yes; one of the comparison group.
                const std::string b = (n % 5 == 0 && n < 60) || n == 61 ? "yes" : a;
                answers.push_back({id, "warm_homes_view", "first", a, default_wording("warm_homes_view")});
                answers.push_back({id, "warm_homes_view", "second", b, default_wording("warm_homes_view")});
                answers.push_back({id, "warm_homes", "group", n < 60 ? "cards" : "comparison", ""});
                if (n < 60) answers.push_back({id, "warm_homes", "cards_seen", "4", ""});
                answers.push_back({id, "warm_homes", "sure_first", n % 4 ? "fairly" : "not", ""});
                answers.push_back({id, "warm_homes", "sure_second", n % 8 ? "fairly" : "not", ""});
            }
        }
        ++n;
    };
    for (const auto& [option, count] : table2_counts())
        for (std::int64_t i = 0; i < count; ++i) add(option, "visitor", false);
    if (extras) {
        for (int i = 0; i < 5; ++i) add("very_uncomfortable", "visitor", true);
        for (int i = 0; i < 12; ++i) add("neutral", "facilitator", false);
    }
    // Interleave so every bundle holds a mix; each session keeps its answers together.
    std::vector<BundleSpec> specs(static_cast<size_t>(bundles));
    for (int b = 0; b < bundles; ++b) {
        specs[static_cast<size_t>(b)].export_id = export_id_for(first_export + static_cast<std::uint64_t>(b));
        specs[static_cast<size_t>(b)].kiosk = b % 2 ? kiosks.hill_street : kiosks.riverside;
        specs[static_cast<size_t>(b)].site_label = b % 2 ? "Hill Street Library" : "Riverside Surgery";
    }
    std::vector<int> bundle_of_session(sessions.size());
    for (size_t i = 0; i < sessions.size(); ++i) {
        bundle_of_session[i] = static_cast<int>(i % static_cast<size_t>(bundles));
        specs[static_cast<size_t>(bundle_of_session[i])].sessions.push_back(sessions[i]);
    }
    size_t si = 0;
    for (const auto& a : answers) {
        while (sessions[si].session_id != a.session_id) ++si;
        specs[static_cast<size_t>(bundle_of_session[si])].answers.push_back(a);
    }
    std::vector<std::string> dirs;
    for (const auto& spec : specs) dirs.push_back(write_bundle(parent, spec));
    return dirs;
}

ProcessResult run_tool(const std::vector<std::string>& args) {
    std::vector<std::string> argv{tool_binary()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv);
}

std::vector<std::string> csv_lines(const std::string& path) {
    std::string text = read_file(path);
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (header) {
            header = false;
            continue;
        }
        lines.push_back(line);
    }
    return lines;
}

}  // namespace dv::test
