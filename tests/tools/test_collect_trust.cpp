// What `datavoice collect` refuses to believe: bundles from kiosks not enrolled, enrolled under
// another site, or revoked; rows that do not fit their content pack (an unknown option, one
// chosen twice, too many choices, a pack hash that is not the pack's); and what --lenient
// quarantines instead. Also the tools' refusals of a --pack-dir that is not there and of an
// empty manifest.sig.
#include "central_fixture.hpp"
#include "exchange/crypto.hpp"
#include "support/sql_query.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace dv;

namespace {

// A bundle of `visits` visits answering comfort_wider, plus `extra` answers for the first visit.
std::string small_bundle(const std::string& drive, std::uint64_t export_number, const KioskKey& kiosk,
                         const std::string& site, int visits = 3, const std::vector<ExportAnswer>& extra = {},
                         const std::string& pack_hash = "") {
    test::BundleSpec b;
    b.export_id = test::export_id_for(export_number);
    b.kiosk = kiosk;
    b.site_label = site;
    for (int i = 0; i < visits; ++i) {
        const std::string id = test::export_id_for(export_number) + test::export_id_for(static_cast<unsigned>(i));
        ExportSession s = test::default_session(id, "2025-11-23", "");
        if (!pack_hash.empty()) s.pack_hash = pack_hash;
        b.sessions.push_back(s);
        b.answers.push_back({id, "comfort_wider", "", "neutral", test::default_wording("comfort_wider")});
    }
    for (auto a : extra) {
        a.session_id = b.sessions[0].session_id;
        b.answers.push_back(a);
    }
    return test::write_bundle(drive, b);
}

std::string fingerprint(const KioskKey& k) { return key_fingerprint(k.pub); }
std::string key_text(const KioskKey& k) { return to_base64(k.pub.data(), k.pub.size()); }

std::string sessions_in(const std::string& db) { return test::query_value(db, "SELECT COUNT(*) FROM sessions"); }

ExportAnswer reassure(const std::string& value) { return {"", "reassure", "", value, test::default_wording("reassure")}; }

// Collects `bundle` (enrolling its kiosk) and expects it refused with `reason` in its line.
void expect_refused(const std::string& bundle, const std::string& reason) {
    test::TempDir dir;
    const std::string db = dir.file("central.sqlite");
    const auto r = test::run_tool({"collect", "--enrol", "--db", db, bundle});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find(bundle + "/") != std::string::npos);
    CHECK(r.out.find(reason) != std::string::npos);
    CHECK(r.out.find("0 bundles (0 already collected, 1 refused)") != std::string::npos);
    CHECK(sessions_in(db) == "0");
}

}  // namespace

TEST_CASE("Collect/a bundle from a kiosk not enrolled is refused naming its fingerprint and site while the others "
          "go in",
          "[collect][kiosks]") {
    test::TempDir dir;
    const KioskKey known = generate_kiosk_key(), stranger = generate_kiosk_key();
    const std::string db = dir.file("central.sqlite");
    const auto add = test::run_tool({"kiosk", "add", "--db", db, "--site", "Riverside Surgery", key_text(known)});
    INFO(add.out << add.err);
    REQUIRE(add.exit_code == 0);
    CHECK(add.out.find(fingerprint(known)) != std::string::npos);
    const std::string good = small_bundle(dir.file("drive"), 1, known, "Riverside Surgery");
    const std::string forged = small_bundle(dir.file("drive"), 2, stranger, "Riverside Surgery");
    const auto r = test::run_tool({"collect", "--db", db, dir.file("drive")});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    const std::string line = forged + ": refused: kiosk key " + fingerprint(stranger) +
                             " (site \"Riverside Surgery\") is not enrolled";
    CHECK(r.out.find(line) != std::string::npos);
    CHECK(r.out.find("1 bundles (0 already collected, 1 refused), 3 visits") != std::string::npos);
    CHECK(sessions_in(db) == "3");
    CHECK(test::query_value(db, "SELECT COUNT(*) FROM kiosks") == "1");  // nothing enrolled without --enrol
    (void)good;
}

TEST_CASE("Collect/an enrolled key signing under another site's label is refused", "[collect][kiosks]") {
    test::TempDir dir;
    const KioskKey kiosk = generate_kiosk_key();
    const std::string db = dir.file("central.sqlite");
    REQUIRE(test::run_tool({"kiosk", "add", "--db", db, "--site", "Hill Street Library", key_text(kiosk)}).exit_code == 0);
    const std::string bundle = small_bundle(dir.file("drive"), 1, kiosk, "Riverside Surgery");
    // Not even --enrol lets a known key speak for another site.
    const auto r = test::run_tool({"collect", "--enrol", "--db", db, bundle});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find(bundle + ": refused: kiosk key " + fingerprint(kiosk) +
                     " is enrolled for site \"Hill Street Library\", but this bundle says it is from \"Riverside "
                     "Surgery\"") != std::string::npos);
    CHECK(sessions_in(db) == "0");
}

TEST_CASE("Collect/a revoked kiosk's later bundles are refused and what it sent before stays", "[collect][kiosks]") {
    test::TempDir dir;
    const KioskKey kiosk = generate_kiosk_key();
    const std::string db = dir.file("central.sqlite");
    const std::string first = small_bundle(dir.file("drive1"), 1, kiosk, "Riverside Surgery");
    const auto enrol = test::run_tool({"collect", "--enrol", "--db", db, first});
    INFO(enrol.out << enrol.err);
    REQUIRE(enrol.exit_code == 0);
    CHECK(enrol.out.find("enrolled kiosk key " + fingerprint(kiosk) + " for site \"Riverside Surgery\"") !=
          std::string::npos);
    const auto revoke = test::run_tool({"kiosk", "revoke", "--db", db, fingerprint(kiosk)});
    INFO(revoke.out << revoke.err);
    REQUIRE(revoke.exit_code == 0);
    const auto list = test::run_tool({"kiosk", "list", "--db", db});
    CHECK(list.out.find(fingerprint(kiosk) + "  Riverside Surgery  enrolled ") != std::string::npos);
    CHECK(list.out.find(", revoked ") != std::string::npos);

    const std::string later = small_bundle(dir.file("drive2"), 2, kiosk, "Riverside Surgery");
    const auto r = test::run_tool({"collect", "--enrol", "--db", db, later});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find(later + ": refused: kiosk key " + fingerprint(kiosk) + " (site \"Riverside Surgery\") was revoked on ") !=
          std::string::npos);
    CHECK(sessions_in(db) == "3");
    CHECK(test::run_tool({"kiosk", "revoke", "--db", db, key_text(kiosk)}).exit_code == 1);  // already revoked
}

TEST_CASE("Collect/a pack hash of all zeros is refused", "[collect][pack-check]") {
    test::TempDir dir;
    const std::string bundle =
        small_bundle(dir.file("drive"), 1, generate_kiosk_key(), "Riverside Surgery", 3, {}, std::string(64, '0'));
    expect_refused(bundle, "/manifest.json: pack default " + test::default_pack().version + " has hash " +
                               std::string(64, '0') + ", but the pack's files hash to " + test::default_pack().hash);
}

TEST_CASE("Collect/an option the pack does not have is refused", "[collect][pack-check]") {
    test::TempDir dir;
    const std::string bundle = small_bundle(dir.file("drive"), 1, generate_kiosk_key(), "Riverside Surgery", 3,
                                            {{"", "aware", "", "bogus", test::default_wording("aware")}});
    expect_refused(bundle, "/answers.csv row 4: session ");
    expect_refused(bundle, "option 'bogus' is not an option of question 'aware' in pack default");
}

TEST_CASE("Collect/a multi-choice answer naming one option twice is refused", "[collect][pack-check]") {
    test::TempDir dir;
    const std::string bundle = small_bundle(dir.file("drive"), 1, generate_kiosk_key(), "Riverside Surgery", 3,
                                            {reassure("security;security")});
    expect_refused(bundle, "option 'security' is chosen twice in one answer to 'reassure'");
}

TEST_CASE("Collect/a multi-choice answer combining an exclusive option with another is refused", "[collect][pack-check]") {
    test::TempDir dir;
    const std::string bundle = small_bundle(dir.file("drive"), 1, generate_kiosk_key(), "Riverside Surgery", 3,
                                            {reassure("security;nothing")});
    expect_refused(bundle, "option 'nothing' of question 'reassure' is exclusive but was chosen with others");
}

TEST_CASE("Collect/a multi-choice answer with more choices than max_choices is refused", "[collect][pack-check]") {
    test::TempDir dir;
    const std::string bundle = small_bundle(dir.file("drive"), 1, generate_kiosk_key(), "Riverside Surgery", 3,
                                            {reassure("names_removed;security;told_how;see_results")});
    expect_refused(bundle, "4 options chosen for question 'reassure', which allows 3");
}

TEST_CASE("Collect/a question the pack does not have is refused", "[collect][pack-check]") {
    test::TempDir dir;
    const std::string bundle = small_bundle(dir.file("drive"), 1, generate_kiosk_key(), "Riverside Surgery", 3,
                                            {{"", "favourite_colour", "", "blue", "0123456789abcdef"}});
    expect_refused(bundle, "question 'favourite_colour' is not in pack default");
}

TEST_CASE("Collect/--lenient quarantines the rows that do not fit and counts the rest once", "[collect][pack-check]") {
    test::TempDir dir;
    const std::string bundle =
        small_bundle(dir.file("drive"), 1, generate_kiosk_key(), "Riverside Surgery", 12,
                     {{"", "aware", "", "bogus", test::default_wording("aware")}, reassure("security;security")});
    const std::string db = dir.file("central.sqlite");
    const auto r = test::run_tool({"collect", "--enrol", "--lenient", "--db", db, bundle});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find(bundle + "/answers.csv row 13: session ") != std::string::npos);
    CHECK(r.out.find("option 'bogus' is not an option of question 'aware'") != std::string::npos);
    CHECK(r.out.find("option 'security' is chosen twice") != std::string::npos);
    CHECK(r.out.find("Answers quarantined (not counted; listed above): 2.") != std::string::npos);
    CHECK(test::query_value(db, "SELECT COUNT(*) FROM answers") == "12");
    CHECK(test::query_value(db, "SELECT COUNT(*) FROM quarantine") == "2");
    CHECK(test::query_value(db, "SELECT COUNT(*) FROM answers WHERE question_id <> 'comfort_wider'") == "0");
    // Collecting again adds nothing, quarantined rows included.
    const auto again = test::run_tool({"collect", "--lenient", "--db", db, bundle});
    CHECK(again.exit_code == 0);
    CHECK(test::query_value(db, "SELECT COUNT(*) FROM quarantine") == "2");
    CHECK(test::query_value(db, "SELECT COUNT(*) FROM answers") == "12");
    // The report counts the 12 that fit, and nothing from the quarantine.
    const auto report = test::run_tool({"report", "--db", db, "--out", dir.file("report"), "--suppression", "none"});
    REQUIRE(report.exit_code == 0);
    CHECK_FALSE(std::filesystem::exists(dir.file("report/aware.csv")));
    CHECK(test::csv_lines(dir.file("report/comfort_wider.csv")).back() == "TOTAL,12,100%");
}

TEST_CASE("Collect/a manifest.sig that is empty is refused for that reason, not as a changed manifest", "[collect]") {
    test::TempDir dir;
    const std::string bundle = small_bundle(dir.file("drive"), 1, generate_kiosk_key(), "Riverside Surgery");
    { std::ofstream(bundle + "/manifest.sig", std::ios::trunc); }
    expect_refused(bundle, "/manifest.sig: empty (no signature");
    { std::ofstream(bundle + "/manifest.sig", std::ios::trunc) << "not base64 at all!\n"; }
    expect_refused(bundle, "/manifest.sig: not a signature");
}

TEST_CASE("Report/a --pack-dir that does not exist is refused with exit status 2", "[report]") {
    test::TempDir dir;
    const std::string db = dir.file("central.sqlite");
    small_bundle(dir.file("drive"), 1, generate_kiosk_key(), "Riverside Surgery", 12);
    REQUIRE(test::run_tool({"collect", "--enrol", "--db", db, dir.file("drive")}).exit_code == 0);
    const auto r = test::run_tool({"report", "--db", db, "--out", dir.file("report"), "--pack-dir", "/nonexistent"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("/nonexistent: no such folder") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.file("report/report.html")));
    const auto c = test::run_tool({"collect", "--db", db, "--pack-dir", "/nonexistent", dir.file("drive")});
    CHECK(c.exit_code == 2);
    CHECK(c.err.find("/nonexistent: no such folder") != std::string::npos);
}

TEST_CASE("Report/a report that shows ids for want of a pack says so at the top and on stderr", "[report]") {
    test::TempDir dir;
    const std::string db = dir.file("central.sqlite");
    small_bundle(dir.file("drive"), 1, generate_kiosk_key(), "Riverside Surgery", 12);
    REQUIRE(test::run_tool({"collect", "--enrol", "--db", db, dir.file("drive")}).exit_code == 0);
    // A pack folder holding only the example pack: the default pack's words are not there.
    const auto r = test::run_tool({"report", "--db", db, "--out", dir.file("report"), "--pack-dir",
                                   test::source_dir() + "/assets/content/example"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    const std::string warning = "Content pack default " + test::default_pack().version + " was not found";
    CHECK(r.err.find("warning: " + warning) != std::string::npos);
    const std::string html = test::read_file(dir.file("report/report.html"));
    const auto top = html.find("Read this first");
    REQUIRE(top != std::string::npos);
    CHECK(top < html.find("How these figures were made"));
    CHECK(html.find(warning) < html.find("How these figures were made"));
}

TEST_CASE("Report/answers collected without their pack that do not fit it are left out and said so", "[report]") {
    test::TempDir dir;
    const std::string db = dir.file("central.sqlite");
    const std::string bundle = small_bundle(dir.file("drive"), 1, generate_kiosk_key(), "Riverside Surgery", 12,
                                            {{"", "aware", "", "bogus", test::default_wording("aware")}});
    // Collected against a folder without the default pack: the rows cannot be checked.
    const auto c = test::run_tool({"collect", "--enrol", "--db", db, "--pack-dir",
                                   test::source_dir() + "/assets/content/example", bundle});
    INFO(c.out << c.err);
    REQUIRE(c.exit_code == 0);
    CHECK(c.out.find("is not among the content packs, so its rows were not checked") != std::string::npos);
    const auto r = test::run_tool({"report", "--db", db, "--out", dir.file("report"), "--suppression", "none"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("1 answer to aware does not fit the question in its pack") != std::string::npos);
    for (const auto& line : test::csv_lines(dir.file("report/aware.csv"))) CHECK(line.find("bogus") == std::string::npos);
}

TEST_CASE("Collect/a bundle written in Python from the documented rules alone goes in where its key is enrolled",
          "[collect][kiosks]") {
    test::TempDir dir;
    std::filesystem::create_directories(dir.file("drive"));
    const auto w = test::run_process({"/usr/bin/python3", test::source_dir() + "/tests/tools/independent_writer.py",
                                      "--pack", test::source_dir() + "/assets/content/default", "--out",
                                      dir.file("drive"), "--site", "Hill Street Library", "--visits", "40"});
    INFO(w.out << w.err << " (the writer needs Debian's python3-nacl: tools/setup/packages-test.txt)");
    REQUIRE(w.exit_code == 0);
    const std::string bundle = w.out.substr(0, w.out.find('\n'));
    const std::string key = w.out.substr(bundle.size() + 1, w.out.find('\n', bundle.size() + 1) - bundle.size() - 1);
    const std::string db = dir.file("central.sqlite");
    REQUIRE(test::run_tool({"kiosk", "add", "--db", db, "--site", "Hill Street Library", key}).exit_code == 0);

    const auto r = test::run_tool({"collect", "--db", db, bundle});  // no --enrol: the key is known
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("1 bundles (0 already collected, 0 refused), 40 visits") != std::string::npos);
    CHECK(test::query_value(db, "SELECT COUNT(*) FROM quarantine") == "0");

    // The report finds the pack's words through the writer's wording hashes.
    const auto report = test::run_tool({"report", "--db", db, "--out", dir.file("report"), "--suppression", "none"});
    INFO(report.err);
    REQUIRE(report.exit_code == 0);
    CHECK(report.err.find("warning") == std::string::npos);
    const std::string html = test::read_file(dir.file("report/report.html"));
    CHECK(html.find("could not be matched") == std::string::npos);
    CHECK(html.find(test::default_pack().default_content().question("comfort_wider")->text) != std::string::npos);
    CHECK(test::csv_lines(dir.file("report/comfort_wider.csv")).back() == "TOTAL,40,100%");
}
