// Running the built kiosk headless for the UI tests.
#include "process.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace dv::test {

std::string kiosk_binary() { return DATAVOICE_KIOSK_BINARY; }
std::string tool_binary() { return DATAVOICE_TOOL_BINARY; }

std::string fresh_artefacts_dir(const std::string& name) {
    const std::string dir = std::filesystem::current_path().string() + "/test-artefacts/" + name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

ProcessResult run_kiosk_headless(const std::vector<std::string>& args, int width, int height,
                                 const std::map<std::string, std::string>& env) {
    proc::Xvfb x(width, height);
    std::vector<std::string> argv{kiosk_binary()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::map<std::string, std::string> all = env;
    all["DISPLAY"] = x.display();
    // The comparison group is drawn at random in the shipped kiosk: pin it, to the cards group
    // unless the test chose (DATAVOICE_TEST_PERCENT_DRAW; see fixed_draw_preload.cpp).
    all.emplace("DATAVOICE_TEST_PERCENT_DRAW", kDrawCardsGroup);
    std::string& preload = all["LD_PRELOAD"];
    preload = preload.empty() ? FIXED_DRAW_PRELOAD : std::string(FIXED_DRAW_PRELOAD) + " " + preload;
    return run_process(argv, all);
}

std::map<std::string, std::string> sound_device_env(const std::string& dir, bool present) {
    const std::string path = dir + (present ? "/alsa-null.conf" : "/alsa-none.conf");
    std::ofstream(path) << (present ? "pcm.!default { type null }\n" : "# no sound device\n");
    return {{"ALSA_CONFIG_PATH", path}};
}

std::vector<std::string> zbar_texts(const std::string& png) {
    const auto r = run_process({"/usr/bin/zbarimg", "--nodbus", "--raw", "-q", "-Sbinary", png});
    std::vector<std::string> out;
    size_t at = 0;
    while (at < r.out.size()) {
        size_t end = r.out.find('\n', at);
        if (end == std::string::npos) end = r.out.size();
        if (end > at) out.push_back(r.out.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

}  // namespace dv::test
