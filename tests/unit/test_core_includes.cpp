// kiosk/core stays pure: no ImGui, GLFW, OpenGL or SQLite, so every rule is testable in memory.
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>

TEST_CASE("Architecture/kiosk/core includes no ImGui, GLFW, GL or SQLite header", "[architecture]") {
    const std::regex banned(R"(#\s*include\s*[<"](imgui|GLFW/|GL/|sqlite3\.h|backends/))");
    int files = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dv::test::source_dir() + "/kiosk/core")) {
        const auto ext = e.path().extension();
        if (ext != ".cpp" && ext != ".hpp" && ext != ".h") continue;
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
    CHECK(files > 5);
}

TEST_CASE("Architecture/kiosk/ui does no SQL or file I/O", "[architecture]") {
    const std::regex banned(R"(sqlite3_|fopen\(|std::ofstream|std::ifstream|#\s*include\s*<fstream>)");
    for (const auto& e : std::filesystem::recursive_directory_iterator(dv::test::source_dir() + "/kiosk/ui")) {
        std::ifstream in(e.path());
        std::string line;
        int n = 0;
        while (std::getline(in, line)) {
            ++n;
            INFO(e.path().string() << ":" << n << ": " << line);
            CHECK_FALSE(std::regex_search(line, banned));
        }
    }
}
