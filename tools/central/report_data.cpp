// This file implements the report's queries on the central database (see report_data.hpp).
#include "report_data.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace dv::central {

namespace {

// The conditions every table shares; `s` is the sessions table.
std::string where(const ReportFilter& f, std::vector<std::string>& params, bool with_mode = true,
                  bool with_range = true, bool with_flag = true) {
    std::string sql = " WHERE 1 = 1";
    if (with_flag) sql += " AND s.flagged_repeat = 0";
    if (with_mode) {
        sql += " AND s.mode = ?";
        params.push_back(f.mode);
    }
    if (with_range && !f.from.empty()) {
        sql += " AND s.date_from >= ?";
        params.push_back(f.from);
    }
    if (with_range && !f.to.empty()) {
        sql += " AND s.date_to <= ?";
        params.push_back(f.to);
    }
    if (!f.site.empty()) {
        sql += " AND s.site_label = ?";
        params.push_back(f.site);
    }
    if (!f.pack_id.empty()) {
        sql += " AND s.pack_id = ?";
        params.push_back(f.pack_id);
    }
    if (!f.pack_version.empty()) {
        sql += " AND s.pack_version = ?";
        params.push_back(f.pack_version);
    }
    return sql;
}

std::int64_t to_int(const std::string& s) { return s.empty() ? 0 : std::stoll(s); }

}  // namespace

const char* split_name(Split s) {
    switch (s) {
        case Split::Site: return "site";
        case Split::Month: return "month";
        case Split::Language: return "language";
        case Split::Age: return "age";
        case Split::None: break;
    }
    return "";
}

bool load_answer_counts(CentralDb& db, const ReportFilter& filter, Split split, const std::string& age_question,
                        std::vector<AnswerCount>& out, std::string& error) {
    std::vector<std::string> params;
    std::string group = "''", join;
    switch (split) {
        case Split::Site: group = "s.site_label"; break;
        case Split::Month: group = "CASE WHEN s.date_uncertain = 1 THEN 'date uncertain' ELSE s.month END"; break;
        case Split::Language: group = "s.language"; break;
        case Split::Age:
            group = "COALESCE(g.value, '')";
            join = " LEFT JOIN answers g ON g.session_id = s.session_id AND g.question_id = ? AND g.phase = ''";
            params.push_back(age_question);
            break;
        case Split::None: break;
    }
    const std::string sql = "SELECT s.pack_id, s.pack_version, a.question_id, a.phase, a.wording, " + group +
                            " AS grp, a.value FROM answers a JOIN sessions s ON s.session_id = a.session_id" + join +
                            where(filter, params) + " AND a.phase IN ('', 'first', 'second')";
    Rows rows;
    if (!db.count_rows(sql, params, 7, rows, error)) return false;
    out.clear();
    out.reserve(rows.size());
    for (auto& r : rows)
        out.push_back({std::move(r[0]), std::move(r[1]), std::move(r[2]), std::move(r[3]), std::move(r[4]),
                       std::move(r[5]), std::move(r[6]), to_int(r[7])});
    std::sort(out.begin(), out.end(), [](const AnswerCount& a, const AnswerCount& b) {
        return std::tie(a.pack_id, a.pack_version, a.question_id, a.phase, a.wording, a.group, a.value) <
               std::tie(b.pack_id, b.pack_version, b.question_id, b.phase, b.wording, b.group, b.value);
    });
    return true;
}

std::vector<AnswerCount> without_groups(const std::vector<AnswerCount>& counts) {
    std::map<std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>, std::int64_t> sum;
    for (const auto& c : counts) sum[{c.pack_id, c.pack_version, c.question_id, c.phase, c.wording, c.value}] += c.count;
    std::vector<AnswerCount> out;
    for (const auto& [k, n] : sum)
        out.push_back({std::get<0>(k), std::get<1>(k), std::get<2>(k), std::get<3>(k), std::get<4>(k), "", std::get<5>(k), n});
    return out;
}

bool load_pair_counts(CentralDb& db, const ReportFilter& filter, const std::vector<ScenarioView>& views,
                      std::vector<PairCount>& out, std::string& error) {
    std::vector<std::string> params;
    std::string scenario = "''";
    if (!views.empty()) {
        scenario = "CASE";
        for (const auto& v : views) {
            scenario += " WHEN s.pack_id = ? AND a.question_id = ? THEN CAST(? AS TEXT)";
            params.insert(params.end(), {v.pack_id, v.question_id, v.scenario_id});
        }
        scenario += " ELSE '' END";
    }
    // The rule of left_out_of_change() (core/informed_summary.hpp), in SQL.
    const std::string left_out =
        "CASE WHEN COALESCE(tf.value, '') = '1' THEN 'too_fast'"
        " WHEN COALESCE(g.value, '') = 'comparison' THEN 'comparison'"
        " WHEN COALESCE(g.value, '') = 'cards' AND COALESCE(cs.value, '') IN ('', '0') THEN 'no_cards'"
        " WHEN COALESCE(g.value, '') = '' AND COALESCE(cs.value, '') = '0' THEN 'no_cards'"
        " ELSE '' END";
    const auto record = [](const char* alias, const char* phase) {
        return std::string(" LEFT JOIN answers ") + alias + " ON " + alias + ".session_id = f.session_id AND " + alias +
               ".question_id = f.scenario_id AND " + alias + ".phase = '" + phase + "'";
    };
    std::string sql =
        "SELECT f.pack_id, f.pack_version, f.question_id, f.wording, f.value AS first_value, t.value AS second_value, " +
        left_out + " AS left_out FROM (SELECT a.session_id, a.question_id, a.wording, a.value, s.pack_id, s.pack_version, " +
        scenario + " AS scenario_id FROM answers a JOIN sessions s ON s.session_id = a.session_id";
    // The filter's parameters follow the scenarios', in the order the text uses them.
    sql += where(filter, params) + " AND a.phase = 'first') f";
    sql += " JOIN answers t ON t.session_id = f.session_id AND t.question_id = f.question_id AND t.phase = 'second'" +
           record("g", "group") + record("cs", "cards_seen") + record("tf", "too_fast");
    Rows rows;
    if (!db.count_rows(sql, params, 7, rows, error)) return false;
    out.clear();
    for (auto& r : rows)
        out.push_back({std::move(r[0]), std::move(r[1]), std::move(r[2]), std::move(r[3]), std::move(r[4]),
                       std::move(r[5]), std::move(r[6]), to_int(r[7])});
    std::sort(out.begin(), out.end(), [](const PairCount& a, const PairCount& b) {
        return std::tie(a.pack_id, a.pack_version, a.question_id, a.wording, a.first, a.second, a.left_out) <
               std::tie(b.pack_id, b.pack_version, b.question_id, b.wording, b.first, b.second, b.left_out);
    });
    return true;
}

bool load_informed_rows(CentralDb& db, const ReportFilter& filter, std::vector<InformedRow>& out, std::string& error) {
    std::vector<std::string> params;
    const std::string sql = "SELECT a.session_id, s.pack_id, s.pack_version, a.question_id, a.phase, a.value"
                            " FROM answers a JOIN sessions s ON s.session_id = a.session_id" +
                            where(filter, params) +
                            " AND a.phase IN ('first', 'second', 'group', 'knowledge_before', 'knowledge_after',"
                            " 'sure_first', 'sure_second', 'cards_seen', 'too_fast', 'reasons')";
    Rows rows;
    if (!db.query(sql, params, rows, error)) return false;
    out.clear();
    out.reserve(rows.size());
    for (auto& r : rows)
        out.push_back({std::move(r[0]), std::move(r[1]), std::move(r[2]), std::move(r[3]), std::move(r[4]),
                       std::move(r[5])});
    std::sort(out.begin(), out.end(), [](const InformedRow& a, const InformedRow& b) {
        return std::tie(a.session_id, a.question_id, a.phase) < std::tie(b.session_id, b.question_id, b.phase);
    });
    return true;
}

bool load_facts(CentralDb& db, const ReportFilter& filter, ReportFacts& out, std::string& error) {
    out = ReportFacts{};
    Rows rows;
    std::vector<std::string> params;
    if (!db.query("SELECT COUNT(*), MIN(s.date_from), MAX(s.date_to), COALESCE(SUM(s.date_uncertain), 0)"
                  " FROM sessions s" + where(filter, params),
                  params, rows, error))
        return false;
    out.visits = to_int(rows.at(0)[0]);
    out.first_date = rows[0][1];
    out.last_date = rows[0][2];
    out.uncertain = to_int(rows[0][3]);
    params.clear();
    if (!db.query("SELECT COUNT(*) FROM sessions s" + where(filter, params, true, true, false) +
                      " AND s.flagged_repeat = 1",
                  params, rows, error))
        return false;
    out.flagged_left_out = to_int(rows.at(0)[0]);
    params.clear();
    ReportFilter other = filter;
    other.mode = filter.mode == "visitor" ? "facilitator" : "visitor";
    if (!db.query("SELECT COUNT(*) FROM sessions s" + where(other, params), params, rows, error)) return false;
    out.facilitator = filter.mode == "visitor" ? to_int(rows.at(0)[0]) : 0;
    params.clear();
    if (!filter.from.empty() || !filter.to.empty()) {
        std::string sql = "SELECT COUNT(*) FROM sessions s" + where(filter, params, true, false) + " AND (1 = 0";
        if (!filter.from.empty()) {
            sql += " OR (s.date_from < ? AND s.date_to >= ?)";
            params.insert(params.end(), {filter.from, filter.from});
        }
        if (!filter.to.empty()) {
            sql += " OR (s.date_to > ? AND s.date_from <= ?)";
            params.insert(params.end(), {filter.to, filter.to});
        }
        if (!db.query(sql + ")", params, rows, error)) return false;
        out.outside_range = to_int(rows.at(0)[0]);
        params.clear();
    }
    if (!db.query("SELECT DISTINCT s.site_label FROM sessions s" + where(filter, params), params, rows, error))
        return false;
    for (auto& r : rows) out.sites.push_back(r[0]);
    std::sort(out.sites.begin(), out.sites.end());
    params.clear();
    if (!db.query("SELECT DISTINCT s.pack_id, s.pack_version FROM sessions s" + where(filter, params), params, rows,
                  error))
        return false;
    for (auto& r : rows) out.packs.push_back(r[0] + " " + r[1]);
    std::sort(out.packs.begin(), out.packs.end());
    return true;
}

}  // namespace dv::central
