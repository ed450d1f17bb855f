// Tests only: a kiosk data folder for headless staff-mode tests — the staff PIN 2468, the
// site "Riverside Surgery", a media root holding one folder standing in for a USB drive, a
// hardware profile (any of firmware_profiles/) pointing at it, and visits written through
// the real store.
#pragma once

#include "store/store.hpp"
#include "support/process.hpp"
#include "support/test_pack.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace dv::test {

// tests/ui/scripts/NAME
std::string ui_script(const std::string& name);

struct StaffKiosk {
    TempDir dir;
    std::string data = dir.file("data"), media = dir.file("media"), drive = dir.file("media/drive");
    std::string profile = dir.file("profile.toml");
    int width = 1920, height = 1080;  // the profile's screen, for Xvfb
    std::map<std::string, std::string> env;  // extra environment for run()

    explicit StaffKiosk(const std::string& profile_name = "floor-21in-1920x1080", int width = 1920, int height = 1080);
    // Runs a script (a name in tests/ui/scripts, or a path) headless, screenshots into shots.
    ProcessResult run(const std::string& script_name, const std::string& shots) const;
    std::unique_ptr<Store> store() const;
    // n visits as if visitors had answered the default pack's "aware" question, over three days.
    void add_visits(int n) const;
    std::vector<std::string> audit_events() const;
};

}  // namespace dv::test
