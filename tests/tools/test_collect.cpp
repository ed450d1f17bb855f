// `datavoice collect` end to end: bundles written in the documented format are checked and
// imported once; damaged, incomplete, unknown and wrongly keyed bundles are refused one line
// each while the others still go in; kiosk clock records correct uncertain dates.
#include "central_fixture.hpp"
#include "exchange/crypto.hpp"
#include "support/sql_query.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace dv;
namespace fs = std::filesystem;

namespace {

std::string count_of(const std::string& db, const std::string& table) {
    return test::query_value(db, "SELECT COUNT(*) FROM " + table);
}

int lines_with(const std::string& text, const std::string& needle) {
    int n = 0;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("Collect/the same bundle twice adds nothing and an overlapping export adds only its new visits", "[collect]") {
    test::TempDir dir;
    const test::SurveyKiosks kiosks;
    const auto bundles = test::write_survey(dir.file("drive"), kiosks, 2, false);
    const std::string db = dir.file("central.sqlite");

    auto first = test::run_tool({"collect", "--enrol", "--db", db, bundles[0]});
    INFO(first.out << first.err);
    REQUIRE(first.exit_code == 0);
    const std::string sessions = count_of(db, "sessions"), answers = count_of(db, "answers");
    CHECK(sessions == "230");  // 459 sessions dealt into two bundles
    CHECK(first.out.find("1 bundles (0 already collected, 0 refused), 230 visits, 230 answers") != std::string::npos);

    auto again = test::run_tool({"collect", "--enrol", "--db", db, bundles[0]});
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("0 bundles (1 already collected, 0 refused), 0 visits, 0 answers; 230 visits skipped") !=
          std::string::npos);
    CHECK(count_of(db, "sessions") == sessions);
    CHECK(count_of(db, "answers") == answers);

    // A later export from the same kiosk ("everything") repeats 10 visits of the first and adds 3.
    test::BundleSpec overlap;
    overlap.export_id = test::export_id_for(99);
    overlap.kiosk = kiosks.riverside;
    std::vector<std::string> ids = {};
    for (const auto& id : std::vector<std::string>{"5000", "5002", "5004", "5006", "5008", "500a", "500c", "500e",
                                                   "5010", "5012"})
        ids.push_back(std::string(28, '0') + id);
    for (const auto& id : {"f001", "f002", "f003"}) ids.push_back(std::string(28, '0') + id);
    for (const auto& id : ids) {
        overlap.sessions.push_back(test::default_session(id, "2025-12-02", "morning"));
        overlap.answers.push_back({id, "comfort_wider", "", "neutral", test::default_wording("comfort_wider")});
    }
    const std::string overlap_dir = test::write_bundle(dir.file("drive2"), overlap);
    auto merged = test::run_tool({"collect", "--enrol", "--db", db, overlap_dir, bundles[0]});
    INFO(merged.out);
    CHECK(merged.exit_code == 0);
    CHECK(merged.out.find("1 bundles (1 already collected, 0 refused), 3 visits, 3 answers; 240 visits skipped") !=
          std::string::npos);
    CHECK(count_of(db, "sessions") == "233");
    // The repeated visits keep the answer they first came with.
    CHECK(test::query_value(db, "SELECT value FROM answers WHERE session_id = '" + ids[0] + "'") == "very_comfortable");
}

TEST_CASE("Collect/each damaged or missing or partial or unknown or wrongly keyed bundle is refused with one line "
          "and the others go in",
          "[collect]") {
    test::TempDir dir;
    const test::SurveyKiosks kiosks;
    const KioskKey& kiosk = kiosks.riverside;
    const StaffSecretKey staff = generate_staff_key(), other = generate_staff_key();
    {
        std::ofstream(dir.file("staff.key")) << format_staff_secret_key(staff);
    }
    const std::string drive = dir.file("drive");
    // Six good bundles, the last two encrypted to our staff key.
    auto good = test::write_survey(drive, kiosks, 4, false, 1);
    test::BundleSpec sealed;
    sealed.kiosk = kiosk;
    sealed.recipient = staff.pub;
    for (int b = 0; b < 2; ++b) {
        sealed.export_id = test::export_id_for(50 + static_cast<unsigned>(b));
        sealed.sessions = {test::default_session(std::string(31, 'e') + std::to_string(b), "2025-11-23", "")};
        sealed.answers = {{sealed.sessions[0].session_id, "comfort_wider", "", "neutral", test::default_wording("comfort_wider")}};
        good.push_back(test::write_bundle(drive, sealed));
    }
    // The bad ones, each a copy of a good one spoilt one way.
    const auto spoil = [&](std::uint64_t id, const std::string& name) {
        test::BundleSpec s;
        s.export_id = test::export_id_for(id);
        s.kiosk = kiosk;
        s.sessions = {test::default_session(std::string(28, 'b') + test::export_id_for(id).substr(12), "2025-11-23", "")};
        s.answers = {{s.sessions[0].session_id, "comfort_wider", "", "neutral", test::default_wording("comfort_wider")}};
        if (name == "version") s.format_version = 2;
        if (name == "wrong_key") s.recipient = other.pub;
        if (name == "orphan") s.answers.push_back({std::string(32, 'd'), "aware", "", "yes", "0123456789abcdef"});
        return test::write_bundle(drive, s);
    };
    const std::string tampered = spoil(101, "tamper"), missing = spoil(102, "missing"), partial = spoil(103, "partial"),
                      version = spoil(104, "version"), wrong_key = spoil(105, "wrong_key"), summary = spoil(106, "summary"),
                      orphan = spoil(107, "orphan");
    {
        std::fstream f(tampered + "/answers.csv", std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(-4, std::ios::end);
        f.put('X');  // one byte of the wording
    }
    fs::remove(missing + "/sessions.csv");
    fs::remove(partial + "/manifest.json");
    fs::remove(summary + "/manifest.json");
    fs::remove(summary + "/sessions.csv");
    fs::remove(summary + "/answers.csv");

    const std::string db = dir.file("central.sqlite");
    const auto r = test::run_tool({"collect", "--enrol", "--db", db, "--key", dir.file("staff.key"), drive});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(lines_with(r.out, tampered + "/answers.csv: does not match its sha256") == 1);
    CHECK(lines_with(r.out, missing + "/sessions.csv: file not found") == 1);
    CHECK(lines_with(r.out, partial + "/manifest.json: file not found") == 1);
    CHECK(lines_with(r.out, version + "/manifest.json: bundle format version 2 is not one this tool reads") == 1);
    CHECK(lines_with(r.out, wrong_key + "/sessions.csv: ") == 1);
    CHECK(lines_with(r.out, summary + ": a summary only") == 1);
    CHECK(lines_with(r.out, orphan + "/answers.csv: an answer to aware belongs to session dddd") == 1);
    CHECK(r.out.find("6 bundles (0 already collected, 7 refused), 461 visits") != std::string::npos);
    CHECK(count_of(db, "sessions") == "461");  // 459 + 2 sealed
    CHECK(count_of(db, "exports") == "6");
    CHECK(test::query_value(db, "SELECT COUNT(*) FROM sessions WHERE session_id LIKE 'bbbb%'") == "0");

    // The same bundles encrypted, without the key: refused, saying the key is needed.
    const auto no_key = test::run_tool({"collect", "--enrol", "--db", dir.file("other.sqlite"), good[4]});
    CHECK(no_key.exit_code == 1);
    CHECK(no_key.out.find("the bundle is encrypted; give the staff secret key (--key)") != std::string::npos);
}

TEST_CASE("Collect/uncertain dates move by the staff-confirmed offset of their boot and collect says how many stay "
          "uncertain",
          "[collect][date_correction]") {
    test::TempDir dir;
    test::BundleSpec b;
    b.export_id = test::export_id_for(7);
    b.kiosk = generate_kiosk_key();
    // The kiosk booted thinking it was 1970-01-02; staff confirmed the time in boot 3 and found
    // it 20414 days and 2 hours behind. Boot 4 was never confirmed.
    b.clock_json = R"({"at_export": "2025-11-23T15:40", "trusted": true, "boot": 3,
      "corrections": [{"boot": 3, "offset_seconds": 1763776800, "confirmed_on": "2025-11-23"}]})";
    const int64_t offset = 20414LL * 86400 + 7200;
    REQUIRE(offset == 1763776800);
    const auto session = [&](const std::string& id, const std::string& part, int boot) {
        ExportSession s = test::default_session(std::string(30, 'c') + id, "1970-01-02", part);
        s.date_uncertain = true;
        s.boot = boot;
        b.sessions.push_back(s);
        b.answers.push_back({s.session_id, "comfort_wider", "", "neutral", test::default_wording("comfort_wider")});
    };
    session("01", "morning", 3);    // 02:00–14:00 on 2025-11-23: date certain, part not
    session("02", "afternoon", 3);  // 14:00–19:00: afternoon and evening
    session("03", "evening", 3);    // 19:00–02:00 the next day: stays uncertain
    session("04", "morning", 4);    // no confirmation in boot 4
    const std::string bundle = test::write_bundle(dir.path(), b);
    const std::string db = dir.file("central.sqlite");
    const auto r = test::run_tool({"collect", "--enrol", "--db", db, bundle});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("Dates: 2 corrected with the kiosk's confirmed time; 2 stay uncertain.") != std::string::npos);
    const auto row = [&](const std::string& id) {
        return test::query_value(db, "SELECT visit_date || ' ' || part_of_day || ' ' || date_uncertain FROM sessions "
                                     "WHERE session_id = '" + std::string(30, 'c') + id + "'");
    };
    CHECK(row("01") == "2025-11-23  0");
    CHECK(row("02") == "2025-11-23  0");
    CHECK(row("03") == "1970-01-02 evening 1");
    CHECK(row("04") == "1970-01-02 morning 1");

    const auto report = test::run_tool({"report", "--db", db, "--out", dir.file("report")});
    INFO(report.err);
    REQUIRE(report.exit_code == 0);
    CHECK(test::read_file(dir.file("report/report.html")).find("2 visits have an uncertain date") != std::string::npos);
}
