// CSV as the bundle writes it: RFC 4180 quoting, the Excel formula guard, strict parsing.
#include "exchange/csv.hpp"

#include <catch2/catch.hpp>

using namespace dv;

TEST_CASE("CSV/fields with commas, quotes and line breaks are quoted and round-trip", "[csv]") {
    std::string out(kUtf8Bom);
    csv_append_row(out, {"id", "value"});
    csv_append_row(out, {"a", "plain"});
    csv_append_row(out, {"b", "one, two"});
    csv_append_row(out, {"c", "say \"hi\""});
    csv_append_row(out, {"d", "line\r\nbreak"});
    csv_append_row(out, {"e", ""});
    CHECK(out == "\xEF\xBB\xBFid,value\r\na,plain\r\nb,\"one, two\"\r\nc,\"say \"\"hi\"\"\"\r\nd,\"line\r\nbreak\"\r\ne,\r\n");
    CsvTable t;
    Problem p;
    REQUIRE(parse_csv(out, "x.csv", t, p));
    CHECK(t.header == std::vector<std::string>{"id", "value"});
    REQUIRE(t.rows.size() == 5);
    CHECK(t.rows[1][1] == "one, two");
    CHECK(t.rows[2][1] == "say \"hi\"");
    CHECK(t.rows[3][1] == "line\r\nbreak");
    CHECK(t.rows[4][1] == "");
    CHECK(t.column("value") == 1);
    CHECK(t.column("nope") == -1);
}

TEST_CASE("CSV/text Excel would run as a formula gets an apostrophe, and reads back unchanged", "[csv]") {
    std::string out;
    csv_append_row(out, {"v"});
    for (const char* v : {"=1+2", "+44 7700", "-3", "@SUM(A1)", "'quoted", "fine"}) csv_append_row(out, {v});
    CHECK(out == "v\r\n'=1+2\r\n'+44 7700\r\n'-3\r\n'@SUM(A1)\r\n''quoted\r\nfine\r\n");
    CsvTable t;
    Problem p;
    REQUIRE(parse_csv(out, "x.csv", t, p));
    std::vector<std::string> back;
    for (const auto& r : t.rows) back.push_back(r[0]);
    CHECK(back == std::vector<std::string>{"=1+2", "+44 7700", "-3", "@SUM(A1)", "'quoted", "fine"});
}

TEST_CASE("CSV/malformed input is named with its line", "[csv]") {
    CsvTable t;
    Problem p;
    CHECK_FALSE(parse_csv("a,b\r\n1,2\r\n3\r\n", "f.csv", t, p));
    CHECK(p.str() == "f.csv:3: has 1 fields; the header has 2");
    CHECK_FALSE(parse_csv("a\r\n\"open\r\n", "f.csv", t, p));
    CHECK(p.str() == "f.csv:2: a quoted field is not closed");
    CHECK_FALSE(parse_csv("a\r\nx\"y\r\n", "f.csv", t, p));
    CHECK(p.str() == "f.csv:2: a quote in the middle of an unquoted field");
    CHECK_FALSE(parse_csv("", "f.csv", t, p));
    CHECK(p.str() == "f.csv: empty: no header row");
}
