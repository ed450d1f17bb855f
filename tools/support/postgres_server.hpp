// A throwaway PostgreSQL server for tests and benchmarks: Debian's server binaries
// (/usr/lib/postgresql/N/bin), a fresh cluster made with initdb in a temporary folder,
// listening only on a Unix socket in that folder, run as the `postgres` user when we are root.
// Stopped and removed by the destructor, so a failing test still cleans up.
#pragma once

#include <string>

namespace dv::proc {

class PostgresServer {
public:
    PostgresServer();  // does nothing until start()
    ~PostgresServer();
    PostgresServer(const PostgresServer&) = delete;
    PostgresServer& operator=(const PostgresServer&) = delete;

    // Makes the cluster and starts the server. False with error when it cannot.
    bool start(std::string& error);
    void stop();
    // A libpq URI for the server's "postgres" database.
    std::string uri() const;

private:
    std::string m_dir;
    std::string m_bin;
    bool m_running = false;
};

}  // namespace dv::proc
