// Bad input to datavoice-kiosk: one line on stderr naming the file (and line) and what is
// wrong, exit code 2, before any window exists (so no display is needed to see it).
#include "support/process.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace dv;

namespace {

test::ProcessResult kiosk(const std::vector<std::string>& args) {
    std::vector<std::string> argv{test::kiosk_binary()};
    argv.insert(argv.end(), args.begin(), args.end());
    // No DISPLAY: if the kiosk got as far as opening a window, it would fail differently.
    return test::run_process(argv, {{"DISPLAY", ""}});
}

int lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

TEST_CASE("Kiosk bad input/a missing profile is named", "[bad-input]") {
    test::TempDir d;
    const auto r = kiosk({"--profile", d.file("nope.toml"), "--data", d.path()});
    CHECK(r.exit_code == 2);
    CHECK(r.err == "datavoice-kiosk: " + d.file("nope.toml") + ": file not found\n");
}

TEST_CASE("Kiosk bad input/a malformed profile is named with its line", "[bad-input]") {
    test::TempDir d;
    std::ofstream(d.file("p.toml")) << "name = \"x\"\n[display]\nwidth = 1920\nheight = 1080\ndiagonal_inches = 21.5\nwobble = 1\n";
    const auto r = kiosk({"--profile", d.file("p.toml"), "--data", d.path()});
    CHECK(r.exit_code == 2);
    CHECK(r.err == "datavoice-kiosk: " + d.file("p.toml") + ":6: unknown key 'display.wobble'\n");
}

TEST_CASE("Kiosk bad input/a missing content folder is named", "[bad-input]") {
    test::TempDir d;
    const auto r = kiosk({"--content", d.file("no-pack"), "--data", d.path()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(d.file("no-pack") + ": content folder not found") != std::string::npos);
    CHECK(lines(r.err) == 1);
}

TEST_CASE("Kiosk bad input/a broken content pack names the file and line", "[bad-input]") {
    test::TempDir d;
    const std::string pack = d.file("pack");
    std::filesystem::copy(test::source_dir() + "/assets/content/default", pack, std::filesystem::copy_options::recursive);
    std::ofstream(pack + "/en/topics.toml", std::ios::app) << "\n[[topic]]\nid = 7\n";
    const auto r = kiosk({"--content", pack, "--data", d.path()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(pack + "/en/topics.toml:") != std::string::npos);
}

TEST_CASE("Kiosk bad input/an unwritable data folder is named", "[bad-input]") {
    test::TempDir d;
    std::ofstream(d.file("a-file")) << "not a folder";
    const auto r = kiosk({"--data", d.file("a-file/data")});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(d.file("a-file/data") + ": cannot create the data folder") != std::string::npos);
    CHECK(lines(r.err) == 1);
}

TEST_CASE("Kiosk bad input/an unknown script command is named with its line", "[bad-input]") {
    test::TempDir d;
    std::ofstream(d.file("s.dvs")) << "# comment\ntap start\nwiggle 3\n";
    const auto r = kiosk({"--data", d.path(), "--script", d.file("s.dvs")});
    CHECK(r.exit_code == 2);
    CHECK(r.err == "datavoice-kiosk: " + d.file("s.dvs") + ":3: unknown command 'wiggle'\n");
}

TEST_CASE("Kiosk bad input/an unknown option is refused", "[bad-input]") {
    const auto r = kiosk({"--fly"});
    CHECK(r.exit_code == 2);
    CHECK(r.err == "datavoice-kiosk: unknown option '--fly' (try --help)\n");
}

TEST_CASE("Kiosk bad input/an option given twice, a missing value and a stray word are refused in one line",
          "[bad-input]") {
    // The kiosk shares the staff tool's parser (kiosk/cli): nothing given twice wins silently.
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"--data", "/tmp/a", "--data", "/tmp/b"}, "datavoice-kiosk: --data is given twice (try --help)\n"},
        {{"--windowed", "--windowed"}, "datavoice-kiosk: --windowed is given twice (try --help)\n"},
        {{"--data"}, "datavoice-kiosk: --data needs a value (try --help)\n"},
        {{"--quit-after", "soon"}, "datavoice-kiosk: --quit-after needs a number of seconds above 0, not 'soon' (try --help)\n"},
        {{"stray"}, "datavoice-kiosk: unexpected argument 'stray' (try --help)\n"},
    };
    for (const auto& [args, err] : cases) {
        const auto r = kiosk(args);
        INFO(args.front());
        CHECK(r.exit_code == 2);
        CHECK(r.err == err);
        CHECK(r.out.empty());
    }
}

TEST_CASE("Kiosk bad input/--help describes every option", "[bad-input]") {
    const auto r = kiosk({"--help"});
    CHECK(r.exit_code == 0);
    for (const char* o : {"--profile", "--content", "--data", "--script", "--screenshots", "--help"})
        CHECK(r.out.find(o) != std::string::npos);
}

TEST_CASE("Kiosk set-up/--set-pin reads the PIN from standard input and refuses a bad one", "[bad-input][staff]") {
    test::TempDir d;
    auto set_pin = [&](const std::string& input) {
        return test::run_process({test::kiosk_binary(), "--data", d.path(), "--set-pin"}, {{"DISPLAY", ""}}, input);
    };
    const auto bad = set_pin("12\n");
    CHECK(bad.exit_code == 2);
    CHECK(bad.err == "datavoice-kiosk: --set-pin: the PIN on standard input must be 4 to 8 digits\n");
    const auto ok = set_pin("24680\n");
    CHECK(ok.exit_code == 0);
    CHECK(ok.out == "datavoice-kiosk: staff PIN set\n");
}

TEST_CASE("Kiosk set-up/a staff key file that is not one is named", "[bad-input][staff]") {
    test::TempDir d;
    std::ofstream(d.file("staff.pub")) << "hello\n";
    const auto r = kiosk({"--data", d.path(), "--staff-key", d.file("staff.pub")});
    CHECK(r.exit_code == 2);
    CHECK(r.err == "datavoice-kiosk: " + d.file("staff.pub") +
                       ": not a datavoice staff public key (the first line should be 'datavoice staff public key 1')\n");
}
