// datavoice lint on real pack folders: the shipped packs pass, a broken one fails with
// file:line lines, and the kiosk refuses at start-up what lint refuses.
#include "support/process.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace dv;

namespace {

test::ProcessResult lint(const std::string& dir) { return test::run_process({test::tool_binary(), "lint", dir}); }

std::string copy_of(const test::TempDir& d, const std::string& pack) {
    const std::string to = d.file(pack);
    std::filesystem::copy(test::source_dir() + "/assets/content/" + pack, to, std::filesystem::copy_options::recursive);
    return to;
}

void replace_in(const std::string& path, const std::string& from, const std::string& to) {
    std::string text = test::read_file(path);
    const size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    std::ofstream(path) << text;
}

}  // namespace

TEST_CASE("Tool/datavoice lint passes the default and example packs", "[tool][lint]") {
    for (const char* pack : {"default", "example"}) {
        const std::string dir = test::source_dir() + "/assets/content/" + pack;
        const auto r = lint(dir);
        INFO(r.out << r.err);
        CHECK(r.exit_code == 0);
        CHECK(r.out.find(dir + ": ok (" + pack) != std::string::npos);
    }
}

TEST_CASE("Tool/datavoice lint checks the voices with espeak-ng and notes unreviewed translations", "[tool][lint]") {
    const std::string dir = test::source_dir() + "/assets/content/default";
    const auto r = lint(dir);
    for (const char* code : {"en-easy", "pl", "lt", "ro", "pt"})
        CHECK(r.out.find(std::string("note: '") + code + "' (") != std::string::npos);
    CHECK(r.out.find("note: 'en' (English) is marked") == std::string::npos);

    test::TempDir d;
    const std::string pack = copy_of(d, "example");
    replace_in(pack + "/pack.toml", "voice = \"pl\"", "voice = \"klingon\"");
    const auto bad = lint(pack);
    CHECK(bad.exit_code == 1);
    CHECK(bad.out.find(pack + "/pack.toml:22: voice 'klingon' of 'pl' is not an espeak-ng voice") != std::string::npos);
}

TEST_CASE("Tool/datavoice lint names the file and line of each problem and exits 1", "[tool][lint]") {
    test::TempDir d;
    const std::string pack = copy_of(d, "example");
    replace_in(pack + "/en/explainers.toml", "It does not change your own care.",
               "Confidential patient information is disseminated to organisations commissioning services "
               "under statutory authorisation.");
    replace_in(pack + "/pl/ui.toml", "Krok {n} z {total}", "Krok {n}");
    const auto r = lint(pack);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find(pack + "/en/explainers.toml:11: explainer 'say_no': reading age about") != std::string::npos);
    CHECK(r.out.find(pack + "/pl/ui.toml:15: 'question_progress' must use the same placeholders") != std::string::npos);
    CHECK(r.out.find(pack + ": 2 problems") != std::string::npos);
}

TEST_CASE("Kiosk bad input/a pack that fails lint is refused at start-up with its lines", "[bad-input]") {
    test::TempDir d;
    const std::string pack = copy_of(d, "example");
    replace_in(pack + "/en/explainers.toml", "https://www.nhs.uk/your-nhs-data-matters/", "http://example.org/");
    replace_in(pack + "/pl/explainers.toml", "https://www.nhs.uk/your-nhs-data-matters/", "http://example.org/");
    // No DISPLAY: the pack is refused before any window is opened.
    const auto r = test::run_process({test::kiosk_binary(), "--content", pack, "--data", d.path()}, {{"DISPLAY", ""}});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("datavoice-kiosk: " + pack + "/en/explainers.toml:11: explainer 'say_no': qr_url") !=
          std::string::npos);
    CHECK(r.err.find("datavoice-kiosk: " + pack + "/pl/explainers.toml:11:") != std::string::npos);
}
