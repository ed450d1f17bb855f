// A datagram socket standing in for systemd's NOTIFY_SOCKET, for tests of the kiosk as a
// service (READY=1, WATCHDOG=1).
#pragma once

#include <string>

namespace dv::test {

class NotifySocket {
public:
    explicit NotifySocket(std::string path);
    ~NotifySocket();
    NotifySocket(const NotifySocket&) = delete;
    NotifySocket& operator=(const NotifySocket&) = delete;
    // The next message, or "" if none arrives within timeout_ms.
    std::string receive(int timeout_ms);

private:
    std::string m_path;
    int m_fd = -1;
};

}  // namespace dv::test
