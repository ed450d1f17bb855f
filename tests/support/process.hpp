// Running the real binaries from tests: a child process with captured output, and a private
// Xvfb display for each headless UI test (started with -displayfd, so parallel tests never
// race for a display number).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace dv::test {

struct ProcessResult {
    int exit_code = -1;  // -1 when killed by a signal
    int signal = 0;
    std::string out;
    std::string err;
};

// Runs argv[0] (a path) with the given arguments and extra environment; waits for it.
ProcessResult run_process(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {});

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

// The kiosk binary, the staff tool and the source tree, as built.
std::string kiosk_binary();
std::string tool_binary();

// Runs the kiosk under its own Xvfb at width×height with the given arguments.
ProcessResult run_kiosk_headless(const std::vector<std::string>& args, int width = 1920, int height = 1080);

}  // namespace dv::test
