// Export faults: a full drive, a read-only drive, a drive pulled mid-write, a folder already
// there, bytes that read back wrong. Each time: one clear message, no manifest.json, nothing
// marked as exported, and the next export succeeds (bundle.hpp invariants 4, 5, 6).
#include "exchange/bundle_read.hpp"
#include "support/export_fixture.hpp"
#include "support/faulty_file_ops.hpp"

#include <catch2/catch.hpp>

#include <cerrno>
#include <filesystem>
#include <fstream>

using namespace dv;
namespace fs = std::filesystem;

namespace {

bool any_manifest(const std::string& dir) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); ++it)
        if (it->path().filename() == "manifest.json") return true;
    return false;
}

// After a failed export: nothing marked, no manifest, and the next export takes everything.
void check_recovers(test::ExportFixture& f, int sessions) {
    CHECK(f.store->exports().empty());
    CHECK(f.store->staff_totals().sessions_not_exported == sessions);
    CHECK_FALSE(any_manifest(f.drive));
    fs::create_directories(f.drive);
    const ExportResult next = f.run();
    INFO(next.message);
    REQUIRE(next.status == ExportResult::Status::Done);
    CHECK(next.sessions == sessions);
    Manifest m;
    std::string error;
    CHECK(verify_bundle(next.bundle_dir, m, error));
    const auto log = f.store->audit_log();
    REQUIRE(log.size() >= 2);
    CHECK(log[log.size() - 2].event == "export_failed");
    CHECK(log.back().event == "export");
}

}  // namespace

TEST_CASE("Bundle faults/(4)(5) a full drive: clear message, no manifest, nothing marked, next export works",
          "[bundle][faults]") {
    test::ExportFixture f;
    f.add_visits(300);
    test::FaultyFileOps drive;
    drive.space_left = 60000;  // sessions.csv fits; answers.csv does not
    const ExportResult r = f.run(drive, f.options());
    CHECK(r.status == ExportResult::Status::Failed);
    CHECK(r.message ==
          "Export stopped: the drive is full (writing answers.csv). Nothing was marked as exported; fix the drive "
          "and export again.");
    // What it wrote is cleaned up, folder and all.
    CHECK(fs::is_empty(f.drive));
    check_recovers(f, 300);
}

TEST_CASE("Bundle faults/(4)(5) a drive pulled mid-write: the folder vanishes, writes fail", "[bundle][faults]") {
    test::ExportFixture f;
    f.add_visits(200);
    test::FaultyFileOps drive;
    drive.drive_dir = f.drive;
    drive.vanish_after_writes = 1;  // sessions.csv is written; the drive goes during answers.csv
    const ExportResult r = f.run(drive, f.options());
    CHECK(r.status == ExportResult::Status::Failed);
    CHECK(r.message.find("the drive was removed or stopped working") != std::string::npos);
    CHECK(drive.vanished());
    CHECK_FALSE(fs::exists(f.drive));
    check_recovers(f, 200);
}

TEST_CASE("Bundle faults/(4) the bundle folder disappears between stages", "[bundle][faults]") {
    // The real file system, driven stage by stage, with the folder removed under the job.
    test::ExportFixture f;
    f.add_visits(20);
    PosixFileOps posix;
    ExportJob job(*f.ledger, posix, f.options());
    while (job.stage() != ExportJob::Stage::WritingAnswers) REQUIRE(job.step());
    fs::remove_all(f.drive);
    job.run();
    CHECK(job.stage() == ExportJob::Stage::Failed);
    CHECK(job.result().message.find("the drive was removed or stopped working") != std::string::npos);
    check_recovers(f, 20);
}

TEST_CASE("Bundle faults/(4) a read-only drive is named as such and nothing is written", "[bundle][faults]") {
    test::ExportFixture f;
    f.add_visits(12);
    test::FaultyFileOps drive;
    drive.make_dir_error = EROFS;
    const ExportResult r = f.run(drive, f.options());
    CHECK(r.status == ExportResult::Status::Failed);
    CHECK(r.message.find("the drive is read-only") != std::string::npos);
    CHECK(fs::is_empty(f.drive));
    check_recovers(f, 12);
}

TEST_CASE("Bundle faults/(6) a folder with the same name already there is left untouched", "[bundle][faults]") {
    test::ExportFixture f;
    f.add_visits(12);
    ExportOptions o = f.options();
    o.export_id = "0123456789abcdef";
    // 12 visits, six a day: coarsened into their ISO week, which names the folder.
    const std::string name = bundle_name("St Mary's Surgery, Norwich", "2025-11-17", "2025-11-23", o.export_id);
    fs::create_directories(f.drive + "/" + name);
    {
        std::ofstream keep(f.drive + "/" + name + "/notes.txt");
        keep << "someone else's file\n";
    }
    PosixFileOps posix;
    const ExportResult r = f.run(posix, o);
    CHECK(r.status == ExportResult::Status::Failed);
    CHECK(r.message.find("a folder named " + name + " is already on the drive") != std::string::npos);
    CHECK(fs::exists(f.drive + "/" + name + "/notes.txt"));
    CHECK(std::distance(fs::directory_iterator(f.drive + "/" + name), fs::directory_iterator()) == 1);
    check_recovers(f, 12);
}

TEST_CASE("Bundle faults/(3)(5) bytes that read back wrong fail the export and the manifest is removed",
          "[bundle][faults]") {
    test::ExportFixture f;
    f.add_visits(12);
    test::FaultyFileOps drive;
    drive.corrupt_on_read = "answers.csv";
    const ExportResult r = f.run(drive, f.options());
    CHECK(r.status == ExportResult::Status::Failed);
    CHECK(r.message.find("answers.csv read back differently") != std::string::npos);
    check_recovers(f, 12);
}

TEST_CASE("Bundle faults/a missing drive is named before anything is written", "[bundle][faults]") {
    test::ExportFixture f;
    f.add_visits(12);
    ExportOptions o = f.options();
    o.drive_dir = f.dir.file("not-plugged-in");
    PosixFileOps posix;
    const ExportResult r = f.run(posix, o);
    CHECK(r.status == ExportResult::Status::Failed);
    CHECK(r.message.find("the drive was removed or stopped working (looking for the drive)") != std::string::npos);
    check_recovers(f, 12);
}

TEST_CASE("Bundle faults/(4)(5) answers that cannot be read stop the export before anything is marked",
          "[bundle][faults]") {
    // The export reads the answers on a connection of its own; here the database file has
    // gone from its path (the kiosk's own connection keeps working).
    test::ExportFixture f;
    f.add_visits(30);
    const std::string path = f.store->path(), aside = path + ".aside";
    fs::rename(path, aside);
    PosixFileOps posix;
    const ExportResult r = f.run(posix, f.options());
    fs::rename(aside, path);
    CHECK(r.status == ExportResult::Status::Failed);
    CHECK(r.message.rfind("Export stopped: the kiosk could not read its answers (open the answers to export: ", 0) == 0);
    CHECK(fs::is_empty(f.drive));
    check_recovers(f, 30);
}
