// The export bundle: what it holds, the order it is written in, encryption and signing,
// and the invariants numbered in kiosk/exchange/bundle.hpp. Faults: test_bundle_faults.cpp.
#include "exchange/bundle_read.hpp"
#include "exchange/bundle_rows.hpp"
#include "exchange/files.hpp"
#include "support/export_fixture.hpp"
#include "support/faulty_file_ops.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace dv;
namespace fs = std::filesystem;

namespace {

std::string slurp(const std::string& path) {
    std::string text, error;
    REQUIRE(read_text_file(path, text, error, 1 << 26));
    return text;
}

template <typename Answer>
std::map<std::string, std::string> effective_by_key(const std::vector<Answer>& answers) {
    std::map<std::string, std::string> out;
    for (const auto& a : answers)
        out[a.session_id + "/" + a.question_id + "/" + a.phase] = a.value + " " + std::string(wording_key(a.content_hash));
    return out;
}

}  // namespace

TEST_CASE("Bundle/an export round-trips: reading it back gives exactly the effective answers", "[bundle]") {
    test::ExportFixture f;
    f.add_visits(30);
    const ExportResult r = f.run();
    INFO(r.message);
    REQUIRE(r.status == ExportResult::Status::Done);
    CHECK(r.marked);
    CHECK(r.message == "30 visits, 120 answers, not encrypted, written to " + r.bundle_name + " and checked.");
    CHECK(r.bundle_name.rfind("datavoice-st-mary-s-surgery-norwich-20251121-20251122-", 0) == 0);

    BundleContents b;
    std::string error;
    REQUIRE(open_bundle(r.bundle_dir, nullptr, b, error));
    CHECK(b.manifest.sessions == 30);
    CHECK(b.manifest.answers == 120);
    CHECK(b.manifest.site_label == "St Mary's Surgery, Norwich");
    CHECK(b.manifest.created_on == "2025-11-23");
    CHECK(b.manifest.sessions_from == "2025-11-21");
    CHECK(b.manifest.sessions_to == "2025-11-22");
    REQUIRE(b.manifest.packs.size() == 1);
    CHECK(b.manifest.packs[0].hash == test::tiny_pack().hash);
    CHECK_FALSE(b.manifest.encrypted);
    REQUIRE(b.sessions.size() == 30);
    CHECK(effective_by_key(b.answers) == effective_by_key(f.store->effective_answers()));
    for (const auto& s : b.sessions) CHECK((s.part_of_day == "morning" || s.part_of_day == "afternoon"));
}

TEST_CASE("Bundle/the CSV files open cleanly in Excel: BOM, documented header, CRLF", "[bundle]") {
    test::ExportFixture f;
    f.add_visits(12);
    const ExportResult r = f.run();
    REQUIRE(r.status == ExportResult::Status::Done);
    const std::string answers = slurp(r.bundle_dir + "/answers.csv");
    CHECK(answers.rfind("\xEF\xBB\xBFsession_id,question_id,phase,value,wording\r\n", 0) == 0);
    const std::string sessions = slurp(r.bundle_dir + "/sessions.csv");
    CHECK(sessions.rfind("\xEF\xBB\xBFsession_id,visit_date,part_of_day,date_uncertain,boot,language,pack_id,"
                         "pack_version,pack_hash,mode,flagged_repeat\r\n",
                         0) == 0);
    CHECK(std::count(sessions.begin(), sessions.end(), '\n') == 13);
}

TEST_CASE("Bundle/(1)(2) every file goes through a temporary name and manifest.json comes last", "[bundle]") {
    test::ExportFixture f;
    f.add_visits(12);
    test::FaultyFileOps drive;
    const ExportResult r = f.run(drive, f.options());
    REQUIRE(r.status == ExportResult::Status::Done);
    const auto& log = drive.log;
    auto at = [&](const std::string& entry) {
        return static_cast<long>(std::find(log.begin(), log.end(), entry) - log.begin());
    };
    for (std::string name : {"sessions.csv", "answers.csv", "summary.json", "manifest.sig", "manifest.json"}) {
        INFO(name);
        const std::string temp = "." + name + ".partial";
        const long open = at("open_new " + temp), sync = at("sync " + temp), rename = at("rename " + temp + " " + name);
        REQUIRE(rename < static_cast<long>(log.size()));
        CHECK(open < sync);
        CHECK(sync < rename);
        CHECK(log[static_cast<size_t>(rename) + 1].rfind("sync_dir ", 0) == 0);
    }
    // Nothing but reading back happens after the manifest is in place.
    const long manifest = at("rename .manifest.json.partial manifest.json");
    for (size_t i = static_cast<size_t>(manifest) + 2; i < log.size(); ++i) CHECK(log[i].rfind("read ", 0) == 0);
    CHECK(at("rename .answers.csv.partial answers.csv") < at("rename .summary.json.partial summary.json"));
    CHECK(at("rename .summary.json.partial summary.json") < manifest);
    // (3) every file was read back after the manifest was written.
    for (std::string name : {"sessions.csv", "answers.csv", "summary.json", "manifest.json"})
        CHECK(at("read " + name) > manifest);
}

TEST_CASE("Bundle/(7) with a staff key every data file is encrypted and only that key opens them", "[bundle]") {
    test::ExportFixture f;
    f.add_visits(12);
    const StaffSecretKey staff = generate_staff_key();
    REQUIRE(f.store->set_setting(kSettingStaffPublicKey, format_staff_public_key(staff.pub)));
    const ExportResult r = f.run();
    REQUIRE(r.status == ExportResult::Status::Done);
    CHECK(r.encrypted);
    for (const char* name : {"sessions.csv", "answers.csv", "summary.json"}) {
        const std::string bytes = slurp(r.bundle_dir + "/" + name);
        CHECK(is_sealed_stream(bytes));
        CHECK(bytes.find("session100001") == std::string::npos);
        CHECK(bytes.find("q_single") == std::string::npos);
    }
    const std::string manifest = slurp(r.bundle_dir + "/manifest.json");
    CHECK(manifest.find("session1") == std::string::npos);
    CHECK(manifest.find("not_sure") == std::string::npos);

    BundleContents b;
    std::string error;
    CHECK_FALSE(open_bundle(r.bundle_dir, nullptr, b, error));
    CHECK(error.find("encrypted") != std::string::npos);
    const StaffSecretKey other = generate_staff_key();
    CHECK_FALSE(open_bundle(r.bundle_dir, &other, b, error));
    CHECK(error.find("encrypted for a different staff key") != std::string::npos);
    REQUIRE(open_bundle(r.bundle_dir, &staff, b, error));
    CHECK(b.manifest.encrypted);
    CHECK(effective_by_key(b.answers) == effective_by_key(f.store->effective_answers()));
    CHECK(b.summary_json.find("\"q_single\"") != std::string::npos);
}

TEST_CASE("Bundle/a damaged staff key on the kiosk stops the export rather than writing plain text", "[bundle]") {
    test::ExportFixture f;
    f.add_visits(2);
    REQUIRE(f.store->set_setting(kSettingStaffPublicKey, "datavoice staff public key 1\nbox AAAA\n"));
    const ExportResult r = f.run();
    CHECK(r.status == ExportResult::Status::Failed);
    CHECK(r.message.find("staff key") != std::string::npos);
    CHECK(fs::is_empty(f.drive));
}

TEST_CASE("Bundle/the manifest is signed by the kiosk and any change to a file is named", "[bundle]") {
    test::ExportFixture f;
    f.add_visits(12);
    const ExportResult r = f.run();
    REQUIRE(r.status == ExportResult::Status::Done);
    Manifest first;
    std::string error;
    REQUIRE(verify_bundle(r.bundle_dir, first, error));

    SECTION("a changed data file") {
        std::string csv = slurp(r.bundle_dir + "/answers.csv");
        csv[csv.size() - 5] = csv[csv.size() - 5] == '1' ? '2' : '1';
        std::ofstream(r.bundle_dir + "/answers.csv", std::ios::binary) << csv;
        CHECK_FALSE(verify_bundle(r.bundle_dir, first, error));
        CHECK(error == r.bundle_dir + "/answers.csv: does not match its sha256 in manifest.json (changed or damaged)");
    }
    SECTION("a changed manifest") {
        std::string m = slurp(r.bundle_dir + "/manifest.json");
        m.replace(m.find("\"sessions\": 12"), 14, "\"sessions\": 13");
        std::ofstream(r.bundle_dir + "/manifest.json", std::ios::binary) << m;
        CHECK_FALSE(verify_bundle(r.bundle_dir, first, error));
        CHECK(error.find("manifest.sig: the signature does not match") != std::string::npos);
    }
    SECTION("no manifest: the export never finished") {
        fs::remove(r.bundle_dir + "/manifest.json");
        CHECK_FALSE(verify_bundle(r.bundle_dir, first, error));
        CHECK(error.find("manifest.json: file not found") != std::string::npos);
        CHECK(error.find("incomplete") != std::string::npos);
    }
    SECTION("a newer format version") {
        std::string m = slurp(r.bundle_dir + "/manifest.json");
        m.replace(m.find("\"format_version\": 1"), 19, "\"format_version\": 9");
        std::ofstream(r.bundle_dir + "/manifest.json", std::ios::binary) << m;
        CHECK_FALSE(verify_bundle(r.bundle_dir, first, error));
        CHECK(error.find("bundle format version 9 is not one this tool reads") != std::string::npos);
    }
}

TEST_CASE("Bundle/exports are incremental by default, with everything on request", "[bundle]") {
    test::ExportFixture f;
    f.add_visits(12);
    REQUIRE(f.run().status == ExportResult::Status::Done);
    const ExportResult again = f.run();
    CHECK(again.status == ExportResult::Status::NothingNew);
    CHECK(fs::is_empty(f.drive) == false);
    f.add_visits(10, 100);
    const ExportResult next = f.run();
    REQUIRE(next.status == ExportResult::Status::Done);
    CHECK(next.sessions == 10);
    ExportOptions all = f.options();
    all.everything = true;
    PosixFileOps posix;
    const ExportResult everything = f.run(posix, all);
    REQUIRE(everything.status == ExportResult::Status::Done);
    CHECK(everything.sessions == 22);
    CHECK(f.store->exports().size() == 3);
    const auto log = f.store->audit_log();
    CHECK(std::count_if(log.begin(), log.end(), [](const AuditEntry& e) { return e.event == "export"; }) == 3);
}

TEST_CASE("Bundle/the part of day can be dropped from an export", "[bundle]") {
    test::ExportFixture f;
    f.add_visits(24);
    ExportOptions o = f.options();
    o.drop_part_of_day = true;
    ExportResult r;
    const BundleContents b = f.run_and_open(o, &r);
    CHECK(b.manifest.part_of_day_dropped);
    CHECK(b.manifest.coarsening.rows_with_part_of_day == 0);
    CHECK(b.manifest.coarsening.rows_with_date == 24);
    for (const auto& s : b.sessions) CHECK(s.part_of_day.empty());
    const std::string raw = slurp(r.bundle_dir + "/sessions.csv");
    CHECK(raw.find("morning") == std::string::npos);
    CHECK(raw.find("afternoon") == std::string::npos);
}

TEST_CASE("Bundle/rows are in a fresh random order, not the order visitors came in", "[bundle]") {
    test::ExportFixture f;
    f.add_visits(60);
    ExportOptions o = f.options();
    o.everything = true;
    std::vector<std::vector<std::string>> orders;
    for (int i = 0; i < 2; ++i) {
        const BundleContents b = f.run_and_open(o);
        std::vector<std::string> order;
        for (const auto& s : b.sessions) order.push_back(s.session_id);
        orders.push_back(order);
    }
    std::vector<std::string> arrival;
    for (int i = 0; i < 60; ++i) arrival.push_back("session" + std::to_string(100000 + i));
    // Session ids here are numbered by arrival, so sorted order is arrival order too.
    CHECK(orders[0] != arrival);
    CHECK(orders[1] != arrival);
    CHECK(orders[0] != orders[1]);  // each export shuffles afresh (1 in 60! to fail by chance)
}

TEST_CASE("Bundle/summary.json counts answers per question, option and day, suppressed", "[bundle]") {
    test::ExportFixture f;
    f.add_visits(40);
    ExportResult r;
    const BundleContents b = f.run_and_open(f.options(), &r);
    const std::string& s = b.summary_json;
    // 40 visits: q_multi m2 on 20 (even, one date); m1 and m3 on the other 20.
    CHECK(s.find("\"question_id\": \"q_multi\"") != std::string::npos);
    CHECK(s.find("\"m1\": 20") != std::string::npos);
    CHECK(s.find("\"period\": \"2025-11-21\"") != std::string::npos);
    // No session ids, no card orders.
    CHECK(s.find("session1") == std::string::npos);
    CHECK(s.find("card_order") == std::string::npos);
}

TEST_CASE("Bundle/(8) an export of fewer than min_group visits writes nothing and marks nothing", "[bundle]") {
    test::ExportFixture f;
    f.add_visits(9);
    const ExportResult r = f.run();
    CHECK(r.status == ExportResult::Status::NothingNew);
    CHECK(r.withheld == 9);
    CHECK(r.message.rfind("Only 9 visits to export: fewer than 10", 0) == 0);
    CHECK(fs::is_empty(f.drive));
    CHECK(f.store->exports().empty());
    f.add_visits(1, 50);
    const ExportResult ten = f.run();
    CHECK(ten.status == ExportResult::Status::Done);
    CHECK(ten.sessions == 10);
}

TEST_CASE("Bundle/(8) visit times are coarsened so every label covers min_group visits", "[bundle]") {
    test::ExportFixture f;
    f.add_visits(14);  // 7 on each of two days: too few for a day or a part of day on its own
    ExportResult r;
    const BundleContents b = f.run_and_open(f.options(), &r);
    for (const auto& s : b.sessions) {
        CHECK(s.visit_date == "2025-11-17/2025-11-23");  // pooled into their ISO week
        CHECK(s.part_of_day.empty());
        CHECK(s.boot == 0);
    }
    CHECK(b.manifest.coarsening.rows_with_period == 14);
    CHECK(r.bundle_name.find("-20251117-20251123-") != std::string::npos);
}

TEST_CASE("Bundle/(8) a rare 'about you' answer is removed for its whole group", "[bundle]") {
    test::ExportFixture f;
    f.add_visits(12);
    const auto& pack = test::tiny_pack();
    const std::string hash = pack.default_content().question("q_age")->content_hash;
    for (int i = 0; i < 12; ++i) {
        PendingCommit p = test::visit_to(pack, "age" + std::to_string(100 + i), "2025-11-22", "afternoon");
        // Eleven "young" and one "old": the one could be guessed by looking at them.
        p.answers.push_back({"q_age", "", i == 0 ? "old" : "young", hash, false});
        REQUIRE(f.store->commit(p));
    }
    ExportOptions o = f.options();
    o.everything = true;
    const BundleContents b = f.run_and_open(o);
    for (const auto& a : b.answers) CHECK(a.question_id != "q_age");
    CHECK(b.manifest.coarsening.answers_removed == 12);
}

TEST_CASE("Bundle/(8) 'about you' answers no one could be picked out by are exported", "[bundle]") {
    test::ExportFixture f;
    const auto& pack = test::tiny_pack();
    const std::string hash = pack.default_content().question("q_age")->content_hash;
    for (int i = 0; i < 24; ++i) {
        PendingCommit p = test::visit_to(pack, "age" + std::to_string(100 + i), "2025-11-22", "afternoon");
        p.answers.push_back({"q_age", "", i % 2 ? "old" : "young", hash, false});  // twelve of each
        REQUIRE(f.store->commit(p));
    }
    ExportOptions o = f.options();
    o.everything = true;
    const BundleContents b = f.run_and_open(o);
    std::map<std::string, int> bands;
    for (const auto& a : b.answers)
        if (a.question_id == "q_age") ++bands[a.value];
    CHECK(bands == std::map<std::string, int>{{"old", 12}, {"young", 12}});
    CHECK(b.manifest.coarsening.answers_removed == 0);
}

TEST_CASE("Bundle/visits flagged as repeat presses are exported as flagged and left out of the summary", "[bundle]") {
    test::ExportFixture f;
    f.add_visits(12);
    REQUIRE(f.store->flag_repeat("session100004"));
    ExportResult r;
    const BundleContents b = f.run_and_open(f.options(), &r);
    int flagged = 0;
    for (const auto& s : b.sessions) flagged += s.flagged_repeat;
    CHECK(flagged == 1);
    CHECK(b.summary_json.find("\"flagged_repeats_left_out\": \"*\"") != std::string::npos);
}
