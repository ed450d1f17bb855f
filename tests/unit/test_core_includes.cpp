// The layers stay apart. Each source folder has an allow-list: the project folders whose
// headers it may include, and the outside libraries it may use. kiosk/core includes no ImGui,
// GLFW, OpenGL or SQLite (so every rule is testable in memory), and kiosk/ui does no SQL or
// file I/O. A folder with sources that is not in the list fails too, so a new folder has to
// say where it sits.
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace {

bool is_source(const fs::path& p) {
    const auto ext = p.extension();
    return ext == ".cpp" || ext == ".hpp" || ext == ".h";
}

// Checks no line of any source file under `folder` matches `banned`; returns the files read.
int check_no_line_matches(const std::string& folder, const std::regex& banned) {
    int files = 0;
    for (const auto& e : fs::recursive_directory_iterator(dv::test::source_dir() + "/" + folder)) {
        if (!is_source(e.path())) continue;
        ++files;
        std::ifstream in(e.path());
        std::string line;
        int n = 0;
        while (std::getline(in, line)) {
            ++n;
            INFO(e.path().string() << ":" << n << ": " << line);
            CHECK_FALSE(std::regex_search(line, banned));
        }
    }
    return files;
}

// The project folders each folder may include from ("core" means "core/..." headers; a
// quoted include without a folder must be a file of the including folder itself).
const std::map<std::string, std::set<std::string>> kProjectEdges = {
    {"kiosk/core", {}},
    {"kiosk/cli", {}},
    {"kiosk/sqlite", {}},
    {"kiosk/store", {"core", "sqlite"}},
    {"kiosk/exchange", {"core"}},
    {"kiosk/speech", {"core"}},
    {"kiosk/platform", {"core", "exchange"}},
    {"kiosk/ui", {"core", "platform"}},
    {"kiosk/app", {"core", "cli", "store", "exchange", "speech", "platform", "ui"}},
    {"tools/support", {"core", "exchange"}},
    {"tools/central", {"core", "exchange", "sqlite"}},
    {"tools/simulate", {"core", "store"}},
    {"tools/datavoice", {"core", "cli", "store", "exchange", "speech", "platform", "central", "simulate", "support",
                         "datavoice"}},
    {"tools/bench", {"core", "store", "exchange", "platform", "simulate", "support"}},
};

// Outside libraries that only some folders may use, by the start of their header's name.
const std::map<std::string, std::set<std::string>> kLibraryHomes = {
    {"imgui", {"kiosk/ui", "kiosk/platform", "kiosk/app", "tools/bench"}},
    {"GLFW/", {"kiosk/platform"}},
    {"GL/", {"kiosk/platform"}},
    {"backends/", {"kiosk/platform"}},
    {"sqlite3.h", {"kiosk/sqlite", "kiosk/store", "tools/central", "tools/bench"}},
    {"libpq-fe.h", {"tools/central"}},
    {"xlsxwriter.h", {"tools/central"}},
    {"qrencode.h", {"kiosk/exchange", "tools/bench"}},
    {"zbar.h", {"tools/support"}},
    {"espeak-ng/", {"kiosk/speech"}},
    {"alsa/", {"kiosk/speech"}},
    {"systemd/", {"kiosk/platform"}},
    {"CLI/", {"kiosk/cli"}},
    {"pwd.h", {"kiosk/app", "tools/support"}},
};

// Every include of every source file under `root` that its folder's allow-list does not
// permit, as "file:line: include (why)". `root` is the tree to read (the source tree, or a
// copy a test has changed).
std::vector<std::string> layer_violations(const fs::path& root) {
    std::vector<std::string> out;
    const std::regex include_line(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
    for (const char* top : {"kiosk", "tools"}) {
        if (!fs::exists(root / top)) continue;
        for (const auto& e : fs::recursive_directory_iterator(root / top)) {
            if (!e.is_regular_file() || !is_source(e.path())) continue;
            const std::string folder = fs::relative(e.path().parent_path(), root).generic_string();
            const std::string name = fs::relative(e.path(), root).generic_string();
            const auto edges = kProjectEdges.find(folder);
            if (edges == kProjectEdges.end()) {
                out.push_back(name + ": its folder " + folder + " has no allow-list here");
                continue;
            }
            std::ifstream in(e.path());
            std::string line;
            int n = 0;
            while (std::getline(in, line)) {
                ++n;
                std::smatch m;
                if (!std::regex_search(line, m, include_line)) continue;
                const std::string header = m[2];
                const std::string at = name + ":" + std::to_string(n) + ": " + header;
                if (m[1] == "<") {
                    for (const auto& [prefix, homes] : kLibraryHomes)
                        if (header.rfind(prefix, 0) == 0 && !homes.count(folder))
                            out.push_back(at + " (" + prefix + " belongs to other folders)");
                    continue;
                }
                const auto slash = header.find('/');
                if (slash == std::string::npos) {
                    if (!fs::exists(e.path().parent_path() / header))
                        out.push_back(at + " (not a file of " + folder + ")");
                } else if (!edges->second.count(header.substr(0, slash))) {
                    out.push_back(at + " (" + folder + " may not include " + header.substr(0, slash) + "/)");
                }
            }
        }
    }
    return out;
}

std::string joined(const std::vector<std::string>& lines) {
    std::ostringstream s;
    for (const auto& l : lines) s << l << "\n";
    return s.str();
}

}  // namespace

TEST_CASE("Architecture/kiosk/core includes no ImGui, GLFW, GL or SQLite header", "[architecture]") {
    CHECK(check_no_line_matches("kiosk/core", std::regex(R"(#\s*include\s*[<"](imgui|GLFW/|GL/|sqlite3\.h|backends/))")) > 5);
}

TEST_CASE("Architecture/kiosk/ui does no SQL or file I/O", "[architecture]") {
    CHECK(check_no_line_matches("kiosk/ui", std::regex(R"(sqlite3_|fopen\(|std::ofstream|std::ifstream|#\s*include\s*<fstream>)")) > 5);
}

TEST_CASE("Architecture/every folder includes only what its allow-list permits", "[architecture]") {
    const auto violations = layer_violations(dv::test::source_dir());
    INFO(joined(violations));
    CHECK(violations.empty());
}

TEST_CASE("Architecture/the allow-list catches a wrong include and an unlisted folder", "[architecture]") {
    // A small tree laid out like the real one, first with permitted includes only.
    const fs::path root = fs::temp_directory_path() / ("datavoice-layers-" + std::to_string(std::random_device{}()));
    fs::remove_all(root);
    fs::create_directories(root / "kiosk/ui");
    fs::create_directories(root / "kiosk/platform");
    std::ofstream(root / "kiosk/ui/screen.hpp") << "#pragma once\n#include \"platform/widget_registry.hpp\"\n";
    std::ofstream(root / "kiosk/ui/screen.cpp") << "#include \"screen.hpp\"\n#include \"core/journey.hpp\"\n#include <imgui.h>\n";
    std::ofstream(root / "kiosk/platform/script.hpp") << "#pragma once\n#include \"core/text.hpp\"\n#include <GLFW/glfw3.h>\n";
    REQUIRE(layer_violations(root).empty());

    std::ofstream(root / "kiosk/ui/screen.cpp", std::ios::app) << "#include \"store/store.hpp\"\n#include \"gone.hpp\"\n";
    std::ofstream(root / "kiosk/platform/script.hpp", std::ios::app) << "#include \"ui/widgets.hpp\"\n#include <sqlite3.h>\n";
    fs::create_directories(root / "kiosk/newfolder");
    std::ofstream(root / "kiosk/newfolder/thing.cpp") << "int x;\n";
    const auto v = layer_violations(root);
    const std::string all = joined(v);
    INFO(all);
    CHECK(v.size() == 5);
    CHECK(all.find("kiosk/ui/screen.cpp:4: store/store.hpp (kiosk/ui may not include store/)") != std::string::npos);
    CHECK(all.find("kiosk/ui/screen.cpp:5: gone.hpp (not a file of kiosk/ui)") != std::string::npos);
    CHECK(all.find("kiosk/platform/script.hpp:4: ui/widgets.hpp (kiosk/platform may not include ui/)") != std::string::npos);
    CHECK(all.find("kiosk/platform/script.hpp:5: sqlite3.h (sqlite3.h belongs to other folders)") != std::string::npos);
    CHECK(all.find("kiosk/newfolder/thing.cpp: its folder kiosk/newfolder has no allow-list here") != std::string::npos);
    fs::remove_all(root);
}
