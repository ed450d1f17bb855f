// Content pack lint (rules: lint.hpp, assets/content/README.md).
//
// Index: [helpers] [what a visitor reads, with where it is] [glyphs] [screens and readability]
//        [links, placeholders, voices, notes] [lint_pack]
#include "lint.hpp"

#include "icons.hpp"
#include "plural.hpp"
#include "readability.hpp"
#include "text.hpp"

#include <cstdio>
#include <cstring>
#include <map>
#include <set>

namespace dv {

// [helpers] -----------------------------------------------------------------------------

bool is_english(const LanguageInfo& info) { return info.code == "en" || info.code.rfind("en-", 0) == 0; }

bool is_wellformed_https_url(std::string_view url) {
    constexpr std::string_view scheme = "https://";
    if (url.size() > 300 || url.substr(0, scheme.size()) != scheme) return false;
    const std::string_view rest = url.substr(scheme.size());
    const size_t host_end = rest.find_first_of(":/?#");
    const std::string_view host = rest.substr(0, host_end);
    // The host: dot-separated labels of letters, digits and inner hyphens; a final label of letters.
    const std::vector<std::string> labels = split(host, '.');
    if (labels.size() < 2) return false;
    for (const auto& l : labels) {
        if (l.empty() || l.size() > 63 || l.front() == '-' || l.back() == '-') return false;
        for (char c : l)
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
    }
    for (char c : labels.back())
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    if (host_end == std::string_view::npos) return true;
    std::string_view tail = rest.substr(host_end);
    if (tail[0] == ':') {
        size_t digits = 1;
        while (digits < tail.size() && tail[digits] >= '0' && tail[digits] <= '9') ++digits;
        if (digits == 1 || digits > 6) return false;
        tail = tail.substr(digits);
        if (!tail.empty() && tail[0] != '/' && tail[0] != '?' && tail[0] != '#') return false;
    }
    for (char c : tail) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' ||
            c == '{' || c == '|' || c == '}')
            return false;
    }
    return true;
}

namespace {

std::string hex_of(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

std::string shown(char32_t cp) {
    if (cp < 0x20 || cp == 0x7F) return hex_of(cp);
    std::string s = "'";
    append_utf8(s, cp);
    return s + "' (" + hex_of(cp) + ")";
}

std::string first_words(const std::string& sentence, size_t n = 6) {
    const auto words = split_words(sentence);
    std::vector<std::string> head(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(std::min(n, words.size())));
    return "\"" + join(head, " ") + (words.size() > n ? " …\"" : "\"");
}

std::set<std::string> placeholders(const std::string& s) {
    std::set<std::string> out;
    for (size_t i = s.find('{'); i != std::string::npos; i = s.find('{', i + 1)) {
        const size_t close = s.find('}', i);
        if (close == std::string::npos) break;
        out.insert(s.substr(i, close - i + 1));
    }
    return out;
}

// [what a visitor reads, with where it is] ----------------------------------------------

struct Located {
    std::string file;
    int line = 0;
    std::string text;
};

std::vector<Located> texts_of(const LanguageContent& lang) {
    const std::string dir = lang.info.code + "/";
    std::vector<Located> out;
    out.push_back({"pack.toml", lang.info.line, lang.info.name});
    for (const auto& [key, value] : lang.ui) {
        auto it = lang.ui_lines.find(key);
        out.push_back({dir + "ui.toml", it == lang.ui_lines.end() ? 0 : it->second, value});
    }
    for (const auto& t : lang.topics) {
        out.push_back({dir + "topics.toml", t.line, t.title});
        out.push_back({dir + "topics.toml", t.line, t.summary});
    }
    for (const auto& e : lang.explainers) {
        out.push_back({dir + "explainers.toml", e.line, e.title});
        out.push_back({dir + "explainers.toml", e.line, e.text});
        out.push_back({dir + "explainers.toml", e.line, e.qr_caption});
    }
    for (const auto& q : lang.questions) {
        out.push_back({dir + "questions.toml", q.line, q.text});
        out.push_back({dir + "questions.toml", q.line, q.help});
        for (const auto& o : q.options) out.push_back({dir + "questions.toml", q.line, o.label});
    }
    for (const auto& s : lang.scenarios) {
        out.push_back({dir + "scenarios.toml", s.line, s.title});
        out.push_back({dir + "scenarios.toml", s.line, s.text});
        for (const auto& c : s.cards) out.push_back({dir + "scenarios.toml", c.line, c.text});
    }
    return out;
}

// One screen's worth of prose: what readability is judged on.
struct ScreenText {
    std::string file;
    int line = 0;
    std::string what;   // "explainer 'privacy_code'"
    std::string prose;  // title and text, as read
    std::string body;   // the text alone (explainers: the 60-word rule)
    const std::vector<std::string>* pictograms = nullptr;  // explainers and scenario intros
    bool is_explainer = false;
};

std::vector<ScreenText> screens_of(const LanguageContent& lang) {
    const std::string dir = lang.info.code + "/";
    std::vector<ScreenText> out;
    for (const auto& e : lang.explainers)
        out.push_back({dir + "explainers.toml", e.line, "explainer '" + e.id + "'", e.title + "\n" + e.text, e.text,
                       &e.pictograms, true});
    for (const auto& s : lang.scenarios) {
        out.push_back({dir + "scenarios.toml", s.line, "scenario '" + s.id + "'", s.title + "\n" + s.text, s.text,
                       &s.pictograms, false});
        for (const auto& c : s.cards)
            out.push_back({dir + "scenarios.toml", c.line, "card '" + s.id + "." + c.id + "'", c.text, c.text, nullptr,
                           false});
    }
    for (const auto& q : lang.questions)
        out.push_back({dir + "questions.toml", q.line, "question '" + q.id + "'", q.text + "\n" + q.help, q.text,
                       nullptr, false});
    for (const auto& t : lang.topics)
        out.push_back({dir + "topics.toml", t.line, "topic '" + t.id + "'", t.title + "\n" + t.summary, t.summary,
                       nullptr, false});
    for (const auto& [key, value] : lang.ui) {
        auto it = lang.ui_lines.find(key);
        out.push_back({dir + "ui.toml", it == lang.ui_lines.end() ? 0 : it->second, "'" + key + "'", value, value,
                       nullptr, false});
    }
    return out;
}

// The option ids lint takes to mean "none of the others": none, nothing, neither and
// prefer_not, alone or as the first words of the id (none_of_these, prefer_not_to_say).
// Other options may be exclusive too (not_contacted); lint only insists on these.
bool means_none(const std::string& id) {
    for (const char* word : {"none", "nothing", "neither", "prefer_not"}) {
        const size_t n = std::strlen(word);
        if (id.compare(0, n, word) == 0 && (id.size() == n || id[n] == '_')) return true;
    }
    return false;
}

class Linter {
public:
    Linter(const Pack& pack, const LintOptions& options) : m_pack(pack), m_opt(options) {}

    LintReport run() {
        for (const auto& lang : m_pack.languages) {
            check_glyphs(lang);
            check_screens(lang);
            check_links(lang);
            check_placeholders(lang);
            check_exclusive_options(lang);
            check_plural_forms(lang);
            check_language(lang);
        }
        check_icons();
        return std::move(m_report);
    }

private:
    void error(const std::string& file, int line, const std::string& message) {
        m_report.errors.push_back({file, line, message});
    }
    void note(const std::string& file, int line, const std::string& message) {
        m_report.notes.push_back({file, line, "note: " + message});
    }

    // [glyphs] --------------------------------------------------------------------------

    void check_glyphs(const LanguageContent& lang) {
        std::set<char32_t> reported;
        for (const Located& t : texts_of(lang)) {
            for (char32_t cp : decode_utf8(t.text)) {
                if (cp == '\n' || reported.count(cp)) continue;
                std::string why;
                if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
                    why = "is a control character, which the kiosk cannot show";
                else if (cp > 0xFFFF)
                    why = "is outside the characters the kiosk can draw (emoji and rare scripts)";
                else if (m_opt.text_glyph && !m_opt.text_glyph(cp))
                    why = "is not in the kiosk's fonts (Noto Sans regular and bold)";
                if (why.empty()) continue;
                reported.insert(cp);
                error(t.file, t.line, shown(cp) + " " + why);
            }
        }
    }

    // Pictograms are the same in every language but `pictograms`, so each is named where it
    // is first used.
    void check_icons() {
        if (!m_opt.icon_glyph) return;
        std::map<std::string, Located> used;
        auto use = [&used](const std::string& name, const std::string& file, int line) {
            if (!name.empty()) used.emplace(name, Located{file, line, {}});
        };
        for (const auto& lang : m_pack.languages) {
            const std::string dir = lang.info.code + "/";
            for (const auto& t : lang.topics) use(t.icon, dir + "topics.toml", t.line);
            for (const auto& e : lang.explainers) {
                use(e.icon, dir + "explainers.toml", e.line);
                for (const auto& p : e.pictograms) use(p, dir + "explainers.toml", e.line);
            }
            for (const auto& q : lang.questions)
                for (const auto& o : q.options) use(o.icon, dir + "questions.toml", q.line);
            for (const auto& s : lang.scenarios) {
                use(s.icon, dir + "scenarios.toml", s.line);
                for (const auto& p : s.pictograms) use(p, dir + "scenarios.toml", s.line);
                for (const auto& c : s.cards) use(c.icon, dir + "scenarios.toml", c.line);
            }
        }
        for (const auto& [name, where] : used) {
            const char32_t cp = icon_codepoint(name);
            if (!m_opt.icon_glyph(cp))
                error(where.file, where.line, "pictogram '" + name + "' (" + hex_of(cp) + ") is not in the icon font");
        }
    }

    // [screens and readability] ---------------------------------------------------------

    void check_screens(const LanguageContent& lang) {
        const bool english = is_english(lang.info);
        const bool easy = lang.info.easy_read;
        const int sentence_max = easy ? kEasyReadSentenceMaxWords : kSentenceMaxWords;
        double hardest = 0;
        std::string hardest_what;
        for (const ScreenText& s : screens_of(lang)) {
            if (s.is_explainer) {
                const int words = count_words(s.body);
                if (words > kExplainerMaxWords)
                    error(s.file, s.line, s.what + " has " + std::to_string(words) + " words; at most " +
                                              std::to_string(kExplainerMaxWords) + " fit one screen");
            }
            for (const std::string& sentence : split_sentences(s.prose)) {
                const int n = count_words(sentence);
                if (n > sentence_max)
                    error(s.file, s.line, s.what + ": a sentence of " + std::to_string(n) + " words " +
                                              first_words(sentence) + "; " + (easy ? "Easy Read allows " : "at most ") +
                                              std::to_string(sentence_max));
            }
            if (english) check_reading_age(s, hardest, hardest_what);
            if (s.pictograms) check_pictograms(s, easy);
        }
        if (english && !hardest_what.empty()) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.1f", hardest);
            note("pack.toml", lang.info.line,
                 "'" + lang.info.code + "': the hardest screen is " + hardest_what + ", reading age about " + buf);
        }
    }

    void check_reading_age(const ScreenText& s, double& hardest, std::string& hardest_what) {
        const TextStats st = text_stats(s.prose);
        if (st.words < kReadabilityMinWords) return;
        const double age = reading_age(st);
        if (age > hardest) hardest = age, hardest_what = s.what;
        if (age <= m_pack.reading_age_limit) return;
        char buf[96];
        std::snprintf(buf, sizeof buf, "reading age about %.1f (Flesch-Kincaid grade %.1f)", age,
                      flesch_kincaid_grade(st));
        error(s.file, s.line, s.what + ": " + buf + " is above the pack's limit of " +
                                  std::to_string(m_pack.reading_age_limit) + "; use shorter sentences and shorter words");
    }

    void check_pictograms(const ScreenText& s, bool easy) {
        const size_t paragraphs = split_paragraphs(s.body).size();
        const size_t pictograms = s.pictograms->size();
        if (pictograms == 0 && !easy) return;
        if (pictograms == paragraphs) return;
        error(s.file, s.line, s.what + " has " + std::to_string(paragraphs) + " paragraph" +
                                  (paragraphs == 1 ? "" : "s") + " but " + std::to_string(pictograms) + " pictogram" +
                                  (pictograms == 1 ? "" : "s") +
                                  (easy ? "; Easy Read needs one pictogram beside each paragraph"
                                        : "; give one pictogram per paragraph, or none"));
    }

    // [links, placeholders, voices, notes] ----------------------------------------------

    void check_links(const LanguageContent& lang) {
        for (const auto& e : lang.explainers)
            if (!e.qr_url.empty() && !is_wellformed_https_url(e.qr_url))
                error(lang.info.code + "/explainers.toml", e.line,
                      "explainer '" + e.id + "': qr_url '" + e.qr_url + "' is not a well-formed https:// link");
    }

    void check_placeholders(const LanguageContent& lang) {
        const LanguageContent& base = m_pack.default_content();
        if (&lang == &base) return;
        for (const auto& [key, value] : lang.ui) {
            auto b = base.ui.find(key);
            if (b == base.ui.end()) continue;
            const auto want = placeholders(b->second);
            if (placeholders(value) == want) continue;
            std::vector<std::string> names(want.begin(), want.end());
            auto it = lang.ui_lines.find(key);
            error(lang.info.code + "/ui.toml", it == lang.ui_lines.end() ? 0 : it->second,
                  "'" + key + "' must use the same placeholders as the default language" +
                      (names.empty() ? std::string(" (none)") : ": " + join(names, " ")));
        }
    }

    // An option that means "none of the others" in a multi question must clear them (exclusive),
    // or "None of these" could be stored together with "I have a disability".
    void check_exclusive_options(const LanguageContent& lang) {
        for (const auto& q : lang.questions) {
            if (q.type != QuestionType::Multi) continue;
            for (const auto& o : q.options)
                if (means_none(o.id) && !o.exclusive)
                    error(lang.info.code + "/questions.toml", q.line,
                          "question '" + q.id + "': option '" + o.id +
                              "' means none of the others, so it needs exclusive = true");
        }
    }

    // Counted phrases give exactly the plural forms their language's rule has (core/plural.hpp);
    // a plain string only where the rule has one form.
    void check_plural_forms(const LanguageContent& lang) {
        std::vector<std::string> needed;
        for (PluralCategory c : plural_categories(lang.info.code)) needed.push_back(plural_category_name(c));
        const std::string file = lang.info.code + "/ui.toml";
        auto line_of = [&](const std::string& key) {
            auto it = lang.ui_lines.find(key);
            return it == lang.ui_lines.end() ? 0 : it->second;
        };
        for (const auto& [key, forms] : lang.ui_forms) {
            std::vector<std::string> given;
            for (const auto& form : needed)
                if (forms.count(form)) given.push_back(form);
            if (given.size() == forms.size() && given.size() == needed.size()) continue;
            error(file, line_of(key), "'" + key + "' must give exactly the plural forms " + lang.info.code +
                                          " needs: " + join(needed, ", "));
        }
        if (needed.size() < 2) return;
        for (const auto& key : counted_ui_words())
            if (lang.ui.count(key) && !lang.ui_forms.count(key))
                error(file, line_of(key), "'" + key + "' counts something, so it needs the plural forms " +
                                              lang.info.code + " uses: { " + join(needed, " = \"...\", ") +
                                              " = \"...\" }");
    }

    void check_language(const LanguageContent& lang) {
        const LanguageInfo& info = lang.info;
        if (info.review_needed)
            note("pack.toml", info.line,
                 "'" + info.code + "' (" + info.name + ") is marked review = \"needed\": not yet checked " +
                     (info.easy_read ? "with Easy Read readers" : "by a native speaker"));
        if (info.voice.empty())
            note("pack.toml", info.line, "'" + info.code + "' has no read-aloud voice");
        else if (m_opt.voice_known && !m_opt.voice_known(info.voice))
            error("pack.toml", info.line, "voice '" + info.voice + "' of '" + info.code + "' is not an espeak-ng voice");
        if (!m_pack.privacy.free_text && &lang == &m_pack.default_content()) {
            for (const auto& q : lang.questions)
                if (q.type == QuestionType::FreeText)
                    note(info.code + "/questions.toml", q.line,
                         "question '" + q.id + "' asks for free text, which this pack turns off: it is not shown");
        }
    }

    const Pack& m_pack;
    const LintOptions& m_opt;
    LintReport m_report;
};

}  // namespace

// [lint_pack] ---------------------------------------------------------------------------

LintReport lint_pack(const Pack& pack, const LintOptions& options) { return Linter(pack, options).run(); }

LintReport lint_pack_files(const PackFiles& files, const LintOptions& options) {
    PackResult r = parse_pack(files);
    if (!r.pack) {
        LintReport report;
        report.errors = std::move(r.problems);
        return report;
    }
    return lint_pack(*r.pack, options);
}

LintReport lint_pack_in(const Pack& pack, const std::string& folder, const LintOptions& options) {
    LintReport report = lint_pack(pack, options);
    if (folder.empty()) return report;
    const std::string prefix = folder.back() == '/' ? folder : folder + "/";
    for (Problems* ps : {&report.errors, &report.notes})
        for (auto& p : *ps) p.file = prefix + p.file;
    return report;
}

}  // namespace dv
