// Command-line parsing for datavoice-kiosk.
#include "options.hpp"

#include <cstdlib>

namespace dv {

const char* kiosk_usage() {
    return "Usage: datavoice-kiosk [options]\n"
           "\n"
           "Runs the datavoice kiosk: explains how NHS patient data is used and asks visitors\n"
           "what they think, anonymously, with no network.\n"
           "\n"
           "Options:\n"
           "  --profile FILE      hardware profile (default: firmware_profiles/floor-21in-1920x1080.toml)\n"
           "  --content DIR       content pack folder (default: assets/content/default)\n"
           "  --data DIR          folder for the answers database (default: the profile's data_dir)\n"
           "  --script FILE       play an input script (see kiosk/platform/script.hpp), then quit\n"
           "  --screenshots DIR   where script screenshots go (default: ./screenshots)\n"
           "  --windowed          a normal window at the profile's size, even if it says fullscreen\n"
           "  --frame-stats FILE  for benchmarks: write each frame's UI build and total time (ms) and when it\n"
           "                      was drawn (seconds since start) on exit\n"
           "  --quit-after SECONDS  for benchmarks and tests: quit cleanly (exit 0) after this long\n"
           "  --first-frame-exit  for benchmarks: print the monotonic time of the first frame, then exit\n"
           "  --skip-unseen-frames  with --script: lay out every frame but draw only those screenshotted\n"
           "  --check-data DIR    check that the kiosk can write in DIR and read its database, change\n"
           "                      nothing, and exit (0 ready, 2 not: one line says why and the fix)\n"
           "  --version           print the version and exit\n"
           "  --help              print this help and exit\n"
           "\n"
           "Set-up (saved in the data folder; then the kiosk exits without opening a window):\n"
           "  --set-pin           read the staff PIN (4 to 8 digits) from standard input\n"
           "  --site-label NAME   the site's name, shown in staff mode and in export names\n"
           "  --staff-key FILE    the staff public key (datavoice keygen): exports are encrypted to it\n"
           "                      and content packs from a drive must be signed with it\n"
           "\n"
           "Exit status: 0 done, 2 bad input (profile, content, data folder, script), 3 a script\n"
           "expectation failed, 1 anything else.\n";
}

bool parse_kiosk_options(const std::vector<std::string>& args, const std::string& root, KioskOptions& out,
                         std::string& error) {
    out = KioskOptions{};
    out.profile = root + "/firmware_profiles/floor-21in-1920x1080.toml";
    out.content = root + "/assets/content/default";
    out.screenshots = "screenshots";
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& target) {
            if (i + 1 >= args.size() || args[i + 1].empty()) {
                error = "option " + a + " needs a value";
                return false;
            }
            target = args[++i];
            return true;
        };
        if (a == "--profile") {
            if (!value(out.profile)) return false;
        } else if (a == "--content") {
            if (!value(out.content)) return false;
            out.content_given = true;
        } else if (a == "--data") {
            if (!value(out.data)) return false;
        } else if (a == "--script") {
            if (!value(out.script)) return false;
        } else if (a == "--screenshots") {
            if (!value(out.screenshots)) return false;
        } else if (a == "--frame-stats") {
            if (!value(out.frame_stats)) return false;
        } else if (a == "--quit-after") {
            std::string v;
            if (!value(v)) return false;
            char* end = nullptr;
            out.quit_after = std::strtod(v.c_str(), &end);
            if (end == v.c_str() || *end || !(out.quit_after > 0)) {
                error = "option --quit-after needs a number of seconds above 0, not '" + v + "'";
                return false;
            }
        } else if (a == "--skip-unseen-frames") {
            out.skip_unseen_frames = true;
        } else if (a == "--first-frame-exit") {
            out.first_frame_exit = true;
        } else if (a == "--windowed") {
            out.windowed = true;
        } else if (a == "--set-pin") {
            out.set_pin = true;
        } else if (a == "--site-label") {
            if (!value(out.site_label)) return false;
        } else if (a == "--staff-key") {
            if (!value(out.staff_key)) return false;
        } else if (a == "--check-data") {
            if (!value(out.check_data)) return false;
        } else if (a == "--help" || a == "-h") {
            out.help = true;
        } else if (a == "--version") {
            out.version = true;
        } else {
            error = "unknown option '" + a + "' (try --help)";
            return false;
        }
    }
    return true;
}

}  // namespace dv
