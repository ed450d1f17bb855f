// Command-line options of datavoice-kiosk.
#pragma once

#include <string>
#include <vector>

namespace dv {

struct KioskOptions {
    std::string profile;      // hardware profile file
    std::string content;      // content pack folder
    std::string data;         // data folder; empty: the profile's data_dir
    std::string script;       // input script to play, then quit
    std::string screenshots;  // where the script writes screenshots
    bool windowed = false;    // a normal window at the profile's size
    std::string frame_stats;  // for benchmarks: write per-frame timings here on exit
    bool first_frame_exit = false;  // for benchmarks: print when the first frame is shown, exit
    bool skip_unseen_frames = false;  // for layout tests: rasterise only frames a script screenshots
    bool help = false;
    bool version = false;
};

// Defaults are relative to `root` (the installed or source tree). False with a one-line error.
bool parse_kiosk_options(const std::vector<std::string>& args, const std::string& root, KioskOptions& out,
                         std::string& error);

const char* kiosk_usage();

}  // namespace dv
