// Benchmark: `datavoice collect` of 1,000 bundles (~1M answers) into SQLite and into a
// throwaway PostgreSQL server, collecting them again (nothing to add), and `datavoice report`
// at that size; beside a floor measured in the same run: reading and verifying every bundle
// (exchange/bundle_read.hpp) with nothing written. Bars (issue #9): collect ≤ 30 s, report ≤ 5 s.
// The bundles are written in the documented format by tests/support/bundle_maker.cpp before
// any timing starts.
//
// Usage: bench_collect [--bundles N] [--sessions-per-bundle N] [--no-postgres] [--dir DIR]
#include "bench_timing.hpp"
#include "exchange/bundle_read.hpp"
#include "exchange/pack_files.hpp"
#include "support/bundle_maker.hpp"
#include "support/postgres_server.hpp"
#include "support/subprocess.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace dv;

using dv::bench::cpu_seconds;
using dv::bench::seconds_since;

namespace {

struct Question {
    const char* id;
    const char* phase;
    std::vector<const char*> values;
};

// Ten answers per visit, shaped like the default pack's questions.
const std::vector<Question>& questions() {
    static const std::vector<Question> q = {
        {"aware", "", {"yes", "no", "not_sure"}},
        {"comfort_wider", "", {"very_comfortable", "somewhat_comfortable", "neutral", "somewhat_uncomfortable", "very_uncomfortable"}},
        {"comfort_linking", "", {"very_comfortable", "somewhat_comfortable", "neutral", "somewhat_uncomfortable", "very_uncomfortable"}},
        {"confidence_protected", "", {"very_confident", "somewhat_confident", "neutral", "somewhat_unconfident", "not_confident"}},
        {"reassure", "", {"names_removed;security", "no_companies", "clear_rules;told_how", "see_results"}},
        {"know_can_opt_out", "", {"yes", "no", "not_sure"}},
        {"age_band", "", {"16_35", "36_55", "56_75", "76_plus"}},
        {"warm_homes_view", "first", {"yes", "no", "not_sure"}},
        {"warm_homes_view", "second", {"yes", "no", "not_sure", "yes"}},
        {"mental_health_view", "first", {"yes", "no", "not_sure"}},
    };
    return q;
}

std::string load_average() {
    std::FILE* f = std::fopen("/proc/loadavg", "r");
    char buf[64] = "?";
    if (f) {
        if (!std::fgets(buf, sizeof buf, f)) buf[0] = 0;
        std::fclose(f);
    }
    std::string s = buf;
    return s.substr(0, s.find(' '));
}

double g_cpu = 0;  // CPU seconds of the last datavoice run

double run_tool(const std::vector<std::string>& args, bool& ok) {
    std::vector<std::string> argv{DATAVOICE_TOOL_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    const double cpu0 = cpu_seconds(RUSAGE_CHILDREN);
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = proc::run_process(argv);
    const double s = seconds_since(t0);
    g_cpu = cpu_seconds(RUSAGE_CHILDREN) - cpu0;
    ok = r.exit_code == 0;
    if (!ok) std::fprintf(stderr, "bench_collect: datavoice %s failed:\n%s%s\n", args[0].c_str(), r.out.c_str(), r.err.c_str());
    else if (args[0] == "collect") std::printf("    %s", r.out.substr(0, r.out.find('\n') + 1).c_str());
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    int bundles = 1000, per_bundle = 100;
    bool postgres = true;
    std::string dir;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--bundles" && i + 1 < argc) bundles = std::atoi(argv[++i]);
        else if (a == "--sessions-per-bundle" && i + 1 < argc) per_bundle = std::atoi(argv[++i]);
        else if (a == "--no-postgres") postgres = false;
        else if (a == "--dir" && i + 1 < argc) dir = argv[++i];
        else {
            std::fprintf(stderr, "Usage: bench_collect [--bundles N] [--sessions-per-bundle N] [--no-postgres] [--dir DIR]\n");
            return 2;
        }
    }
    if (dir.empty()) dir = (fs::temp_directory_path() / "datavoice-bench-collect").string();
    fs::remove_all(dir);
    fs::create_directories(dir + "/bundles");

    std::printf("Generating %d bundles of %d visits (%d answers each)...\n", bundles, per_bundle,
                per_bundle * static_cast<int>(questions().size()));
    // One kiosk per site (collect refuses a key under another site's label), enrolled on first
    // collect; sessions of the default pack as the tool finds it, so every row is checked.
    std::vector<KioskKey> kiosks;
    for (int k = 0; k < 20; ++k) kiosks.push_back(generate_kiosk_key());
    const PackLoad pack = load_pack_dir(std::string(DATAVOICE_SOURCE_DIR) + "/assets/content/default");
    if (!pack.pack) {
        std::fprintf(stderr, "bench_collect: the default content pack does not load\n");
        return 1;
    }
    std::uint64_t next = 0;
    std::int64_t answers = 0;
    for (int b = 0; b < bundles; ++b) {
        test::BundleSpec spec;
        spec.export_id = test::export_id_for(static_cast<std::uint64_t>(b) + 1);
        spec.kiosk = kiosks[static_cast<size_t>(b % 20)];
        spec.site_label = "Site " + std::to_string(b % 20);
        for (int s = 0; s < per_bundle; ++s, ++next) {
            char id[33];
            std::snprintf(id, sizeof id, "%032llx", static_cast<unsigned long long>(next * 2654435761ULL + 1));
            char date[11];
            std::snprintf(date, sizeof date, "2025-%02d-%02d", 1 + static_cast<int>(next % 12), 1 + static_cast<int>(next % 28));
            spec.sessions.push_back(test::made_session(id, date, next % 2 ? "morning" : "afternoon", pack.pack->id,
                                                       pack.pack->version, pack.pack->hash));
            for (size_t q = 0; q < questions().size(); ++q) {
                const auto& v = questions()[q].values;
                spec.answers.push_back({id, questions()[q].id, questions()[q].phase, v[(next + q) % v.size()],
                                        "0123456789abcdef"});
            }
        }
        answers += static_cast<std::int64_t>(spec.answers.size());
        test::write_bundle(dir + "/bundles", spec);
    }
    std::printf("  %lld visits, %lld answers in %s/bundles\n\n", static_cast<long long>(next),
                static_cast<long long>(answers), dir.c_str());

    std::printf("Load average before timing: %s on %ld cores (figures are wall time; a busy machine inflates them)\n",
                load_average().c_str(), sysconf(_SC_NPROCESSORS_ONLN));
    // Floor: every bundle read and verified (hashes, signature, CSV parsing), nothing written.
    auto t0 = std::chrono::steady_clock::now();
    std::int64_t read = 0;
    for (const auto& e : fs::directory_iterator(dir + "/bundles")) {
        BundleContents b;
        std::string error;
        if (!open_bundle(e.path().string(), nullptr, b, error)) {
            std::fprintf(stderr, "bench_collect: %s\n", error.c_str());
            return 1;
        }
        read += static_cast<std::int64_t>(b.answers.size());
    }
    const double floor = seconds_since(t0);
    std::printf("Floor: read and verify every bundle        %7.2f s  (%lld answers)\n", floor, static_cast<long long>(read));

    bool ok = true;
    const auto measure = [&](const std::string& name, const std::string& db) {
        std::printf("%s:\n", name.c_str());
        const double collect = run_tool({"collect", "--enrol", "--db", db, dir + "/bundles"}, ok);
        std::printf("  collect                                  %7.2f s  (%.1f× the floor; bar 30 s)  datavoice CPU %.2f s\n",
                    collect, collect / floor, g_cpu);
        const double again = run_tool({"collect", "--db", db, dir + "/bundles"}, ok);
        std::printf("  collect again (nothing new)              %7.2f s  datavoice CPU %.2f s\n", again, g_cpu);
        const double report = run_tool({"report", "--db", db, "--out", dir + "/report-" + name}, ok);
        std::printf("  report                                   %7.2f s  (bar 5 s)  datavoice CPU %.2f s\n", report, g_cpu);
        const double split = run_tool({"report", "--db", db, "--out", dir + "/report-" + name + "-age", "--by", "age"}, ok);
        std::printf("  report --by age                          %7.2f s  datavoice CPU %.2f s\n", split, g_cpu);
        std::printf("  (load average now %s on %ld cores)\n", load_average().c_str(), sysconf(_SC_NPROCESSORS_ONLN));
    };
    measure("SQLite", dir + "/central.sqlite");
    if (postgres) {
        proc::PostgresServer server;
        std::string error;
        if (!server.start(error)) {
            std::fprintf(stderr, "bench_collect: no PostgreSQL: %s\n", error.c_str());
            return 1;
        }
        measure("PostgreSQL", server.uri());
    }
    return ok ? 0 : 1;
}
