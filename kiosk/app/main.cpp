// datavoice-kiosk: checks every input before opening a window, then runs the kiosk.
#include "kiosk_app.hpp"
#include "options.hpp"
#include "setup.hpp"

#include "core/lint.hpp"
#include "exchange/files.hpp"
#include "exchange/pack_files.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

int bad_input(const std::string& line) {
    std::fprintf(stderr, "datavoice-kiosk: %s\n", line.c_str());
    return 2;
}

std::string install_root() {
    if (const char* env = std::getenv("DATAVOICE_HOME"); env && *env) return env;
    return DATAVOICE_SOURCE_DIR;
}

std::int64_t setting_number(dv::Store& store, const char* key) {
    const auto v = store.setting(key);
    return v ? std::atoll(v->c_str()) : 0;
}

// Decides at start-up whether to trust the wall clock (kiosk/core/clock_trust.hpp), records
// the boot, and logs an untrusted clock for staff.
void start_clock_trust(dv::ClockTrust& trust, dv::Store& store, const dv::Clock& clock) {
    using namespace dv;
    const ClockVerdict v = trust.start(clock.unix_seconds(), clock.monotonic_seconds());
    const ClockMemory mem = trust.remember(clock.unix_seconds());
    store.set_setting("boot_count", std::to_string(mem.boot));
    store.set_setting("clock_last_trusted", std::to_string(mem.last_trusted - mem.last_trusted % 3600));
    if (v != ClockVerdict::Trusted) {
        const std::string at = clock.local_now().date() + " " + clock.local_now().time_hm();
        store.audit("clock_untrusted", verdict_text(v), at + " (kiosk clock, boot " + std::to_string(mem.boot) + ")");
        std::fprintf(stderr, "datavoice-kiosk: %s Visits are marked date-uncertain until staff confirm the time.\n",
                     verdict_text(v));
    }
}

// Tests only: DATAVOICE_TEST_WALL_CLOCK="YYYY-MM-DD HH:MM" makes the kiosk believe the wall
// clock says that (as a Pi without a real-time clock might after a power cut).
bool apply_test_wall_clock(dv::ShiftedClock& clock, const dv::Clock& system, std::string& error) {
    const char* env = std::getenv("DATAVOICE_TEST_WALL_CLOCK");
    if (!env || !*env) return false;
    dv::CivilTime t;
    if (!dv::parse_civil(env, t)) {
        error = std::string("DATAVOICE_TEST_WALL_CLOCK: '") + env + "' is not a time like 2019-03-01 10:00";
        return false;
    }
    const dv::CivilTime local_now = system.local_now();
    const std::int64_t local_offset = dv::unix_from_civil(local_now) - system.unix_seconds();
    clock.set_wall_offset(dv::unix_from_civil(t) - local_offset - system.unix_seconds());
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace dv;
    KioskOptions opt;
    std::string error;
    if (!parse_kiosk_options(std::vector<std::string>(argv + 1, argv + argc), install_root(), opt, error)) {
        std::fprintf(stderr, "datavoice-kiosk: %s\n", error.c_str());
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

    // Everything is checked before a window exists, so bad input never leaves one half-drawn.
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

    // A pack staff installed from a drive (staff mode) replaces the built-in one, unless
    // --content names a pack; if it no longer loads, the built-in one is used.
    StaffSessionConfig staff;
    staff.pack_install_dir = (std::filesystem::path(data_dir) / "pack").string();
    PackLoad pack;
    if (!opt.content_given && std::filesystem::exists(staff.pack_install_dir + "/pack.toml")) {
        pack = load_pack_dir(staff.pack_install_dir);
        staff.installed_pack = pack.pack.has_value();
        if (!pack.pack)
            std::fprintf(stderr, "datavoice-kiosk: %s: the installed pack does not load; using %s\n",
                         staff.pack_install_dir.c_str(), opt.content.c_str());
    }
    if (!pack.pack) pack = load_pack_dir(opt.content);
    if (!pack.pack) {
        for (const auto& p : pack.problems) std::fprintf(stderr, "datavoice-kiosk: %s\n", p.str().c_str());
        return 2;
    }
    const std::string& pack_dir = staff.installed_pack ? staff.pack_install_dir : opt.content;
    // A pack that parses must also pass lint (datavoice lint runs the same checks), drawn
    // against the very fonts this kiosk will use.
    FontFiles fonts;
    KioskFontCoverage coverage;
    if (!find_font_files(fonts, error) || !coverage.load(fonts, error)) return bad_input(error);
    LintOptions lint_options;
    lint_options.text_glyph = [&coverage](char32_t cp) { return coverage.text_has(cp); };
    lint_options.icon_glyph = [&coverage](char32_t cp) { return coverage.icon_has(cp); };
    const LintReport lint = lint_pack_in(*pack.pack, pack_dir, lint_options);
    if (!lint.ok()) {
        for (const auto& p : lint.errors) std::fprintf(stderr, "datavoice-kiosk: %s\n", p.str().c_str());
        return 2;
    }

    SystemClock system_clock;
    ShiftedClock test_clock(system_clock);
    std::string clock_error;
    const bool test_time = apply_test_wall_clock(test_clock, system_clock, clock_error);
    if (!clock_error.empty()) return bad_input(clock_error);
    const Clock& clock = test_time ? static_cast<const Clock&>(test_clock) : system_clock;
    ClockRules rules;
    rules.build_time = build_time_from_date(DATAVOICE_BUILD_DATE);
    ClockMemory memory;
    memory.last_trusted = setting_number(*store, "clock_last_trusted");
    memory.boot = static_cast<int>(setting_number(*store, "boot_count"));
    ClockTrust trust(rules, memory, store->latest_visit_date());
    start_clock_trust(trust, *store, clock);

    WindowOptions wo;
    wo.title = "datavoice";
    wo.width = profile.width;
    wo.height = profile.height;
    wo.fullscreen = profile.fullscreen && !opt.windowed;
    wo.cursor_hidden = profile.cursor_hidden;
    wo.lockdown = profile.lockdown;
    auto window = Window::create(wo, error);
    if (!window) {
        std::fprintf(stderr, "datavoice-kiosk: %s\n", error.c_str());
        return 1;
    }

    staff.profile = &profile;
    staff.pack = &*pack.pack;
    KioskApp app(profile, *pack.pack, *store, *window, clock, trust, fonts, staff);
    if (!opt.script.empty()) app.play_script(std::move(script), opt.screenshots);
    if (!opt.frame_stats.empty()) app.record_frame_stats(opt.frame_stats);
    if (opt.first_frame_exit) app.exit_after_first_frame();
    if (opt.quit_after > 0) app.quit_after(opt.quit_after);
    if (opt.skip_unseen_frames) app.skip_unseen_frames();
    return app.run();
}
