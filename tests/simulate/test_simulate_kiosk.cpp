// Simulated visitors through the real kiosk binary under Xvfb at the 800x480 profile, then
// the real export, verify, collect and report: the kiosk stores exactly what the scripts
// entered, the report counts exactly that, and its percentages follow the population's
// distributions.
#include "simulate_support.hpp"

#include "core/suppression.hpp"
#include "exchange/bundle_read.hpp"
#include "exchange/files.hpp"
#include "simulate/population.hpp"
#include "support/central_run.hpp"
#include "support/process.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <fstream>
#include <regex>
#include <sstream>

using namespace dv;

namespace {

constexpr int kVisitors = 200;
constexpr std::uint64_t kSeed = 2025;

struct KioskRun {
    test::SimulateSummary summary;
    std::string scripts;  // the folder simulate wrote
    std::string data;     // the kiosk's data folder
    std::string bundle;   // the export bundle folder
    double kiosk_seconds = 0;
};

// Generates the scripts, plays them through one kiosk process, and exports everything with
// `datavoice export --all` into dir/export; verifies the bundle with `datavoice verify`.
// (The staff tools that read bundles — collect, report — take the bundle folder from here.)
KioskRun run_kiosk_and_export(const test::TempDir& dir) {
    KioskRun run;
    run.scripts = dir.file("scripts");
    run.data = dir.file("data");
    std::filesystem::create_directories(run.data);
    run.summary = test::run_simulate({"--pack", test::default_pack_dir(), "--population", test::norfolk_population(),
                                      "--profile", test::pi_profile(), "--visitors", std::to_string(kVisitors),
                                      "--seed", std::to_string(kSeed), "--scripts", run.scripts,
                                      // the group run_kiosk_headless pins the kiosk's own draw to
                                      "--group", "cards"});
    // --skip-unseen-frames: every frame is laid out and its widgets tapped where they are
    // drawn, but not rasterised (pixels are checked by the screen tests; rasterising each
    // frame under llvmpipe would make this run ~20 times slower).
    const auto began = std::chrono::steady_clock::now();
    const auto r = test::run_kiosk_headless({"--profile", test::pi_profile(), "--data", run.data, "--script",
                                             run.scripts + "/visitors.dvs", "--skip-unseen-frames"},
                                            800, 480);
    run.kiosk_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    INFO(r.err);
    REQUIRE(r.exit_code == 0);  // every expect-screen in the scripts held

    const std::string to = dir.file("export");  // stands in for the USB drive
    std::filesystem::create_directories(to);
    const auto e = test::run_process({test::tool_binary(), "export", "--data", run.data, "--to", to, "--all",
                                      "--content", test::default_pack_dir()});
    INFO(e.out << e.err);
    REQUIRE(e.exit_code == 0);
    for (const auto& entry : std::filesystem::directory_iterator(to))
        if (entry.is_directory()) run.bundle = entry.path().string();
    REQUIRE_FALSE(run.bundle.empty());
    const auto v = test::run_process({test::tool_binary(), "verify", run.bundle});
    INFO(v.out << v.err);
    REQUIRE(v.exit_code == 0);
    return run;
}

// Per "question#phase": how many visitors answered, and how many chose each option (each
// choice of a several-answer question counts) — what a report table counts.
struct Answered {
    long respondents = 0;
    std::map<std::string, long> chose;
    long of(const std::string& option) const {
        const auto it = chose.find(option);
        return it == chose.end() ? 0 : it->second;
    }
};
using AnsweredCounts = std::map<std::string, Answered>;

void add_answer(AnsweredCounts& out, const std::string& key, const std::string& value) {
    Answered& a = out[key];
    ++a.respondents;
    std::stringstream ss(value);
    std::string option;
    while (std::getline(ss, option, ';'))
        if (!option.empty()) ++a.chose[option];
}

// The answers the scripts entered (expected.csv rows "question#phase=value"), but those of
// repeat presses, which the report leaves out; skips and card orders are not answers.
AnsweredCounts scripted_answers(const std::map<long, std::vector<std::string>>& expected, const std::set<long>& repeats) {
    AnsweredCounts out;
    for (const auto& [visit, rows] : expected) {
        if (repeats.count(visit)) continue;
        for (const auto& r : rows) {
            const auto eq = r.find('=');
            if (eq == std::string::npos) continue;  // "question#phase skipped"
            const std::string key = r.substr(0, eq), phase = key.substr(key.find('#') + 1);
            if (phase.empty() || phase == "first" || phase == "second") add_answer(out, key, r.substr(eq + 1));
        }
    }
    return out;
}

// One report table of a question (in one phase) as written: the count and percentage of each
// option in pack order, and the total.
struct Reported {
    std::vector<std::string> counts, percents;
    std::string total;
};

Reported reported(const std::string& out, const Question& q, const std::string& phase) {
    const CsvTable t = test::report_table(out, q.id + (phase.empty() ? "" : "_" + phase));
    INFO(out << ": " << q.id << " " << phase);
    REQUIRE(t.rows.size() == q.options.size() + 1);
    Reported r;
    for (size_t i = 0; i < q.options.size(); ++i) {
        REQUIRE(t.rows[i].size() == 3);
        CHECK(t.rows[i][0] == q.options[i].label);
        r.counts.push_back(t.rows[i][1]);
        r.percents.push_back(t.rows[i][2]);
    }
    CHECK(t.rows.back()[0] == (q.type == QuestionType::Multi ? "TOTAL respondents" : "TOTAL"));
    r.total = t.rows.back()[1];
    return r;
}

double share_of(const std::string& percent) {  // "46%" → 0.46
    REQUIRE((percent.size() >= 2 && percent.back() == '%'));
    return std::stod(percent.substr(0, percent.size() - 1)) / 100.0;
}

std::string off_by(const std::string& what, const std::string& key, const std::string& option, double seen, double p,
                   double tolerance) {
    char line[300];
    std::snprintf(line, sizeof line, "%s %s %s: %.3f, model %.3f, tolerance %.3f", what.c_str(), key.c_str(),
                  option.c_str(), seen, p, tolerance);
    return line;
}

}  // namespace

TEST_CASE("simulate/200 visitors through the real kiosk at 800x480 are stored, exported and reported as they entered",
          "[kiosk]") {
    test::TempDir dir;
    const KioskRun run = run_kiosk_and_export(dir);
    WARN(kVisitors << " simulated visitors through the kiosk took " << run.kiosk_seconds << " s");
    REQUIRE(run.summary.visits == kVisitors);

    // The kiosk's database holds, visit for visit, the rows the scripts expected (the kiosk
    // shuffles card orders itself, so those are compared as present, not by value).
    const std::string db = run.data + "/datavoice.sqlite";
    const auto rows = test::database_rows(db);
    const auto expected = test::read_expected(run.scripts);
    CHECK(static_cast<long>(expected.size()) == run.summary.sessions);
    CHECK(test::per_session(rows) == test::per_visit(expected));
    // Its repeat-press guard flagged exactly the repeat presses.
    const auto flagged = test::flagged_sessions(db);
    CHECK(flagged.size() == test::read_expected_flags(run.scripts).size());
    CHECK(static_cast<long>(flagged.size()) == run.summary.repeats);

    // The export: answers.csv holds every completed answer (card rows included), less those the
    // privacy rules removed (an "about you" answer shared by fewer than 10 visits of its time
    // group), which the manifest counts.
    BundleContents bundle;
    std::string error;
    INFO(error);
    REQUIRE(open_bundle(run.bundle, nullptr, bundle, error));
    long completed = 0;
    for (const auto& [visit, answers] : expected)
        for (const auto& a : answers) completed += a.find(" skipped") == std::string::npos;
    CHECK(completed == run.summary.answers);
    CHECK(static_cast<long>(bundle.answers.size()) + bundle.manifest.coarsening.answers_removed == completed);
    CHECK(static_cast<long>(bundle.sessions.size()) == run.summary.sessions);
    long exported_flags = 0;
    for (const auto& s : bundle.sessions) exported_flags += s.flagged_repeat;
    CHECK(exported_flags == run.summary.repeats);

    // Shares per question and option, flagged repeats left out, against the population model.
    // Tolerance: 4 binomial standard errors of each share (about 100 cells are compared; at 3
    // the chance of one falling outside by luck alone would be about 1 in 4 for a new seed).
    // The "about you" answers are compared from the kiosk's database, since the export removes
    // rare ones on purpose.
    std::vector<test::Row> exported;
    std::set<std::string> flagged_ids;
    for (const auto& s : bundle.sessions)
        if (s.flagged_repeat) flagged_ids.insert(s.session_id);
    for (const auto& a : bundle.answers) exported.push_back({a.session_id, a.question_id, a.phase, a.value, false});
    test::LoadedModel m;
    std::set<std::string> not_about_you, about_you_ids;
    for (const auto& q : m.model->content().questions)
        (q.about_you ? about_you_ids : not_about_you).insert(q.id);
    int compared = 0, compared_about_you = 0;
    for (const auto& f :
         test::compare_shares(*m.model, test::count_values(exported, flagged_ids), about_you_ids, 4.0, compared))
        FAIL_CHECK(f);
    for (const auto& f : test::compare_shares(*m.model, test::count_values(rows, flagged), not_about_you, 4.0,
                                              compared_about_you))
        FAIL_CHECK(f);
    CHECK(compared == test::cells_in_pack(*m.model, about_you_ids));
    CHECK(compared_about_you == test::cells_in_pack(*m.model, not_about_you));

    // Where the population file gives a question by age band, the model's share is the bands'
    // shares mixed by the file's age mix ([age] mix); the comparisons below use the model.
    const sim::Population& population = m.model->population();
    int by_age = 0;
    for (const auto& [question_id, qm] : population.questions) {
        const Question* q = m.model->content().question(question_id);
        if (qm.by_age.empty() || !q || q->type == QuestionType::Multi) continue;
        double all = 0;
        for (const auto& [band, w] : population.age.mix.items) all += w;
        std::vector<double> mixed(q->options.size(), 0.0);
        for (const auto& [band, w] : population.age.mix.items) {
            const auto it = qm.by_age.find(band);
            const sim::Weights& shares = it == qm.by_age.end() ? qm.shares : it->second;
            double sum = 0;
            for (const auto& o : q->options) sum += shares.of(o.id);
            for (size_t i = 0; i < q->options.size(); ++i) mixed[i] += w / all * shares.of(q->options[i].id) / sum;
        }
        const auto model_shares = m.model->expected_shares(*q, "");
        for (size_t i = 0; i < q->options.size(); ++i) CHECK(model_shares[i] == Approx(mixed[i]).margin(1e-12));
        ++by_age;
    }
    CHECK(by_age > 0);

    // The staff laptop: the real collect into a fresh central database, then the real report,
    // once exact (--suppression none) and once as published (NHS England's rule, the default).
    const std::string central = dir.file("central.sqlite");
    const test::Collected collected = test::collect_into(central, {run.bundle});
    CHECK(collected.bundles == 1);
    CHECK(collected.visits == static_cast<long>(bundle.sessions.size()));
    CHECK(collected.answers == static_cast<long>(bundle.answers.size()));
    long uncertain = 0;
    for (const auto& s : bundle.sessions) uncertain += s.date_uncertain;
    CHECK(collected.dates_corrected + collected.dates_uncertain == uncertain);
    const std::string exact = dir.file("report-exact"), published = dir.file("report");
    test::write_report(central, exact, {"--suppression", "none", "--pack-dir", test::default_pack_dir()});
    test::write_report(central, published, {"--pack-dir", test::default_pack_dir()});

    // (a) Counts. With suppression off each table counts, option by option, exactly the answers
    // the scripts entered (repeat presses left out, as the report leaves them out). The "about
    // you" tables count what the export carried, which is what the scripts entered less the
    // rare answers it withholds on purpose (their sum is checked against the manifest above).
    const AnsweredCounts scripted = scripted_answers(expected, test::read_expected_flags(run.scripts));
    AnsweredCounts exported_about_you;
    for (const auto& a : bundle.answers)
        if (!flagged_ids.count(a.session_id) && !not_about_you.count(a.question_id))
            add_answer(exported_about_you, a.question_id + "#" + a.phase, a.value);
    int cells = 0;
    long about_you_reported = 0;
    for (const auto& [key, entered] : scripted) {
        const std::string question_id = key.substr(0, key.find('#')), phase = key.substr(key.find('#') + 1);
        const Question* q = m.model->content().question(question_id);
        REQUIRE(q);
        const bool about_you = !not_about_you.count(question_id);
        const Answered& counted = about_you ? exported_about_you[key] : entered;
        INFO(key);
        if (about_you) {
            CHECK(counted.respondents <= entered.respondents);
            about_you_reported += counted.respondents;
            if (counted.respondents == 0) {  // every answer withheld: the report has no table for it
                CHECK_FALSE(std::filesystem::exists(exact + "/" + question_id + ".csv"));
                cells += static_cast<int>(q->options.size());
                continue;
            }
        }
        const Reported r = reported(exact, *q, phase);
        for (size_t i = 0; i < q->options.size(); ++i, ++cells)
            CHECK(r.counts[i] == std::to_string(counted.of(q->options[i].id)));
        CHECK(r.total == std::to_string(counted.respondents));
    }
    CHECK(cells == test::cells_in_pack(*m.model, {}));  // every question and view has its table
    WARN("\"about you\" answers in the report: " << about_you_reported << " (the export withheld "
                                                 << bundle.manifest.coarsening.answers_removed << ")");

    // (b) Percentages against the population file, through the model: the survey's shares,
    // mixed over the age mix where given by age band, and moved by the deliberation effect for
    // second views. Tolerance for an option with model share p among the n answers the scripts
    // entered: 4 binomial standard errors, 4 * sqrt(p(1-p)/n) (as above), plus what publishing
    // can move the figure by:
    //   - exact report: whole percentages, each within 1 point of the exact share (largest
    //     remainder; to the nearest point for several-answer questions);
    //   - NHS England's rule (docs/privacy.md, core/suppression.hpp): each count and the total
    //     rounded to the nearest 5, so the true ones are within 2.5 of the published c and N,
    //     the share within [(c-2.5)/(N+2.5), (c+2.5)/(N-2.5)], and the percentage worked out
    //     from c and N to a whole point (0.5 more). A count from 1 to 7, and any cell hidden to
    //     protect one, is "*": it says nothing to compare, and is compared in the exact report.
    // "About you" shares are left out here: the export withholds rare ones on purpose (they
    // were compared from the kiosk's database above).
    const SuppressionRule rule = SuppressionRule::hes();
    const double half = static_cast<double>(rule.round_to) / 2;
    int compared_exact = 0, compared_published = 0, hidden = 0;
    for (const auto& [key, entered] : scripted) {
        const std::string question_id = key.substr(0, key.find('#')), phase = key.substr(key.find('#') + 1);
        if (!not_about_you.count(question_id)) continue;
        const Question& q = *m.model->content().question(question_id);
        const std::vector<double> p = m.model->expected_shares(q, phase);
        const double n = static_cast<double>(entered.respondents);
        const Reported e = reported(exact, q, phase), h = reported(published, q, phase);
        for (size_t i = 0; i < q.options.size(); ++i) {
            const double sampling = 4 * std::sqrt(p[i] * (1 - p[i]) / n);
            const double seen = share_of(e.percents[i]);
            ++compared_exact;
            if (std::fabs(seen - p[i]) > sampling + 0.01 + 1e-9)
                FAIL_CHECK(off_by("exact", key, q.options[i].id, seen, p[i], sampling + 0.01));
            if (h.percents[i] == "*" || h.counts[i] == "*") {  // the count or the total is hidden
                CHECK(h.percents[i] == "*");
                if (h.counts[i] == "*") CHECK(e.counts[i] != "0");  // a zero is shown, never hidden
                ++hidden;
                continue;
            }
            const double c = std::stod(h.counts[i]), total = std::stod(h.total);
            REQUIRE(total > half);
            const double low = std::max(0.0, c - half) / (total + half), high = (c + half) / (total - half);
            const double moved = std::max(c / total - low, high - c / total) + 0.005;
            const double shown = share_of(h.percents[i]);
            ++compared_published;
            if (std::fabs(shown - p[i]) > sampling + moved + 1e-9)
                FAIL_CHECK(off_by("published", key, q.options[i].id, shown, p[i], sampling + moved));
        }
    }
    CHECK(compared_exact == test::cells_in_pack(*m.model, about_you_ids));
    // With 200 visitors most questions have a few dozen answers, so many cells are small and
    // hidden; the exact report compares them all.
    CHECK(compared_published + hidden == compared_exact);
    CHECK(compared_published > 0);
    WARN("report percentages compared: " << compared_exact << " exact, " << compared_published << " as published ("
                                         << hidden << " hidden as \"*\")");
}

namespace {

// A population whose visitors all take the warm homes topic and start undecided, so a moved
// view always changes: the cards move `move` of them, the pause `without` of them.
std::string effect_population(double move, double without) {
    return "name = \"A known card effect\"\n"
           "source = \"Test population: every visitor takes the warm homes topic and starts undecided.\"\n"
           "[topics]\nwarm_homes = 1\n"
           "[behaviour]\nanother_topic = 0\nrepeat_press = 0\nskip = 0\nskip_cards = 0\nfinish_early = 0\n"
           "[abandon]\nrate = 0\n"
           "[questions.warm_homes_view]\nshares = { not_sure = 1 }\n"
           "[deliberation.warm_homes]\nmove = " + std::to_string(move) + "\nmove_without_cards = " +
           std::to_string(without) + "\norder = [\"yes\", \"not_sure\", \"no\"]\n";
}

struct Effect {
    double truth = 0;             // percentage points, from the population model
    long difference = 0, low = 0, high = 0;  // as the report gives them
};

// Simulated visits → the kiosk database → export → collect → report, and the report's
// difference between the cards group and the comparison group, with its 95 % interval.
Effect reported_effect(const test::TempDir& dir, double move, double without) {
    const std::string population = dir.file("effect.toml");
    std::ofstream(population) << effect_population(move, without);
    const std::string data = dir.file("data");
    std::filesystem::create_directories(data);
    test::run_simulate({"--pack", test::default_pack_dir(), "--population", population, "--visitors", "2000", "--seed",
                        "7", "--db", data + "/datavoice.sqlite"});
    const std::string to = dir.file("export");
    std::filesystem::create_directories(to);
    const auto e = test::run_process(
        {test::tool_binary(), "export", "--data", data, "--to", to, "--all", "--content", test::default_pack_dir()});
    INFO(e.out << e.err);
    REQUIRE(e.exit_code == 0);
    std::string bundle;
    for (const auto& entry : std::filesystem::directory_iterator(to))
        if (entry.is_directory()) bundle = entry.path().string();
    REQUIRE_FALSE(bundle.empty());
    const std::string central = dir.file("central.sqlite"), out = dir.file("report");
    test::collect_into(central, {bundle});
    test::write_report(central, out, {"--suppression", "none", "--pack-dir", test::default_pack_dir()});

    Effect r;
    std::string text, error;
    REQUIRE(read_text_file(population, text, error));
    const auto pop = sim::parse_population(text, population);
    REQUIRE(pop.population);
    const sim::Model model(*pop.population, test::default_pack());
    r.truth = 100 * (model.expected_change("warm_homes", StudyGroup::Cards) -
                     model.expected_change("warm_homes", StudyGroup::Comparison));
    const std::string html = test::read_file(out + "/report.html");
    const std::regex figure(R"(Difference in the share who changed \(saw the points minus did not\): (-?\d+) percentage )"
                            R"(points, 95% interval (-?\d+) to (-?\d+))");
    std::smatch m;
    INFO(out + "/report.html");
    REQUIRE(std::regex_search(html, m, figure));
    r.difference = std::stol(m[1]), r.low = std::stol(m[2]), r.high = std::stol(m[3]);
    return r;
}

}  // namespace

TEST_CASE("simulate/a known card effect is found by the report, and no effect is not", "[report][informed]") {
    {
        test::TempDir dir;
        const Effect e = reported_effect(dir, 0.15, 0.0);  // the cards move 15 in 100; the pause none
        INFO("true " << e.truth << ", reported " << e.difference << " (" << e.low << " to " << e.high << ")");
        CHECK(e.truth == Approx(15));
        CHECK(e.low <= e.truth);
        CHECK(e.high >= e.truth);
        CHECK(e.low > 0);  // the interval excludes no effect
    }
    {
        test::TempDir dir;
        const Effect e = reported_effect(dir, 0.1, 0.1);  // asking twice moves people as much as the cards
        INFO("true " << e.truth << ", reported " << e.difference << " (" << e.low << " to " << e.high << ")");
        CHECK(e.truth == Approx(0));
        CHECK(e.low <= 0);
        CHECK(e.high >= 0);
    }
}
