// The kiosk as a service: the systemd watchdog protocol against a stub notify socket, and
// sleeping outside opening hours.
#include "store/store.hpp"
#include "support/process.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <string>
#include <vector>

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace dv;

namespace {

// A datagram socket standing in for systemd's NOTIFY_SOCKET.
class NotifySocket {
public:
    explicit NotifySocket(const std::string& path) : m_path(path) {
        m_fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path.c_str());
        REQUIRE(bind(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    }
    ~NotifySocket() {
        close(m_fd);
        unlink(m_path.c_str());
    }
    // The next message, or "" if none arrives within timeout_ms.
    std::string receive(int timeout_ms) {
        pollfd p{m_fd, POLLIN, 0};
        if (poll(&p, 1, timeout_ms) <= 0) return {};
        char buf[512];
        const ssize_t n = recv(m_fd, buf, sizeof buf, 0);
        return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
    }

private:
    std::string m_path;
    int m_fd = -1;
};

}  // namespace

TEST_CASE("Kiosk service/announces READY=1 and sends WATCHDOG=1 while idle", "[ui][watchdog]") {
    test::TempDir dir;
    NotifySocket sock(dir.file("notify"));
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
    std::ifstream in(test::source_dir() + "/firmware_profiles/floor-21in-1920x1080.toml");
    std::string profile((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    profile.replace(profile.find("opens = \"00:00\""), 15, "opens = \"08:00\"");
    profile.replace(profile.find("closes = \"24:00\""), 16, "closes = \"18:30\"");
    std::ofstream(dir.file("profile.toml")) << profile;
    std::ofstream(dir.file("night.dvs")) << "dump-widgets 01-asleep\nscreenshot 01-asleep\ntap-at 960 540\nwait 2\n"
                                            "dump-widgets 02-notice\nscreenshot 02-notice\nquit\n";
    test::Xvfb x(1920, 1080);
    const auto r = test::run_process({test::kiosk_binary(), "--profile", dir.file("profile.toml"), "--data", dir.path(),
                                      "--script", dir.file("night.dvs"), "--screenshots", dir.path()},
                                     {{"DISPLAY", x.display()}, {"DATAVOICE_TEST_WALL_CLOCK", "2030-06-01 22:15"}});
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
