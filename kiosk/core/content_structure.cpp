// What a content pack's languages must share (ids, order, types, options, icons, links: only
// words may differ), the hashes stored with answers, and the characters a pack draws.
#include "content_structure.hpp"

#include "hash.hpp"
#include "text.hpp"

#include <set>

namespace dv {

namespace {

// [structure shared by all languages] ---------------------------------------------------

std::string structure_of(const Question& q) {
    std::string s = q.id + "|" + question_type_name(q.type) + "|" + std::to_string(q.max_choices) + "|" +
                    std::to_string(q.max_length) + "|" + (q.about_you ? "y" : "n") + "|";
    for (const auto& o : q.options) s += o.id + "," + o.icon + ";";
    if (q.show_if) s += "if:" + q.show_if->question + "=" + join(q.show_if->any_of, ",");
    return s;
}

std::string structure_of(const Topic& t) {
    return t.id + "|" + t.icon + "|" + join(t.explainers, ",") + "|" + join(t.questions, ",") + "|" + t.scenario;
}

std::string structure_of(const Explainer& e) { return e.id + "|" + e.icon + "|" + e.diagram + "|" + e.qr_url; }

std::string structure_of(const Scenario& s) {
    std::string out = s.id + "|" + s.icon + "|" + s.question + "|";
    for (const auto& c : s.cards) out += c.id + "," + (c.side == CardSide::Benefit ? "b" : "c") + "," + c.icon + ";";
    out += "|" + std::to_string(s.comparison_percent) + "|";
    for (const auto& k : s.knowledge) out += k.id + "," + (k.answer ? "t" : "f") + ";";
    return out;
}

// Which options clear the others. Compared between languages like the structure, but kept out
// of structure_of() and so of the question hash: it changes how choices combine, not what a
// stored answer means, and answers stored before it was marked stay comparable.
std::string exclusive_options(const Question& q) {
    std::string s;
    for (const auto& o : q.options)
        if (o.exclusive) s += o.id + ";";
    return s;
}

template <typename T>
void compare_structure(const std::vector<T>& base, const std::vector<T>& other, const std::string& file,
                       const char* what, Problems& problems) {
    if (base.size() != other.size()) {
        problems.push_back({file, 0, "has " + std::to_string(other.size()) + " " + what + "s but the default language has " +
                                         std::to_string(base.size())});
        return;
    }
    for (size_t i = 0; i < base.size(); ++i) {
        if (structure_of(base[i]) != structure_of(other[i]))
            problems.push_back({file, other[i].line, std::string(what) + " '" + other[i].id +
                                                         "' differs from the default language in its ids, order, "
                                                         "type, options, icons or links (only words may differ)"});
    }
}

}  // namespace

void check_same_structure(const LanguageContent& base, const LanguageContent& lang, Problems& problems) {
    const std::string dir = lang.info.code + "/";
    compare_structure(base.questions, lang.questions, dir + "questions.toml", "question", problems);
    if (base.questions.size() == lang.questions.size())
        for (size_t i = 0; i < base.questions.size(); ++i)
            if (exclusive_options(base.questions[i]) != exclusive_options(lang.questions[i]))
                problems.push_back({dir + "questions.toml", lang.questions[i].line,
                                    "question '" + lang.questions[i].id +
                                        "' marks different options exclusive from the default language"});
    compare_structure(base.explainers, lang.explainers, dir + "explainers.toml", "explainer", problems);
    compare_structure(base.scenarios, lang.scenarios, dir + "scenarios.toml", "scenario", problems);
    compare_structure(base.topics, lang.topics, dir + "topics.toml", "topic", problems);
}

// [hashes] ------------------------------------------------------------------------------

std::string question_structure(const Question& q) { return structure_of(q); }

std::string question_hash(const Question& q) {
    Sha256 h;
    h.update_field(structure_of(q));
    h.update_field(q.text);
    h.update_field(q.help);
    for (const auto& o : q.options) h.update_field(o.label);
    return h.hex();
}

std::string knowledge_hash(const KnowledgeItem& k) {
    Sha256 h;
    h.update_field(k.id);
    h.update_field(k.answer ? kKnowledgeTrue : kKnowledgeFalse);
    h.update_field(k.statement);
    h.update_field(k.explanation);
    return h.hex();
}

std::string pack_hash(const PackFiles& files) {
    Sha256 h;
    for (const auto& [name, bytes] : files) {  // std::map: sorted by name
        h.update_field(name);
        h.update_field(bytes);
    }
    return h.hex();
}

// [codepoints] ---------------------------------------------------------------------------

std::vector<char32_t> codepoints_used(const Pack& pack) {
    std::set<char32_t> set;
    auto add = [&set](const std::string& s) {
        // With its other case too, so the on-screen keyboard can show capitals of every letter.
        for (char32_t c : decode_utf8(s)) set.insert({c, latin_upper(c), latin_lower(c)});
    };
    for (const auto& lang : pack.languages) {
        add(lang.info.name);
        for (const auto& [k, v] : lang.ui) add(v);
        for (const auto& t : lang.topics) add(t.title), add(t.summary);
        for (const auto& e : lang.explainers) add(e.title), add(e.text), add(e.qr_caption);
        for (const auto& q : lang.questions) {
            add(q.text), add(q.help);
            for (const auto& o : q.options) add(o.label);
        }
        for (const auto& s : lang.scenarios) {
            add(s.title), add(s.text);
            for (const auto& c : s.cards) add(c.text);
            for (const auto& k : s.knowledge) add(k.statement), add(k.explanation);
        }
    }
    return {set.begin(), set.end()};
}

}  // namespace dv
