// Lockdown on the real kiosk under Xvfb: the close request a window manager sends for the
// close button or Alt+F4, and Escape, do not end a locked-down kiosk (they do end an unlocked
// one); staff mode's "Close program" does, cleanly and logged.
#include "store/store.hpp"
#include "support/notify_socket.hpp"
#include "support/process.hpp"
#include "support/test_pack.hpp"
#include "support/x_window.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include <sys/wait.h>

using namespace dv;

namespace {

// A kiosk started in the background on its own Xvfb, with the watchdog protocol so the test
// knows when its window is up (READY=1) and that its loop is still turning (WATCHDOG=1).
struct RunningKiosk {
    test::TempDir dir;
    test::NotifySocket sock{dir.file("notify")};
    test::Xvfb x{1920, 1080};
    int pid = -1;
    int status = 0;
    bool exited = false;

    explicit RunningKiosk(const std::string& shipped_profile) {
        pid = proc::spawn_background({test::kiosk_binary(), "--profile",
                                      test::source_dir() + "/firmware_profiles/" + shipped_profile, "--data", dir.path()},
                                     {{"DISPLAY", x.display()}, {"NOTIFY_SOCKET", dir.file("notify")},
                                      {"WATCHDOG_USEC", "1000000"}});
    }
    ~RunningKiosk() {
        if (!exited) proc::stop_background(pid);
    }
    bool wait_ready() {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (std::chrono::steady_clock::now() < deadline)
            if (sock.receive(1000) == "READY=1") return true;
        return false;
    }
    // Counts the kiosk's watchdog pings until `pings` arrived, it exited, or 20 s passed.
    int watch(int pings) {
        int seen = 0;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (seen < pings && std::chrono::steady_clock::now() < deadline && !has_exited())
            seen += sock.receive(500) == "WATCHDOG=1";
        return seen;
    }
    bool has_exited() {
        if (!exited && waitpid(pid, &status, WNOHANG) == pid) exited = true;
        return exited;
    }
};

}  // namespace

TEST_CASE("Kiosk lockdown/the window close request, Alt+F4 and Escape are refused and the kiosk keeps running",
          "[ui][lockdown]") {
    RunningKiosk k("desk-15in-1920x1080.toml");  // lockdown = true
    REQUIRE(k.wait_ready());
    REQUIRE(test::request_window_close(k.x.display(), "datavoice"));
    REQUIRE(test::send_key(k.x.display(), "datavoice", "F4", true));
    REQUIRE(test::send_key(k.x.display(), "datavoice", "Escape"));
    CHECK(k.watch(4) == 4);  // two more seconds of a turning loop
    CHECK_FALSE(k.has_exited());
}

TEST_CASE("Kiosk lockdown/without lockdown the same close request ends the kiosk", "[ui][lockdown]") {
    RunningKiosk k("floor-21in-1920x1080.toml");  // lockdown = false
    REQUIRE(k.wait_ready());
    REQUIRE(test::request_window_close(k.x.display(), "datavoice"));
    k.watch(40);
    REQUIRE(k.has_exited());
    CHECK(WIFEXITED(k.status));
    CHECK(WEXITSTATUS(k.status) == 0);
}

TEST_CASE("Kiosk lockdown/Close program in staff mode ends the kiosk cleanly and is logged", "[ui][lockdown][staff]") {
    test::TempDir dir;
    const auto setup = test::run_process({test::kiosk_binary(), "--data", dir.path(), "--set-pin"}, {}, "2468\n");
    INFO(setup.err);
    REQUIRE(setup.exit_code == 0);
    const std::string shots = test::fresh_artefacts_dir("staff_close_program");
    const auto r = test::run_kiosk_headless(
        {"--profile", test::source_dir() + "/firmware_profiles/desk-15in-1920x1080.toml", "--data", dir.path(),
         "--script", test::source_dir() + "/tests/ui/scripts/staff_close_program.dvs", "--screenshots", shots});
    INFO(r.err);
    CHECK(r.exit_code == 0);  // 3 would mean the script went past the confirmation
    CHECK(r.err.find("closed by staff") != std::string::npos);
    std::string error;
    auto store = Store::open(dir.file("datavoice.sqlite"), error);
    REQUIRE(store);
    bool logged = false;
    for (const auto& e : store->audit_log()) logged |= e.event == "staff_exit" && e.detail == "closed the program";
    CHECK(logged);
}
