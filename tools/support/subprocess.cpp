// Child processes and private Xvfb displays for the tests.
#include "subprocess.hpp"

#include <cerrno>
#include <chrono>
#include <thread>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace dv::proc {

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string temp_file() {
    char tmpl[] = "/tmp/datavoice-out-XXXXXX";
    const int fd = mkstemp(tmpl);
    if (fd < 0) throw std::runtime_error("mkstemp failed");
    close(fd);
    return tmpl;
}

// Forks a child with stdin/stdout/stderr on the given paths and the extra environment, and
// runs argv in it. Returns the child's pid (the child never returns).
pid_t start_child(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                  const char* in_path, const char* out_path, const char* err_path) {
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid > 0) return pid;
    dup2(open(in_path, O_RDONLY), 0);
    dup2(open(out_path, O_WRONLY | O_TRUNC), 1);
    dup2(open(err_path, O_WRONLY | O_TRUNC), 2);
    for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    std::fprintf(stderr, "cannot run %s: %s\n", args[0], std::strerror(errno));
    _exit(127);
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                          const std::string& input) {
    const std::string out_path = temp_file(), err_path = temp_file(), in_path = temp_file();
    std::ofstream(in_path, std::ios::binary) << input;
    const pid_t pid = start_child(argv, env, in_path.c_str(), out_path.c_str(), err_path.c_str());
    int status = 0;
    struct rusage usage {};
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    ProcessResult r;
    r.max_rss_kb = usage.ru_maxrss;
    if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
    r.out = slurp(out_path);
    r.err = slurp(err_path);
    unlink(out_path.c_str());
    unlink(err_path.c_str());
    unlink(in_path.c_str());
    return r;
}

Xvfb::Xvfb(int width, int height) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    const std::string screen = std::to_string(width) + "x" + std::to_string(height) + "x24";
    m_pid = fork();
    if (m_pid < 0) throw std::runtime_error("fork failed");
    if (m_pid == 0) {
        close(fds[0]);
        const int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        dup2(devnull, 2);
        const std::string fd = std::to_string(fds[1]);
        execl("/usr/bin/Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", screen.c_str(), "-nolisten", "tcp",
              "-noreset", static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    // Xvfb writes the display number once it accepts connections.
    std::string number;
    char c;
    while (read(fds[0], &c, 1) == 1 && c != '\n') number += c;
    close(fds[0]);
    if (number.empty()) {
        kill(m_pid, SIGTERM);
        waitpid(m_pid, nullptr, 0);
        throw std::runtime_error("Xvfb did not start (is the xvfb package installed?)");
    }
    m_display = ":" + number;
}

Xvfb::~Xvfb() {
    if (m_pid > 0) {
        kill(m_pid, SIGTERM);
        waitpid(m_pid, nullptr, 0);
    }
}

int spawn_background(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env) {
    return start_child(argv, env, "/dev/null", "/dev/null", "/dev/null");
}

void stop_background(int pid) {
    if (pid <= 0) return;
    kill(pid, SIGTERM);
    waitpid(pid, nullptr, 0);
}

double cpu_seconds(int pid) {
    const std::string stat = slurp("/proc/" + std::to_string(pid) + "/stat");
    const size_t close = stat.rfind(')');
    if (close == std::string::npos || close + 2 > stat.size()) return 0;
    std::istringstream rest(stat.substr(close + 2));
    std::string field;
    long long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {
        if (i == 14) utime = std::atoll(field.c_str());
        if (i == 15) stime = std::atoll(field.c_str());
    }
    return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double cpu_share(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                 double warmup_seconds, double seconds) {
    using clock = std::chrono::steady_clock;
    const int pid = spawn_background(argv, env);
    std::this_thread::sleep_for(std::chrono::duration<double>(warmup_seconds));  // start-up is not idle
    const double c0 = cpu_seconds(pid);
    const auto t0 = clock::now();
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    const double c1 = cpu_seconds(pid);
    const double elapsed = std::chrono::duration<double>(clock::now() - t0).count();
    stop_background(pid);
    return (c1 - c0) / elapsed;
}

}  // namespace dv::proc
