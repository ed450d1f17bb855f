// The staff-mode test kiosk (see staff_kiosk.hpp).
#include "staff_kiosk.hpp"

#include "support/export_fixture.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;

namespace dv::test {

std::string ui_script(const std::string& name) { return source_dir() + "/tests/ui/scripts/" + name; }

StaffKiosk::StaffKiosk(const std::string& profile_name, int w, int h) : width(w), height(h) {
    fs::create_directories(drive);
    std::ifstream in(source_dir() + "/firmware_profiles/" + profile_name + ".toml");
    std::stringstream ss;
    ss << in.rdbuf();
    std::ofstream(profile) << std::regex_replace(ss.str(), std::regex("removable_media_root = \"[^\"]*\""),
                                                 "removable_media_root = \"" + media + "\"");
    const auto r = run_process({kiosk_binary(), "--data", data, "--set-pin", "--site-label", "Riverside Surgery"}, {},
                               "2468\n");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
}

ProcessResult StaffKiosk::run(const std::string& script_name, const std::string& shots) const {
    const std::string path = script_name.find('/') == std::string::npos ? ui_script(script_name) : script_name;
    return run_kiosk_headless({"--profile", profile, "--data", data, "--script", path, "--screenshots", shots}, width,
                              height, env);
}

std::unique_ptr<Store> StaffKiosk::store() const {
    std::string error;
    auto s = Store::open(data + "/datavoice.sqlite", error);
    REQUIRE(s);
    return s;
}

void StaffKiosk::add_visits(int n) const {
    auto s = store();
    const Pack& pack = default_pack();
    const Question* q = pack.default_content().question("aware");
    REQUIRE(q);
    for (int i = 0; i < n; ++i) {
        PendingCommit p = visit_to(pack, "visit" + std::to_string(1000 + i), "2025-11-2" + std::to_string(i % 3), "morning");
        p.answers.push_back({"aware", "", q->options[static_cast<size_t>(i) % q->options.size()].id, q->content_hash,
                             false});
        REQUIRE(s->commit(p));
    }
}

std::vector<std::string> StaffKiosk::audit_events() const {
    std::vector<std::string> out;
    for (const auto& e : store()->audit_log()) out.push_back(e.event);
    return out;
}

}  // namespace dv::test
