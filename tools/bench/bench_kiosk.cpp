// The kiosk against a bare ImGui window, measured in the same run under one Xvfb at
// 1920×1080: start to first frame, idle CPU on the attract screen, peak memory, and UI build
// and whole-frame times while a script drives 50 visitor journeys. Prints figures and ratios;
// passes or fails nothing (DESIGN.md's bars are printed beside them).
//
//   build/tools/bench/bench_kiosk [--runs 5] [--idle-seconds 30] [--journeys 50]
#include "support/subprocess.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace {

using dv::proc::run_process;

const std::string kKiosk = DATAVOICE_KIOSK_BINARY;
const std::string kBare = DATAVOICE_BARE_BINARY;
const std::string kRoot = DATAVOICE_SOURCE_DIR;

double now_s() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const double idx = p / 100.0 * static_cast<double>(v.size() - 1);
    const size_t lo = static_cast<size_t>(idx);
    const size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (idx - static_cast<double>(lo));
}

// Seconds from fork to the first frame shown, as the child reports it.
double first_frame_seconds(const std::vector<std::string>& argv, const std::string& display) {
    const double t0 = now_s();
    const auto r = run_process(argv, {{"DISPLAY", display}});
    double shown = 0;
    if (r.exit_code != 0 || std::sscanf(r.out.c_str(), "first-frame %lf", &shown) != 1) {
        std::fprintf(stderr, "bench: %s did not report a first frame: %s\n", argv[0].c_str(), r.err.c_str());
        std::exit(1);
    }
    return shown - t0;
}

// Fraction of one core used over `seconds` after a 4 s warm-up.
double idle_cpu(const std::vector<std::string>& argv, const std::string& display, double seconds) {
    return dv::proc::cpu_share(argv, {{"DISPLAY", display}}, 4, seconds);
}

struct FrameStats {
    std::vector<double> build_ms, frame_ms;
};

FrameStats read_stats(const std::string& path) {
    FrameStats s;
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);  // the header
    double b, f;
    while (std::getline(in, line))  // build_ms frame_ms [at_s]
        if (std::sscanf(line.c_str(), "%lf %lf", &b, &f) == 2) s.build_ms.push_back(b), s.frame_ms.push_back(f);
    return s;
}

// A script of n complete visits, each answering the first topic's questions.
std::string journeys_script(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) {
        s += "tap start\ntap next\ntap topic_beyond_care\ntap next\ntap next\ntap next\n";
        s += "tap opt_yes\ntap next\ntap opt_neutral\ntap next\ntap skip\ntap opt_security\ntap next\n";
        s += "tap opt_36_55\ntap next\ntap skip\ntap next\ntap done\nexpect-screen attract\n";
    }
    return s + "quit\n";
}

void row(const char* what, const std::string& bare, const std::string& kiosk, const std::string& ratio,
         const char* bar) {
    std::printf("  %-34s %-14s %-14s %-12s %s\n", what, bare.c_str(), kiosk.c_str(), ratio.c_str(), bar);
}

std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 5, journeys = 50;
    double idle_seconds = 30;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--runs")) runs = std::atoi(argv[i + 1]);
        if (!std::strcmp(argv[i], "--idle-seconds")) idle_seconds = std::atof(argv[i + 1]);
        if (!std::strcmp(argv[i], "--journeys")) journeys = std::atoi(argv[i + 1]);
    }
    namespace fs = std::filesystem;
    const fs::path tmp = fs::temp_directory_path() / ("datavoice-bench-" + std::to_string(getpid()));
    fs::create_directories(tmp);
    dv::proc::Xvfb x(1920, 1080);
    const std::string profile = kRoot + "/firmware_profiles/floor-21in-1920x1080.toml";
    auto kiosk_args = [&](const std::string& data) {
        return std::vector<std::string>{kKiosk, "--profile", profile, "--data", data};
    };

    std::printf("datavoice kiosk benchmark: Xvfb 1920x1080 (%s), %d start-ups each, %g s idle, %d journeys\n",
                x.display().c_str(), runs, idle_seconds, journeys);

    // Start to first frame (median of runs), alternating so drift affects both alike.
    std::vector<double> bare_start, kiosk_start;
    for (int i = 0; i < runs; ++i) {
        bare_start.push_back(first_frame_seconds({kBare, "--first-frame-exit"}, x.display()));
        auto a = kiosk_args((tmp / "start").string());
        a.push_back("--first-frame-exit");
        kiosk_start.push_back(first_frame_seconds(a, x.display()));
    }
    const double bs = percentile(bare_start, 50), ks = percentile(kiosk_start, 50);

    // Idle on the attract screen.
    const double bare_idle = idle_cpu({kBare, "--idle"}, x.display(), idle_seconds);
    const double kiosk_idle = idle_cpu(kiosk_args((tmp / "idle").string()), x.display(), idle_seconds);

    // Frames: the bare window drawing continuously; the kiosk driven through the journeys.
    const std::string bare_stats = (tmp / "bare.txt").string(), kiosk_stats = (tmp / "kiosk.txt").string();
    const auto bare_run = run_process({kBare, "--frames", "600", "--frame-stats", bare_stats}, {{"DISPLAY", x.display()}});
    const std::string script = (tmp / "journeys.dvs").string();
    std::ofstream(script) << journeys_script(journeys);
    auto a = kiosk_args((tmp / "journeys").string());
    a.insert(a.end(), {"--script", script, "--screenshots", (tmp / "shots").string(), "--frame-stats", kiosk_stats});
    const double j0 = now_s();
    const auto kiosk_run = run_process(a, {{"DISPLAY", x.display()}});
    const double journeys_seconds = now_s() - j0;
    if (kiosk_run.exit_code != 0) {
        std::fprintf(stderr, "bench: the journey script failed: %s\n", kiosk_run.err.c_str());
        return 1;
    }
    const FrameStats bf = read_stats(bare_stats), kf = read_stats(kiosk_stats);

    std::printf("\n  %-34s %-14s %-14s %-12s %s\n", "measure", "bare window", "kiosk", "kiosk/bare", "bar (DESIGN.md)");
    row("start to first frame (median)", fmt("%.3f s", bs), fmt("%.3f s", ks), fmt("%.2fx", ks / bs), "<= 1.5x");
    row("idle CPU, one core", fmt("%.2f %%", bare_idle * 100), fmt("%.2f %%", kiosk_idle * 100), "-", "kiosk <= 1 %");
    row("peak RSS", fmt("%.1f MB", bare_run.max_rss_kb / 1024.0), fmt("%.1f MB", kiosk_run.max_rss_kb / 1024.0),
        fmt("%+.1f MB", (kiosk_run.max_rss_kb - bare_run.max_rss_kb) / 1024.0), "<= bare + 40 MB");
    row("UI build p50 (NewFrame->Render)", fmt("%.3f ms", percentile(bf.build_ms, 50)),
        fmt("%.3f ms", percentile(kf.build_ms, 50)), "-", "-");
    row("UI build p99", fmt("%.3f ms", percentile(bf.build_ms, 99)), fmt("%.3f ms", percentile(kf.build_ms, 99)), "-",
        "kiosk <= 2 ms");
    row("whole frame p50 at 1920x1080", fmt("%.2f ms", percentile(bf.frame_ms, 50)),
        fmt("%.2f ms", percentile(kf.frame_ms, 50)),
        fmt("%.2fx", percentile(kf.frame_ms, 50) / percentile(bf.frame_ms, 50)), "<= 1.3x");
    std::printf("\n  %d journeys: %zu frames in %.1f s\n", journeys, kf.frame_ms.size(), journeys_seconds);
    fs::remove_all(tmp);
    return 0;
}
