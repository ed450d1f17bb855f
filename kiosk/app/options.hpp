// Command-line options of datavoice-kiosk.
#pragma once

#include <string>
#include <vector>

namespace dv {

struct KioskOptions {
    std::string profile;      // hardware profile file
    std::string content;      // content pack folder
    bool content_given = false;  // --content on the command line (else a pack installed from a drive wins)
    std::string data;         // data folder; empty: the profile's data_dir
    std::string script;       // input script to play, then quit
    std::string screenshots;  // where the script writes screenshots
    bool windowed = false;    // a normal window at the profile's size
    std::string frame_stats;  // for benchmarks: write per-frame timings here on exit
    bool first_frame_exit = false;  // for benchmarks: print when the first frame is shown, exit
    double quit_after = 0;    // for benchmarks and tests: quit cleanly after this many seconds (0: never)
    bool skip_unseen_frames = false;  // for layout tests: rasterise only frames a script screenshots
    // First-run set-up: each is saved in the data folder's settings, then the kiosk exits.
    bool set_pin = false;     // read the staff PIN from standard input
    std::string site_label;   // the site's name, used in export names
    std::string staff_key;    // a staff public key file (datavoice keygen): exports are encrypted to it
    std::string check_data;   // only check that the kiosk can use this data folder, then exit (data_check.hpp)
    bool help = false;
    bool version = false;
};

// Defaults are relative to `root` (the installed or source tree). False with a one-line error
// that names the kiosk ("datavoice-kiosk: --data is given twice (try --help)").
bool parse_kiosk_options(const std::vector<std::string>& args, const std::string& root, KioskOptions& out,
                         std::string& error);

const char* kiosk_usage();

}  // namespace dv
