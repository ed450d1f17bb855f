// The free-text scrubber against a corpus of things people type: every identifier in the
// positive corpus must go, and nothing in the negative corpus may be touched.
#include "core/scrub.hpp"
#include "core/text.hpp"

#include <catch2/catch.hpp>

#include <random>

#include <string>
#include <vector>

using namespace dv;

namespace {

struct Positive {
    std::string text;
    std::string identifier;  // the part that must be found and removed
    IdentifierKind kind;
};

const std::vector<Positive>& positive_corpus() {
    using K = IdentifierKind;
    static const std::vector<Positive> corpus = {
        {"email me at jo.bloggs+nhs@example.co.uk please", "jo.bloggs+nhs@example.co.uk", K::Email},
        {"My address is PAT_O'NEIL@mail.example.org.", "PAT_O'NEIL@mail.example.org", K::Email},
        {"see https://www.example.com/path?q=1 for more", "https://www.example.com/path?q=1", K::Url},
        {"(www.facebook.com/jo.bloggs)", "www.facebook.com/jo.bloggs", K::Url},
        {"my page is myblog.co.uk/about-me, thanks", "myblog.co.uk/about-me", K::Url},
        {"HTTP://EXAMPLE.ORG", "HTTP://EXAMPLE.ORG", K::Url},
        {"NHS number 943 476 5919 is mine", "943 476 5919", K::NhsNumber},
        {"nhs no:9434765919.", "9434765919", K::NhsNumber},
        {"it's 401-023-2137", "401-023-2137", K::NhsNumber},
        {"number 4857773457 on my letter", "4857773457", K::NhsNumber},
        {"ring 07700 900123 after six", "07700 900123", K::PhoneNumber},
        {"ring 07700900123", "07700900123", K::PhoneNumber},
        {"office: +44 (0)20 7946 0018", "+44 (0)20 7946 0018", K::PhoneNumber},
        {"mobile +447700900456", "+447700900456", K::PhoneNumber},
        {"call 0044 1632 960 001 now", "0044 1632 960 001", K::PhoneNumber},
        {"(01632) 960123 is the surgery", "(01632) 960123", K::PhoneNumber},
        {"tel 020-7946-0999", "020-7946-0999", K::PhoneNumber},
        {"freephone 0800 123 4567", "0800 123 4567", K::PhoneNumber},
        {"room 4 07700 900777", "07700 900777", K::PhoneNumber},
        {"I live at NR1 3SR in Norwich", "NR1 3SR", K::Postcode},
        {"postcode sw1a 1aa.", "sw1a 1aa", K::Postcode},
        {"from M1 1AE", "M1 1AE", K::Postcode},
        {"near EC1A1BB", "EC1A1BB", K::Postcode},
        {"B33 8TH, Birmingham", "B33 8TH", K::Postcode},
        {"born 12/03/1956 in Leeds", "12/03/1956", K::Date},
        {"DOB 3-7-48", "3-7-48", K::Date},
        {"dob: 1956-03-12", "1956-03-12", K::Date},
        {"my birthday is 12th of March 1956", "12th of March 1956", K::Date},
        {"born on 1 Sept. 1960", "1 Sept. 1960", K::Date},
        {"on March 12, 1956 I was born", "March 12, 1956", K::Date},
        {"I was born in 1956 so", "1956", K::Date},
        {"date 31.12.1999", "31.12.1999", K::Date},
    };
    return corpus;
}

// Ordinary things people write about data and the NHS, which must come through unchanged.
const std::vector<std::string>& negative_corpus() {
    static const std::vector<std::string> corpus = {
        "7 out of 10",
        "I'd give it 10/10",
        "24/7 access to my records",
        "in 2019 and 2020 and 2021",
        "943 476 5918",   // NHS-shaped, wrong check digit
        "9434765918",     // the same without spaces
        "1234567890",     // check digit would be 10: never valid
        "since March 2020",
        "about 75% of people, maybe 1 in 5",
        "\xc2\xa3" "1,000,000 a year",
        "COVID-19 and A&E and the NHS App",
        "at 3am or 2pm or 10.30",
        "e.g. my GP, i.e. the council, etc.",
        "the A1 road and the M25",
        "version 2.0 of the app",
        "call 111 or 999",
        "1.5 million people",
        "room 101, ward 7",
        "I'm 65 and have 2 children",
        "Zażółć gęślą jaźń, 12 Wrzesień",
        "scores of 10 10 9 8 7 10",
        "0 to 10",
        "12/03 works for me",
        "the 3rd of May",
        "I don't trust it.Really",
        "Brexit 2016 then 2020",
        "email isn't safe @ all",
        "see section 4.2.1",
    };
    return corpus;
}

}  // namespace

TEST_CASE("Scrub/every identifier in the positive corpus is found with the right kind", "[scrub]") {
    for (const auto& p : positive_corpus()) {
        INFO(p.text);
        const auto found = find_identifiers(p.text);
        REQUIRE(found.size() == 1);
        CHECK(p.text.substr(found[0].begin, found[0].end - found[0].begin) == p.identifier);
        CHECK(identifier_kind_name(found[0].kind) == std::string(identifier_kind_name(p.kind)));
    }
}

TEST_CASE("Scrub/every identifier in the positive corpus is replaced by the marker", "[scrub]") {
    for (const auto& p : positive_corpus()) {
        INFO(p.text);
        const std::string out = scrub_free_text(p.text, 500);
        CHECK(out.find(p.identifier) == std::string::npos);
        CHECK(out.find(std::string(kRemovedMarker)) != std::string::npos);
        // Everything around the identifier survives.
        const size_t at = p.text.find(p.identifier);
        const std::string before = p.text.substr(0, at), after = p.text.substr(at + p.identifier.size());
        CHECK(out == std::string(before + std::string(kRemovedMarker) + after).substr(0, out.size()));
    }
}

TEST_CASE("Scrub/nothing in the negative corpus is touched", "[scrub]") {
    for (const auto& text : negative_corpus()) {
        INFO(text);
        CHECK(find_identifiers(text).empty());
        CHECK(scrub_free_text(text, 500) == text);
    }
}

TEST_CASE("Scrub/NHS numbers need the mod-11 check digit", "[scrub]") {
    for (const char* valid : {"9434765919", "4010232137", "4857773457", "4505577104", "1000000001"})
        CHECK(is_valid_nhs_number(valid));
    // Each valid number with its check digit changed is no longer valid.
    for (std::string n : {"9434765919", "4010232137", "4857773457"}) {
        for (char d = '0'; d <= '9'; ++d) {
            if (d == n[9]) continue;
            std::string wrong = n;
            wrong[9] = d;
            INFO(wrong);
            CHECK_FALSE(is_valid_nhs_number(wrong));
            CHECK(find_identifiers("NHS " + wrong.substr(0, 3) + " " + wrong.substr(3, 3) + " " + wrong.substr(6)).empty());
        }
    }
    CHECK_FALSE(is_valid_nhs_number("123456789"));    // nine digits
    CHECK_FALSE(is_valid_nhs_number("94347659190"));  // eleven
    CHECK_FALSE(is_valid_nhs_number("94347a5919"));
    // 3-3-4 only: other groupings of a valid number are not read as one NHS number.
    CHECK(find_identifiers("94 34 76 59 19").empty());
}

TEST_CASE("Scrub/several identifiers in one text all go, in order", "[scrub]") {
    const std::string text =
        "I'm Jo (jo@example.com, 07700 900123), NHS 943 476 5919, NR1 3SR, born 01/02/1950. See example.com";
    const auto found = find_identifiers(text);
    REQUIRE(found.size() == 6);
    CHECK(found[0].kind == IdentifierKind::Email);
    CHECK(found[1].kind == IdentifierKind::PhoneNumber);
    CHECK(found[2].kind == IdentifierKind::NhsNumber);
    CHECK(found[3].kind == IdentifierKind::Postcode);
    CHECK(found[4].kind == IdentifierKind::Date);
    CHECK(found[5].kind == IdentifierKind::Url);
    CHECK(scrub_free_text(text, 500) ==
          "I'm Jo ([removed], [removed]), NHS [removed], [removed], born [removed]. See [removed]");
}

TEST_CASE("Scrub/the length cap counts code points and never leaves half a marker", "[scrub]") {
    CHECK(scrub_free_text("  hello  ", 500) == "hello");
    CHECK(scrub_free_text("abcdef", 3) == "abc");
    // Five two-byte letters capped at three keep three whole letters (six bytes).
    CHECK(scrub_free_text("\xc5\x82\xc5\x82\xc5\x82\xc5\x82\xc5\x82", 3) == "\xc5\x82\xc5\x82\xc5\x82");
    // "call " is 5 code points; a cap of 10 cannot hold the 9-character marker after it.
    CHECK(scrub_free_text("call 07700 900123", 10) == "call");
    CHECK(scrub_free_text("call 07700 900123", 14) == "call [removed]");
    // Capping first would have left a fragment of the number: the scrub runs on the whole text.
    const std::string out = scrub_free_text("my number is 07700 900123 ok", 16);
    CHECK(out.find("077") == std::string::npos);
    CHECK(scrub_free_text("at NR1 3SRX", 10) == "at");  // the cut would have made a postcode
    CHECK(scrub_free_text("", 10).empty());
    CHECK(scrub_free_text("x", 0).empty());
}

TEST_CASE("Scrub/invalid UTF-8 is stored as replacement characters, not raw bytes", "[scrub]") {
    const std::string out = scrub_free_text("ok \xff there", 100);
    CHECK(out == "ok \xef\xbf\xbd there");
}

TEST_CASE("Scrub/arbitrary input never breaks the scrubber or its output", "[scrub]") {
    // Random text built from the pieces identifiers are made of, plus stray bytes: the output
    // must be valid UTF-8 within the cap, and scrubbing it again must change nothing.
    std::mt19937 random(7);
    const std::vector<std::string> pieces = {"0", "7", "9", "44", "+", " ", "-", "(", ")", "/", ".", "@", ",", "a",
                                             "Z", "nr", "1aa", "www.", "http://", ".uk", "born ", "March ", "12th",
                                             "1956", "\xc5\x82", "\xff", "\xe2\x82", "[removed]", "\n"};
    for (int sample = 0; sample < 3000; ++sample) {
        std::string text;
        const int length = static_cast<int>(random() % 40);
        for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
        const size_t cap = random() % 80;
        INFO(text);
        const std::string out = scrub_free_text(text, cap);
        CHECK(is_valid_utf8(out));
        CHECK(decode_utf8(out).size() <= cap);
        CHECK(scrub_free_text(out, cap) == out);
    }
}
