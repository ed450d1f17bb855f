// Simulated visitors through the real kiosk binary under Xvfb at the 800x480 profile, then
// the real export and verify: the kiosk stores exactly what the scripts entered, and the
// exported answers follow the population's distributions.
#include "simulate_support.hpp"

#include "exchange/bundle_read.hpp"
#include "support/process.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>

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
                                      "--seed", std::to_string(kSeed), "--scripts", run.scripts});
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

}  // namespace

TEST_CASE("simulate/200 visitors through the real kiosk at 800x480 store and export exactly what they entered",
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
    int compared = 0, compared_about_you = 0;
    for (const auto& f :
         test::compare_shares(*m.model, test::count_values(exported, flagged_ids), {"age_band", "conditions"}, 4.0, compared))
        FAIL_CHECK(f);
    std::set<std::string> not_about_you;
    for (const auto& q : m.model->content().questions)
        if (!q.about_you) not_about_you.insert(q.id);
    for (const auto& f : test::compare_shares(*m.model, test::count_values(rows, flagged), not_about_you, 4.0,
                                              compared_about_you))
        FAIL_CHECK(f);
    CHECK(compared == test::cells_in_pack(*m.model, {"age_band", "conditions"}));
    CHECK(compared_about_you == test::cells_in_pack(*m.model, not_about_you));
}
