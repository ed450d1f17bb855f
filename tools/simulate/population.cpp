// Reading and checking population files (format: population.hpp, assets/populations/README.md).
#include "population.hpp"

#include "core/content.hpp"
#include "core/opening_hours.hpp"
#include "core/toml_fields.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace dv::sim {

double Weights::of(const std::string& key) const {
    for (const auto& [k, v] : items)
        if (k == key) return v;
    return 0;
}

const std::vector<std::string>& screen_kinds() {
    static const std::vector<std::string> kinds = {"welcome", "topics", "explainer", "question", "scenario",
                                                   "first_view", "card", "second_view", "results", "closing",
                                                   "thank_you", "sure_first", "sure_second", "knowledge_before",
                                                   "knowledge_after", "pause", "reasons", "knowledge_answers"};
    return kinds;
}

namespace {

using tomlf::Fields;

// Every key of a table as a named number within [min, max].
Weights read_weights(const toml::table& t, const std::string& file, Problems& problems, const std::string& context,
                     double max) {
    Weights w;
    w.line = tomlf::line_of(t);
    Fields f(t, file, problems, context);
    for (const auto& [key, node] : t) {
        const std::string k(key.str());
        if (auto v = f.number(k, true, 0, max)) {
            w.items.emplace_back(k, *v);
            w.lines[k] = tomlf::line_of(node);
        }
    }
    f.finish();
    return w;
}

// A sub-table of weights, e.g. mix = { ... } or [topics].
Weights weights_at(Fields& f, std::string_view key, bool required, const std::string& context, double max) {
    const toml::table* t = f.table(key, required);
    if (!t) return {};
    Weights w = read_weights(*t, f.file(), f.problems(), context, max);
    if (t->empty()) f.error(key, "is empty");
    return w;
}

int clock_minute(Fields& f, std::string_view key, int fallback, bool allow_24) {
    const auto v = f.text(key, false, 5);
    if (!v) return fallback;
    if (is_clock_time(*v) && (allow_24 || *v != "24:00")) return OpeningHours::from_text(*v, *v).opens_minute;
    f.error(key, "must be a time like \"08:30\"");
    return fallback;
}

void read_traffic(Fields& top, Population& p) {
    const toml::table* t = top.table("traffic", false);
    if (!t) return;
    Fields f(*t, top.file(), top.problems(), "traffic");
    Traffic& tr = p.traffic;
    tr.line = f.line();
    tr.visitors_per_day = f.number("visitors_per_day", false, 0.1, 100000).value_or(tr.visitors_per_day);
    tr.opens_minute = clock_minute(f, "opens", tr.opens_minute, false);
    tr.closes_minute = clock_minute(f, "closes", tr.closes_minute, true);
    if (tr.closes_minute <= tr.opens_minute) f.error("closes", "must be later than 'opens'");
    if (const toml::array* a = f.array("weekdays", false)) {
        bool ok = a->size() == 7;
        double sum = 0;
        for (size_t i = 0; ok && i < 7; ++i) {
            const auto v = (*a)[i].value<double>();
            ok = v && *v >= 0 && *v <= 100;
            if (ok) tr.weekdays[i] = *v, sum += *v;
        }
        if (!ok)
            f.error("weekdays", "must list 7 numbers from 0 to 100, Monday to Sunday");
        else if (sum <= 0)
            f.error("weekdays", "must keep at least one day open");
    }
    tr.morning = f.number("morning", false, 0, 100).value_or(tr.morning);
    tr.afternoon = f.number("afternoon", false, 0, 100).value_or(tr.afternoon);
    tr.evening = f.number("evening", false, 0, 100).value_or(tr.evening);
    f.finish();
}

void read_age(Fields& top, Population& p) {
    const toml::table* t = top.table("age", false);
    if (!t) return;
    Fields f(*t, top.file(), top.problems(), "age");
    p.age.line = f.line();
    p.age.question = f.text("question", true, 100).value_or("");
    p.age.mix = weights_at(f, "mix", true, "age.mix", 1e9);
    p.age.prefer_not_option = f.text("prefer_not_option", false, 100).value_or("");
    p.age.prefer_not = f.number("prefer_not", false, 0, 1).value_or(0);
    if (p.age.prefer_not > 0 && p.age.prefer_not_option.empty())
        f.error("prefer_not", "needs 'prefer_not_option', the option such visitors choose");
    f.finish();
}

void read_behaviour(Fields& top, Population& p) {
    const toml::table* t = top.table("behaviour", false);
    if (!t) return;
    Fields f(*t, top.file(), top.problems(), "behaviour");
    Behaviour& b = p.behaviour;
    b.skip = f.number("skip", false, 0, 1).value_or(b.skip);
    b.another_topic = f.number("another_topic", false, 0, 1).value_or(b.another_topic);
    b.skip_cards = f.number("skip_cards", false, 0, 1).value_or(b.skip_cards);
    b.finish_early = f.number("finish_early", false, 0, 1).value_or(b.finish_early);
    b.leave_at_thank_you = f.number("leave_at_thank_you", false, 0, 1).value_or(b.leave_at_thank_you);
    b.repeat_press = f.number("repeat_press", false, 0, 0.5).value_or(b.repeat_press);
    f.finish();
}

bool is_kind(const std::string& k) {
    const auto& kinds = screen_kinds();
    return std::find(kinds.begin(), kinds.end(), k) != kinds.end();
}

std::string kinds_list() {
    std::string s;
    for (const auto& k : screen_kinds()) s += (s.empty() ? "" : ", ") + k;
    return s;
}

void read_abandon(Fields& top, Population& p) {
    const toml::table* t = top.table("abandon", false);
    if (!t) return;
    Fields f(*t, top.file(), top.problems(), "abandon");
    p.abandon.rate = f.number("rate", false, 0, 1).value_or(p.abandon.rate);
    p.abandon.draft_lost = f.number("draft_lost", false, 0, 1).value_or(p.abandon.draft_lost);
    p.abandon.where = weights_at(f, "where", p.abandon.rate > 0, "abandon.where", 1e6);
    for (const auto& [k, v] : p.abandon.where.items)
        if (!is_kind(k) || k == "thank_you")
            top.problems().push_back({top.file(), p.abandon.where.lines[k],
                                      "'abandon.where." + k + "' is not a screen visitors leave from; use one of: " +
                                          kinds_list().substr(0, kinds_list().rfind(", "))});
    f.finish();
}

void read_dwell(Fields& top, Population& p) {
    const toml::table* t = top.table("dwell", false);
    if (!t) return;
    Fields f(*t, top.file(), top.problems(), "dwell");
    for (const auto& [key, node] : *t) {
        const std::string k(key.str());
        const toml::array* a = node.as_array();
        double lo = -1, hi = -1;
        if (a && a->size() == 2) {
            lo = (*a)[0].value<double>().value_or(-1);
            hi = (*a)[1].value<double>().value_or(-1);
        }
        (void)f.array(k, true);
        if (!is_kind(k)) {
            f.error(k, "is not a kind of screen; use one of: " + kinds_list());
        } else if (!(lo >= 0 && hi >= lo && hi <= 3600)) {  // NaN fails too
            f.error(k, "must be [least, most] seconds, 0 <= least <= most <= 3600");
        } else {
            p.dwell[k] = Range{lo, hi, tomlf::line_of(node)};
        }
    }
    f.finish();
}

void read_question(const toml::table& t, const std::string& id, Fields& top, Population& p) {
    const std::string ctx = "questions." + id;
    Fields f(t, top.file(), top.problems(), ctx);
    QuestionModel q;
    q.question_id = id;
    q.line = f.line();
    q.skip = f.number("skip", false, 0, 1);
    if (f.has("shares")) q.shares = weights_at(f, "shares", true, ctx + ".shares", 1e9);
    if (f.has("chosen")) q.chosen = weights_at(f, "chosen", true, ctx + ".chosen", 1);
    if (f.has("shares") && f.has("chosen"))
        f.error_here("give 'shares' (one answer: relative weights) or 'chosen' (several answers: the chance each is "
                     "chosen), not both");
    if (!f.has("shares") && !f.has("chosen") && !q.skip)
        f.error_here("needs 'shares' (one answer: relative weights), 'chosen' (several answers: the chance each is "
                     "chosen) or 'skip'");
    if (const toml::table* by_age = f.table("by_age", false)) {
        Fields b(*by_age, top.file(), top.problems(), ctx + ".by_age");
        for (const auto& [band, node] : *by_age) {
            const std::string k(band.str());
            if (b.table(k, true)) q.by_age[k] = weights_at(b, k, true, ctx + ".by_age." + k, q.chosen.empty() ? 1e9 : 1);
        }
        b.finish();
    }
    if (auto alone = f.text_list("alone", false, 50)) {
        q.alone = *alone;
        q.alone_line = tomlf::line_of(*t.get("alone"));
        if (!f.has("chosen")) f.error("alone", "only goes with 'chosen' (questions with several answers)");
    }
    f.finish();
    p.questions[id] = std::move(q);
}

void read_deliberation(const toml::table& t, const std::string& id, Fields& top, Population& p) {
    Fields f(t, top.file(), top.problems(), "deliberation." + id);
    Deliberation d;
    d.scenario = id;
    d.line = f.line();
    d.move = f.number("move", true, 0, 1).value_or(0);
    d.move_without_cards = f.number("move_without_cards", false, 0, 1).value_or(0);
    d.knowledge_before = f.number("knowledge_before", false, 0, 1).value_or(0.5);
    d.knowledge_after = f.number("knowledge_after", false, 0, 1);
    d.towards_positive = f.number("towards_positive", false, 0, 1).value_or(0.5);
    d.order = f.text_list("order", false, 20).value_or(std::vector<std::string>{});
    f.finish();
    p.deliberation[id] = std::move(d);
}

// Calls read(table, key) for every table under top[key].
template <class Read>
void read_each(Fields& top, std::string_view key, Read&& read) {
    const toml::table* t = top.table(key, false);
    if (!t) return;
    Fields f(*t, top.file(), top.problems(), std::string(key));
    for (const auto& [k, node] : *t) {
        const std::string name(k.str());
        if (const toml::table* sub = f.table(name, true)) read(*sub, name);
    }
    f.finish();
}

}  // namespace

PopulationResult parse_population(const std::string& text, const std::string& file) {
    PopulationResult result;
    auto table = tomlf::parse(text, file, result.problems);
    if (!table) return result;
    Population p;
    p.file = file;
    Fields f(*table, file, result.problems);
    p.name = f.text("name", true, 200).value_or("");
    p.source = f.text("source", false, 2000).value_or("");
    read_traffic(f, p);
    read_age(f, p);
    if (f.has("languages")) p.languages = weights_at(f, "languages", false, "languages", 1e9);
    if (f.has("topics")) p.topics = weights_at(f, "topics", false, "topics", 1e9);
    read_behaviour(f, p);
    read_abandon(f, p);
    read_dwell(f, p);
    read_each(f, "questions", [&](const toml::table& t, const std::string& id) { read_question(t, id, f, p); });
    read_each(f, "deliberation", [&](const toml::table& t, const std::string& id) { read_deliberation(t, id, f, p); });
    f.finish();
    if (result.problems.empty()) result.population = std::move(p);
    return result;
}

// --- Against a pack and a kiosk --------------------------------------------------------------

namespace {

struct Checker {
    const Population& p;
    const LanguageContent& content;
    Problems problems;

    void add(int line, const std::string& message) { problems.push_back({p.file, line, message}); }

    // Every key of w must be an option of q.
    void options_exist(const Weights& w, const Question& q, const std::string& where) {
        for (const auto& [k, v] : w.items)
            if (!q.option(k)) add(w.lines.at(k), "'" + where + "." + k + "': question '" + q.id + "' has no option '" + k + "'");
    }

    void positive_total(const Weights& w, const std::string& where) {
        double total = 0;
        for (const auto& [k, v] : w.items) total += v;
        if (!w.empty() && total <= 0) add(w.line, "'" + where + "' must give some option more than 0");
    }
};

}  // namespace

Problems check_population(const Population& p, const Pack& pack, const KioskTimings& timings) {
    Checker c{p, pack.default_content(), {}};
    const LanguageContent& content = c.content;

    if (!p.age.question.empty()) {
        const Question* q = content.question(p.age.question);
        if (!q || q->type != QuestionType::Single) {
            c.add(p.age.line, "'age.question': the pack has no single-answer question '" + p.age.question + "'");
        } else {
            c.options_exist(p.age.mix, *q, "age.mix");
            c.positive_total(p.age.mix, "age.mix");
            if (!p.age.prefer_not_option.empty() && !q->option(p.age.prefer_not_option))
                c.add(p.age.line, "'age.prefer_not_option': question '" + q->id + "' has no option '" +
                                      p.age.prefer_not_option + "'");
        }
    }
    for (const auto& [code, v] : p.languages.items)
        if (!pack.language(code))
            c.add(p.languages.lines.at(code), "'languages." + code + "': the pack has no language '" + code + "'");
    c.positive_total(p.languages, "languages");
    for (const auto& [id, v] : p.topics.items)
        if (!content.topic(id)) c.add(p.topics.lines.at(id), "'topics." + id + "': the pack has no topic '" + id + "'");
    c.positive_total(p.topics, "topics");

    for (const auto& [id, m] : p.questions) {
        const Question* q = content.question(id);
        const std::string where = "questions." + id;
        if (!q) {
            c.add(m.line, "'" + where + "': the pack has no question '" + id + "'");
            continue;
        }
        const bool multi = q->type == QuestionType::Multi;
        if (q->type == QuestionType::FreeText) {
            c.add(m.line, "'" + where + "': '" + id + "' is a free-text question; simulated visitors skip those");
            continue;
        }
        if (multi && !m.shares.empty())
            c.add(m.shares.line, "'" + where + ".shares': '" + id + "' takes several answers: give 'chosen' instead");
        if (!multi && !m.chosen.empty())
            c.add(m.chosen.line, "'" + where + ".chosen': '" + id + "' takes one answer: give 'shares' instead");
        c.options_exist(multi ? m.chosen : m.shares, *q, where + (multi ? ".chosen" : ".shares"));
        if (!multi) c.positive_total(m.shares, where + ".shares");
        for (const auto& [band, w] : m.by_age) {
            if (p.age.question.empty() || !p.age.mix.lines.count(band))
                c.add(w.line, "'" + where + ".by_age." + band + "': '" + band + "' is not a band in 'age.mix'");
            c.options_exist(w, *q, where + ".by_age." + band);
            if (!multi) c.positive_total(w, where + ".by_age." + band);
        }
        for (const auto& o : m.alone)
            if (!q->option(o)) c.add(m.alone_line, "'" + where + ".alone': question '" + id + "' has no option '" + o + "'");
        if (multi && q->options.size() > 16)
            c.add(m.line, "'" + where + "': more than 16 options is more than the simulator models");
    }

    for (const auto& [id, d] : p.deliberation) {
        const Scenario* s = content.scenario(id);
        const Question* q = s ? content.question(s->question) : nullptr;
        if (!s || !q) {
            c.add(d.line, "'deliberation." + id + "': the pack has no scenario '" + id + "'");
            continue;
        }
        if (d.order.empty() && q->type != QuestionType::Scale) {
            c.add(d.line, "'deliberation." + id + "' needs 'order': the options of '" + q->id +
                              "' from most to least positive");
            continue;
        }
        if (!d.order.empty()) {
            std::set<std::string> seen(d.order.begin(), d.order.end());
            bool ok = seen.size() == d.order.size() && d.order.size() == q->options.size();
            for (const auto& o : d.order) ok = ok && q->option(o);
            if (!ok)
                c.add(d.line, "'deliberation." + id + ".order' must list each option of '" + q->id + "' once");
        }
    }

    for (const auto& [kind, r] : p.dwell) {
        const bool thank_you = kind == "thank_you";
        const double limit = thank_you ? timings.thank_you_seconds - 3 : timings.idle_seconds - 5;
        if (r.most > limit) {
            char msg[200];
            std::snprintf(msg, sizeof msg, "'dwell.%s' reaches %g s; the kiosk %s after %g s, so at most %g s", kind.c_str(),
                          r.most, thank_you ? "leaves the thank-you screen" : "asks \"Still there?\"",
                          thank_you ? timings.thank_you_seconds : timings.idle_seconds, limit);
            c.add(r.line, msg);
        }
    }
    return c.problems;
}

}  // namespace dv::sim
