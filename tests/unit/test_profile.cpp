// Hardware profiles: the shipped ones parse; unknown keys and bad values are errors.
#include "core/profile.hpp"
#include "exchange/files.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace dv;

TEST_CASE("Profile/every shipped profile parses", "[profile]") {
    int n = 0;
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() + "/firmware_profiles")) {
        if (entry.path().extension() != ".toml") continue;
        std::string text, error;
        REQUIRE(read_text_file(entry.path().string(), text, error));
        const ProfileResult r = parse_profile(text, entry.path().string());
        INFO(format_problems(r.problems));
        CHECK(r.profile);
        ++n;
    }
    CHECK(n >= 1);
}

TEST_CASE("Profile/density gives the scale and the 9 mm touch target", "[profile]") {
    HardwareProfile p;  // 1920×1080 at 21.5 inches
    CHECK(p.pixels_per_mm() == Approx(4.03).epsilon(0.01));
    CHECK(p.min_touch_target_px() == Approx(36.3).epsilon(0.01));
    CHECK(p.ui_scale() == Approx(1.0));
    HardwareProfile pi;  // small and close: body text held at 4.5 mm rather than shrunk to fit
    pi.width = 800, pi.height = 480, pi.diagonal_inches = 7;
    CHECK(pi.ui_scale() == Approx(4.5 * pi.pixels_per_mm() / 40));
    CHECK(pi.ui_scale() > 800.0 / 1920);
    HardwareProfile big;  // large and far: fits the design to the pixels, then magnifies
    big.width = 3840, big.height = 2160, big.diagonal_inches = 55, big.scale = 1.5;
    CHECK(big.ui_scale() == Approx(3.0));
}

TEST_CASE("Profile/an unknown key is an error with its line", "[profile]") {
    const auto r = parse_profile("name = \"x\"\n[display]\nwidth = 800\nheight = 480\ndiagonal_inches = 7\nbrightness = 3\n",
                                 "p.toml");
    CHECK_FALSE(r.profile);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].str() == "p.toml:6: unknown key 'display.brightness'");
}

TEST_CASE("Profile/out-of-range values and wrong types are errors", "[profile]") {
    const auto r = parse_profile(
        "name = \"x\"\n[display]\nwidth = 80\nheight = 480\ndiagonal_inches = \"seven\"\n[timeouts]\nidle_seconds = 2\n"
        "[hours]\nopens = \"25:00\"\n",
        "p.toml");
    CHECK_FALSE(r.profile);
    const std::string all = format_problems(r.problems);
    CHECK(all.find("p.toml:3: 'display.width' is 80") != std::string::npos);
    CHECK(all.find("p.toml:5: 'display.diagonal_inches' must be a number") != std::string::npos);
    CHECK(all.find("p.toml:7: 'timeouts.idle_seconds' is 2") != std::string::npos);
    CHECK(all.find("p.toml:9: 'hours.opens' must be a time") != std::string::npos);
}

TEST_CASE("Profile/a missing required section is named", "[profile]") {
    const auto r = parse_profile("name = \"x\"\n", "p.toml");
    CHECK_FALSE(r.profile);
    CHECK(format_problems(r.problems).find("missing 'display'") != std::string::npos);
}

TEST_CASE("Profile/broken TOML gives file and line", "[profile]") {
    const auto r = parse_profile("name = \"x\"\n[display\n", "p.toml");
    CHECK_FALSE(r.profile);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 2);
}
