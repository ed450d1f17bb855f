// datavoice simulate: synthetic visitors, for demos, load and proving the pipeline at scale.
// The visitors play the real journey (tools/simulate/); this file reads the options and the
// inputs and sends the run to the store or to input scripts.
#include "commands.hpp"

#include "core/clock.hpp"
#include "core/profile.hpp"
#include "exchange/files.hpp"
#include "exchange/pack_files.hpp"
#include "simulate/simulation.hpp"
#include "store/store.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace dv::tools {

namespace {

const char* const kUsage =
    "Usage: datavoice simulate --visitors N --seed S (--db FILE | --scripts DIR)\n"
    "                          [--pack DIR] [--population FILE] [--profile FILE] [--start DATE]\n"
    "                          [--days D] [--per-script K]\n"
    "Synthetic visitors playing the kiosk's real journey, drawn from a population file\n"
    "(assets/populations/README.md). The same seed gives the same visitors.\n"
    "  --db FILE          write them into this kiosk database (created if needed; a kiosk's is\n"
    "                     DATA_DIR/datavoice.sqlite), as the kiosk would have stored them\n"
    "  --scripts DIR      write input scripts for datavoice-kiosk --script (DIR/visitors.dvs),\n"
    "                     with DIR/expected.csv (every row the kiosk should store) and\n"
    "                     DIR/visits.csv (how each visit ended)\n"
    "  --pack DIR         the content pack (default: the installed default pack)\n"
    "  --population FILE  who visits (default: assets/populations/norfolk-2025.toml)\n"
    "  --profile FILE     the kiosk's hardware profile, for its timeouts (default: 60 s idle,\n"
    "                     20 s \"Still there?\", 20 s thank-you, 30 s repeat window)\n"
    "  --start DATE       the first day, YYYY-MM-DD (default 2025-09-01)\n"
    "  --days D           spread the visitors over D days (default: the population's\n"
    "                     visitors_per_day sets how many days they take)\n"
    "  --per-script K     with --scripts: K visitors per script file (visitors-001.dvs, ...)\n"
    "Exit status: 0 done, 1 the database refused the visits, 2 bad usage or input.\n";

std::string installed_dir(const char* sub) {
    const std::string content = default_content_dir();  // ROOT/assets/content/default
    return std::filesystem::path(content).parent_path().parent_path().parent_path().string() + "/" + sub;
}

bool to_long(const std::string& s, long min, long max, long& out) {
    char* end = nullptr;
    const long long v = std::strtoll(s.c_str(), &end, 10);
    if (s.empty() || *end || v < min || v > max) return false;
    out = static_cast<long>(v);
    return true;
}

int bad(const std::string& message) {
    std::fprintf(stderr, "datavoice simulate: %s\n", message.c_str());
    return 2;
}

}  // namespace

int cmd_simulate(const std::vector<std::string>& args) {
    std::string pack_dir = default_content_dir(), population_file = installed_dir("assets/populations/norfolk-2025.toml");
    std::string db, scripts, profile_file, start_text = "2025-09-01";
    long visitors = -1, days = 0, per_script = 0;
    std::string seed_text;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool has_value = i + 1 < args.size();
        if (a == "--help") {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (!has_value) return bad("unknown or incomplete option '" + a + "'\n" + kUsage);
        const std::string& v = args[++i];
        if (a == "--pack") pack_dir = v;
        else if (a == "--population") population_file = v;
        else if (a == "--profile") profile_file = v;
        else if (a == "--db") db = v;
        else if (a == "--scripts") scripts = v;
        else if (a == "--start") start_text = v;
        else if (a == "--seed") seed_text = v;
        else if (a == "--visitors") {
            if (!to_long(v, 1, 100000000, visitors)) return bad("--visitors must be a whole number from 1 to 100000000");
        } else if (a == "--days") {
            if (!to_long(v, 1, 36500, days)) return bad("--days must be a whole number from 1 to 36500");
        } else if (a == "--per-script") {
            if (!to_long(v, 1, 100000000, per_script)) return bad("--per-script must be a whole number above 0");
        } else {
            return bad("unknown option '" + a + "'\n" + kUsage);
        }
    }
    if (visitors < 0 || seed_text.empty() || db.empty() == scripts.empty()) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    char* end = nullptr;
    const unsigned long long seed = std::strtoull(seed_text.c_str(), &end, 10);
    if (*end || seed_text[0] == '-') return bad("--seed must be a whole number");
    CivilTime start;
    if (!parse_civil(start_text, start) || start_text.size() != 10) return bad("--start must be a date like 2025-09-01");

    PackLoad pack = load_pack_dir(pack_dir);
    if (!pack.pack) {
        std::fputs(format_problems(pack.problems).c_str(), stderr);
        return 2;
    }
    std::string text, error;
    if (!read_text_file(population_file, text, error)) return bad(error);
    sim::PopulationResult pop = sim::parse_population(text, population_file);
    if (!pop.population) {
        std::fputs(format_problems(pop.problems).c_str(), stderr);
        return 2;
    }
    sim::KioskTimings timings;
    if (!profile_file.empty()) {
        std::string profile_text;
        if (!read_text_file(profile_file, profile_text, error)) return bad(error);
        const ProfileResult profile = parse_profile(profile_text, profile_file);
        if (!profile.profile) {
            std::fputs(format_problems(profile.problems).c_str(), stderr);
            return 2;
        }
        timings = {double(profile.profile->idle_seconds), double(profile.profile->still_there_seconds),
                   double(profile.profile->thank_you_seconds), double(profile.profile->repeat_seconds)};
    }
    const Problems problems = sim::check_population(*pop.population, *pack.pack, timings);
    if (!problems.empty()) {
        std::fputs(format_problems(problems).c_str(), stderr);
        return 2;
    }

    const sim::Model model(*pop.population, *pack.pack);
    sim::SimulationOptions options;
    options.visitors = visitors;
    options.seed = seed;
    options.start = start;
    options.days = static_cast<int>(days);
    const auto began = std::chrono::steady_clock::now();
    sim::SimulationSummary summary;
    if (!db.empty()) {
        auto store = Store::open(db, error);
        if (!store) return bad(error);
        sim::DbOutput out(*store, seed);
        summary = sim::run_simulation(model, timings, options, out);
        if (!out.flush()) {
            std::fprintf(stderr, "datavoice simulate: %s: %s\n", db.c_str(), out.error().c_str());
            return 1;
        }
    } else {
        std::error_code ec;
        std::filesystem::create_directories(scripts, ec);
        if (ec) return bad(scripts + ": cannot make the folder: " + ec.message());
        sim::ScriptOutput out(scripts, per_script);
        summary = sim::run_simulation(model, timings, options, out);
        if (!out.finish()) return bad(out.error());
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    std::printf("%ld visits (%ld repeat presses, %ld walked away): %ld sessions, %ld answers, %ld skips, "
                "%ld flagged as repeats; %s to %s; %.1f s\n",
                summary.visits, summary.repeats, summary.abandoned, summary.sessions, summary.answers, summary.skips,
                summary.flagged, summary.first_date.c_str(), summary.last_date.c_str(), seconds);
    return 0;
}

}  // namespace dv::tools
