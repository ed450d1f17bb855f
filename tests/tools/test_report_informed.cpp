// `datavoice report`'s "What informed views looked like" section, from bundles of the informed
// test pack (scenario s1, view q_view, statements k1 true and k2 false) built here visit by
// visit, so every figure is known: the difference with the comparison group and its interval
// (recomputed here from the counts), knowledge, sureness, reasons across sides, suppression,
// the paragraph, facilitator sessions, and the visits every change table leaves out.
#include "central_fixture.hpp"
#include "exchange/bundle_rows.hpp"
#include "support/central_run.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

using namespace dv;

namespace {

// One kind of visit, written `count` times.
struct VisitKind {
    int count = 1;
    std::string group = "cards";  // "" writes no group record
    std::string cards_seen = "3";
    bool too_fast = false;
    std::string first = "yes", second = "yes";
    std::string sure_first = "fairly", sure_second = "fairly";
    std::string k1_before, k1_after, k2_before, k2_after;  // "" skipped
    std::string reasons;                                   // "" skipped
    std::string mode = "visitor";
};

std::string wording(const std::string& question_id) {
    return std::string(wording_key(test::informed_pack().default_content().question(question_id)->content_hash));
}

std::string statement_wording(const std::string& id) {
    const auto& s = *test::informed_pack().default_content().scenario("s1");
    return std::string(wording_key(s.knowledge_item(id)->content_hash));
}

struct InformedRun {
    test::TempDir dir;
    std::string db, packs;
    int next = 0;

    explicit InformedRun(const std::vector<VisitKind>& kinds) {
        packs = dir.file("packs/informed");
        for (const auto& [path, bytes] : test::informed_pack_files()) {
            const std::string file = packs + "/" + path;
            std::filesystem::create_directories(std::filesystem::path(file).parent_path());
            std::ofstream(file, std::ios::binary) << bytes;
        }
        const Pack& pack = test::informed_pack();
        test::BundleSpec b;
        b.export_id = test::export_id_for(1);
        b.kiosk = generate_kiosk_key();
        for (const auto& k : kinds)
            for (int i = 0; i < k.count; ++i) {
                char sid[33];
                std::snprintf(sid, sizeof sid, "%032x", 0x9000 + next++);
                ExportSession s = test::made_session(sid, "2025-11-23", "", pack.id, pack.version, pack.hash);
                s.mode = k.mode;
                b.sessions.push_back(s);
                const auto add = [&](const std::string& q, const std::string& phase, const std::string& value,
                                     const std::string& w) {
                    if (!value.empty()) b.answers.push_back({sid, q, phase, value, w});
                };
                add("s1", "group", k.group, "");
                add("s1", "cards_seen", k.group == "cards" ? k.cards_seen : "", "");
                add("s1", "too_fast", k.too_fast ? "1" : "", "");
                add("q_view", "first", k.first, wording("q_view"));
                add("q_view", "second", k.second, wording("q_view"));
                add("s1", "sure_first", k.sure_first, "");
                add("s1", "sure_second", k.sure_second, "");
                add("k1", "knowledge_before", k.k1_before, statement_wording("k1"));
                add("k1", "knowledge_after", k.k1_after, statement_wording("k1"));
                add("k2", "knowledge_before", k.k2_before, statement_wording("k2"));
                add("k2", "knowledge_after", k.k2_after, statement_wording("k2"));
                add("s1", "reasons", k.group == "cards" ? k.reasons : "", "");
            }
        test::write_bundle(dir.file("drive"), b);
        db = dir.file("central.sqlite");
        const auto r = test::run_tool({"collect", "--enrol", "--db", db, "--pack-dir", packs, dir.file("drive")});
        INFO(r.out << r.err);
        REQUIRE(r.exit_code == 0);
        REQUIRE(r.out.find("0 refused") != std::string::npos);
    }

    std::string report(const std::string& name, const std::string& suppression) {
        test::write_report(db, dir.file(name), {"--suppression", suppression, "--pack-dir", packs});
        return dir.file(name);
    }
};

// The rows of a report's table of who changed (`prefix` "" or "facilitator_"): cards, comparison.
std::vector<std::string> changed_rows(const std::string& out, const std::string& prefix = "") {
    auto rows = test::csv_lines(out + "/" + prefix + "informed_s1_changed.csv");
    REQUIRE(rows.size() == 2);
    return rows;
}

// The walk-up visits every test here starts from: 40 kept cards-group visits (16 changed
// no → yes), 6 too fast and 3 that saw no cards (left out), and 20 in the comparison group
// (2 changed no → yes).
std::vector<VisitKind> walk_up_visits() {
    std::vector<VisitKind> v;
    // Kept, changed: k1 (true) don't know → true; k2 (false) true → false; not sure → very sure.
    VisitKind changed;
    changed.count = 16;
    changed.first = "no";
    changed.k1_before = "dont_know";
    changed.k1_after = "true";
    changed.k2_before = "true";
    changed.k2_after = "false";
    changed.sure_first = "not";
    changed.sure_second = "very";
    changed.reasons = "c2";  // ends on "yes" (the benefits) and names a concern card
    v.push_back(changed);
    // Kept, unchanged: k1 true both times; k2 false → true; reasons c1 (own side).
    VisitKind same;
    same.count = 24;
    same.k1_before = same.k1_after = "true";
    same.k2_before = "false";
    same.k2_after = "true";
    same.reasons = "c1;c3";
    v.push_back(same);
    VisitKind fast = changed;
    fast.count = 6;
    fast.too_fast = true;
    v.push_back(fast);
    VisitKind no_cards;
    no_cards.count = 3;
    no_cards.cards_seen = "0";
    no_cards.first = no_cards.second = "not_sure";
    v.push_back(no_cards);
    VisitKind comparison_changed;
    comparison_changed.count = 2;
    comparison_changed.group = "comparison";
    comparison_changed.first = "no";
    comparison_changed.k1_before = comparison_changed.k1_after = "dont_know";
    v.push_back(comparison_changed);
    VisitKind comparison_same = comparison_changed;
    comparison_same.count = 18;
    comparison_same.second = "no";
    v.push_back(comparison_same);
    return v;
}

// Newcombe's hybrid score interval (method 10 of Newcombe 1998), written out again here from
// the Wilson interval's formula.
struct Expected {
    long difference, low, high;
};
Expected newcombe(double x1, double n1, double x2, double n2) {
    const double z = 1.959963984540054;
    const auto wilson = [&](double x, double n) {
        const double p = x / n, centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        const double half = z / (1 + z * z / n) * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        return std::make_pair(centre - half, centre + half);
    };
    const double p1 = x1 / n1, p2 = x2 / n2;
    const auto [l1, u1] = wilson(x1, n1);
    const auto [l2, u2] = wilson(x2, n2);
    const double d = p1 - p2;
    return {std::lround(100 * d), std::lround(100 * (d - std::sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2)))),
            std::lround(100 * (d + std::sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2))))};
}

// The paragraph of the informed section: `nth` 0 for walk-up visits, 1 for facilitator sessions.
std::string paragraph(const std::string& html, int nth) {
    size_t at = 0;
    for (int i = 0; i <= nth; ++i) {
        at = html.find("<h3>What informed views looked like", at + 1);
        REQUIRE(at != std::string::npos);
    }
    const auto start = html.find("<p class=\"summary\">", at);
    REQUIRE(start != std::string::npos);
    const auto body = start + std::string("<p class=\"summary\">").size();
    return html.substr(body, html.find("</p>", body) - body);
}

// The walk-up visits, collected and reported with a suppression rule.
struct WalkUpReport {
    InformedRun run{walk_up_visits()};
    std::string out;
    std::vector<std::string> changed;  // changed_rows()
    explicit WalkUpReport(const std::string& suppression)
        : out(run.report("walk-up", suppression)), changed(changed_rows(out)) {}
};

// The last field of a CSV line ("Share who changed").
std::string last_field(const std::string& line) { return line.substr(line.rfind(',') + 1); }

}  // namespace

TEST_CASE("Report/informed views: the share who changed with the points and without, and the difference with "
          "Newcombe's interval recomputed from the counts",
          "[report][informed]") {
    const WalkUpReport walk_up("none");
    const std::string& out = walk_up.out;
    const auto& changed = walk_up.changed;
    CHECK(changed[0] == "Saw the points of view,16,24,40,40%");
    CHECK(changed[1] == "Did not see them (comparison group),2,18,20,10%");
    const Expected e = newcombe(16, 40, 2, 20);
    const std::string html = test::read_file(out + "/report.html");
    const std::string interval = std::to_string(e.low) + " to " + std::to_string(e.high);
    CHECK(html.find("Difference in the share who changed (saw the points minus did not): " +
                    std::to_string(e.difference) + " percentage points, 95% interval " + interval) != std::string::npos);
    CHECK(e.difference == 30);
    CHECK(e.low > 0);  // so the paragraph says the interval leaves out zero

    // The paragraph says what the tables say, in words.
    const std::string p = paragraph(html, 0);
    INFO(p);
    CHECK(p.find("about 4 in 10 people changed their view (" + last_field(changed[0]) + " of 40)") != std::string::npos);
    CHECK(p.find("about 1 in 10 people did (" + last_field(changed[1]) + " of 20)") != std::string::npos);
    CHECK(p.find("The difference is 30 percentage points (95% interval " + interval + ")") != std::string::npos);
    CHECK(p.find("does not include zero") != std::string::npos);
    CHECK(p.find("cannot be told apart from none") == std::string::npos);

    // The cards group's view before and after: only the 40 visits kept.
    const auto turnover = test::csv_lines(out + "/informed_s1_first_to_second.csv");
    CHECK(turnover == std::vector<std::string>{"Yes,24,0,0,24", "No,16,0,0,16", "Not sure,0,0,0,0", "TOTAL,40,0,0,40"});

    // Knowledge: right / wrong / don't know, before and after, and the paragraph's shares.
    const auto knowledge = test::csv_lines(out + "/informed_s1_knowledge.csv");
    REQUIRE(knowledge.size() == 3);
    CHECK(knowledge[0] == "Names are taken off. (true),24 (60%),0 (0%),16 (40%),40,40 (100%),0 (0%),0 (0%),40");
    CHECK(knowledge[1] == "Anyone can see it. (false),24 (60%),16 (40%),0 (0%),40,16 (40%),24 (60%),0 (0%),40");
    CHECK(knowledge[2] == "All statements,48 (60%),16 (20%),16 (20%),80,56 (70%),24 (30%),0 (0%),80");
    CHECK(p.find("60% of answers were right before the points of view and 70% after") != std::string::npos);
    const auto knowledge_comparison = test::csv_lines(out + "/informed_s1_knowledge_comparison.csv");
    REQUIRE(knowledge_comparison.size() == 3);
    CHECK(knowledge_comparison[0] == "Names are taken off. (true),0 (0%),0 (0%),20 (100%),20,0 (0%),0 (0%),20 (100%),20");

    // Not sure, first and second time.
    const auto sure = test::csv_lines(out + "/informed_s1_not_sure.csv");
    REQUIRE(sure.size() == 4);
    CHECK(sure[0] == "Saw the points of view: first view,16,24,40,40%");
    CHECK(sure[1] == "Saw the points of view: second view,0,40,40,0%");
    CHECK(p.find("40% were not sure of their first view and 0% were not sure of their second") != std::string::npos);

    // Reasons across sides: everyone kept ends on "yes"; the 16 who changed named a concern card.
    const auto reasons = test::csv_lines(out + "/informed_s1_reasons.csv");
    REQUIRE(reasons.size() == 2);
    CHECK(reasons[0] == "Leans to the benefits,16,24,40,40%");
    CHECK(reasons[1] == "Leans to the concerns,0,0,0,");

    CHECK(html.find("How these figures were made: the people here chose to use the kiosk") != std::string::npos);
    CHECK(html.find("&quot;Yes&quot; leans to the benefit cards; &quot;No&quot; leans to the concern cards") !=
          std::string::npos);
}

TEST_CASE("Report/informed views: too-fast, comparison and no-card visits are left out of the existing change "
          "table, which says how many and why",
          "[report][informed]") {
    InformedRun run(walk_up_visits());
    const std::string out = run.report("exact", "none");
    // All 69 visits answered q_view twice; only the 40 cards-group visits that read the cards count.
    const auto change = test::csv_lines(out + "/q_view_first_to_second.csv");
    CHECK(change == std::vector<std::string>{"Yes,24,0,0,24", "No,16,0,0,16", "Not sure,0,0,0,0", "TOTAL,40,0,0,40"});
    CHECK(test::csv_lines(out + "/q_view_second.csv").back() == "TOTAL,69,100%");  // the view itself keeps everyone
    const std::string html = test::read_file(out + "/report.html");
    CHECK(html.find("Left out: 6 visits that left every card in under 3 seconds; 20 visits in the comparison group") !=
          std::string::npos);
    CHECK(html.find("; 3 visits that saw no cards") != std::string::npos);
    CHECK(html.find("Changed their answer: 40%") != std::string::npos);  // 16 of 40, not 24 of 69

    // A visit from a kiosk without group records is still counted as before.
    std::vector<VisitKind> older(1);
    older[0].count = 10;
    older[0].group = "";
    older[0].first = "no";
    InformedRun legacy(older);
    const std::string plain = legacy.report("legacy", "none");
    CHECK(test::csv_lines(plain + "/q_view_first_to_second.csv").back() == "TOTAL,10,0,0,10");
    CHECK_FALSE(std::filesystem::exists(plain + "/informed_s1_changed.csv"));  // no informed records, no section
}

TEST_CASE("Report/informed views: with the default suppression a small comparison group is hidden and the paragraph "
          "never states it",
          "[report][informed]") {
    const WalkUpReport walk_up("hes");
    // 2 of 20 changed: "*", and the share with it.
    CHECK(walk_up.changed[1].rfind("Did not see them (comparison group),*,", 0) == 0);
    CHECK(last_field(walk_up.changed[1]) == "*");
    const std::string html = test::read_file(walk_up.out + "/report.html");
    const std::string p = paragraph(html, 0);
    INFO(p);
    CHECK(p.find("Too few people were in the comparison group to show their figures.") != std::string::npos);
    CHECK(p.find("did not see them") == std::string::npos);
    CHECK(p.find("10%") == std::string::npos);
    CHECK(p.find("difference") == std::string::npos);
    CHECK(html.find("Difference in the share who changed: not shown (too few people in a group).") != std::string::npos);
    // What the paragraph does say about the cards group is the table's figure.
    if (last_field(walk_up.changed[0]) != "*")
        CHECK(p.find("changed their view (" + last_field(walk_up.changed[0]) + " of ") != std::string::npos);
    // The left-out counts are suppressed as counts on their own: 6 and 3 become "*".
    CHECK(html.find("Left out: * visits that left every card in under 3 seconds") != std::string::npos);

    // With no small cell the difference is worked out from the rounded counts the table shows
    // (23 of 61 and 12 of 33 are shown as 25 of 60 and 10 of 35), so it never undoes the rounding.
    std::vector<VisitKind> larger(4);
    larger[0].count = 23;
    larger[0].first = "no";
    larger[1].count = 38;
    larger[2].count = 12;
    larger[2].group = "comparison";
    larger[2].first = "no";
    larger[3].count = 21;
    larger[3].group = "comparison";
    InformedRun big(larger);
    const std::string rounded = big.report("rounded", "hes");
    CHECK(changed_rows(rounded) ==
          std::vector<std::string>{"Saw the points of view,25,40,60,42%", "Did not see them (comparison group),10,20,35,29%"});
    const Expected e = newcombe(25, 60, 10, 35);
    CHECK(paragraph(test::read_file(rounded + "/report.html"), 0)
              .find("The difference is " + std::to_string(e.difference) + " percentage points (95% interval " +
                    std::to_string(e.low) + " to " + std::to_string(e.high) + ")") != std::string::npos);
}

TEST_CASE("Report/informed views: facilitator sessions get their own section, and an interval that includes zero is "
          "said to be no different from none",
          "[report][informed]") {
    std::vector<VisitKind> kinds = walk_up_visits();
    VisitKind cards_changed, cards_same, comparison_changed, comparison_same;
    for (VisitKind* k : {&cards_changed, &cards_same, &comparison_changed, &comparison_same}) k->mode = "facilitator";
    cards_changed.count = 5;
    cards_changed.first = "no";
    cards_same.count = 15;
    comparison_changed.count = 4;
    comparison_changed.group = "comparison";
    comparison_changed.first = "no";
    comparison_same.count = 16;
    comparison_same.group = "comparison";
    kinds.insert(kinds.end(), {cards_changed, cards_same, comparison_changed, comparison_same});
    InformedRun run(kinds);
    const std::string out = run.report("both", "none");
    const auto facilitated = changed_rows(out, "facilitator_");
    CHECK(facilitated[0] == "Saw the points of view,5,15,20,25%");
    CHECK(facilitated[1] == "Did not see them (comparison group),4,16,20,20%");
    // No facilitator session answered the quick check: no table of zeros for it.
    CHECK_FALSE(std::filesystem::exists(out + "/facilitator_informed_s1_knowledge.csv"));
    CHECK(std::filesystem::exists(out + "/informed_s1_knowledge.csv"));
    // The walk-up section is unchanged by the facilitator sessions.
    CHECK(changed_rows(out)[0] == "Saw the points of view,16,24,40,40%");
    const Expected e = newcombe(5, 20, 4, 20);
    REQUIRE(e.low < 0);
    REQUIRE(e.high > 0);
    const std::string html = test::read_file(out + "/report.html");
    const std::string p = paragraph(html, 1);
    INFO(p);
    CHECK(p.find("(25% of 20)") != std::string::npos);
    CHECK(p.find("(20% of 20)") != std::string::npos);
    CHECK(p.find("The difference is " + std::to_string(e.difference) + " percentage points (95% interval " +
                 std::to_string(e.low) + " to " + std::to_string(e.high) + ")") != std::string::npos);
    CHECK(p.find("This interval includes zero, so the effect of the points of view cannot be told apart from none.") !=
          std::string::npos);
    CHECK(html.find("Sessions run by a facilitator") < html.rfind("What informed views looked like"));
}
