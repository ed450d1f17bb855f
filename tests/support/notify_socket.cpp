// This file implements the stub notify socket (notify_socket.hpp).
#include "notify_socket.hpp"

#include <catch2/catch.hpp>

#include <cstdio>

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace dv::test {

NotifySocket::NotifySocket(std::string path) : m_path(std::move(path)) {
    m_fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", m_path.c_str());
    REQUIRE(bind(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
}

NotifySocket::~NotifySocket() {
    close(m_fd);
    unlink(m_path.c_str());
}

std::string NotifySocket::receive(int timeout_ms) {
    pollfd p{m_fd, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0) return {};
    char buf[512];
    const ssize_t n = recv(m_fd, buf, sizeof buf, 0);
    return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
}

}  // namespace dv::test
