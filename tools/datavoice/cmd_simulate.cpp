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
    "                          [--days D] [--per-script K] [--group G]\n"
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
    "  --group G          every visit in study group G of each scenario: cards or comparison\n"
    "                     (default: drawn as the kiosk draws). Scripts replay on a kiosk only\n"
    "                     when its own draw is pinned to the same group\n"
    "Exit status: 0 done, 1 the database refused the visits, 2 bad usage or input.\n";

std::string installed_dir(const char* sub) {
    const std::string content = default_content_dir();  // ROOT/assets/content/default
    return std::filesystem::path(content).parent_path().parent_path().parent_path().string() + "/" + sub;
}

}  // namespace

int cmd_simulate(const std::vector<std::string>& args) {
    std::string pack_dir = default_content_dir(), population_file = installed_dir("assets/populations/norfolk-2025.toml");
    std::string db, scripts, profile_file, start_text = "2025-09-01";
    long visitors = 0, days = 0, per_script = 0;
    std::string seed_text;
    Options cli("datavoice simulate", kUsage);
    cli.whole_number("--visitors", 1, 100000000, visitors, Options::Need::Required);
    cli.text("--seed", seed_text, Options::Need::Required);
    cli.text("--db", db);
    cli.text("--scripts", scripts);
    cli.text("--pack", pack_dir);
    cli.text("--population", population_file);
    cli.text("--profile", profile_file);
    cli.text("--start", start_text);
    cli.whole_number("--days", 1, 36500, days);
    cli.whole_number("--per-script", 1, 100000000, per_script);
    std::string group;
    cli.text("--group", group);
    if (const auto code = cli.parse_or_exit_code(args)) return *code;
    if (db.empty() == scripts.empty()) return cli.usage_error("give --db FILE or --scripts DIR (one of them)");
    char* end = nullptr;
    const unsigned long long seed = std::strtoull(seed_text.c_str(), &end, 10);
    if (seed_text.empty() || *end || seed_text[0] == '-') return cli.fail("--seed must be a whole number");
    CivilTime start;
    if (!parse_civil(start_text, start) || start_text.size() != 10)
        return cli.fail("--start must be a date like 2025-09-01");

    PackLoad pack = load_pack_dir(pack_dir);
    if (!pack.pack) {
        std::fputs(format_problems(pack.problems).c_str(), stderr);
        return 2;
    }
    std::string text, error;
    if (!read_text_file(population_file, text, error)) return cli.fail(error);
    sim::PopulationResult pop = sim::parse_population(text, population_file);
    if (!pop.population) {
        std::fputs(format_problems(pop.problems).c_str(), stderr);
        return 2;
    }
    sim::KioskTimings timings;
    if (!profile_file.empty()) {
        std::string profile_text;
        if (!read_text_file(profile_file, profile_text, error)) return cli.fail(error);
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
    if (group == study_group_name(StudyGroup::Cards))
        options.group = StudyGroup::Cards;
    else if (group == study_group_name(StudyGroup::Comparison))
        options.group = StudyGroup::Comparison;
    else if (!group.empty())
        return cli.usage_error("--group must be cards or comparison");
    const auto began = std::chrono::steady_clock::now();
    sim::SimulationSummary summary;
    if (!db.empty()) {
        auto store = Store::open(db, error);
        if (!store) return cli.fail(error);
        sim::DbOutput out(*store, seed);
        summary = sim::run_simulation(model, timings, options, out);
        if (!out.flush()) {
            cli.say(db + ": " + out.error());
            return 1;
        }
    } else {
        std::error_code ec;
        std::filesystem::create_directories(scripts, ec);
        if (ec) return cli.fail(scripts + ": cannot make the folder: " + ec.message());
        sim::ScriptOutput out(scripts, per_script);
        summary = sim::run_simulation(model, timings, options, out);
        if (!out.finish()) return cli.fail(out.error());
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    std::printf("%ld visits (%ld repeat presses, %ld walked away): %ld sessions, %ld answers, %ld skips, "
                "%ld flagged as repeats; %s to %s; %.1f s\n",
                summary.visits, summary.repeats, summary.abandoned, summary.sessions, summary.answers, summary.skips,
                summary.flagged, summary.first_date.c_str(), summary.last_date.c_str(), seconds);
    return 0;
}

}  // namespace dv::tools
