// Staff mode on the real kiosk under Xvfb: the hidden gesture, the PIN keypad and its
// lockout across a restart, an export to a folder standing in for a USB drive (then checked
// with the staff tools' reader), and a drive that a visitor's session never touches.
#include "exchange/bundle.hpp"
#include "exchange/bundle_read.hpp"
#include "store/store.hpp"
#include "support/export_fixture.hpp"
#include "support/process.hpp"
#include "support/staff_kiosk.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <sys/inotify.h>
#include <unistd.h>

using namespace dv;
namespace fs = std::filesystem;

namespace {

using test::StaffKiosk;

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// Every open, read, write or listing of a folder, seen through inotify.
class FolderWatch {
public:
    explicit FolderWatch(const std::vector<std::string>& dirs) : m_fd(inotify_init1(IN_NONBLOCK)) {
        REQUIRE(m_fd >= 0);
        for (const auto& d : dirs) REQUIRE(inotify_add_watch(m_fd, d.c_str(), IN_ALL_EVENTS) >= 0);
    }
    ~FolderWatch() { close(m_fd); }
    int events() {
        alignas(inotify_event) char buf[8192];
        int n = 0;
        ssize_t len;
        while ((len = read(m_fd, buf, sizeof buf)) > 0)
            for (char* p = buf; p < buf + len; p += sizeof(inotify_event) + reinterpret_cast<inotify_event*>(p)->len) ++n;
        return n;
    }

private:
    int m_fd;
};

}  // namespace

TEST_CASE("Kiosk staff/gesture, PIN and an export to a drive give a bundle that verifies", "[ui][staff]") {
    StaffKiosk k;
    k.add_visits(25);
    const std::string shots = test::fresh_artefacts_dir("staff_export");
    const auto r = k.run("staff_export.dvs", shots);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);

    std::vector<fs::path> bundles;
    for (const auto& e : fs::directory_iterator(k.drive)) bundles.push_back(e.path());
    REQUIRE(bundles.size() == 1);
    // Eight or nine visits a day: too few alone, so they were pooled into their ISO week.
    CHECK(bundles[0].filename().string().rfind("datavoice-riverside-surgery-20251117-20251123-", 0) == 0);
    BundleContents b;
    std::string error;
    REQUIRE(open_bundle(bundles[0].string(), nullptr, b, error));
    CHECK(b.manifest.sessions == 25);
    CHECK(b.manifest.answers == 25);
    CHECK(b.manifest.site_label == "Riverside Surgery");
    CHECK(b.sessions.size() == 25);

    auto store = k.store();
    REQUIRE(store->exports().size() == 1);
    // The key whose fingerprint staff home showed (made there, before any export) signed it.
    const auto kiosk_key_text = store->setting(kSettingKioskKey);
    REQUIRE(kiosk_key_text);
    const auto kiosk_key = parse_kiosk_key(*kiosk_key_text);
    REQUIRE(kiosk_key);
    CHECK(key_fingerprint(b.manifest.kiosk_key) == key_fingerprint(kiosk_key->pub));
    CHECK(store->staff_totals().sessions_not_exported == 0);
    const auto events = k.audit_events();
    for (const char* e : {"settings_change", "staff_unlock", "export", "staff_exit"}) CHECK(has(events, e));
    for (const char* shot : {"01-keypad", "02-home", "03-export", "04-exporting", "05-export-result", "06-home-after",
                             "07-purge"})
        CHECK(fs::file_size(shots + "/" + shot + ".png") > 10000);
}

TEST_CASE("Kiosk staff/five wrong PINs lock staff mode, and the lockout holds after a restart", "[ui][staff]") {
    StaffKiosk k;
    const std::string shots = test::fresh_artefacts_dir("staff_lockout");
    const auto first = k.run("staff_wrong_pin.dvs", shots);
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    auto events = k.audit_events();
    CHECK(std::count(events.begin(), events.end(), "staff_pin_wrong") == 4);
    CHECK(has(events, "staff_lockout"));

    // A new process: the lockout came from the settings table, and the right PIN cannot
    // even be typed (the keys are disabled; the script's taps change nothing).
    const auto second = k.run("staff_after_restart.dvs", shots);
    INFO(second.err);
    REQUIRE(second.exit_code == 0);
    events = k.audit_events();
    CHECK_FALSE(has(events, "staff_unlock"));
    CHECK(fs::file_size(shots + "/03-still-locked-after-restart.png") > 10000);
}

TEST_CASE("Kiosk staff/a drive plugged in during a visitor's journey is never touched", "[ui][staff]") {
    StaffKiosk k;
    std::ofstream(k.drive + "/pack.toml") << "id = \"not-ours\"\n";
    FolderWatch watch({k.media, k.drive});
    const auto journey = k.run("journey_with_drive.dvs", test::fresh_artefacts_dir("staff_drive_untouched"));
    INFO(journey.err);
    REQUIRE(journey.exit_code == 0);
    CHECK(k.store()->session_count() == 1);  // the visit happened
    CHECK(watch.events() == 0);              // and nothing looked at the drive
    CHECK(fs::exists(k.drive + "/pack.toml"));
    CHECK(std::distance(fs::directory_iterator(k.drive), fs::directory_iterator()) == 1);

    // The same watch sees staff mode list the drives, so it would have seen a visitor's too.
    const auto staff = k.run("staff_list_drives.dvs", test::fresh_artefacts_dir("staff_drive_untouched_control"));
    INFO(staff.err);
    REQUIRE(staff.exit_code == 0);
    CHECK(watch.events() > 0);
}
