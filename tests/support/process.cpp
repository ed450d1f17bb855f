// Running the built kiosk headless for the UI tests.
#include "process.hpp"

namespace dv::test {

std::string kiosk_binary() { return DATAVOICE_KIOSK_BINARY; }
std::string tool_binary() { return DATAVOICE_TOOL_BINARY; }

ProcessResult run_kiosk_headless(const std::vector<std::string>& args, int width, int height) {
    proc::Xvfb x(width, height);
    std::vector<std::string> argv{kiosk_binary()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, {{"DISPLAY", x.display()}});
}

}  // namespace dv::test
