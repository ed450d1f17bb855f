// The kiosk as a service: the systemd watchdog protocol against a stub notify socket, and
// sleeping outside opening hours.
#include "store/store.hpp"
#include "support/notify_socket.hpp"
#include "support/process.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>


using namespace dv;

namespace {

// A copy of a shipped profile open 08:00 to 18:30; tests run it at 22:15 (DATAVOICE_TEST_WALL_CLOCK, read by
// tests/support/fake_clock_preload.cpp).
std::string closed_profile(const test::TempDir& dir, const std::string& shipped) {
    std::ifstream in(test::source_dir() + "/firmware_profiles/" + shipped);
    std::string profile((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    profile.replace(profile.find("opens = \"00:00\""), 15, "opens = \"08:00\"");
    profile.replace(profile.find("closes = \"24:00\""), 16, "closes = \"18:30\"");
    std::ofstream(dir.file("profile.toml")) << profile;
    return dir.file("profile.toml");
}
constexpr const char* kNight = "2030-06-01 22:15";

}  // namespace

TEST_CASE("Kiosk service/announces READY=1 and sends WATCHDOG=1 while idle", "[ui][watchdog]") {
    test::TempDir dir;
    test::NotifySocket sock(dir.file("notify"));
    test::Xvfb x(1920, 1080);
    const int pid = proc::spawn_background(
        {test::kiosk_binary(), "--data", dir.path()},
        {{"DISPLAY", x.display()}, {"NOTIFY_SOCKET", dir.file("notify")}, {"WATCHDOG_USEC", "1000000"}});
    bool ready = false;
    int pings = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline && !(ready && pings >= 3)) {
        const std::string m = sock.receive(1000);
        if (m == "READY=1") ready = true;
        if (m == "WATCHDOG=1") ++pings;
    }
    proc::stop_background(pid);
    CHECK(ready);
    CHECK(pings >= 3);  // a 1 s watchdog needs a ping at least every 0.5 s, even on the idle attract screen
}

TEST_CASE("Kiosk service/outside opening hours the screen sleeps and a tap says when it wakes", "[ui][hours]") {
    test::TempDir dir;
    closed_profile(dir, "floor-21in-1920x1080.toml");
    std::ofstream(dir.file("night.dvs")) << "dump-widgets 01-asleep\nscreenshot 01-asleep\ntap-at 960 540\nwait 2\n"
                                            "dump-widgets 02-notice\nscreenshot 02-notice\nquit\n";
    test::Xvfb x(1920, 1080);
    const auto r = test::run_process({test::kiosk_binary(), "--profile", dir.file("profile.toml"), "--data", dir.path(),
                                      "--script", dir.file("night.dvs"), "--screenshots", dir.path()},
                                     {{"DISPLAY", x.display()}, {"DATAVOICE_TEST_WALL_CLOCK", kNight}, {"LD_PRELOAD", FAKE_CLOCK_PRELOAD}});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto read = [&](const char* name) {
        std::ifstream f(dir.file(name));
        return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    };
    const std::string asleep = read("01-asleep.json"), notice = read("02-notice.json");
    CHECK(asleep.find("\"id\": \"start\"") == std::string::npos);  // nothing to tap, nothing shown
    CHECK(asleep.find("closed_notice") == std::string::npos);
    CHECK(notice.find("closed_notice") != std::string::npos);
}

// The loop still wakes (for the watchdog, every 0.5 s here) but a blank closed screen has
// nothing due, so it must not be redrawn: before the fix it was redrawn on every pass.
TEST_CASE("Kiosk service/asleep outside opening hours it draws nothing until touched", "[ui][hours][power]") {
    test::TempDir dir;
    const std::string profile = closed_profile(dir, "pi-7in-800x480.toml");
    test::NotifySocket sock(dir.file("notify"));
    test::Xvfb x(800, 480);
    const double run_seconds = 4;
    const auto r = test::run_process(
        {test::kiosk_binary(), "--profile", profile, "--data", dir.path(), "--frame-stats", dir.file("frames.txt"),
         "--quit-after", std::to_string(run_seconds)},
        {{"DISPLAY", x.display()}, {"DATAVOICE_TEST_WALL_CLOCK", kNight}, {"LD_PRELOAD", FAKE_CLOCK_PRELOAD}, {"NOTIFY_SOCKET", dir.file("notify")},
         {"WATCHDOG_USEC", "1000000"}});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    int pings = 0;
    for (std::string m = sock.receive(0); !m.empty(); m = sock.receive(0)) pings += m == "WATCHDOG=1";
    // Frames after the start-up ones (drawn back to back within the first second).
    std::ifstream frames(dir.file("frames.txt"));
    std::string line;
    std::getline(frames, line);
    int total = 0, later = 0;
    double build = 0, frame = 0, at = 0;
    while (std::getline(frames, line)) {
        REQUIRE(std::sscanf(line.c_str(), "%lf %lf %lf", &build, &frame, &at) == 3);
        ++total;
        if (at > 1.0) ++later;
    }
    INFO(total << " frames in " << run_seconds << " s, " << later << " after the first second; " << pings << " pings");
    CHECK(total >= 1);        // it did show the (black) screen
    CHECK(pings >= 5);        // and the loop kept waking for the watchdog: it was alive, not hung
    CHECK(later <= 2);        // but none of those wake-ups drew a frame
}
