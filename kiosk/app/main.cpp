// datavoice-kiosk: checks every input before opening a window, then runs the kiosk.
#include "kiosk_app.hpp"
#include "options.hpp"

#include "exchange/files.hpp"
#include "exchange/pack_files.hpp"

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

int next_boot(dv::Store& store) {
    int boot = 0;
    if (auto v = store.setting("boot_count")) boot = std::atoi(v->c_str());
    ++boot;
    store.set_setting("boot_count", std::to_string(boot));
    return boot;
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

    PackLoad pack = load_pack_dir(opt.content);
    if (!pack.pack) {
        for (const auto& p : pack.problems) std::fprintf(stderr, "datavoice-kiosk: %s\n", p.str().c_str());
        return 2;
    }

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

    FontFiles fonts;
    if (!find_font_files(fonts, error)) return bad_input(error);

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

    SystemClock clock;
    KioskApp app(profile, *pack.pack, *store, *window, clock, fonts, next_boot(*store));
    if (!opt.script.empty()) app.play_script(std::move(script), opt.screenshots);
    if (!opt.frame_stats.empty()) app.record_frame_stats(opt.frame_stats);
    if (opt.first_frame_exit) app.exit_after_first_frame();
    return app.run();
}
