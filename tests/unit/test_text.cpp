// UTF-8 and text helpers, and the calendar arithmetic of the clock.
#include "core/clock.hpp"
#include "core/privacy.hpp"
#include "core/text.hpp"

#include <catch2/catch.hpp>

using namespace dv;

TEST_CASE("Text/UTF-8 validation", "[text]") {
    CHECK(is_valid_utf8("plain"));
    CHECK(is_valid_utf8("zażółć gęślą jaźń"));
    CHECK(is_valid_utf8("ș ț ą ė"));
    CHECK_FALSE(is_valid_utf8("\xff"));
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));      // a surrogate
    CHECK_FALSE(is_valid_utf8("\xe2\x82"));          // truncated
    CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // above U+10FFFF
}

TEST_CASE("Text/word counts", "[text]") {
    CHECK(count_words("") == 0);
    CHECK(count_words("The NHS keeps records.") == 4);
    CHECK(count_words("It's a well-known fact - really.") == 5);
    CHECK(count_words("Zażółć gęślą jaźń") == 3);
}

TEST_CASE("Text/Latin case and base letters pair up for the pack's languages", "[text]") {
    CHECK(latin_upper(U'a') == U'A');
    CHECK(latin_lower(U'Z') == U'z');
    CHECK(latin_upper(U'ą') == U'Ą');
    CHECK(latin_upper(U'ł') == U'Ł');
    CHECK(latin_upper(U'ș') == U'Ș');
    CHECK(latin_upper(U'ž') == U'Ž');
    CHECK(latin_lower(U'Õ') == U'õ');
    CHECK(latin_base(U'Ę') == U'e');
    CHECK(latin_base(U'ł') == U'l');
    CHECK(latin_base(U'ț') == U't');
    CHECK(latin_base(U'q') == U'q');
    CHECK(latin_upper(U'ß') == U'ß');  // no single capital: unchanged
    CHECK(latin_upper(U'1') == U'1');
    // Every letter in the table has a partner that maps back.
    for (char32_t c : std::u32string(U"àăąçčėęįłńóõșšțųūźżž")) CHECK(latin_lower(latin_upper(c)) == c);
}

TEST_CASE("Text/fill replaces placeholders and leaves unknown ones", "[text]") {
    CHECK(fill("Step {n} of {total}", {{"n", "2"}, {"total", "7"}}) == "Step 2 of 7");
    CHECK(fill("{missing} ok", {}) == "{missing} ok");
}

TEST_CASE("Clock/calendar conversion round-trips", "[clock]") {
    for (std::int64_t t : {std::int64_t{0}, std::int64_t{951782400}, std::int64_t{1763812345}, std::int64_t{4102444799}}) {
        CHECK(unix_from_civil(civil_from_unix(t)) == t);
    }
    const CivilTime c = civil_from_unix(951782400);  // 2000-02-29
    CHECK(c.date() == "2000-02-29");
    CivilTime p;
    CHECK(parse_civil("2025-11-22 14:05", p));
    CHECK((p.hour == 14 && p.minute == 5));
    CHECK_FALSE(parse_civil("2025-02-29", p));
    CHECK_FALSE(parse_civil("2025-13-01", p));
    CHECK_FALSE(parse_civil("2025-11-22 25:00", p));
}

TEST_CASE("Privacy/only a coarse part of day is kept", "[privacy]") {
    CHECK(part_of_day(0) == "morning");
    CHECK(part_of_day(11) == "morning");
    CHECK(part_of_day(12) == "afternoon");
    CHECK(part_of_day(16) == "afternoon");
    CHECK(part_of_day(17) == "evening");
    CHECK(part_of_day(23) == "evening");
    const VisitStamp s = stamp_visit(CivilTime{2025, 11, 22, 9, 41, 7}, true, 2);
    CHECK(s.date == "2025-11-22");
    CHECK(s.part_of_day == "morning");
}

TEST_CASE("Privacy/on-screen figures appear at the threshold and move only every N answers", "[privacy]") {
    CHECK(onscreen_respondents(0, 10, 5) == 0);
    CHECK(onscreen_respondents(9, 10, 5) == 0);
    CHECK(onscreen_respondents(10, 10, 5) == 10);
    CHECK(onscreen_respondents(14, 10, 5) == 10);
    CHECK(onscreen_respondents(15, 10, 5) == 15);
    CHECK(onscreen_respondents(12, 12, 5) == 0);  // 10 published < 12 needed
    // Adding one visitor at a time never changes the published count by exactly one.
    for (std::int64_t n = 1; n < 200; ++n) {
        const auto before = onscreen_respondents(n - 1, 10, 5), after = onscreen_respondents(n, 10, 5);
        CHECK((after == before || after - before >= 5));
    }
}
