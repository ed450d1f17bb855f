// The export test fixture (see export_fixture.hpp).
#include "export_fixture.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

namespace dv::test {

PendingCommit visit_to(const Pack& pack, const std::string& session_id, const std::string& date,
                       const std::string& part_of_day, int boot) {
    PendingCommit p;
    p.session.session_id = session_id;
    p.session.pack_id = pack.id;
    p.session.pack_version = pack.version;
    p.session.pack_hash = pack.hash;
    p.session.language = "en";
    p.session.stamp = {date, part_of_day, false, boot};
    return p;
}

ExportFixture::ExportFixture() {
    std::string error;
    store = Store::open(dir.file("datavoice.sqlite"), error);  // the kiosk's own file name
    REQUIRE(store);
    ledger = std::make_unique<StoreLedger>(*store, clock);
    drive = dir.file("drive");
    std::filesystem::create_directories(drive);
    REQUIRE(store->set_setting(kSettingSiteLabel, "St Mary's Surgery, Norwich"));
}

void ExportFixture::add_visits(int n, int first) {
    const Pack& pack = tiny_pack();
    const auto hash = [&](const char* q) { return pack.default_content().question(q)->content_hash; };
    for (int i = first; i < first + n; ++i) {
        PendingCommit p = visit_to(pack, "session" + std::to_string(100000 + i), i % 2 ? "2025-11-21" : "2025-11-22",
                                   i % 2 ? "morning" : "afternoon", 2);
        if (i % 4 == 3) p.session.language = "cy";
        const char* single[] = {"yes", "no", "not_sure"};
        p.answers.push_back({"q_single", "", single[i % 3], hash("q_single"), false});
        p.answers.push_back({"q_multi", "", i % 2 ? "m1;m3" : "m2", hash("q_multi"), false});
        p.answers.push_back({"q_view", "first", "yes", hash("q_view"), false});
        p.answers.push_back({"q_view", "second", i % 5 ? "yes" : "no", hash("q_view"), false});
        if (i % 3 == 0) {
            p.answers.push_back({"q_single", "", "no", hash("q_single"), false});
            p.answers.push_back({"q_age", "", "", hash("q_age"), true});
        }
        REQUIRE(store->commit(p));
    }
}

ExportOptions ExportFixture::options() const {
    ExportOptions o;
    o.drive_dir = drive;
    o.pack = &tiny_pack();
    o.today = "2025-11-23";
    return o;
}

BundleContents ExportFixture::run_and_open(const ExportOptions& o, ExportResult* result) {
    PosixFileOps posix;
    const ExportResult r = run(posix, o);
    INFO(r.message);
    REQUIRE(r.status == ExportResult::Status::Done);
    BundleContents b;
    std::string error;
    INFO(error);
    REQUIRE(open_bundle(r.bundle_dir, nullptr, b, error));
    if (result) *result = r;
    return b;
}

ExportResult ExportFixture::run(FileOps& fs, ExportOptions o) {
    ExportJob job(*ledger, fs, std::move(o));
    job.run();
    return job.result();
}

}  // namespace dv::test
