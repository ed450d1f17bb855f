// Command-line parsing for datavoice-kiosk.
#include "options.hpp"

#include "cli/options.hpp"

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
    Options cli("datavoice-kiosk", kiosk_usage(), {"-h", "--help"});
    cli.text("--profile", out.profile);
    cli.text("--content", out.content);
    cli.text("--data", out.data);
    cli.text("--script", out.script);
    cli.text("--screenshots", out.screenshots);
    cli.text("--frame-stats", out.frame_stats);
    cli.positive_number("--quit-after", "a number of seconds", out.quit_after);
    cli.flag("--skip-unseen-frames", out.skip_unseen_frames);
    cli.flag("--first-frame-exit", out.first_frame_exit);
    cli.flag("--windowed", out.windowed);
    cli.flag("--set-pin", out.set_pin);
    cli.text("--site-label", out.site_label);
    cli.text("--staff-key", out.staff_key);
    cli.text("--check-data", out.check_data);
    cli.flag("--version", out.version);
    switch (cli.parse(args)) {
    case Options::Outcome::Help:
        out.help = true;
        return true;
    case Options::Outcome::Bad:
        error = cli.error() + " (try --help)";
        return false;
    case Options::Outcome::Ok:
        break;
    }
    out.content_given = cli.given("--content");
    return true;
}

}  // namespace dv
