// report.html opened in a real browser (label `browser`): Debian's headless Chromium renders
// it to a PNG and prints it to PDF. The PNG must show the report (not a blank page) and the
// PDF must have pages. The files stay in build/test-artefacts/report_browser/ to look at.
#include "central_fixture.hpp"
#include "exchange/crypto.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb/stb_image.h>

#include <cstdlib>
#include <filesystem>
#include <set>

using namespace dv;
namespace fs = std::filesystem;

TEST_CASE("Report/headless Chromium renders report.html to a non-blank PNG and a PDF", "[browser]") {
    test::TempDir dir;
    test::write_survey(dir.file("drive"), test::SurveyKiosks{}, 2, true);
    const std::string db = dir.file("central.sqlite");
    REQUIRE(test::run_tool({"collect", "--enrol", "--db", db, dir.file("drive")}).exit_code == 0);
    const std::string out = test::fresh_artefacts_dir("report_browser");
    const auto r = test::run_tool({"report", "--db", db, "--out", out, "--by", "site"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string html = fs::absolute(out + "/report.html").string();
    const std::string png = fs::absolute(out + "/report.png").string(), pdf = fs::absolute(out + "/report.pdf").string();
    const std::vector<std::string> common = {"/usr/bin/timeout", "60", "chromium", "--headless", "--no-sandbox",
                                             "--disable-gpu", "--disable-quic", "--no-first-run",
                                             "--disable-background-networking", "--disable-component-update",
                                             "--disable-sync", "--user-data-dir=" + dir.file("chromium-profile")};
    auto shot = common;
    shot.insert(shot.end(), {"--screenshot=" + png, "--window-size=1200,3000", "--hide-scrollbars", "file://" + html});
    auto print = common;
    print.insert(print.end(), {"--print-to-pdf=" + pdf, "--no-pdf-header-footer", "file://" + html});
    const auto a = test::run_process(shot), b = test::run_process(print);
    INFO(a.err << b.err);
    REQUIRE(fs::exists(png));
    REQUIRE(fs::exists(pdf));

    int w = 0, h = 0, channels = 0;
    unsigned char* pixels = stbi_load(png.c_str(), &w, &h, &channels, 3);
    REQUIRE(pixels);
    CHECK(w == 1200);
    CHECK(h == 3000);
    std::set<int> colours;
    long dark = 0, blue = 0;
    for (long i = 0; i < long(w) * h; ++i) {
        const int R = pixels[3 * i], G = pixels[3 * i + 1], B = pixels[3 * i + 2];
        colours.insert((R << 16) | (G << 8) | B);
        if (R + G + B < 200) ++dark;                  // text
        if (B > 150 && R < 40 && G < 120) ++blue;     // the NHS-blue bars and table headings
    }
    stbi_image_free(pixels);
    CHECK(colours.size() > 20);
    CHECK(dark > long(w) * h / 500);
    CHECK(blue > long(w) * h / 200);

    const auto info = test::run_process({"/usr/bin/pdfinfo", pdf});
    INFO(info.out << info.err);
    REQUIRE(info.exit_code == 0);
    const auto at = info.out.find("Pages:");
    REQUIRE(at != std::string::npos);
    CHECK(std::atoi(info.out.c_str() + at + 6) >= 2);
}
