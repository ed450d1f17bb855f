// This file builds the report's sections from the central database's counts: one per
// question, view and wording (versions whose wordings differ are kept apart unless merged),
// with the pack's words, splits and first→second changes (see report.hpp).
#include "report.hpp"

#include "core/answer_key.hpp"
#include "exchange/bundle_rows.hpp"
#include "core/text.hpp"
#include "pack_check.hpp"
#include "report_informed.hpp"
#include "report_tables.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace dv::central {

namespace {

using Key = std::tuple<std::string, std::string, std::string>;  // pack id, question id, phase

// Versions of one question that share a wording (or all of them, when merged).
struct Group {
    std::set<std::string> versions, wordings;
};

std::vector<Group> group_versions(const std::vector<const AnswerCount*>& rows, bool merge) {
    std::vector<Group> groups;
    for (const auto* r : rows) {
        std::vector<size_t> hits;
        for (size_t i = 0; i < groups.size(); ++i)
            if (merge || groups[i].versions.count(r->pack_version) || groups[i].wordings.count(r->wording))
                hits.push_back(i);
        if (hits.empty()) {
            groups.push_back({{r->pack_version}, {r->wording}});
            continue;
        }
        Group& g = groups[hits[0]];
        g.versions.insert(r->pack_version);
        g.wordings.insert(r->wording);
        for (size_t k = hits.size(); k-- > 1;) {
            g.versions.insert(groups[hits[k]].versions.begin(), groups[hits[k]].versions.end());
            g.wordings.insert(groups[hits[k]].wordings.begin(), groups[hits[k]].wordings.end());
            groups.erase(groups.begin() + static_cast<long>(hits[k]));
        }
    }
    return groups;
}

bool in_group(const Group& g, const std::string& version, const std::string& wording) {
    return g.versions.count(version) && g.wordings.count(wording);
}

struct Words {
    const Pack* pack = nullptr;
    const Question* question = nullptr;  // in the pack's default language
    std::string note;
};

Words find_words(const std::vector<Pack>& packs, const std::string& pack_id, const Group& g,
                 const std::string& question_id) {
    for (int pass = 0; pass < 2; ++pass)
        for (const auto& p : packs) {
            if (p.id != pack_id || (pass == 0 && !g.versions.count(p.version))) continue;
            for (const auto& lang : p.languages) {
                const Question* q = lang.question(question_id);
                if (q && g.wordings.count(std::string(wording_key(q->content_hash))))
                    return {&p, p.default_content().question(question_id), ""};
            }
        }
    for (const auto& p : packs)
        if (p.id == pack_id && g.versions.count(p.version))
            if (const Question* q = p.default_content().question(question_id))
                return {&p, q, "The words are from pack " + p.id + " " + p.version +
                                   "; the wording the visitors saw could not be matched to it."};
    return {nullptr, nullptr, "The content pack \"" + pack_id + "\" (version " + *g.versions.begin() +
                                  ") was not found, so answers are shown by their ids."};
}

std::string phase_label(const std::string& phase) {
    if (phase == phase_name(Phase::First)) return "first view, before the other points of view";
    if (phase == phase_name(Phase::Second)) return "second view, after the other points of view";
    return "";
}

std::string group_label(Split split, const std::string& g) {
    if (!g.empty()) return g;
    switch (split) {
        case Split::Month: return "a period across months";
        case Split::Language: return "not shown (too few in its group)";
        case Split::Age: return "not given";
        default: return "(none)";
    }
}

std::string split_title(Split s) {
    switch (s) {
        case Split::Site: return "Site";
        case Split::Month: return "Month";
        case Split::Language: return "Language";
        case Split::Age: return "Age band";
        case Split::None: break;
    }
    return "";
}

std::string joined(const std::set<std::string>& s) {
    std::string out;
    for (const auto& v : s) out += (out.empty() ? "" : ", ") + v;
    return out;
}

int question_position(const Words& w) {
    if (!w.pack) return 1 << 20;
    const auto& qs = w.pack->default_content().questions;
    for (size_t i = 0; i < qs.size(); ++i)
        if (qs[i].id == w.question->id) return static_cast<int>(i);
    return 1 << 20;
}

Tally shape_of(const Words& w, bool multi) {
    Tally t;
    t.multi = w.question ? w.question->type == QuestionType::Multi : multi;
    if (w.question)
        for (const auto& o : w.question->options) {
            t.ids.push_back(o.id);
            t.labels.push_back(o.label);
            t.counts.push_back(0);
        }
    return t;
}

bool looks_like_ids(const std::string& value) {
    for (const auto& id : split(value, ';'))
        if (!is_valid_id(id)) return false;
    return true;
}

std::string safe_name(std::string s) {
    for (auto& c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) c = '-';
    return s;
}

// An age band's words from the pack that asks it; the id otherwise.
std::string age_label(const ReportOptions& o, const std::string& value) {
    if (o.split != Split::Age || value.empty()) return value;
    for (const auto& p : o.packs)
        if (const Question* q = p.default_content().question(o.age_question.empty() ? "age_band" : o.age_question))
            if (const Option* opt = q->option(value)) return opt->label;
    return value;
}

// Which scenario asks each view question, in every pack given.
std::vector<ScenarioView> scenario_views(const std::vector<Pack>& packs) {
    std::set<std::tuple<std::string, std::string, std::string>> seen;
    std::vector<ScenarioView> out;
    for (const auto& p : packs)
        for (const auto& s : p.default_content().scenarios)
            if (seen.insert({p.id, s.question, s.id}).second) out.push_back({p.id, s.question, s.id});
    return out;
}

struct Built {
    int position;
    std::string sort_key;
    ReportSection section;
};

std::string plural(std::int64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// What a part of the report could not do as asked, for Report::warnings.
struct Shortfalls {
    std::map<std::string, std::set<std::string>> ids_only;  // "pack version" -> questions shown by ids
    std::map<std::string, std::int64_t> unfit;               // question -> answers left out
};

bool build_part(CentralDb& db, const ReportOptions& o, const ReportFilter& filter, const std::string& prefix,
                std::vector<ReportSection>& out, std::vector<std::string>& not_tabulated, Shortfalls& shortfalls,
                std::string& error) {
    std::vector<AnswerCount> counts, split_counts;
    std::vector<PairCount> pairs;
    if (o.split == Split::None) {
        if (!load_answer_counts(db, filter, Split::None, "", counts, error)) return false;
    } else {
        // One pass: the whole-question counts are the split's summed over its groups.
        if (!load_answer_counts(db, filter, o.split, o.age_question.empty() ? "age_band" : o.age_question,
                                split_counts, error))
            return false;
        counts = without_groups(split_counts);
    }
    if (!load_pair_counts(db, filter, scenario_views(o.packs), pairs, error)) return false;

    std::map<Key, std::vector<const AnswerCount*>> by_key;
    for (const auto& c : counts) by_key[{c.pack_id, c.question_id, c.phase}].push_back(&c);
    std::vector<Built> built;
    for (const auto& [key, rows] : by_key) {
        const auto& [pack_id, question_id, phase] = key;
        const auto groups = group_versions(rows, o.merge_versions);
        for (size_t gi = 0; gi < groups.size(); ++gi) {
            const Group& g = groups[gi];
            const Words w = find_words(o.packs, pack_id, g, question_id);
            bool multi = false, ids_only = true;
            for (const auto* r : rows)
                if (in_group(g, r->pack_version, r->wording)) {
                    multi |= r->value.find(';') != std::string::npos;
                    ids_only &= looks_like_ids(r->value);
                }
            if ((w.question && w.question->type == QuestionType::FreeText) || (!w.question && !ids_only)) {
                not_tabulated.push_back(question_id);
                continue;
            }
            // A value that does not fit the pack (collected without it) is left out, and said so.
            const auto fits = [&](const std::string& value) {
                return !w.question || value_problem(*w.question, value).empty();
            };
            Tally tally = shape_of(w, multi);
            std::int64_t unfit = 0;
            for (const auto* r : rows)
                if (in_group(g, r->pack_version, r->wording)) {
                    if (fits(r->value)) tally_value(tally, r->value, r->count);
                    else unfit += r->count;
                }
            if (!w.pack) shortfalls.ids_only[pack_id + " " + joined(g.versions)].insert(question_id);
            if (unfit) shortfalls.unfit[question_id] += unfit;
            ReportSection s;
            s.heading = w.question ? w.question->text : question_id;
            s.detail = "Question " + question_id + (phase.empty() ? "" : ", " + phase_label(phase)) + "; pack " +
                       pack_id + " " + (g.versions.size() > 1 ? "versions " : "version ") + joined(g.versions);
            if (!w.note.empty()) s.notes.push_back(w.note);
            if (unfit)
                s.notes.push_back(plural(unfit, "answer names", "answers name") +
                                  " options this question does not have in its pack (or one option twice, or too "
                                  "many), and " + (unfit == 1 ? "is" : "are") + " left out.");
            if (groups.size() > 1)
                s.notes.push_back("The wording of this question changed between pack versions, so each wording "
                                  "is shown on its own.");
            const std::string base = prefix + safe_name(question_id);
            const std::string version = groups.size() > 1 ? "_v" + safe_name(*g.versions.begin()) : "";
            const std::string name = base + (phase.empty() ? "" : "_" + phase) + version;
            ReportTable main = answer_table(tally, o.rule, s.bars);
            main.name = name;
            s.tables.push_back(std::move(main));
            if (o.split != Split::None) {
                std::map<std::string, Tally> by_group;
                for (const auto& c : split_counts)
                    if (c.pack_id == pack_id && c.question_id == question_id && c.phase == phase &&
                        in_group(g, c.pack_version, c.wording) && fits(c.value)) {
                        auto [it, fresh] = by_group.try_emplace(group_label(o.split, age_label(o, c.group)), Tally{});
                        if (fresh) it->second.multi = tally.multi;
                        tally_value(it->second, c.value, c.count);
                    }
                // By age, as published survey tables do: TOTAL is the people who gave an age.
                const std::string apart = o.split == Split::Age ? group_label(Split::Age, "") : "";
                ReportTable t = split_table(tally, split_title(o.split), by_group, apart, o.rule);
                t.name = name + "_by_" + split_name(o.split);
                t.caption = "By " + std::string(split_name(o.split));
                if (!apart.empty())
                    t.caption += ". Base: the people who gave an age band; the TOTAL row counts only them, and "
                                 "those who did not (\"" + apart + "\") are shown apart, below it";
                s.tables.push_back(std::move(t));
            }
            if (phase == phase_name(Phase::Second) && !tally.multi) {
                std::vector<std::vector<std::int64_t>> cross(tally.ids.size(), std::vector<std::int64_t>(tally.ids.size(), 0));
                LeftOutCounts left_out;
                for (const auto& p : pairs) {
                    if (p.pack_id != pack_id || p.question_id != question_id || !g.versions.count(p.pack_version))
                        continue;
                    if (left_out.add(p.left_out, p.count)) continue;
                    const auto a = std::find(tally.ids.begin(), tally.ids.end(), p.first);
                    const auto b = std::find(tally.ids.begin(), tally.ids.end(), p.second);
                    if (a == tally.ids.end() || b == tally.ids.end()) continue;
                    cross[static_cast<size_t>(a - tally.ids.begin())][static_cast<size_t>(b - tally.ids.begin())] += p.count;
                }
                ReportTable t = change_table(tally, cross, o.rule, s.stats);
                t.name = base + "_first_to_second" + version;
                t.caption = "How the same people answered the first time (rows) and the second time (columns)" +
                            left_out.caption(o.rule);
                s.tables.push_back(std::move(t));
            }
            built.push_back({question_position(w), question_id + "\x1f" + phase + "\x1f" + *g.versions.begin(), std::move(s)});
        }
    }
    std::stable_sort(built.begin(), built.end(), [](const Built& a, const Built& b) {
        return std::tie(a.position, a.sort_key) < std::tie(b.position, b.sort_key);
    });
    for (auto& b : built) out.push_back(std::move(b.section));
    return add_informed_sections(db, o, filter, prefix, out, error);
}

}  // namespace

bool build_report(CentralDb& db, const ReportOptions& o, Report& out, std::string& error) {
    out = Report{};
    out.title = "What visitors told us about how NHS data is used";
    ReportFacts facts;
    if (!load_facts(db, o.filter, facts, error)) return false;
    std::vector<std::string> not_tabulated;
    Shortfalls shortfalls;
    ReportPart visitors{"Walk-up visitors", {}};
    if (!build_part(db, o, o.filter, "", visitors.sections, not_tabulated, shortfalls, error)) return false;
    out.parts.push_back(std::move(visitors));
    if (facts.facilitator > 0) {
        ReportFilter f = o.filter;
        f.mode = "facilitator";
        ReportPart facilitated{"Sessions run by a facilitator", {}};
        if (!build_part(db, o, f, "facilitator_", facilitated.sections, not_tabulated, shortfalls, error)) return false;
        out.parts.push_back(std::move(facilitated));
    }
    auto& m = out.methods;
    std::string dates = facts.first_date.empty() ? "no visits" : facts.first_date + " to " + facts.last_date;
    if (!o.filter.from.empty() || !o.filter.to.empty())
        dates += " (asked for " + (o.filter.from.empty() ? std::string("the start") : o.filter.from) + " to " +
                 (o.filter.to.empty() ? std::string("the end") : o.filter.to) + ")";
    m.push_back({"Dates", dates});
    std::string sites;
    for (const auto& s : facts.sites) sites += (sites.empty() ? "" : ", ") + (s.empty() ? std::string("(no site label)") : s);
    m.push_back({"Sites", sites.empty() ? "none" : sites});
    std::string packs;
    for (const auto& p : facts.packs) packs += (packs.empty() ? "" : ", ") + p;
    m.push_back({"Content packs", packs.empty() ? "none" : packs});
    m.push_back({"Visits counted", plural(facts.visits, "walk-up visit", "walk-up visits") + "."});
    m.push_back({"Repeat presses", plural(facts.flagged_left_out, "visit was", "visits were") +
                                       " flagged as repeats (the same answers again moments later) and left out."});
    m.push_back({"Changed views", "Tables of first and second views leave out visits that left every card in under 3 "
                                  "seconds, visits in the comparison group (asked twice with a pause instead of the "
                                  "points of view; they are the comparison in \"What informed views looked like\") and "
                                  "visits that saw no cards. Each such table says how many it left out."});
    m.push_back({"Facilitated sessions",
                 facts.facilitator ? plural(facts.facilitator, "session", "sessions") +
                                         " run by a facilitator are reported in their own part, after the walk-up visitors."
                                   : "none."});
    m.push_back({"Dates uncertain",
                 plural(facts.uncertain, "visit has", "visits have") +
                     " an uncertain date: the kiosk did not trust its clock and staff's confirmed time could not "
                     "fix it. They are counted; a split by month shows them as \"date uncertain\"."});
    if (facts.outside_range)
        m.push_back({"Outside the dates", plural(facts.outside_range, "visit", "visits") +
                                              " left out: the kiosk grouped their dates into a period that crosses "
                                              "the start or end asked for."});
    m.push_back({"Small numbers", o.rule.describe()});
    m.push_back({"Percentages", "Whole numbers. Where counts are exact they add up to 100 (largest remainder). "
                                "A question where people could choose more than one answer shows the share of "
                                "respondents who chose each."});
    m.push_back({"Wording", o.merge_versions ? "Answers to different wordings of a question are merged (--merge-versions)."
                                             : "Answers to different wordings of a question are shown separately."});
    if (!not_tabulated.empty()) {
        std::set<std::string> unique(not_tabulated.begin(), not_tabulated.end());
        m.push_back({"Not tabulated", "Free-text answers (" + joined(unique) + ") are not shown in tables."});
    }
    for (const auto& [pack, questions] : shortfalls.ids_only)
        out.warnings.push_back("Content pack " + pack + " was not found among the packs given (--pack-dir), so " +
                               plural(static_cast<std::int64_t>(questions.size()), "question is", "questions are") +
                               " shown by ids instead of words: " + joined(questions) + ".");
    for (const auto& [question, n] : shortfalls.unfit)
        out.warnings.push_back(plural(n, "answer", "answers") + " to " + question + (n == 1 ? " does" : " do") +
                               " not fit the question in its pack and " + (n == 1 ? "is" : "are") +
                               " left out of its tables.");
    out.footnote = o.rule.describe();
    return true;
}

}  // namespace dv::central
