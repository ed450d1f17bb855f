// bench_simulate: figures for `datavoice simulate`, each beside a floor measured in the same run.
//   1. 100k visitors via --db (the whole command, wall time) against the floor: the store's
//      bare Store::commit_batch of exactly the same rows (made in memory first, untimed),
//      in the same batches, into a fresh database
//   2. 1,000 simulated visitors through the real kiosk under Xvfb at 800x480, one process:
//      the kiosk's resident memory (VmRSS) after 10 visitors and after 1,000 (DESIGN.md's bar:
//      within 5 MB), its peak (VmHWM), and time per visitor. Markers in the script (screenshots
//      after visitor 10 and after the last) tell the bench when to read /proc/PID/status.
// Prints figures; passes or fails nothing.
//
//   build/tools/bench/bench_simulate [--visitors 100000] [--kiosk-visitors 1000] [--render]
//                                    [--dir DIR]
// --render draws every frame (slow under llvmpipe); by default the kiosk lays out every frame
// and taps it, and rasterises only the marker frames (--skip-unseen-frames).
#include "bench_timing.hpp"
#include "exchange/pack_files.hpp"
#include "exchange/files.hpp"
#include "simulate/simulation.hpp"
#include "store/store.hpp"
#include "support/subprocess.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using Steady = std::chrono::steady_clock;

using dv::bench::seconds_since;

namespace {

const std::string kRoot = DATAVOICE_SOURCE_DIR;
const std::string kTool = DATAVOICE_TOOL_BINARY;
const std::string kKiosk = DATAVOICE_KIOSK_BINARY;
const std::string kPack = kRoot + "/assets/content/default";
const std::string kPopulation = kRoot + "/assets/populations/norfolk-2025.toml";
const std::string kProfile = kRoot + "/firmware_profiles/pi-7in-800x480.toml";
constexpr std::uint64_t kSeed = 2025;

[[noreturn]] void die(const std::string& message) {
    std::fprintf(stderr, "bench_simulate: %s\n", message.c_str());
    std::exit(1);
}

// Collects what a run would store, without storing it.
class Collect final : public dv::sim::VisitOutput {
public:
    void commit(const dv::PendingCommit& p) override {
        batch.push_back(p);
        batch.back().session.session_id = id_of(p.session.session_id);
    }
    void flagged(const std::string& id) override { flags.push_back(id_of(id)); }
    void end_visit(long visit, const dv::sim::VisitReport&) override {
        if (visit % 2000 == 0) batches.push_back(batch.size());
    }
    std::vector<dv::PendingCommit> batch;
    std::vector<size_t> batches;  // where each 2,000-visit batch ends, as DbOutput cuts them
    std::vector<std::string> flags;

private:
    // Synthetic ids, as DbOutput gives (the journey's own are random per run).
    std::string id_of(const std::string& journey_id) {
        auto it = m_ids.find(journey_id);
        if (it == m_ids.end()) it = m_ids.emplace(journey_id, m_rng.hex_id()).first;
        return it->second;
    }
    dv::sim::SimRandom m_rng{kSeed};
    std::map<std::string, std::string> m_ids;
};

void bench_db(long visitors, const std::string& dir) {
    std::printf("1. %ld simulated visitors into a kiosk database (Norfolk population, seed %llu)\n", visitors,
                static_cast<unsigned long long>(kSeed));
    const std::string db = dir + "/simulated.sqlite";
    fs::remove(db), fs::remove(db + "-wal"), fs::remove(db + "-shm");
    auto t = Steady::now();
    const auto r = dv::proc::run_process({kTool, "simulate", "--pack", kPack, "--population", kPopulation, "--profile",
                                          kProfile, "--visitors", std::to_string(visitors), "--seed",
                                          std::to_string(kSeed), "--db", db});
    const double whole = seconds_since(t);
    if (r.exit_code != 0) die("datavoice simulate failed: " + r.err);
    std::printf("  datavoice simulate --db      %6.2f s   %s", whole, r.out.c_str());

    // The floor: the same rows, made in memory first, committed the same way.
    dv::PackLoad pack = dv::load_pack_dir(kPack);
    std::string text, error;
    if (!pack.pack || !dv::read_text_file(kPopulation, text, error)) die("cannot read the pack or the population");
    auto pop = dv::sim::parse_population(text, kPopulation);
    if (!pop.population) die(dv::format_problems(pop.problems));
    dv::sim::KioskTimings timings{60, 20, 15, 30};
    const dv::sim::Model model(*pop.population, *pack.pack);
    dv::sim::SimulationOptions options;
    options.visitors = visitors;
    options.seed = kSeed;
    dv::parse_civil("2025-09-01", options.start);
    Collect rows;
    t = Steady::now();
    dv::sim::run_simulation(model, timings, options, rows);
    const double play = seconds_since(t);
    rows.batches.push_back(rows.batch.size());
    size_t answers = 0;
    for (const auto& p : rows.batch) answers += p.answers.size();

    const std::string floor_db = dir + "/floor.sqlite";
    fs::remove(floor_db), fs::remove(floor_db + "-wal"), fs::remove(floor_db + "-shm");
    auto store = dv::Store::open(floor_db, error);
    if (!store) die(error);
    t = Steady::now();
    size_t from = 0;
    for (size_t end : rows.batches) {
        if (end <= from) continue;
        const std::vector<dv::PendingCommit> batch(rows.batch.begin() + static_cast<long>(from),
                                                   rows.batch.begin() + static_cast<long>(end));
        if (!store->commit_batch(batch)) die(store->last_error());
        from = end;
    }
    if (!store->flag_repeats(rows.flags)) die(store->last_error());
    const double floor = seconds_since(t);
    std::printf("  floor: Store::commit_batch   %6.2f s   the same %zu answer rows (%zu commits), %zu flags\n", floor,
                answers, rows.batch.size(), rows.flags.size());
    std::printf("  visitors played in memory    %6.2f s   (journey, repeat guard, drawing answers)\n", play);
    std::printf("  ratio whole / floor          %6.2f    bar: 100k visitors in under a minute\n\n", whole / floor);
}

long vm_kb(int pid, const char* field) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(field, 0) == 0) return std::atol(line.c_str() + std::strlen(field));
    return -1;
}

void bench_kiosk(long visitors, bool render, const std::string& dir) {
    std::printf("2. %ld simulated visitors through the real kiosk at 800x480 (%s)\n", visitors,
                render ? "every frame drawn" : "every frame laid out, marker frames drawn");
    const std::string scripts = dir + "/scripts", data = dir + "/kiosk-data", shots = dir + "/markers";
    fs::remove_all(scripts), fs::remove_all(data), fs::remove_all(shots);
    fs::create_directories(data), fs::create_directories(shots);
    const auto r = dv::proc::run_process({kTool, "simulate", "--pack", kPack, "--population", kPopulation, "--profile",
                                          kProfile, "--visitors", std::to_string(visitors), "--seed",
                                          std::to_string(kSeed), "--scripts", scripts});
    if (r.exit_code != 0) die("datavoice simulate failed: " + r.err);
    // Markers: a screenshot when visitor 11 is about to start, and after the last visitor,
    // each followed by frames to let the bench read the kiosk's memory.
    std::ifstream in(scripts + "/visitors.dvs");
    std::ostringstream out;
    std::string line;
    while (std::getline(in, line)) {
        if (line == "# visitor 11" || line.rfind("# visitor 11:", 0) == 0) out << "screenshot after-10\nwait 300\n";
        if (line == "quit") out << "screenshot after-all\nwait 300\n";
        out << line << "\n";
    }
    std::ofstream(scripts + "/marked.dvs") << out.str();

    dv::proc::Xvfb x(800, 480);
    std::vector<std::string> argv{kKiosk, "--profile", kProfile, "--data", data, "--script", scripts + "/marked.dvs",
                                  "--screenshots", shots};
    if (!render) argv.push_back("--skip-unseen-frames");
    const auto t = Steady::now();
    const int pid = dv::proc::spawn_background(argv, {{"DISPLAY", x.display()}});
    long after_10 = -1, after_all = -1, peak = -1;
    double at_10 = 0;
    int status = 0;
    for (;;) {
        const long hwm = vm_kb(pid, "VmHWM:");
        if (hwm > 0) peak = hwm;
        if (after_10 < 0 && fs::exists(shots + "/after-10.png")) after_10 = vm_kb(pid, "VmRSS:"), at_10 = seconds_since(t);
        if (after_all < 0 && fs::exists(shots + "/after-all.png")) after_all = vm_kb(pid, "VmRSS:");
        if (waitpid(pid, &status, WNOHANG) == pid) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const double wall = seconds_since(t);
    peak = std::max({peak, after_10, after_all});  // the last VmHWM reading may predate the last marker
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) die("the kiosk stopped with an error (run the script by hand)");
    std::printf("  RSS after 10 visitors        %7.1f MB\n", after_10 / 1024.0);
    std::printf("  RSS after %-5ld visitors     %7.1f MB   growth %+.1f MB (bar: within 5 MB)\n", visitors,
                after_all / 1024.0, (after_all - after_10) / 1024.0);
    std::printf("  peak RSS (VmHWM)             %7.1f MB\n", peak / 1024.0);
    std::printf("  time per visitor             %7.3f s    (%.1f s for all; the first 10 took %.1f s with start-up)\n",
                (wall - at_10) / static_cast<double>(visitors - 10), wall, at_10);
    std::printf("  %s", r.out.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    long visitors = 100000, kiosk_visitors = 1000;
    bool render = false;
    std::string dir = fs::temp_directory_path().string() + "/datavoice-bench-simulate";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--visitors" && i + 1 < argc) visitors = std::atol(argv[++i]);
        else if (a == "--kiosk-visitors" && i + 1 < argc) kiosk_visitors = std::atol(argv[++i]);
        else if (a == "--render") render = true;
        else if (a == "--dir" && i + 1 < argc) dir = argv[++i];
        else {
            std::fprintf(stderr, "usage: bench_simulate [--visitors N] [--kiosk-visitors N] [--render] [--dir DIR]\n");
            return 2;
        }
    }
    fs::create_directories(dir);
    if (visitors > 0) bench_db(visitors, dir);
    if (kiosk_visitors > 10) bench_kiosk(kiosk_visitors, render, dir);
    return 0;
}
