// A deliberative poll end to end: scripted visitors, one after another on the real kiosk
// under Xvfb, give known first and second views of the "warm homes" scenario. The test then
// checks the stored pairs, and reads the figures the results screen drew (recorded as widget
// ids such as "bar_first_yes=25") against what the visitors entered, before and after the
// privacy threshold, and across a refresh block.
#include "core/stats.hpp"
#include "exchange/files.hpp"
#include "store/store.hpp"
#include "support/process.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>

using namespace dv;

namespace {

std::string read_file(const std::string& path) {
    std::string text, error;
    const bool read = read_text_file(path, text, error);
    INFO(error);
    REQUIRE(read);
    return text;
}

std::string artefacts(const std::string& name) {
    const std::string dir = std::filesystem::current_path().string() + "/test-artefacts/" + name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

// A copy of the default pack whose results appear after `threshold` respondents and refresh
// every `every`, so a handful of scripted visitors is enough.
std::string low_threshold_pack(const test::TempDir& dir, int threshold, int every) {
    const std::string pack = dir.file("pack");
    std::filesystem::copy(test::source_dir() + "/assets/content/default", pack,
                          std::filesystem::copy_options::recursive);
    std::string toml = read_file(pack + "/pack.toml");
    const std::regex threshold_line(R"((^|\n)results_threshold *= *\d+)");
    const std::regex every_line(R"((^|\n)results_refresh_every *= *\d+)");
    REQUIRE(std::regex_search(toml, threshold_line));
    REQUIRE(std::regex_search(toml, every_line));
    toml = std::regex_replace(toml, threshold_line, "$1results_threshold = " + std::to_string(threshold));
    toml = std::regex_replace(toml, every_line, "$1results_refresh_every = " + std::to_string(every));
    std::ofstream(pack + "/pack.toml") << toml;
    return pack;
}

struct Visitor {
    std::string first, second;
};

// One visitor: the warm homes topic, two explainers, the scenario, a first view, the four
// perspective cards, a second view, the results (dumped as NAME-results.json), then finish.
// Screenshots of the cards and the results when asked for.
std::string visit(const Visitor& v, const std::string& name, bool cards_shot, bool results_shot) {
    const Scenario& sc = *test::default_pack().default_content().scenario("warm_homes");
    std::string s = "tap start\ntap next\ntap topic_warm_homes\ntap next\ntap next\nexpect-screen scenario\ntap next\n";
    s += "expect-screen first_view\ntap opt_" + v.first + "\ntap next\n";
    s += "expect-screen sure_first\ntap opt_fairly\ntap next\n";
    for (size_t k = 0; k < sc.knowledge.size(); ++k) s += "expect-screen knowledge_before\ntap opt_dont_know\ntap next\n";
    for (size_t card = 1; card <= sc.cards.size(); ++card) {
        s += "expect-screen card\n";
        if (cards_shot) s += "screenshot " + name + "-card-" + std::to_string(card) + "\n";
        if (card == 1) s += "dump-widgets " + name + "-card-1\n";
        s += "tap next\n";
    }
    s += "expect-screen second_view\ntap opt_" + v.second + "\ntap next\n";
    s += "expect-screen sure_second\ntap opt_very\ntap next\n";
    s += "expect-screen reasons\ntap opt_" + sc.cards.front().id + "\ntap next\n";
    for (size_t k = 0; k < sc.knowledge.size(); ++k) s += "expect-screen knowledge_after\ntap opt_true\ntap next\n";
    if (!sc.knowledge.empty()) s += "expect-screen knowledge_answers\ntap next\n";
    s += "expect-screen results\ndump-widgets " + name + "-results\n";
    if (results_shot) s += "screenshot " + name + "-results\n";
    s += "tap finish\ntap leave_yes\nexpect-screen closing\ntap next\nexpect-screen thank_you\ntap done\nexpect-screen attract\n";
    return s;
}

// The figures a dump recorded: widget ids of the form "name=value".
std::map<std::string, std::string> figures(const std::string& dump_path) {
    const std::string json = read_file(dump_path);
    std::map<std::string, std::string> out;
    const std::regex id(R"re("id": "([a-z0-9_]+)=([^"]*)")re");
    for (auto it = std::sregex_iterator(json.begin(), json.end(), id); it != std::sregex_iterator(); ++it)
        out[(*it)[1]] = (*it)[2];
    return out;
}

using Figures = std::map<std::string, std::string>;

}  // namespace

TEST_CASE("Kiosk/scripted visitors' first and second views are stored and shown once over the threshold",
          "[ui][deliberation]") {
    test::TempDir dir;
    const std::string pack = low_threshold_pack(dir, 4, 2);
    const std::string shots = artefacts("deliberation");
    // Known answers, visitor by visitor (first → second).
    const std::vector<Visitor> visitors = {
        {"yes", "yes"}, {"no", "yes"}, {"not_sure", "no"}, {"no", "no"}, {"yes", "no"}, {"not_sure", "yes"},
    };
    std::string script;
    for (size_t i = 0; i < visitors.size(); ++i) {
        const std::string name = "v" + std::to_string(i + 1);
        script += visit(visitors[i], name, i == 3, i == 0 || i == 3);
    }
    script += "quit\n";
    std::ofstream(dir.file("visitors.dvs")) << script;

    const auto r = test::run_kiosk_headless({"--content", pack, "--data", dir.file("data"), "--script",
                                             dir.file("visitors.dvs"), "--screenshots", shots});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);

    // The stored pairs are exactly what the visitors entered, in the order they came.
    std::string error;
    auto store = Store::open(dir.file("data") + "/datavoice.sqlite", error);
    REQUIRE(store);
    const auto stored = store->view_pairs("default", "warm_homes_view", "warm_homes");
    REQUIRE(stored.size() == visitors.size());
    for (size_t i = 0; i < visitors.size(); ++i) {
        INFO("visitor " << i + 1);
        CHECK(stored[i].first == visitors[i].first);
        CHECK(stored[i].second == visitors[i].second);
    }

    // Visitors 1–3: fewer than 4 have answered, so no figures at all.
    for (const char* v : {"v1", "v2", "v3"}) {
        INFO(v);
        CHECK(figures(shots + "/" + v + "-results.json").empty());
        CHECK(read_file(shots + "/" + v + "-results.json").find("\"id\": \"results_waiting\"") != std::string::npos);
    }
    // Visitor 4 completes the first block. First views: yes 1, no 2, not sure 1 of 4 → 25, 50,
    // 25. Second: yes 2 (v1, v2), no 2 (v3, v4) → 50, 50, 0. Changed: v2 and v3, 2 of 4 →
    // 5 in 10.
    const Figures after_4 = {{"bar_first_yes", "25"},   {"bar_first_no", "50"},  {"bar_first_not_sure", "25"},
                             {"bar_second_yes", "50"},  {"bar_second_no", "50"}, {"bar_second_not_sure", "0"},
                             {"results_people", "4"},   {"results_changed_in_10", "5"}};
    CHECK(figures(shots + "/v4-results.json") == after_4);
    // Visitor 5 alone changes nothing on screen: their answer cannot be read off it.
    CHECK(figures(shots + "/v5-results.json") == after_4);
    // Visitor 6 completes the next block. First: yes (v1, v5), no (v2, v4), not sure (v3, v6):
    // 33.33 each → 34, 33, 33. Second: yes (v1, v2, v6), no (v3, v4, v5) → 50, 50, 0.
    // Changed: v2, v3, v5, v6, 4 of 6 = 6.67 → 7 in 10.
    const Figures after_6 = {{"bar_first_yes", "34"},   {"bar_first_no", "33"},  {"bar_first_not_sure", "33"},
                             {"bar_second_yes", "50"},  {"bar_second_no", "50"}, {"bar_second_not_sure", "0"},
                             {"results_people", "6"},   {"results_changed_in_10", "7"}};
    CHECK(figures(shots + "/v6-results.json") == after_6);

    // The cards' marks show the scenario's balance: two good things and two worries.
    const std::string marks = figures(shots + "/v4-card-1.json")["card_marks"];
    CHECK(std::count(marks.begin(), marks.end(), '+') == 2);
    CHECK(std::count(marks.begin(), marks.end(), '-') == 2);

    for (const char* shot : {"v1-results", "v4-results", "v4-card-1", "v4-card-2", "v4-card-3", "v4-card-4"})
        CHECK(std::filesystem::file_size(shots + "/" + shot + ".png") > 10000);
}

// Facilitator mode end to end: staff run the warm homes scenario one person at a time (three
// people with known views), then as a show of hands; then a walk-up visitor completes the same
// scenario. The pack shows results from 2 respondents, so the walk-up results screen would
// show figures if it counted any facilitator session; it must still be waiting.
TEST_CASE("Kiosk facilitator/group sessions are stored as facilitator and kept out of the walk-up results",
          "[ui][deliberation][facilitator]") {
    test::TempDir dir;
    const std::string pack = low_threshold_pack(dir, 2, 1);
    const std::string data = dir.file("data");
    const auto setup = test::run_process({test::kiosk_binary(), "--data", data, "--set-pin"}, {}, "2468\n");
    REQUIRE(setup.exit_code == 0);
    const std::string shots = artefacts("facilitator");
    const std::vector<Visitor> people = {{"yes", "no"}, {"no", "no"}, {"not_sure", "yes"}};
    const std::map<std::string, int> hands_first = {{"yes", 4}, {"no", 2}, {"not_sure", 1}};
    const std::map<std::string, int> hands_second = {{"yes", 2}, {"no", 5}};

    std::string s = "hold 30 30 5.5\ntap key_2\ntap key_4\ntap key_6\ntap key_8\ntap key_enter\n"
                    "expect-screen staff_clock\ntap clock_right\nexpect-screen staff_home\n"
                    "tap open_facilitator\nexpect-screen facilitator_choose\n"
                    "tap scenario_warm_homes\ntap mode_people\nscreenshot f01-choose\ntap facilitator_start\n";
    const Scenario& sc = *test::default_pack().default_content().scenario("warm_homes");
    for (size_t i = 0; i < people.size(); ++i) {
        s += "expect-screen welcome\ntap next\nexpect-screen scenario\ntap next\n";
        s += "expect-screen first_view\ntap opt_" + people[i].first + "\ntap next\nexpect-screen sure_first\ntap skip\n";
        for (size_t k = 0; k < sc.knowledge.size(); ++k) s += "expect-screen knowledge_before\ntap skip\n";
        for (size_t c = 0; c < sc.cards.size(); ++c) s += "expect-screen card\ntap skip\n";  // one card a tap
        s += "expect-screen second_view\ntap opt_" + people[i].second + "\ntap next\n";
        s += "expect-screen sure_second\ntap skip\nexpect-screen reasons\ntap skip\n";
        for (size_t k = 0; k < sc.knowledge.size(); ++k) s += "expect-screen knowledge_after\ntap skip\n";
        if (!sc.knowledge.empty()) s += "expect-screen knowledge_answers\ntap next\n";
        s += "expect-screen facilitator_between\n";
        if (i == 0) s += "screenshot f02-between\n";
        s += i + 1 < people.size() ? "tap next_person\n" : "tap show_results\n";
    }
    s += "expect-screen facilitator_results\ndump-widgets f03-people-results\nscreenshot f03-people-results\n"
         "tap facilitator_finish\nexpect-screen staff_home\n";
    s += "tap open_facilitator\ntap scenario_warm_homes\ntap mode_hands\ntap facilitator_start\n"
         "expect-screen facilitator_hands_first\n";
    for (const auto& [option, n] : hands_first)
        for (int i = 0; i < n; ++i) s += "tap plus_" + option + "\n";
    s += "tap plus_no\ntap minus_no\nscreenshot f04-hands\ntap hands_done\nexpect-screen facilitator_hands_cards\n"
         "screenshot f05-cards\ntap hands_done\nexpect-screen facilitator_hands_second\n";
    for (const auto& [option, n] : hands_second)
        for (int i = 0; i < n; ++i) s += "tap plus_" + option + "\n";
    s += "tap hands_done\nexpect-screen facilitator_results\ndump-widgets f06-hands-results\n"
         "screenshot f06-hands-results\ntap facilitator_exit\nexpect-screen staff_home\ntap staff_exit\n"
         "expect-screen attract\n";
    s += visit({"yes", "no"}, "walkup", false, true) + "quit\n";
    std::ofstream(dir.file("facilitator.dvs")) << s;

    const auto r = test::run_kiosk_headless(
        {"--content", pack, "--data", data, "--script", dir.file("facilitator.dvs"), "--screenshots", shots});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);

    // Stored: the three people as facilitator pairs, the hands as unpaired facilitator
    // sessions, and the one walk-up visitor.
    std::string error;
    auto store = Store::open(data + "/datavoice.sqlite", error);
    REQUIRE(store);
    std::map<std::string, std::string> mode_of;
    for (const auto& session : store->sessions()) mode_of[session.session_id] = session.mode;
    std::map<std::string, std::map<std::string, std::string>> views;  // session → phase → option
    for (const auto& a : store->effective_answers())
        if (a.question_id == "warm_homes_view") views[a.session_id][a.phase] = a.value;
    int visitor = 0, paired = 0, hands = 0;
    std::vector<Visitor> stored_people;
    std::map<std::string, int> first_hands, second_hands;
    for (const auto& [id, v] : views) {
        INFO(id);
        if (mode_of[id] == "visitor") {
            ++visitor;
            continue;
        }
        CHECK(mode_of[id] == "facilitator");
        if (v.count("first") && v.count("second")) {
            ++paired;
            stored_people.push_back({v.at("first"), v.at("second")});
        } else {
            ++hands;
            if (v.count("first")) ++first_hands[v.at("first")];
            if (v.count("second")) ++second_hands[v.at("second")];
        }
    }
    CHECK(visitor == 1);
    CHECK(paired == 3);
    const auto by_first = [](const Visitor& a, const Visitor& b) { return a.first + a.second < b.first + b.second; };
    std::vector<Visitor> expected = people;
    std::sort(expected.begin(), expected.end(), by_first);
    std::sort(stored_people.begin(), stored_people.end(), by_first);
    for (size_t i = 0; i < expected.size() && i < stored_people.size(); ++i) {
        CHECK(stored_people[i].first == expected[i].first);
        CHECK(stored_people[i].second == expected[i].second);
    }
    CHECK(hands == 7 + 7);
    CHECK(first_hands == hands_first);
    CHECK(second_hands == hands_second);

    // The group's screens: three people (threshold 2, refresh every 1), and the hands, as
    // whole percentages of what the script entered.
    const std::vector<std::string> options = {"yes", "no", "not_sure"};
    const auto shown = [&](const Figures& fig, const char* round, const std::map<std::string, int>& counts) {
        std::vector<std::int64_t> n;
        for (const auto& o : options) n.push_back(counts.count(o) ? counts.at(o) : 0);
        const std::vector<int> percent = percentages_to_100(n);
        for (size_t i = 0; i < options.size(); ++i) {
            const std::string key = std::string("bar_") + round + "_" + options[i];
            INFO(key);
            REQUIRE(fig.count(key));
            CHECK(fig.at(key) == std::to_string(percent[i]));
        }
    };
    std::map<std::string, int> people_first, people_second;
    for (const auto& p : people) ++people_first[p.first], ++people_second[p.second];
    const Figures group = figures(shots + "/f03-people-results.json");
    CHECK(group.at("results_people") == std::to_string(people.size()));
    shown(group, "first", people_first);
    shown(group, "second", people_second);
    const Figures tally = figures(shots + "/f06-hands-results.json");
    shown(tally, "first", hands_first);
    shown(tally, "second", hands_second);

    // The walk-up results screen counts only the walk-up visitor: one is below the threshold.
    CHECK(store->view_pairs("default", "warm_homes_view", "warm_homes").size() == 1);
    const std::string walkup = read_file(shots + "/walkup-results.json");
    CHECK(walkup.find("\"id\": \"results_waiting\"") != std::string::npos);
    CHECK(walkup.find("results_people=") == std::string::npos);
}
