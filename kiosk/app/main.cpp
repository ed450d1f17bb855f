// datavoice-kiosk: checks every input before showing a window, then runs the kiosk.
#include "data_check.hpp"
#include "kiosk_app.hpp"
#include "options.hpp"
#include "setup.hpp"

#include "core/lint.hpp"
#include "exchange/files.hpp"
#include "exchange/pack_files.hpp"
#include "store/clock_records.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <string>
#include <vector>

namespace {

int bad_input(const std::string& line) {
    std::fprintf(stderr, "datavoice-kiosk: %s\n", line.c_str());
    return 2;
}

std::string install_root() { return dv::data_root(DATAVOICE_DATA_NAME, DATAVOICE_SOURCE_DIR); }

// What the second thread finds (main() below): the pack to run, the fonts to draw it with,
// or the lines that say why the kiosk cannot start.
struct PackCheck {
    dv::PackLoad pack;
    bool installed_pack = false;
    dv::FontFiles fonts;
    std::vector<std::string> errors;  // any: refuse to start (exit 2)
    std::vector<std::string> notes;   // worth a line in the log, but the kiosk runs
};

// A pack staff installed from a drive (staff mode) replaces the built-in one, unless
// --content names a pack; if it no longer loads, the built-in one is used. A pack that parses
// must also pass lint (datavoice lint runs the same checks), drawn against the very fonts this
// kiosk will use.
PackCheck check_pack_and_fonts(const dv::KioskOptions& opt, const std::string& install_dir) {
    using namespace dv;
    PackCheck c;
    if (!opt.content_given && std::filesystem::exists(install_dir + "/pack.toml")) {
        c.pack = load_pack_dir(install_dir);
        c.installed_pack = c.pack.pack.has_value();
        if (!c.pack.pack)
            c.notes.push_back(install_dir + ": the installed pack does not load; using " + opt.content);
    }
    if (!c.pack.pack) c.pack = load_pack_dir(opt.content);
    if (!c.pack.pack) {
        for (const auto& p : c.pack.problems) c.errors.push_back(p.str());
        return c;
    }
    std::string error;
    KioskFontCoverage coverage;
    if (!find_font_files(c.fonts, error) || !coverage.load(c.fonts, error)) {
        c.errors.push_back(error);
        return c;
    }
    LintOptions lint_options;
    lint_options.text_glyph = [&coverage](char32_t cp) { return coverage.text_has(cp); };
    lint_options.icon_glyph = [&coverage](char32_t cp) { return coverage.icon_has(cp); };
    const LintReport lint = lint_pack_in(*c.pack.pack, c.installed_pack ? install_dir : opt.content, lint_options);
    for (const auto& p : lint.errors) c.errors.push_back(p.str());
    return c;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace dv;
    KioskOptions opt;
    std::string error;
    if (!parse_kiosk_options(std::vector<std::string>(argv + 1, argv + argc), install_root(), opt, error)) {
        std::fprintf(stderr, "%s\n", error.c_str());  // one line, naming the kiosk
        return 2;
    }
    if (opt.help) {
        std::fputs(kiosk_usage(), stdout);
        return 0;
    }
    if (opt.version) {
        std::printf("datavoice-kiosk %s\n", DATAVOICE_VERSION);
        return 0;
    }
    if (!opt.check_data.empty()) return check_data_folder(opt.check_data);

    // Everything is checked before a window is shown, so bad input never leaves one half-drawn.
    std::string profile_text;
    if (!read_text_file(opt.profile, profile_text, error)) return bad_input(error);
    ProfileResult pr = parse_profile(profile_text, opt.profile);
    if (!pr.profile) {
        for (const auto& p : pr.problems) std::fprintf(stderr, "datavoice-kiosk: %s\n", p.str().c_str());
        return 2;
    }
    HardwareProfile profile = *pr.profile;

    Script script;
    if (!opt.script.empty()) {
        std::string text;
        if (!read_text_file(opt.script, text, error)) return bad_input(error);
        Problem problem;
        if (!parse_script(text, opt.script, script, problem)) return bad_input(problem.str());
        std::error_code ec;
        std::filesystem::create_directories(opt.screenshots, ec);
        if (ec) return bad_input(opt.screenshots + ": cannot create the screenshots folder (" + ec.message() + ")");
    }

    const std::string data_dir = opt.data.empty() ? profile.data_dir : opt.data;
    if (!ensure_writable_dir(data_dir, error)) return bad_input(error);
    auto store = Store::open((std::filesystem::path(data_dir) / "datavoice.sqlite").string(), error);
    if (!store) return bad_input(error);
    // Until staff mode shows them, start-up warnings (a damaged database moved aside) go to
    // the log; they are in the store's audit log as well.
    for (const auto& w : store->startup_warnings())
        std::fprintf(stderr, "datavoice-kiosk: %s: %s\n", store->path().c_str(), w.c_str());
    if (wants_setup(opt)) {
        SystemClock setup_clock;
        return run_setup(opt, *store, setup_clock);
    }

    // The pack and the fonts are checked on a second thread while the window is created,
    // hidden: it is shown only once every check has passed, so bad input still never leaves a
    // window on screen, and start-up does not pay for the checks and the window one after the
    // other.
    StaffSessionConfig staff;
    staff.pack_install_dir = (std::filesystem::path(data_dir) / "pack").string();
    std::future<PackCheck> checking = std::async(std::launch::async, check_pack_and_fonts, opt, staff.pack_install_dir);

    WindowOptions wo;
    wo.title = "datavoice";
    wo.width = profile.width;
    wo.height = profile.height;
    wo.fullscreen = profile.fullscreen && !opt.windowed;
    wo.cursor_hidden = profile.cursor_hidden;
    wo.lockdown = profile.lockdown;
    std::string window_error;
    auto window = Window::create(wo, window_error);

    PackCheck checked = checking.get();
    if (!checked.errors.empty()) {
        window.reset();
        for (const auto& line : checked.errors) std::fprintf(stderr, "datavoice-kiosk: %s\n", line.c_str());
        return 2;
    }
    for (const auto& line : checked.notes) std::fprintf(stderr, "datavoice-kiosk: %s\n", line.c_str());
    if (!window) {
        std::fprintf(stderr, "datavoice-kiosk: %s\n", window_error.c_str());
        return 1;
    }
    staff.installed_pack = checked.installed_pack;
    const Pack& pack = *checked.pack.pack;

    // The system clock. Tests move it from outside (tests/support/fake_clock_preload.cpp).
    SystemClock system_clock;
    Clock& clock = system_clock;
    ClockTrust trust(clock_rules(), load_clock_memory(*store), store->latest_visit_date());
    if (const ClockVerdict v = start_clock_trust(trust, *store, clock); v != ClockVerdict::Trusted)
        std::fprintf(stderr, "datavoice-kiosk: %s Visits are marked date-uncertain until staff confirm the time.\n",
                     verdict_text(v));
    window->show();

    staff.profile = &profile;
    staff.pack = &pack;
    KioskApp app(profile, pack, *store, *window, clock, trust, checked.fonts, staff);
    if (!opt.script.empty()) app.play_script(std::move(script), opt.screenshots);
    if (!opt.frame_stats.empty()) app.record_frame_stats(opt.frame_stats);
    if (opt.first_frame_exit) app.exit_after_first_frame();
    if (opt.quit_after > 0) app.quit_after(opt.quit_after);
    if (opt.skip_unseen_frames) app.skip_unseen_frames();
    return app.run();
}
