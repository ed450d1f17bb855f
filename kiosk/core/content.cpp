// Parsing and cross-checking of content packs (format: content.hpp, assets/content/README.md).
//
// Index: [ids and lookups] [pack.toml] [language files] [cross-references] [parse_pack]
// What every language must share, the hashes and the characters used: content_structure.cpp.
#include "content.hpp"

#include "content_structure.hpp"

#include "hash.hpp"
#include "icons.hpp"
#include "plural.hpp"
#include "text.hpp"
#include "toml_fields.hpp"

#include <algorithm>
#include <mutex>
#include <set>

namespace dv {

// [ids and lookups] ---------------------------------------------------------------------

const char* question_type_name(QuestionType t) {
    switch (t) {
        case QuestionType::Single: return "single";
        case QuestionType::Scale: return "scale";
        case QuestionType::Multi: return "multi";
        case QuestionType::FreeText: return "text";
    }
    return "single";
}

bool is_valid_id(std::string_view id) {
    if (id.empty() || id.size() > 40) return false;
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

const std::vector<std::string>& required_ui_words() {
    static const std::vector<std::string> words = {
        "attract_title",      "attract_subtitle",  "attract_tap",         "attract_fact_1",
        "attract_fact_2",     "attract_fact_3",    "welcome_title",       "text_size",
        "start",              "topics_title",      "back",                "next",
        "skip",               "finish",            "question_progress",   "choose_one",
        "choose_up_to",       "still_there_title", "still_there_body",    "still_there_yes",
        "thank_you_title",    "thank_you_body",    "another_topic",       "resting_title",
        "resting_body",       "first_view_title",  "cards_title",         "second_view_title",
        "results_title",      "results_waiting",   "scan_to_take_away",   "answer_saved",
        "card_benefit",       "card_concern",      "card_progress",       "results_before",
        "results_after",      "closed_title",      "closed_body",         "read_aloud",
        "stop_reading",       "colours",           "colours_standard",    "colours_high",
        "key_space",          "key_delete",        "text_left",
        // "Leave now?" (the header's Finish asks it)
        "leave_question",     "leave_text",        "leave_yes",           "leave_no",
        // "What others said here" (core/results.cpp)
        "results_why_waiting", "results_why",       "results_based_on",   "results_changed",
        "results_changed_none", "results_changed_few", "results_changed_all", "results_more_chose",
        "results_moved_towards", "results_same_overall",
        // Facilitator mode (core/facilitator.hpp): a group's results
        "results_group_title", "results_hands_based_on",
    };
    return words;
}

const std::vector<std::string>& knowledge_ui_words() {
    static const std::vector<std::string> words = {
        "knowledge_title", "knowledge_not_a_test", "knowledge_true", "knowledge_false", "knowledge_dont_know",
        "knowledge_answers_title", "knowledge_answer_true", "knowledge_answer_false", "knowledge_again",
    };
    return words;
}

const std::vector<std::string>& scenario_ui_words() {
    static const std::vector<std::string> words = {
        "view_again_cards", "view_again_pause", "pause_title", "pause_text", "sure_question", "sure_help",
        "sure_very",        "sure_fairly",      "sure_not",    "reasons_question", "reasons_help",
        "second_view_after_pause",
    };
    return words;
}

template <typename T>
static const T* find_by_id(const std::vector<T>& items, std::string_view id) {
    for (const auto& item : items)
        if (item.id == id) return &item;
    return nullptr;
}

const Option* Question::option(std::string_view option_id) const { return find_by_id(options, option_id); }
const Topic* LanguageContent::topic(std::string_view id) const { return find_by_id(topics, id); }
const Explainer* LanguageContent::explainer(std::string_view id) const { return find_by_id(explainers, id); }
const Question* LanguageContent::question(std::string_view id) const { return find_by_id(questions, id); }
const Scenario* LanguageContent::scenario(std::string_view id) const { return find_by_id(scenarios, id); }
const KnowledgeItem* Scenario::knowledge_item(std::string_view item_id) const { return find_by_id(knowledge, item_id); }

const std::vector<std::string>& counted_ui_words() {
    static const std::vector<std::string> words = {"still_there_body",    "choose_up_to", "text_left",
                                                   "results_why_waiting", "results_why",  "results_based_on",
                                                   "results_changed",     "hands_raised"};
    return words;
}

std::string LanguageContent::counted(std::string_view key, std::int64_t n) const {
    const std::string number = std::to_string(n);
    const auto forms = ui_forms.find(key);
    if (forms != ui_forms.end()) {
        const auto form = forms->second.find(plural_category_name(plural_category(info.code, n)));
        if (form != forms->second.end()) return fill(form->second, {{"n", number}});
    }
    return fill(word(key), {{"n", number}});
}

const std::string& LanguageContent::word(std::string_view key) const {
    auto it = ui.find(key);
    if (it != ui.end()) return it->second;
    // A word the pack lacks (lint refuses such a pack) shows as its key. The keys are kept
    // for the life of the program, so a reference from one call is never overwritten by the
    // next (two missing words in one expression stay two words).
    static std::mutex lock;
    static std::set<std::string, std::less<>> missing;
    const std::lock_guard<std::mutex> hold(lock);
    auto known = missing.find(key);
    if (known == missing.end()) known = missing.emplace(key).first;
    return *known;
}

const LanguageContent* Pack::language(std::string_view code) const {
    for (const auto& l : languages)
        if (l.info.code == code) return &l;
    return nullptr;
}

const LanguageContent& Pack::default_content() const {
    const LanguageContent* l = language(default_language);
    return l ? *l : languages.front();
}

namespace {

using tomlf::Fields;

bool is_semver(std::string_view v) {
    const auto parts = split(v, '.');
    if (parts.size() != 3) return false;
    for (const auto& p : parts) {
        if (p.empty() || p.size() > 6) return false;
        if (!std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
        if (p.size() > 1 && p[0] == '0') return false;
    }
    return true;
}

bool is_language_code(std::string_view code) {
    if (code.size() < 2 || code.size() > 12) return false;
    return std::all_of(code.begin(), code.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
}

std::string checked_id(Fields& f, std::string_view key = "id") {
    auto id = f.text(key, true, 40);
    if (!id) return {};
    if (!is_valid_id(*id)) {
        f.error(key, "'" + *id + "' is not a valid id (use a-z, 0-9 and _; at most 40 characters)");
        return {};
    }
    return *id;
}

std::string checked_icon(Fields& f, bool required = false) {
    auto icon = f.text("icon", required, 40);
    if (!icon) return {};
    if (!is_known_icon(*icon)) {
        f.error("icon", "'" + *icon + "' is not a known icon (see kiosk/core/icons.hpp)");
        return {};
    }
    return *icon;
}

std::vector<std::string> checked_pictograms(Fields& f) {
    auto names = f.text_list("pictograms", false, 12);
    if (!names) return {};
    for (const auto& n : *names) {
        if (!is_known_icon(n)) {
            f.error("pictograms", "names '" + n + "', which is not a known icon (see kiosk/core/icons.hpp)");
            return {};
        }
    }
    return *names;
}

// [pack.toml] ---------------------------------------------------------------------------

bool parse_pack_toml(const std::string& text, Pack& pack, Problems& problems) {
    const std::string file = "pack.toml";
    const size_t before = problems.size();
    auto table = tomlf::parse(text, file, problems);
    if (!table) return false;
    Fields f(*table, file, problems);
    pack.id = checked_id(f);
    if (auto v = f.text("version", true, 20)) {
        if (is_semver(*v))
            pack.version = *v;
        else
            f.error("version", "'" + *v + "' is not a version like \"1.0.0\"");
    }
    pack.title = f.text("title", true, 200).value_or("");
    pack.default_language = f.text("default_language", true, 12).value_or("");
    pack.topic_order = f.text_list("topics", true, 30).value_or(std::vector<std::string>{});
    if (pack.topic_order.empty() && f.has("topics")) f.error("topics", "must name at least one topic");
    pack.closing_explainer = f.text("closing_explainer", false, 40).value_or("");
    pack.reading_age_limit = static_cast<int>(f.integer("reading_age_limit", false, 7, 18).value_or(11));

    if (const toml::table* pt = f.table("privacy", false)) {
        Fields p(*pt, file, problems, "privacy");
        pack.privacy.results_threshold = static_cast<int>(p.integer("results_threshold", false, 1, 1000).value_or(10));
        pack.privacy.results_refresh_every =
            static_cast<int>(p.integer("results_refresh_every", false, 1, 1000).value_or(5));
        pack.privacy.free_text = p.boolean("free_text", false).value_or(false);
        p.finish();
    }

    std::set<std::string> codes;
    for (const toml::table* lt : f.tables("language", true, 20)) {
        Fields l(*lt, file, problems, "language");
        LanguageContent content;
        content.info.line = l.line();
        if (auto code = l.text("code", true, 12)) {
            if (!is_language_code(*code))
                l.error("code", "'" + *code + "' is not a language code like \"en\" or \"en-easy\"");
            else if (!codes.insert(*code).second)
                l.error("code", "'" + *code + "' is listed twice");
            else
                content.info.code = *code;
        }
        content.info.name = l.text("name", true, 60).value_or("");
        content.info.easy_read = l.boolean("easy_read", false).value_or(false);
        content.info.voice = l.text("voice", false, 40).value_or("");
        if (auto review = l.text("review", false, 20)) {
            if (*review == "needed")
                content.info.review_needed = true;
            else if (*review != "done")
                l.error("review", "must be \"done\" or \"needed\"");
        }
        l.finish();
        pack.languages.push_back(std::move(content));
    }
    if (!pack.default_language.empty() && !codes.count(pack.default_language))
        f.error("default_language", "'" + pack.default_language + "' is not one of the [[language]] codes");
    f.finish();
    return problems.size() == before;
}

// [language files] ----------------------------------------------------------------------

std::vector<Option> parse_options(Fields& f, const std::string& file, Problems& problems) {
    std::vector<Option> options;
    std::set<std::string> seen;
    for (const toml::table* ot : f.tables("options", true, 20)) {
        Fields o(*ot, file, problems, "options");
        Option opt;
        opt.id = checked_id(o);
        opt.label = o.text("label", true, 300).value_or("");
        opt.icon = checked_icon(o);
        opt.exclusive = o.boolean("exclusive", false).value_or(false);
        o.finish();
        if (!opt.id.empty() && !seen.insert(opt.id).second) o.error("id", "'" + opt.id + "' is used twice");
        options.push_back(std::move(opt));
    }
    return options;
}

void parse_questions(const toml::table& root, const std::string& file, LanguageContent& lang, Problems& problems) {
    Fields top(root, file, problems);
    for (const toml::table* qt : top.tables("question", true)) {
        Fields f(*qt, file, problems, "question");
        Question q;
        q.line = f.line();
        q.id = checked_id(f);
        q.text = f.text("text", true, 600).value_or("");
        q.help = f.text("help", false, 300).value_or("");
        q.about_you = f.boolean("about_you", false).value_or(false);
        const std::string type = f.text("type", true, 10).value_or("single");
        if (type == "single") {
            q.type = QuestionType::Single;
        } else if (type == "scale") {
            q.type = QuestionType::Scale;
        } else if (type == "multi") {
            q.type = QuestionType::Multi;
        } else if (type == "text") {
            q.type = QuestionType::FreeText;
        } else {
            f.error("type", "'" + type + "' is not a question type (single, scale, multi or text)");
        }
        if (q.type != QuestionType::FreeText) {
            q.options = parse_options(f, file, problems);
            if (q.type == QuestionType::Scale && !q.options.empty() && q.options.size() != 5)
                f.error("options", "a scale question needs exactly 5 options");
            if (q.options.size() == 1) f.error("options", "needs at least 2 options");
            for (const auto& o : q.options)
                if (o.exclusive && q.type != QuestionType::Multi)
                    f.error("options", "option '" + o.id + "' is exclusive, which only a multi question can use");
        }
        if (q.type == QuestionType::Multi) {
            q.max_choices = static_cast<int>(f.integer("max_choices", true, 1, 20).value_or(1));
            if (!q.options.empty() && q.max_choices > static_cast<int>(q.options.size()))
                f.error("max_choices", "is more than the number of options");
        }
        if (q.type == QuestionType::FreeText) {
            q.max_length = static_cast<int>(f.integer("max_length", false, 10, 500).value_or(200));
        }
        if (const toml::table* ct = f.table("show_if", false)) {
            Fields c(*ct, file, problems, "question.show_if");
            Condition cond;
            cond.question = c.text("question", true, 40).value_or("");
            cond.any_of = c.text_list("any_of", true, 20).value_or(std::vector<std::string>{});
            if (cond.any_of.empty() && c.has("any_of")) c.error("any_of", "must name at least one option");
            c.finish();
            q.show_if = std::move(cond);
        }
        f.finish();
        if (!q.id.empty() && lang.question(q.id)) f.error("id", "'" + q.id + "' is used by another question");
        lang.questions.push_back(std::move(q));
    }
    top.finish();
}

void parse_explainers(const toml::table& root, const std::string& file, LanguageContent& lang, Problems& problems) {
    Fields top(root, file, problems);
    for (const toml::table* et : top.tables("explainer", true)) {
        Fields f(*et, file, problems, "explainer");
        Explainer e;
        e.line = f.line();
        e.id = checked_id(f);
        e.title = f.text("title", true, 200).value_or("");
        e.text = f.text("text", true, 2000).value_or("");
        e.icon = checked_icon(f);
        e.diagram = f.text("diagram", false, 40).value_or("");
        e.qr_url = f.text("qr_url", false, 300).value_or("");
        e.qr_caption = f.text("qr_caption", false, 200).value_or("");
        if (!e.qr_url.empty() && e.qr_caption.empty()) f.error_here("an explainer with qr_url needs a qr_caption");
        e.pictograms = checked_pictograms(f);
        f.finish();
        if (!e.id.empty() && lang.explainer(e.id)) f.error("id", "'" + e.id + "' is used by another explainer");
        lang.explainers.push_back(std::move(e));
    }
    top.finish();
}

// [[scenario.knowledge]]: 2 to 4 true-or-false statements with a one-line explanation each.
void parse_knowledge(Fields& scenario, const std::string& file, Problems& problems, Scenario& s) {
    for (const toml::table* kt : scenario.tables("knowledge", false, 10)) {
        Fields k(*kt, file, problems, "scenario.knowledge");
        KnowledgeItem item;
        item.line = k.line();
        item.id = checked_id(k);
        item.statement = k.text("statement", true, 300).value_or("");
        const std::string answer = k.text("answer", true, 20).value_or(kKnowledgeTrue);
        if (answer == kKnowledgeTrue || answer == kKnowledgeFalse)
            item.answer = answer == kKnowledgeTrue;
        else
            k.error("answer", "must be \"true\" or \"false\" (\"don't know\" is offered to the visitor, never the answer)");
        item.explanation = k.text("explanation", true, 300).value_or("");
        if (item.explanation.find('\n') != std::string::npos)
            k.error("explanation", "must be one line");
        k.finish();
        if (!item.id.empty() && s.knowledge_item(item.id)) k.error("id", "'" + item.id + "' is used twice");
        item.content_hash = knowledge_hash(item);
        s.knowledge.push_back(std::move(item));
    }
    if (scenario.has("knowledge") && (s.knowledge.size() < 2 || s.knowledge.size() > 4))
        scenario.error_here("a scenario's knowledge check needs 2 to 4 statements (it has " +
                            std::to_string(s.knowledge.size()) + ")");
}

void parse_scenarios(const toml::table& root, const std::string& file, LanguageContent& lang, Problems& problems) {
    Fields top(root, file, problems);
    for (const toml::table* st : top.tables("scenario", false)) {
        Fields f(*st, file, problems, "scenario");
        Scenario s;
        s.line = f.line();
        s.id = checked_id(f);
        s.title = f.text("title", true, 200).value_or("");
        s.text = f.text("text", true, 2000).value_or("");
        s.icon = checked_icon(f);
        s.question = f.text("question", true, 40).value_or("");
        s.pictograms = checked_pictograms(f);
        std::set<std::string> card_ids;
        for (const toml::table* ct : f.tables("card", true, 10)) {
            Fields c(*ct, file, problems, "scenario.card");
            Card card;
            card.line = c.line();
            card.id = checked_id(c);
            const std::string side = c.text("side", true, 20).value_or("benefit");
            if (side == "benefit")
                card.side = CardSide::Benefit;
            else if (side == "concern")
                card.side = CardSide::Concern;
            else
                c.error("side", "must be \"benefit\" or \"concern\"");
            card.icon = checked_icon(c, true);
            card.text = c.text("text", true, 400).value_or("");
            c.finish();
            if (!card.id.empty() && !card_ids.insert(card.id).second) c.error("id", "'" + card.id + "' is used twice");
            s.cards.push_back(std::move(card));
        }
        if (f.has("card") && (s.cards.size() < 3 || s.cards.size() > 5))
            f.error_here("a scenario needs 3 to 5 cards (it has " + std::to_string(s.cards.size()) + ")");
        s.comparison_percent =
            static_cast<int>(f.integer("comparison_percent", false, 0, 50).value_or(kDefaultComparisonPercent));
        parse_knowledge(f, file, problems, s);
        f.finish();
        if (!s.id.empty() && lang.scenario(s.id)) f.error("id", "'" + s.id + "' is used by another scenario");
        lang.scenarios.push_back(std::move(s));
    }
    top.finish();
}

void parse_topics(const toml::table& root, const std::string& file, LanguageContent& lang, Problems& problems) {
    Fields top(root, file, problems);
    for (const toml::table* tt : top.tables("topic", true, 30)) {
        Fields f(*tt, file, problems, "topic");
        Topic t;
        t.line = f.line();
        t.id = checked_id(f);
        t.title = f.text("title", true, 200).value_or("");
        t.summary = f.text("summary", true, 400).value_or("");
        t.icon = checked_icon(f);
        t.explainers = f.text_list("explainers", true, 10).value_or(std::vector<std::string>{});
        t.questions = f.text_list("questions", false, 30).value_or(std::vector<std::string>{});
        t.scenario = f.text("scenario", false, 40).value_or("");
        f.finish();
        if (!t.id.empty() && lang.topic(t.id)) f.error("id", "'" + t.id + "' is used by another topic");
        lang.topics.push_back(std::move(t));
    }
    top.finish();
}

// A counted phrase in plural forms: { one = "...", few = "...", many = "...", other = "..." }.
// Which forms a language needs is lint's to check; here each must be a form name and text.
bool parse_ui_forms(const std::string& key, const toml::table& t, const std::string& file, LanguageContent& lang,
                    Problems& problems) {
    std::map<std::string, std::string> forms;
    for (const auto& [form, node] : t) {
        const std::string name(form.str());
        const auto* s = node.as_string();
        if (name != "one" && name != "few" && name != "many" && name != "other") {
            problems.push_back({file, tomlf::line_of(node), "'" + key + "': '" + name +
                                                                "' is not a plural form (one, few, many or other)"});
            return false;
        }
        if (!s || s->get().size() > 600 || !is_valid_utf8(s->get())) {
            problems.push_back({file, tomlf::line_of(node), "'" + key + "." + name + "' must be text in quotes"});
            return false;
        }
        forms[name] = s->get();
    }
    if (forms.empty()) {
        problems.push_back({file, tomlf::line_of(t), "'" + key + "' gives no plural forms"});
        return false;
    }
    // The form lint reads for placeholders and sentence length: "other", else "many".
    const auto shown = forms.count("other") ? forms.find("other") : forms.count("many") ? forms.find("many") : forms.begin();
    lang.ui.emplace(key, shown->second);
    lang.ui_forms.emplace(key, std::move(forms));
    return true;
}

void parse_ui(const toml::table& root, const std::string& file, LanguageContent& lang, Problems& problems) {
    for (const auto& [key, node] : root) {
        const auto* s = node.as_string();
        if (const auto* forms = node.as_table()) {
            if (parse_ui_forms(std::string(key.str()), *forms, file, lang, problems))
                lang.ui_lines.emplace(std::string(key.str()), tomlf::line_of(node));
            continue;
        }
        if (!s) {
            problems.push_back({file, tomlf::line_of(node), "'" + std::string(key.str()) + "' must be text in quotes"});
            continue;
        }
        if (s->get().size() > 600 || !is_valid_utf8(s->get())) {
            problems.push_back({file, tomlf::line_of(node),
                                "'" + std::string(key.str()) + "' is too long or not valid UTF-8"});
            continue;
        }
        lang.ui.emplace(std::string(key.str()), s->get());
        lang.ui_lines.emplace(std::string(key.str()), tomlf::line_of(node));
    }
    for (const auto& w : required_ui_words())
        if (!lang.ui.count(w)) problems.push_back({file, 0, "missing the interface word '" + w + "'"});
    const auto& required = required_ui_words();
    for (const auto& w : counted_ui_words())
        if (!lang.ui.count(w) && std::find(required.begin(), required.end(), w) == required.end())
            problems.push_back({file, 0, "missing the interface word '" + w + "'"});
}

// [cross-references] --------------------------------------------------------------------

// Knowledge statements are stored under their own id, so it must not be any other answer's.
void check_knowledge(const LanguageContent& lang, Problems& problems) {
    const std::string file = lang.info.code + "/scenarios.toml";
    std::set<std::string> seen;
    if (!lang.scenarios.empty())
        for (const auto& w : scenario_ui_words())
            if (!lang.ui.count(w))
                problems.push_back({lang.info.code + "/ui.toml", 0, "missing '" + w + "': the pack has scenarios"});
    bool any = false;
    for (const auto& s : lang.scenarios) {
        for (const auto& k : s.knowledge) {
            any = true;
            if (lang.question(k.id) || lang.scenario(k.id))
                problems.push_back({file, k.line, "knowledge statement '" + k.id +
                                                      "' has the id of a question or scenario; answers would mix"});
            if (!seen.insert(k.id).second)
                problems.push_back({file, k.line, "knowledge statement '" + k.id + "' is used by another scenario"});
        }
    }
    if (!any) return;
    for (const auto& w : knowledge_ui_words())
        if (!lang.ui.count(w))
            problems.push_back({lang.info.code + "/ui.toml", 0, "missing '" + w + "': scenarios here ask knowledge questions"});
}

void check_references(const Pack& pack, const LanguageContent& lang, Problems& problems) {
    const std::string dir = lang.info.code + "/";
    for (const auto& id : pack.topic_order)
        if (!lang.topic(id)) problems.push_back({"pack.toml", 0, "topic '" + id + "' is not in " + dir + "topics.toml"});
    if (!pack.closing_explainer.empty() && !lang.explainer(pack.closing_explainer))
        problems.push_back({"pack.toml", 0, "closing_explainer '" + pack.closing_explainer + "' is not in " + dir +
                                                "explainers.toml"});

    for (const auto& t : lang.topics) {
        const std::string file = dir + "topics.toml";
        if (t.explainers.empty()) problems.push_back({file, t.line, "topic '" + t.id + "' needs at least one explainer"});
        for (const auto& e : t.explainers)
            if (!lang.explainer(e))
                problems.push_back({file, t.line, "topic '" + t.id + "' names explainer '" + e + "', which does not exist"});
        std::set<std::string> asked_earlier;  // a condition may only look back within its topic
        for (const auto& qid : t.questions) {
            const Question* q = lang.question(qid);
            if (!q) {
                problems.push_back({file, t.line, "topic '" + t.id + "' names question '" + qid + "', which does not exist"});
                continue;
            }
            if (q->show_if && !asked_earlier.count(q->show_if->question))
                problems.push_back({dir + "questions.toml", q->line,
                                    "question '" + qid + "' depends on '" + q->show_if->question +
                                        "', which is not asked before it in topic '" + t.id + "'"});
            asked_earlier.insert(qid);
        }
        if (!t.scenario.empty() && !lang.scenario(t.scenario))
            problems.push_back({file, t.line, "topic '" + t.id + "' names scenario '" + t.scenario + "', which does not exist"});
    }
    for (const auto& q : lang.questions) {
        if (!q.show_if) continue;
        const std::string file = dir + "questions.toml";
        const Question* dep = lang.question(q.show_if->question);
        if (!dep) {
            problems.push_back({file, q.line, "question '" + q.id + "' depends on '" + q.show_if->question +
                                                  "', which does not exist"});
            continue;
        }
        if (dep->id == q.id) problems.push_back({file, q.line, "question '" + q.id + "' depends on itself"});
        for (const auto& opt : q.show_if->any_of)
            if (!dep->option(opt))
                problems.push_back({file, q.line, "question '" + q.id + "' depends on option '" + opt +
                                                      "', which question '" + dep->id + "' does not have"});
    }
    for (const auto& s : lang.scenarios) {
        const Question* q = lang.question(s.question);
        if (!q)
            problems.push_back({dir + "scenarios.toml", s.line, "scenario '" + s.id + "' asks question '" + s.question +
                                                                    "', which does not exist"});
        else if (q->type != QuestionType::Single && q->type != QuestionType::Scale)
            problems.push_back({dir + "scenarios.toml", s.line,
                                "scenario '" + s.id + "' asks '" + s.question + "', which must be a single or scale question"});
    }
    check_knowledge(lang, problems);
}

}  // namespace

// [parse_pack] --------------------------------------------------------------------------

PackResult parse_pack(const PackFiles& files) {
    PackResult result;
    Problems& problems = result.problems;
    auto it = files.find("pack.toml");
    if (it == files.end()) {
        problems.push_back({"pack.toml", 0, "missing: every content pack needs a pack.toml"});
        return result;
    }
    Pack pack;
    if (!parse_pack_toml(it->second, pack, problems)) return result;

    using Parser = void (*)(const toml::table&, const std::string&, LanguageContent&, Problems&);
    const std::pair<const char*, Parser> parts[] = {
        {"ui.toml", parse_ui},
        {"questions.toml", parse_questions},
        {"explainers.toml", parse_explainers},
        {"scenarios.toml", parse_scenarios},
        {"topics.toml", parse_topics},
    };
    for (auto& lang : pack.languages) {
        for (const auto& [name, parser] : parts) {
            const std::string file = lang.info.code + "/" + name;
            auto f = files.find(file);
            if (f == files.end()) {
                problems.push_back({file, 0, "missing: every language needs its own " + std::string(name)});
                continue;
            }
            if (auto table = tomlf::parse(f->second, file, problems)) parser(*table, file, lang, problems);
        }
        if (!problems.empty()) continue;
        check_references(pack, lang, problems);
        for (auto& q : lang.questions) q.content_hash = question_hash(q);
    }
    if (!problems.empty()) return result;

    const LanguageContent& base = pack.default_content();
    for (const auto& lang : pack.languages) {
        if (&lang == &base) continue;
        check_same_structure(base, lang, problems);
    }
    if (!problems.empty()) return result;

    pack.hash = pack_hash(files);
    result.pack = std::move(pack);
    return result;
}

}  // namespace dv
