// Plural forms (kiosk/core/plural.hpp): the CLDR rules for whole numbers in each of the
// kiosk's languages, and the default pack's counted phrases. Parsing forms from ui.toml is
// tested in test_content.cpp, lint's check of them in test_lint.cpp.
#include "core/content.hpp"
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

