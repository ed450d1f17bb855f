// Content packs: parsing each question type, conditions, cross-language structure, hashes,
// and clear file:line problems for broken packs.
#include "core/content.hpp"
#include "core/icons.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace dv;

namespace {

Problems problems_of(const PackFiles& files) {
    PackResult r = parse_pack(files);
    CHECK_FALSE(r.pack);
    return r.problems;
}

bool mentions(const Problems& ps, const std::string& file, const std::string& text) {
    for (const auto& p : ps)
        if (p.file == file && p.message.find(text) != std::string::npos) return true;
    return false;
}

void replace(std::string& s, const std::string& from, const std::string& to) {
    const size_t at = s.find(from);
    REQUIRE(at != std::string::npos);
    s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("Content/the tiny pack parses with every question type", "[content]") {
    const Pack& p = test::tiny_pack();
    CHECK(p.id == "tiny");
    CHECK(p.version == "1.2.3");
    CHECK(p.privacy.results_threshold == 3);
    CHECK(p.privacy.results_refresh_every == 2);
    CHECK_FALSE(p.privacy.free_text);
    REQUIRE(p.languages.size() == 2);
    CHECK(p.language("cy")->info.review_needed);
    CHECK_FALSE(p.language("en")->info.review_needed);
    const LanguageContent& en = p.default_content();
    CHECK(en.question("q_single")->type == QuestionType::Single);
    CHECK(en.question("q_scale")->type == QuestionType::Scale);
    CHECK(en.question("q_scale")->options.size() == 5);
    CHECK(en.question("q_multi")->type == QuestionType::Multi);
    CHECK(en.question("q_multi")->max_choices == 2);
    CHECK(en.question("q_age")->about_you);
    REQUIRE(en.question("q_cond")->show_if);
    CHECK(en.question("q_cond")->show_if->question == "q_single");
    CHECK(en.question("q_cond")->show_if->any_of == std::vector<std::string>{"yes"});
    CHECK(en.scenario("s1")->cards.size() == 3);
    CHECK(en.scenario("s1")->cards[1].side == CardSide::Concern);
    CHECK(en.explainer("e_close")->qr_url == "https://www.nhs.uk/your-nhs-data-matters/");
    CHECK(p.closing_explainer == "e_close");
}

TEST_CASE("Content/a free-text question parses with its length cap", "[content]") {
    PackFiles f = test::tiny_pack_files();
    for (const char* lang : {"en/", "cy/"})
        f[std::string(lang) + "questions.toml"] += "\n[[question]]\nid = \"q_text\"\ntype = \"text\"\ntext = \"Say more\"\nmax_length = 120\n";
    PackResult r = parse_pack(f);
    REQUIRE(r.pack);
    const Question* q = r.pack->default_content().question("q_text");
    REQUIRE(q);
    CHECK(q->type == QuestionType::FreeText);
    CHECK(q->max_length == 120);
    CHECK(q->options.empty());
}

TEST_CASE("Content/the same content gives the same hash; one changed word changes it", "[content]") {
    const PackFiles a = test::tiny_pack_files();
    PackFiles b = a;
    const Pack pa = *parse_pack(a).pack;
    const Pack pb = *parse_pack(b).pack;
    CHECK(pa.hash == pb.hash);
    CHECK(pa.default_content().question("q_single")->content_hash ==
          pb.default_content().question("q_single")->content_hash);

    replace(b["en/questions.toml"], "Yes or no?", "Yes or no, please?");
    const Pack pc = *parse_pack(b).pack;
    CHECK(pc.hash != pa.hash);
    CHECK(pc.default_content().question("q_single")->content_hash !=
          pa.default_content().question("q_single")->content_hash);
    // Other questions keep their hash: their wording did not change.
    CHECK(pc.default_content().question("q_scale")->content_hash ==
          pa.default_content().question("q_scale")->content_hash);
    // Each language's wording has its own hash.
    CHECK(pa.language("cy")->question("q_single")->content_hash !=
          pa.default_content().question("q_single")->content_hash);
}

TEST_CASE("Content/an option label change changes the question hash", "[content]") {
    PackFiles b = test::tiny_pack_files();
    replace(b["en/questions.toml"], "label = \"M2\"", "label = \"M two\"");
    CHECK(parse_pack(b).pack->default_content().question("q_multi")->content_hash !=
          test::tiny_pack().default_content().question("q_multi")->content_hash);
}

TEST_CASE("Content/a missing pack.toml is named", "[content]") {
    PackFiles f = test::tiny_pack_files();
    f.erase("pack.toml");
    CHECK(mentions(problems_of(f), "pack.toml", "missing"));
}

TEST_CASE("Content/a missing language file is named", "[content]") {
    PackFiles f = test::tiny_pack_files();
    f.erase("cy/scenarios.toml");
    CHECK(mentions(problems_of(f), "cy/scenarios.toml", "missing"));
}

TEST_CASE("Content/a TOML syntax error gives the file and line", "[content]") {
    PackFiles f = test::tiny_pack_files();
    f["en/questions.toml"] = "\n\n[[question]]\nid = \"x\nbroken";
    const Problems ps = problems_of(f);
    REQUIRE_FALSE(ps.empty());
    CHECK(ps[0].file == "en/questions.toml");
    CHECK(ps[0].line >= 4);
    CHECK(ps[0].message.find("not valid TOML") != std::string::npos);
}

TEST_CASE("Content/wrong types, unknown keys and bad ids are named with their line", "[content]") {
    PackFiles f = test::tiny_pack_files();
    replace(f["en/questions.toml"], "max_choices = 2", "max_choices = \"two\"");
    replace(f["en/explainers.toml"], "id = \"e2\"", "id = \"e2\"\ncolour = \"red\"");
    replace(f["en/topics.toml"], "id = \"t2\"", "id = \"Topic Two!\"");
    const Problems ps = problems_of(f);
    CHECK(mentions(ps, "en/questions.toml", "'question.max_choices' must be a whole number"));
    CHECK(mentions(ps, "en/explainers.toml", "unknown key 'explainer.colour'"));
    CHECK(mentions(ps, "en/topics.toml", "is not a valid id"));
    for (const auto& p : ps) CHECK(p.line > 0);
}

TEST_CASE("Content/references that do not resolve are named", "[content]") {
    PackFiles f = test::tiny_pack_files();
    replace(f["en/topics.toml"], "explainers = [\"e1\", \"e2\"]", "explainers = [\"e1\", \"e9\"]");
    replace(f["en/scenarios.toml"], "question = \"q_view\"", "question = \"q_nowhere\"");
    const Problems ps = problems_of(f);
    CHECK(mentions(ps, "en/topics.toml", "names explainer 'e9', which does not exist"));
    CHECK(mentions(ps, "en/scenarios.toml", "asks question 'q_nowhere', which does not exist"));
}

TEST_CASE("Content/a condition must look back at an earlier question and a real option", "[content]") {
    PackFiles f = test::tiny_pack_files();
    replace(f["en/questions.toml"], "any_of = [\"yes\"]", "any_of = [\"perhaps\"]");
    CHECK(mentions(problems_of(f), "en/questions.toml", "depends on option 'perhaps'"));

    PackFiles g = test::tiny_pack_files();
    replace(g["en/topics.toml"], "questions = [\"q_single\", \"q_cond\"", "questions = [\"q_cond\", \"q_single\"");
    CHECK(mentions(problems_of(g), "en/questions.toml", "not asked before it"));
}

TEST_CASE("Content/duplicate ids are refused", "[content]") {
    PackFiles f = test::tiny_pack_files();
    replace(f["en/questions.toml"], "id = \"q_scale\"", "id = \"q_single\"");
    CHECK(mentions(problems_of(f), "en/questions.toml", "'q_single' is used by another question"));
}

TEST_CASE("Content/another language must match the default language's structure", "[content]") {
    PackFiles f = test::tiny_pack_files();
    replace(f["cy/questions.toml"], "max_choices = 2", "max_choices = 3");
    CHECK(mentions(problems_of(f), "cy/questions.toml", "differs from the default language"));
}

TEST_CASE("Content/an exclusive option parses, stays out of the hash, must match in every language and be multi", "[content]") {
    PackFiles f = test::tiny_pack_files();
    const Pack before = *parse_pack(f).pack;
    for (const char* lang : {"en/", "cy/"})
        replace(f[std::string(lang) + "questions.toml"], "label = \"M3\" }", "label = \"M3\", exclusive = true }");
    const PackResult marked = parse_pack(f);
    REQUIRE(marked.pack);
    const Question* q = marked.pack->default_content().question("q_multi");
    CHECK(q->option("m3")->exclusive);
    CHECK_FALSE(q->option("m1")->exclusive);
    CHECK(q->content_hash == before.default_content().question("q_multi")->content_hash);
    // Marked in one language only: the languages no longer share their structure.
    replace(f["cy/questions.toml"], ", exclusive = true }", " }");
    CHECK(mentions(problems_of(f), "cy/questions.toml", "marks different options exclusive"));
    // Only a multi question's options may be exclusive (here a scale's).
    PackFiles scale = test::tiny_pack_files();
    replace(scale["en/questions.toml"], "{ id = \"s1\", label = \"1\" }", "{ id = \"s1\", label = \"1\", exclusive = true }");
    CHECK(mentions(problems_of(scale), "en/questions.toml", "only a multi question can use"));
}

TEST_CASE("Content/a language missing an interface word is named", "[content]") {
    PackFiles f = test::tiny_pack_files();
    std::string& ui = f["cy/ui.toml"];
    const size_t at = ui.find("skip = ");
    ui.erase(at, ui.find('\n', at) - at + 1);
    CHECK(mentions(problems_of(f), "cy/ui.toml", "missing the interface word 'skip'"));
}

TEST_CASE("Content/a language missing a results sentence is named, not shown in English", "[content]") {
    for (const char* key : {"results_why", "results_changed", "results_more_chose", "results_same_overall"}) {
        PackFiles f = test::tiny_pack_files();
        std::string& ui = f["cy/ui.toml"];
        const size_t at = ui.find(std::string(key) + " = ");
        REQUIRE(at != std::string::npos);
        ui.erase(at, ui.find('\n', at) - at + 1);
        INFO(key);
        CHECK(mentions(problems_of(f), "cy/ui.toml", "missing the interface word '" + std::string(key) + "'"));
    }
}

TEST_CASE("Content/a scale question needs exactly five options; a scenario three to five cards", "[content]") {
    PackFiles f = test::tiny_pack_files();
    replace(f["en/questions.toml"], ", { id = \"s5\", label = \"5\" }", "");
    CHECK(mentions(problems_of(f), "en/questions.toml", "exactly 5 options"));
    PackFiles g = test::tiny_pack_files();
    std::string& sc = g["en/scenarios.toml"];
    sc = sc.substr(0, sc.find("[[scenario.card]]\nid = \"c2\""));
    CHECK(mentions(problems_of(g), "en/scenarios.toml", "3 to 5 cards"));
}

TEST_CASE("Content/nesting deeper than 64 levels is refused before the TOML library sees it", "[content]") {
    PackFiles f = test::tiny_pack_files();
    std::string header = "[a";
    for (int i = 0; i < 100; ++i) header += ".a";
    f["en/topics.toml"] = "# fine so far\n\n" + header + "]\nx = 1\n";
    Problems ps = problems_of(f);
    REQUIRE_FALSE(ps.empty());
    CHECK(ps[0].str() == "en/topics.toml:3: not valid TOML: nested more than 64 levels deep");

    f = test::tiny_pack_files();
    f["en/ui.toml"] += "x = " + std::string(70, '[') + std::string(70, ']') + "\n";
    CHECK(mentions(problems_of(f), "en/ui.toml", "nested more than 64 levels deep"));

    // Dots and brackets inside strings and comments do not count.
    f = test::tiny_pack_files();
    f["en/explainers.toml"] += "# " + std::string(100, '.') + "\n";
    std::string& e = f["en/explainers.toml"];
    e.replace(e.find("Some words."), 11, "Some words" + std::string(100, '.') + std::string(80, '['));
    CHECK(parse_pack(f).pack);
}

TEST_CASE("Content/a letter outside quotes is refused before the TOML library sees it", "[content]") {
    // toml++ 3.3 reaches undefined behaviour on some non-ASCII characters outside strings.
    PackFiles f = test::tiny_pack_files();
    f["en/ui.toml"] = "# ż in a comment is fine\nback = \"Wstecz ż\"\nnext = ę\n";
    const Problems ps = problems_of(f);
    REQUIRE_FALSE(ps.empty());
    CHECK(ps[0].str() == "en/ui.toml:3: not valid TOML: text outside quotes must be plain ASCII (put words in \"quotes\")");
}

TEST_CASE("Content/invalid UTF-8 is refused with the file named", "[content]") {
    PackFiles f = test::tiny_pack_files();
    replace(f["en/explainers.toml"], "Some words.", "Some \xff\xfe words.");
    const Problems ps = problems_of(f);
    REQUIRE_FALSE(ps.empty());
    CHECK(ps[0].file == "en/explainers.toml");
}

TEST_CASE("Content/codepoints_used covers every language", "[content]") {
    PackFiles f = test::tiny_pack_files();
    replace(f["cy/questions.toml"], "cy Yes or no?", "Ŵ ŷ ë?");
    const Pack p = *parse_pack(f).pack;
    const auto cps = codepoints_used(p);
    CHECK(std::binary_search(cps.begin(), cps.end(), U'Ŵ'));
    CHECK(std::binary_search(cps.begin(), cps.end(), U'ŷ'));
    CHECK(std::binary_search(cps.begin(), cps.end(), U'Y'));
    // The other case of a letter comes too, for the keyboard's capitals.
    CHECK(std::binary_search(cps.begin(), cps.end(), U'Ŷ'));
    CHECK(std::binary_search(cps.begin(), cps.end(), U'y'));
}

TEST_CASE("Content/the default pack offers six languages, each by its own name", "[content]") {
    const Pack& p = test::default_pack();
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"en", "English"}, {"en-easy", "Easy Read English"}, {"pl", "Polski"},
        {"lt", "Lietuvių"}, {"ro", "Română"},                {"pt", "Português"}};
    REQUIRE(p.languages.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        const LanguageInfo& info = p.languages[i].info;
        CHECK(info.code == expected[i].first);
        CHECK(info.name == expected[i].second);
        CHECK_FALSE(info.voice.empty());
        CHECK(info.easy_read == (info.code == "en-easy"));
    }
    // Only English has been checked by its own readers; the staff screen shows the others' marks.
    CHECK_FALSE(p.language("en")->info.review_needed);
    for (const char* code : {"en-easy", "pl", "lt", "ro", "pt"}) CHECK(p.language(code)->info.review_needed);
}

TEST_CASE("Content/the default pack parses", "[content]") {
    const Pack& p = test::default_pack();
    CHECK(p.id == "default");
    CHECK_FALSE(p.topic_order.empty());
    for (const auto& lang : p.languages)
        for (const auto& id : p.topic_order) CHECK(lang.topic(id));
}

namespace {
std::string read_source(const std::string& rel) {
    std::ifstream in(test::source_dir() + "/" + rel, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
}  // namespace

TEST_CASE("Content/the README's example blocks are exactly the example pack's files", "[content]") {
    const std::string readme = read_source("assets/content/README.md");
    const std::string marker = "```toml\n# assets/content/example/";
    int blocks = 0;
    for (size_t at = readme.find(marker); at != std::string::npos; at = readme.find(marker, at + 1)) {
        const size_t name_start = at + 10;  // after "```toml\n# "
        const size_t name_end = readme.find('\n', name_start);
        const std::string file = readme.substr(name_start, name_end - name_start);
        const size_t end = readme.find("\n```", name_end);
        REQUIRE(end != std::string::npos);
        INFO(file);
        CHECK(readme.substr(name_end + 1, end - name_end) == read_source(file));
        ++blocks;
    }
    CHECK(blocks == 6);  // pack.toml and the five files of one language
}

TEST_CASE("Content/the README lists every pictogram name", "[content]") {
    const std::string readme = read_source("assets/content/README.md");
    for (const auto& icon : known_icons()) {
        INFO(std::string(icon.name));
        CHECK(readme.find("`" + std::string(icon.name) + "`") != std::string::npos);
    }
}

TEST_CASE("Content/two missing words in one expression stay two words", "[content]") {
    const LanguageContent& en = test::default_pack().default_content();
    // Both references are held at once, as a caller building one line of text does.
    const std::string& a = en.word("no_such_word_a");
    const std::string& b = en.word("no_such_word_b");
    CHECK(a == "no_such_word_a");
    CHECK(b == "no_such_word_b");
    CHECK(en.word("no_such_word_a") + "|" + en.word("no_such_word_b") == "no_such_word_a|no_such_word_b");
}

TEST_CASE("Content/a counted phrase in ui.toml parses its forms and gives each number its own", "[content][plural]") {
    PackFiles f = test::tiny_pack_files();
    replace(f["en/ui.toml"], "text_left = { one = ", "text_left = { other = \"{n} letters left\", one = \"{n} letter left\" } # ");
    const PackResult r = parse_pack(f);
    INFO(format_problems(r.problems));
    REQUIRE(r.pack);
    const LanguageContent& en = r.pack->default_content();
    CHECK(en.counted("text_left", 1) == "1 letter left");
    CHECK(en.counted("text_left", 0) == "0 letters left");
    CHECK(en.counted("text_left", 7) == "7 letters left");
    // A plain string still works (Welsh has no rule here: one form).
    const LanguageContent& cy = *r.pack->language("cy");
    CHECK(cy.counted("text_left", 3).find("3") != std::string::npos);
}

TEST_CASE("Content/a form that is not a plural category is refused with its file", "[content][plural]") {
    PackFiles f = test::tiny_pack_files();
    replace(f["en/ui.toml"], "text_left = { one = ", "text_left = { two = \"x\", one = ");
    CHECK(mentions(problems_of(f), "en/ui.toml", "'text_left': 'two' is not a plural form"));
}
