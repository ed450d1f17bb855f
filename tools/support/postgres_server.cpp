// This file implements the throwaway PostgreSQL server (see postgres_server.hpp).
#include "postgres_server.hpp"

#include "subprocess.hpp"

#include <filesystem>
#include <pwd.h>
#include <unistd.h>
#include <vector>

namespace dv::proc {

namespace fs = std::filesystem;

namespace {

std::string find_bin() {
    std::string best;
    std::error_code ec;
    for (fs::directory_iterator it("/usr/lib/postgresql", ec), end; !ec && it != end; it.increment(ec))
        if (fs::exists(it->path() / "bin/pg_ctl")) best = std::max(best, (it->path() / "bin").string());
    return best;
}

// As the postgres user when we are root (the server refuses to run as root).
std::vector<std::string> as_owner(std::vector<std::string> argv) {
    if (geteuid() != 0) return argv;
    std::vector<std::string> out = {"/usr/sbin/runuser", "-u", "postgres", "--"};
    out.insert(out.end(), argv.begin(), argv.end());
    return out;
}

}  // namespace

PostgresServer::PostgresServer() = default;

PostgresServer::~PostgresServer() { stop(); }

bool PostgresServer::start(std::string& error) {
    m_bin = find_bin();
    if (m_bin.empty()) {
        error = "PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)";
        return false;
    }
    std::string tmpl = (fs::temp_directory_path() / "datavoice-pg-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) {
        error = "mkdtemp failed";
        return false;
    }
    m_dir = tmpl;
    if (geteuid() == 0) {
        const passwd* pw = getpwnam("postgres");
        if (!pw || chown(m_dir.c_str(), pw->pw_uid, pw->pw_gid) != 0) {
            error = "no postgres user to run the server as";
            return false;
        }
    }
    auto r = run_process(as_owner({m_bin + "/initdb", "-D", m_dir + "/data", "-A", "trust", "-U", "postgres",
                                   "--locale=C", "-E", "UTF8", "--no-sync"}));
    if (r.exit_code != 0) {
        error = "initdb failed: " + r.err;
        return false;
    }
    r = run_process(as_owner({m_bin + "/pg_ctl", "-D", m_dir + "/data", "-l", m_dir + "/server.log", "-w", "-t", "60",
                              "-o", "-c listen_addresses='' -c unix_socket_directories='" + m_dir + "'", "start"}));
    if (r.exit_code != 0) {
        error = "pg_ctl start failed: " + r.out + r.err;
        return false;
    }
    m_running = true;
    return true;
}

void PostgresServer::stop() {
    if (m_running) run_process(as_owner({m_bin + "/pg_ctl", "-D", m_dir + "/data", "-m", "fast", "-w", "stop"}));
    m_running = false;
    if (!m_dir.empty()) {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
        m_dir.clear();
    }
}

std::string PostgresServer::uri() const { return "postgresql://postgres@/postgres?host=" + m_dir; }

}  // namespace dv::proc
