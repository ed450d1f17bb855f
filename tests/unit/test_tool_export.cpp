// The staff command's export tools end to end: keygen, export (the same job as the staff
// screen) encrypted to the new key, verify with the secret key, and the plain files it writes.
#include "exchange/bundle_read.hpp"
#include "exchange/files.hpp"
#include "support/export_fixture.hpp"
#include "support/process.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace dv;
namespace fs = std::filesystem;

namespace {
test::ProcessResult tool(const std::vector<std::string>& args) {
    std::vector<std::string> argv{test::tool_binary()};
    argv.insert(argv.end(), args.begin(), args.end());
    return test::run_process(argv);
}
}  // namespace

TEST_CASE("Tools/keygen, export --key and verify --key round-trip a kiosk's answers", "[tools][bundle]") {
    test::ExportFixture f;
    f.add_visits(12);
    const std::string data = f.dir.path();

    REQUIRE(tool({"keygen", "--out", f.dir.file("keys")}).exit_code == 0);
    CHECK((fs::status(f.dir.file("keys/staff.key")).permissions() & fs::perms::others_read) == fs::perms::none);
    CHECK(tool({"keygen", "--out", f.dir.file("keys")}).exit_code == 1);  // never overwrites a key

    const auto exported = tool({"export", "--data", data, "--to", f.drive, "--key", f.dir.file("keys/staff.pub")});
    INFO(exported.out << exported.err);
    REQUIRE(exported.exit_code == 0);
    CHECK(exported.out.rfind("Exported: 12 visits, 48 answers, encrypted", 0) == 0);
    const auto again = tool({"export", "--data", data, "--to", f.drive});
    CHECK(again.exit_code == 0);
    CHECK(again.out.rfind("Nothing new to export", 0) == 0);

    std::vector<fs::path> bundles;
    for (const auto& e : fs::directory_iterator(f.drive)) bundles.push_back(e.path());
    REQUIRE(bundles.size() == 1);
    const std::string bundle = bundles[0].string();
    const auto no_key = tool({"verify", bundle});
    CHECK(no_key.exit_code == 0);  // integrity needs no key
    CHECK(no_key.out.find(": ok (") != std::string::npos);
    CHECK(no_key.out.find("encrypted)") != std::string::npos);
    const auto opened = tool({"verify", bundle, "--key", f.dir.file("keys/staff.key"), "--out", f.dir.file("plain")});
    INFO(opened.out << opened.err);
    REQUIRE(opened.exit_code == 0);
    std::string csv, error;
    REQUIRE(read_text_file(f.dir.file("plain/answers.csv"), csv, error));
    CHECK(csv.find("session100003,q_single,,no,") != std::string::npos);  // the changed answer

    fs::remove(bundle + "/manifest.json");
    const auto broken = tool({"verify", bundle});
    CHECK(broken.exit_code == 1);
    CHECK(broken.out.find("manifest.json: file not found") != std::string::npos);
}
