// The layers stay apart: kiosk/core includes no ImGui, GLFW, OpenGL or SQLite (so every rule is
// testable in memory), and kiosk/ui does no SQL or file I/O.
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>

namespace {

// Checks no line of any source file under `folder` matches `banned`; returns the files read.
int check_no_line_matches(const std::string& folder, const std::regex& banned) {
    int files = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dv::test::source_dir() + "/" + folder)) {
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
    return files;
}

}  // namespace

TEST_CASE("Architecture/kiosk/core includes no ImGui, GLFW, GL or SQLite header", "[architecture]") {
    CHECK(check_no_line_matches("kiosk/core", std::regex(R"(#\s*include\s*[<"](imgui|GLFW/|GL/|sqlite3\.h|backends/))")) > 5);
}

TEST_CASE("Architecture/kiosk/ui does no SQL or file I/O", "[architecture]") {
    CHECK(check_no_line_matches("kiosk/ui", std::regex(R"(sqlite3_|fopen\(|std::ofstream|std::ifstream|#\s*include\s*<fstream>)")) > 5);
}
