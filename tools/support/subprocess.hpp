// Running the real binaries from tests and benchmarks: a child process with captured output,
// and a private Xvfb display for each headless run (started with -displayfd, so parallel runs
// never race for a display number).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace dv::proc {

struct ProcessResult {
    int exit_code = -1;  // -1 when killed by a signal
    int signal = 0;
    long max_rss_kb = 0;  // the child's peak resident memory
    std::string out;
    std::string err;
};

// Runs argv[0] (a path) with the given arguments and extra environment; waits for it.
// Standard input holds `input` (empty unless given).
ProcessResult run_process(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {},
                          const std::string& input = {});

class Xvfb {
public:
    Xvfb(int width, int height);
    ~Xvfb();
    Xvfb(const Xvfb&) = delete;
    Xvfb& operator=(const Xvfb&) = delete;
    const std::string& display() const { return m_display; }  // ":N"

private:
    int m_pid = -1;
    std::string m_display;
};

// Starts a child that keeps running (output to /dev/null); returns its pid.
int spawn_background(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {});
// Stops a background child (SIGTERM, then waits).
void stop_background(int pid);
// CPU seconds (user + system) a running process has used so far, from /proc/PID/stat.
double cpu_seconds(int pid);
// Starts argv in the background, lets it settle for warmup_seconds, then returns the share
// of one core it used over the next `seconds` (0.01 = 1 %), and stops it.
double cpu_share(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                 double warmup_seconds, double seconds);

}  // namespace dv::proc
