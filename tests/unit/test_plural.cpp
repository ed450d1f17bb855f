// Plural forms (kiosk/core/plural.hpp): the CLDR rules for whole numbers in each of the
// kiosk's languages, counted phrases in ui.toml, and lint asking for exactly the forms needed.
#include "core/content.hpp"
#include "core/lint.hpp"
#include "core/plural.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

using namespace dv;

namespace {

std::string forms_for(const char* language, std::initializer_list<std::int64_t> numbers) {
    std::string out;
    for (std::int64_t n : numbers) out += std::string(out.empty() ? "" : " ") + plural_category_name(plural_category(language, n));
    return out;
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

TEST_CASE("Plural/Polish: one for 1, few for 2-4 and 22-24, many for 5-21, 25 and 112", "[plural]") {
    CHECK(forms_for("pl", {1, 2, 5, 12, 22, 25, 112}) == "one few many many few many many");
    CHECK(forms_for("pl", {0, 4, 11, 14, 21, 102, 104}) == "many few many many many few few");
}

TEST_CASE("Plural/Lithuanian: one for 1 and 21, few for 2-9, other for 10-20", "[plural]") {
    CHECK(forms_for("lt", {1, 2, 10, 11, 21}) == "one few other other one");
    CHECK(forms_for("lt", {0, 9, 19, 22, 111}) == "other few other few other");
}

TEST_CASE("Plural/Romanian: one for 1, few for 0 and 2-19 (and 101-119), other from 20", "[plural]") {
    CHECK(forms_for("ro", {1, 2, 20, 101}) == "one few other few");
    CHECK(forms_for("ro", {0, 19, 100, 120}) == "few few other other");
}

TEST_CASE("Plural/English and Portuguese have one and other; English Easy Read is English", "[plural]") {
    CHECK(forms_for("en", {0, 1, 2}) == "other one other");
    CHECK(forms_for("en-easy", {1, 5}) == "one other");
    CHECK(forms_for("pt", {0, 1, 2}) == "one one other");
    CHECK(plural_categories("pl").size() == 3);
    CHECK(plural_categories("lt").back() == PluralCategory::Other);
    CHECK(plural_categories("xx") == std::vector<PluralCategory>{PluralCategory::Other});
}

TEST_CASE("Plural/a counted phrase in ui.toml parses its forms and gives each number its own", "[plural][content]") {
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

TEST_CASE("Plural/the default pack's Polish hands: 1 ręka, 2 ręce, 5 rąk, 22 ręce", "[plural][content]") {
    const LanguageContent& pl = *test::default_pack().language("pl");
    CHECK(pl.counted("hands_raised", 1) == "1 ręka");
    CHECK(pl.counted("hands_raised", 2) == "2 ręce");
    CHECK(pl.counted("hands_raised", 5) == "5 rąk");
    CHECK(pl.counted("hands_raised", 22) == "22 ręce");
    // Every counted phrase of every language gives exactly the forms it needs.
    for (const auto& lang : test::default_pack().languages)
        for (const auto& key : counted_ui_words()) {
            INFO(lang.info.code << " " << key);
            REQUIRE(lang.ui_forms.count(key));
            CHECK(lang.ui_forms.at(key).size() == plural_categories(lang.info.code).size());
        }
}

TEST_CASE("Plural/a form that is not a plural category is refused with its file", "[plural][content]") {
    PackFiles f = test::tiny_pack_files();
    replace(f["en/ui.toml"], "text_left = { one = ", "text_left = { two = \"x\", one = ");
    const PackResult r = parse_pack(f);
    CHECK_FALSE(r.pack);
    CHECK(mentions(r.problems, "en/ui.toml", "'text_left': 'two' is not a plural form"));
}

TEST_CASE("Plural/lint asks for exactly the forms a language needs", "[plural][lint]") {
    // Missing a form.
    PackFiles f = test::tiny_pack_files();
    replace(f["en/ui.toml"], "text_left = { one = ", "text_left = { few = \"{n}\", one = ");
    LintReport r = lint_pack_files(f);
    CHECK(mentions(r.errors, "en/ui.toml", "'text_left' must give exactly the plural forms en needs: one, other"));
    // A plain string where English needs two forms.
    f = test::tiny_pack_files();
    const std::string& ui = f["en/ui.toml"];
    const size_t at = ui.find("text_left = ");
    const size_t end = ui.find('\n', at);
    f["en/ui.toml"] = ui.substr(0, at) + "text_left = \"{n} letters left\"" + ui.substr(end);
    r = lint_pack_files(f);
    CHECK(mentions(r.errors, "en/ui.toml", "'text_left' counts something, so it needs the plural forms en uses"));
    // Welsh (no rule: one form) is fine with plain strings; the tiny pack passes.
    CHECK(lint_pack_files(test::tiny_pack_files()).ok());
}
