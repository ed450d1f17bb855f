// Benchmark: export of a busy kiosk's year (100k visits, ~1.5M answers to the default pack's
// questions, export_rows.sql) to a bundle, with and without encryption, against `sqlite3 -csv`
// dumping the same rows on the same machine in the same run. Bars (DESIGN.md): unencrypted ≤ 2 s, and within 2× of sqlite3 -csv.
//
// Usage: bench_export [--sessions N] [--runs N] [--dir DIR]   (needs the sqlite3 CLI)
// With --dir the generated database is kept there and reused by later runs.
#include "bench_timing.hpp"
#include "core/clock.hpp"
#include "exchange/pack_files.hpp"
#include "exchange/bundle.hpp"
#include "store/store.hpp"
#include "store/store_export.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace dv;

using dv::bench::cpu_seconds;
using dv::bench::seconds_since;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

int shell(const std::string& command) {
    std::fflush(stdout);
    const int rc = std::system(command.c_str());
    if (rc != 0) std::fprintf(stderr, "bench_export: failed: %s\n", command.c_str());
    return rc;
}

std::string quote(const std::string& s) { return "'" + s + "'"; }

// Seconds spent in each stage of the last export, to see where the time goes.
std::map<std::string, double> g_stages;

// One export of everything into a fresh drive folder; returns seconds, or -1 on failure.
double time_export(Store& store, const Pack* pack, const std::string& drive,
                   const std::optional<StaffPublicKey>& key, ExportResult& result) {
    fs::remove_all(drive);
    fs::create_directories(drive);
    SystemClock clock;
    StoreLedger ledger(store, clock);
    PosixFileOps ops;
    ExportOptions o;
    o.drive_dir = drive;
    o.everything = true;
    o.today = "2025-12-31";
    o.recipient = key;
    o.pack = pack;  // the default pack: its "about you" questions are protected, its options counted
    const auto t0 = std::chrono::steady_clock::now();
    ExportJob job(ledger, ops, o);
    g_stages.clear();
    for (bool more = true; more;) {
        const std::string stage = job.stage_label();
        const auto s0 = std::chrono::steady_clock::now();
        more = job.step();
        g_stages[stage] += seconds_since(s0);
    }
    const double s = seconds_since(t0);
    result = job.result();
    return result.status == ExportResult::Status::Done ? s : -1;
}

}  // namespace

int main(int argc, char** argv) {
    long sessions = 100000;
    int runs = 3;
    std::string dir;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--sessions") sessions = std::atol(argv[i + 1]);
        else if (a == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
        else if (a == "--dir") dir = argv[i + 1];
    }
    // With --dir, the generated database stays there and is reused by the next run.
    const bool keep = !dir.empty();
    if (!keep) dir = (fs::temp_directory_path() / ("datavoice-bench-export-" + std::to_string(getpid()))).string();
    fs::create_directories(dir);
    const std::string db = dir + "/datavoice.sqlite";
    const bool reuse = keep && fs::exists(db);

    std::printf("bench_export: %ld visits, %d runs each, in %s\n", sessions, runs, dir.c_str());
    std::string error;
    auto t0 = std::chrono::steady_clock::now();
    if (!reuse) {
        {
            auto store = Store::open(db, error);  // the schema, by the kiosk's own migrations
            if (!store) {
                std::fprintf(stderr, "bench_export: %s\n", error.c_str());
                return 1;
            }
        }
        const std::string sql = std::string(DATAVOICE_BENCH_DIR) + "/export_rows.sql";
        if (shell("sqlite3 -cmd " + quote(".parameter set :sessions " + std::to_string(sessions)) + " " + quote(db) +
                  " < " + quote(sql)))
            return 1;
        std::printf("  generated the rows in %.1f s\n", seconds_since(t0));
    }

    auto store = Store::open(db, error);
    if (!store) {
        std::fprintf(stderr, "bench_export: %s\n", error.c_str());
        return 1;
    }
    const std::string content = std::string(DATAVOICE_SOURCE_DIR) + "/assets/content/default";
    const PackLoad pack = load_pack_dir(content);
    if (!pack.pack) {
        std::fprintf(stderr, "bench_export: %s: the default pack does not load\n", content.c_str());
        return 1;
    }
    // Warm the page cache once, as a kiosk that has been running would have it.
    ExportResult warm;
    if (time_export(*store, &*pack.pack, dir + "/warm", std::nullopt, warm) < 0) {
        std::fprintf(stderr, "bench_export: export failed: %s\n", warm.message.c_str());
        return 1;
    }
    std::printf("  rows exported: %lld sessions, %lld answers\n", static_cast<long long>(warm.sessions),
                static_cast<long long>(warm.answers));

    // The floor: sqlite3 -csv writing the same rows (sessions, effective answers) to files.
    const std::string floor_cmd =
        "sqlite3 -csv -header " + quote(db) + " " + quote(".once " + dir + "/floor-sessions.csv") + " " +
        quote("SELECT session_id, visit_date, part_of_day, date_uncertain, boot, language, pack_id, pack_version, "
              "pack_hash, mode FROM sessions") +
        " " + quote(".once " + dir + "/floor-answers.csv") + " " +
        quote("SELECT a.session_id, a.question_id, a.phase, a.value, a.content_hash FROM answers a JOIN (SELECT "
              "MAX(answer_id) AS latest FROM answers GROUP BY session_id, question_id, phase) l ON a.answer_id = "
              "l.latest WHERE a.skipped = 0");
    // Each timed export is the kiosk's first of the year: no visit marked as exported yet, so
    // Marking records every one of them (as after a year without an export).
    const std::string unmark =
        "sqlite3 " + quote(db) + " " + quote("DELETE FROM exported_sessions; DELETE FROM exports;");
    const StaffSecretKey staff = generate_staff_key();
    std::vector<double> floor, plain, sealed, floor_cpu, plain_cpu, sealed_cpu;
    for (int r = 0; r < runs; ++r) {
        t0 = std::chrono::steady_clock::now();
        double c0 = cpu_seconds(RUSAGE_CHILDREN);
        if (shell(floor_cmd)) return 1;
        floor.push_back(seconds_since(t0));
        floor_cpu.push_back(cpu_seconds(RUSAGE_CHILDREN) - c0);
        ExportResult res;
        if (shell(unmark)) return 1;
        c0 = cpu_seconds(RUSAGE_SELF);
        plain.push_back(time_export(*store, &*pack.pack, dir + "/drive", std::nullopt, res));
        plain_cpu.push_back(cpu_seconds(RUSAGE_SELF) - c0);
        if (shell(unmark)) return 1;
        c0 = cpu_seconds(RUSAGE_SELF);
        sealed.push_back(time_export(*store, &*pack.pack, dir + "/drive", staff.pub, res));
        sealed_cpu.push_back(cpu_seconds(RUSAGE_SELF) - c0);
        if (plain.back() < 0 || sealed.back() < 0) {
            std::fprintf(stderr, "bench_export: export failed: %s\n", res.message.c_str());
            return 1;
        }
    }
    const double f = median(floor), p = median(plain), s = median(sealed);
    const double fc = median(floor_cpu), pc = median(plain_cpu), sc = median(sealed_cpu);
    std::printf("  medians of %d runs                    wall      (ratio)    CPU       (ratio)\n", runs);
    std::printf("  sqlite3 -csv, same rows (floor):     %6.2f s             %6.2f s\n", f, fc);
    std::printf("  export, not encrypted:               %6.2f s  (%.2fx)    %6.2f s  (%.2fx)\n", p, p / f, pc, pc / fc);
    std::printf("  export, encrypted to a staff key:    %6.2f s  (%.2fx)    %6.2f s  (%.2fx)\n", s, s / f, sc, sc / fc);
    std::printf("  bar (unencrypted <= 2 s wall and <= 2x the floor): %s\n",
                p <= 2.0 && p / f <= 2.0 ? "met" : "NOT met");
    std::printf("  (each export also fsyncs every file, reads it all back to verify, and marks every visit exported)\n");
    std::printf("  last encrypted export by stage:\n");
    for (const auto& [stage, secs] : g_stages) std::printf("    %-40s %6.2f s\n", stage.c_str(), secs);
    if (!keep) fs::remove_all(dir);
    return 0;
}
