// Content lint: each rule fails the pack it should, with file and line, and a clean pack passes.
#include "core/lint.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

using namespace dv;

namespace {

void replace(std::string& s, const std::string& from, const std::string& to) {
    const size_t at = s.find(from);
    REQUIRE(at != std::string::npos);
    s.replace(at, from.size(), to);
}

bool mentions(const Problems& ps, const std::string& file, const std::string& text, bool want_line = true) {
    for (const auto& p : ps)
        if (p.file == file && p.message.find(text) != std::string::npos && (!want_line || p.line > 0)) return true;
    return false;
}

LintReport lint(const PackFiles& f, const LintOptions& o = {}) {
    LintReport r = lint_pack_files(f, o);
    INFO(format_problems(r.errors));
    return r;
}

const std::string kLong60 =
    "One two three four five six seven eight nine ten. One two three four five six seven eight nine ten. "
    "One two three four five six seven eight nine ten. One two three four five six seven eight nine ten. "
    "One two three four five six seven eight nine ten. One two three four five six seven eight nine ten.";

}  // namespace

TEST_CASE("Lint/the tiny pack passes, and its unreviewed translation is a note", "[lint]") {
    const LintReport r = lint(test::tiny_pack_files());
    CHECK(r.ok());
    CHECK(r.errors.empty());
    CHECK(mentions(r.notes, "pack.toml", "'cy' (Cymraeg) is marked review = \"needed\""));
}

TEST_CASE("Lint/an explainer over 60 words fails; exactly 60 passes", "[lint]") {
    PackFiles f = test::tiny_pack_files();
    replace(f["en/explainers.toml"], "text = \"Some words.\"", "text = \"" + kLong60 + "\"");
    CHECK(lint(f).ok());
    replace(f["en/explainers.toml"], "nine ten.\"", "nine ten eleven.\"");
    CHECK(mentions(lint(f).errors, "en/explainers.toml", "explainer 'e1' has 61 words; at most 60"));
}

TEST_CASE("Lint/English above the pack's reading age fails with the screen named", "[lint]") {
    PackFiles f = test::tiny_pack_files();
    replace(f["en/explainers.toml"], "text = \"More words.\"",
            "text = \"Organisations commissioning services require authorisation. Statutory safeguards regulate "
            "identifiable information.\"");
    const LintReport r = lint(f);
    CHECK(mentions(r.errors, "en/explainers.toml", "explainer 'e2': reading age about"));
    CHECK(mentions(r.errors, "en/explainers.toml", "above the pack's limit of 11"));
    // The same words in another language are not judged by an English formula.
    CHECK_FALSE(mentions(r.errors, "cy/explainers.toml", "reading age"));
}

TEST_CASE("Lint/a higher reading_age_limit lets harder English through", "[lint]") {
    PackFiles f = test::tiny_pack_files();
    replace(f["en/explainers.toml"], "text = \"More words.\"",
            "text = \"Planners look at records together to decide which services each neighbourhood needs.\"");
    CHECK_FALSE(lint(f).ok());
    replace(f["pack.toml"], "topics = [", "reading_age_limit = 16\ntopics = [");
    CHECK(lint(f).ok());
}

TEST_CASE("Lint/a sentence over 25 words fails in any language", "[lint]") {
    PackFiles f = test::tiny_pack_files();
    replace(f["cy/scenarios.toml"], "cy Good.",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z.");
    CHECK(mentions(lint(f).errors, "cy/scenarios.toml", "card 's1.c1': a sentence of 26 words"));
}

TEST_CASE("Lint/Easy Read needs short sentences and a pictogram beside each paragraph", "[lint]") {
    PackFiles f = test::tiny_pack_files();
    replace(f["pack.toml"], "name = \"Cymraeg\"", "name = \"Cymraeg\"\neasy_read = true");
    LintReport r = lint(f);
    CHECK(mentions(r.errors, "cy/explainers.toml", "explainer 'e1' has 1 paragraph but 0 pictograms; Easy Read"));
    CHECK(mentions(r.errors, "cy/scenarios.toml", "scenario 's1' has 1 paragraph but 0 pictograms"));

    for (const char* id : {"e1", "e2", "e_close"})
        replace(f["cy/explainers.toml"], std::string("id = \"") + id + "\"",
                std::string("id = \"") + id + "\"\npictograms = [\"heart\"]");
    replace(f["cy/scenarios.toml"], "id = \"s1\"", "id = \"s1\"\npictograms = [\"users\"]");
    CHECK(lint(f).ok());

    replace(f["cy/explainers.toml"], "cy Some words.", "One two three four five six seven eight nine ten a b c d e f.");
    CHECK(mentions(lint(f).errors, "cy/explainers.toml", "a sentence of 16 words \"One two three four five six …\"; Easy Read allows 15"));
}

TEST_CASE("Lint/pictograms in other languages must match the paragraphs when given", "[lint]") {
    PackFiles f = test::tiny_pack_files();
    replace(f["en/explainers.toml"], "id = \"e1\"", "id = \"e1\"\npictograms = [\"heart\", \"lock\"]");
    CHECK(mentions(lint(f).errors, "en/explainers.toml", "explainer 'e1' has 1 paragraph but 2 pictograms"));
}

TEST_CASE("Lint/QR links must be well-formed https links", "[lint]") {
    CHECK(is_wellformed_https_url("https://www.nhs.uk/your-nhs-data-matters/"));
    CHECK(is_wellformed_https_url("https://example.org"));
    CHECK(is_wellformed_https_url("https://a.example.org:8443/x?y=1#z"));
    CHECK_FALSE(is_wellformed_https_url("http://www.nhs.uk/"));
    CHECK_FALSE(is_wellformed_https_url("https://localhost/"));
    CHECK_FALSE(is_wellformed_https_url("https://www.nhs.uk/a page"));
    CHECK_FALSE(is_wellformed_https_url("https://-bad.example.org/"));
    CHECK_FALSE(is_wellformed_https_url("https://www.nhs.uk:/x"));
    CHECK_FALSE(is_wellformed_https_url("https://www.nhs.123/"));
    CHECK_FALSE(is_wellformed_https_url("nhs.uk"));

    PackFiles f = test::tiny_pack_files();
    for (const char* lang : {"en/", "cy/"})
        replace(f[std::string(lang) + "explainers.toml"], "https://www.nhs.uk/your-nhs-data-matters/",
                "javascript:alert(1)");
    CHECK(mentions(lint(f).errors, "en/explainers.toml", "qr_url 'javascript:alert(1)' is not a well-formed https:// link"));
}

TEST_CASE("Lint/a character the kiosk's fonts lack is named with its file and line", "[lint]") {
    PackFiles f = test::tiny_pack_files();
    replace(f["cy/questions.toml"], "cy Yes or no?", "Ŵ ŷ?");
    LintOptions o;
    o.text_glyph = [](char32_t cp) { return cp != U'ŷ'; };
    const LintReport r = lint(f, o);
    CHECK(mentions(r.errors, "cy/questions.toml", "'ŷ' (U+0177) is not in the kiosk's fonts"));
    CHECK(r.errors.size() == 1);
}

TEST_CASE("Lint/control characters and characters beyond U+FFFF are refused", "[lint]") {
    PackFiles f = test::tiny_pack_files();
    replace(f["en/explainers.toml"], "Some words.", "Some \\u0007 words \\U0001F600.");
    const LintReport r = lint(f);
    CHECK(mentions(r.errors, "en/explainers.toml", "U+0007 is a control character"));
    CHECK(mentions(r.errors, "en/explainers.toml", "(U+1F600) is outside the characters the kiosk can draw"));
}

TEST_CASE("Lint/a pictogram missing from the icon font is named where it is used", "[lint]") {
    LintOptions o;
    o.icon_glyph = [](char32_t cp) { return cp != 0xF004; };  // heart
    CHECK(mentions(lint(test::tiny_pack_files(), o).errors, "en/scenarios.toml", "pictogram 'heart' (U+F004) is not in the icon font"));
}

TEST_CASE("Lint/translated interface words keep the default language's placeholders", "[lint]") {
    PackFiles f = test::tiny_pack_files();
    replace(f["cy/ui.toml"], "question_progress = \"cy question_progress {n} {total}", "question_progress = \"cy question_progress {n} {cyfanswm}");
    CHECK(mentions(lint(f).errors, "cy/ui.toml", "'question_progress' must use the same placeholders as the default language: {n} {total}"));
}

TEST_CASE("Lint/a read-aloud voice that does not exist fails; a missing one is a note", "[lint]") {
    PackFiles f = test::tiny_pack_files();
    replace(f["pack.toml"], "name = \"English\"", "name = \"English\"\nvoice = \"en-gb\"");
    replace(f["pack.toml"], "name = \"Cymraeg\"", "name = \"Cymraeg\"\nvoice = \"klingon\"");
    LintOptions o;
    o.voice_known = [](const std::string& v) { return v == "en-gb" || v == "cy"; };
    const LintReport r = lint(f, o);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].str() == "pack.toml:15: voice 'klingon' of 'cy' is not an espeak-ng voice");
    CHECK(mentions(lint(test::tiny_pack_files()).notes, "pack.toml", "'en' has no read-aloud voice"));
}

TEST_CASE("Lint/a free-text question in a pack with free text off is a note, not an error", "[lint]") {
    PackFiles f = test::tiny_pack_files();
    for (const char* lang : {"en/", "cy/"})
        f[std::string(lang) + "questions.toml"] += "\n[[question]]\nid = \"q_text\"\ntype = \"text\"\ntext = \"Say more\"\n";
    const LintReport r = lint(f);
    CHECK(r.ok());
    CHECK(mentions(r.notes, "en/questions.toml", "question 'q_text' asks for free text, which this pack turns off"));
}

TEST_CASE("Lint/problems from parsing are errors, and lint_pack_in names files under the folder", "[lint]") {
    PackFiles f = test::tiny_pack_files();
    f.erase("cy/topics.toml");
    CHECK(mentions(lint(f).errors, "cy/topics.toml", "missing", false));

    PackFiles g = test::tiny_pack_files();
    replace(g["en/explainers.toml"], "text = \"Some words.\"", "text = \"" + kLong60 + " More.\"");
    const LintReport r = lint_pack_in(*parse_pack(g).pack, "packs/tiny");
    CHECK(mentions(r.errors, "packs/tiny/en/explainers.toml", "has 61 words"));
    CHECK(mentions(r.notes, "packs/tiny/pack.toml", "review = \"needed\""));
}

TEST_CASE("Lint/an option meaning none in a multi question must be exclusive", "[lint]") {
    PackFiles f = test::tiny_pack_files();
    for (const char* lang : {"en/", "cy/"})
        replace(f[std::string(lang) + "questions.toml"], "{ id = \"m3\", label = \"M3\" }",
                "{ id = \"none_of_these\", label = \"M3\" }");
    CHECK(mentions(lint(f).errors, "en/questions.toml",
                   "question 'q_multi': option 'none_of_these' means none of the others, so it needs exclusive = true"));
    for (const char* lang : {"en/", "cy/"})
        replace(f[std::string(lang) + "questions.toml"], "label = \"M3\" }", "label = \"M3\", exclusive = true }");
    CHECK(lint(f).ok());
}

TEST_CASE("Lint/the default pack marks its none options exclusive", "[lint]") {
    for (const auto& lang : test::default_pack().languages) {
        INFO(lang.info.code);
        for (const char* q_id : {"conditions", "reassure"}) {
            const Question* q = lang.question(q_id);
            REQUIRE(q);
            for (const auto& o : q->options) CHECK(o.exclusive == (o.id == "none" || o.id == "nothing" || o.id == "prefer_not"));
        }
    }
}

TEST_CASE("Lint/counted phrases need for exactly the forms a language needs", "[lint][plural]") {
    // Missing a form.
    PackFiles f = test::tiny_pack_files();
    replace(f["en/ui.toml"], "text_left = { one = ", "text_left = { few = \"{n}\", one = ");
    LintReport r = lint(f);
    CHECK(mentions(r.errors, "en/ui.toml", "'text_left' must give exactly the plural forms en needs: one, other"));
    // A plain string where English needs two forms.
    f = test::tiny_pack_files();
    const std::string& ui = f["en/ui.toml"];
    const size_t at = ui.find("text_left = ");
    const size_t end = ui.find('\n', at);
    f["en/ui.toml"] = ui.substr(0, at) + "text_left = \"{n} letters left\"" + ui.substr(end);
    r = lint(f);
    CHECK(mentions(r.errors, "en/ui.toml", "'text_left' counts something, so it needs the plural forms en uses"));
    // Welsh (no rule: one form) is fine with plain strings; the tiny pack passes.
    CHECK(lint(test::tiny_pack_files()).ok());
}
