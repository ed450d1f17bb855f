// The real kiosk when its storage fails: a full disk mid-visit (made full and free again on
// cue by tests/support/full_disk_preload.cpp), a damaged database found at start-up, and the
// profile's retention_days at work.
#include "exchange/files.hpp"
#include "store/store.hpp"
#include "support/process.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace dv;
namespace fs = std::filesystem;

namespace {

std::string artefacts(const std::string& name) {
    const std::string dir = fs::current_path().string() + "/test-artefacts/" + name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string write_script(const test::TempDir& dir, const std::string& text) {
    const std::string path = dir.file("script.dvs");
    std::ofstream(path) << text;
    return path;
}

}  // namespace

TEST_CASE("Kiosk storage/a full disk mid-visit: not acknowledged, resting, recovers by itself", "[ui]") {
    test::TempDir data;
    const std::string data_dir = fs::canonical(data.path()).string();
    const std::string shots = artefacts("storage_full");
    test::Xvfb x(1920, 1080);
    const auto r = test::run_process(
        {test::kiosk_binary(), "--data", data_dir, "--script",
         test::source_dir() + "/tests/ui/scripts/storage_full.dvs", "--screenshots", shots},
        {{"DISPLAY", x.display()},
         {"LD_PRELOAD", FULL_DISK_PRELOAD},
         {"DATAVOICE_TEST_FULL_DIR", data_dir},
         {"ASAN_OPTIONS", "verify_asan_link_order=0"}});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);  // every expect-screen held: resting, never thank you
    CHECK(r.err.find("answer not saved") != std::string::npos);
    CHECK(r.err.find("accepts answers again") != std::string::npos);

    std::string error;
    auto store = Store::open(data_dir + "/datavoice.sqlite", error);
    REQUIRE(store);
    // Saved: the first visitor's first answer and the third visitor's. Not saved: the two
    // answers given while the disk was full.
    std::vector<std::string> stored;
    for (const auto& a : store->all_answers()) stored.push_back(a.question_id + "=" + a.value);
    CHECK(stored == std::vector<std::string>{"know_can_opt_out=yes", "know_can_opt_out=not_sure"});
    CHECK(store->session_count() == 2);
    CHECK(fs::file_size(shots + "/01-resting.png") > 10000);
}

TEST_CASE("Kiosk storage/a damaged database is moved aside at start-up and the warning printed", "[ui]") {
    test::TempDir data;
    const std::string db = data.file("datavoice.sqlite");
    {
        std::string error;
        auto store = Store::open(db, error);
        REQUIRE(store);
    }
    {
        std::fstream f(db, std::ios::binary | std::ios::in | std::ios::out);
        f.write("this is not a database header, it has been overwritten by junk......", 64);
    }
    const std::string script = write_script(data, "expect-screen attract\nquit\n");
    const auto r = test::run_kiosk_headless({"--data", data.path(), "--script", script, "--screenshots",
                                             artefacts("storage_damaged")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("damaged") != std::string::npos);
    int kept = 0;
    for (const auto& e : fs::directory_iterator(data.path()))
        if (e.path().filename().string().rfind("datavoice.sqlite.corrupt-", 0) == 0) ++kept;
    CHECK(kept == 1);
    std::string error;
    auto store = Store::open(db, error);
    REQUIRE(store);
    CHECK(store->startup_warnings().empty());
    REQUIRE(store->audit_log().size() == 1);
    CHECK(store->audit_log()[0].event == "database_moved_aside");
}

TEST_CASE("Kiosk storage/retention_days in the profile purges older exported visits between visitors and logs it", "[ui]") {
    test::TempDir data;
    const std::string db = data.file("datavoice.sqlite");
    const std::string today = SystemClock().local_now().date();
    {
        std::string error;
        auto store = Store::open(db, error);
        REQUIRE(store);
        for (const auto& [id, date] : {std::pair<std::string, std::string>{"old-visit", "2001-02-03"},
                                        {"old-not-exported", "2001-02-03"},
                                        {"new-visit", today}}) {
            PendingCommit p;
            p.session = {id, "default", "1.0.0", "h", "en", {date, "morning", false, 1}, "visitor"};
            p.answers.push_back({"aware", "", "yes", "h", false});
            REQUIRE(store->commit(p));
        }
        // A verified export took the old visit and today's; the other old one waits for one.
        ExportMark mark;
        mark.export_id = "e1";
        mark.bundle_name = "datavoice-test";
        mark.made_on = today;
        REQUIRE(store->mark_exported(mark, {{"old-visit", 1000}, {"new-visit", 1000}}));
    }
    std::string profile;
    std::string error;
    REQUIRE(read_text_file(test::source_dir() + "/firmware_profiles/floor-21in-1920x1080.toml", profile, error));
    const auto at = profile.find("retention_days = 0");
    REQUIRE(at != std::string::npos);
    profile.replace(at, 18, "retention_days = 30");
    std::ofstream(data.file("profile.toml")) << profile;

    const auto r = test::run_kiosk_headless({"--profile", data.file("profile.toml"), "--data", data.path(), "--script",
                                             write_script(data, "expect-screen attract\nquit\n"), "--screenshots",
                                             artefacts("storage_retention")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("removed 1 sessions") != std::string::npos);
    auto store = Store::open(db, error);
    REQUIRE(store);
    const auto sessions = store->sessions();
    REQUIRE(sessions.size() == 2);
    CHECK(sessions[0].session_id == "new-visit");
    CHECK(sessions[1].session_id == "old-not-exported");  // kept until an export takes it
    REQUIRE(store->audit_log().size() == 1);
    CHECK(store->audit_log()[0].event == "retention_purge");
}
