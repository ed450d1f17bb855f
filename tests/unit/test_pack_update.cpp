// Content packs from a USB drive: only a pack signed with the staff key, and only one that
// passes the same checks as `datavoice lint`, replaces the kiosk's content.
#include "exchange/pack_files.hpp"
#include "exchange/pack_update.hpp"
#include "support/test_pack.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace dv;
namespace fs = std::filesystem;

namespace {

// Writes the tiny pack as DRIVE/datavoice-pack, signed with `signer` (or unsigned).
void put_pack_on_drive(const std::string& drive, const PackFiles& files, const StaffSecretKey* signer) {
    const std::string dir = drive + "/" + kPackFolderOnDrive;
    for (const auto& [name, bytes] : files) {
        fs::create_directories(fs::path(dir + "/" + name).parent_path());
        std::ofstream(dir + "/" + name, std::ios::binary) << bytes;
    }
    if (signer) std::ofstream(dir + "/pack.sig") << sign_pack_files(files, *signer);
}

}  // namespace

TEST_CASE("Pack update/a pack signed with the staff key is checked and installed", "[pack-update]") {
    test::TempDir d;
    const StaffSecretKey staff = generate_staff_key();
    put_pack_on_drive(d.file("drive"), test::tiny_pack_files(), &staff);
    const PackUpdateResult r = install_pack_from_drive(d.file("drive"), staff.pub, d.file("data/pack"));
    INFO(r.message);
    CHECK(r.installed);
    CHECK(r.message == "Installed tiny 1.2.3. The kiosk uses it from its next start.");
    const PackLoad installed = load_pack_dir(d.file("data/pack"));
    REQUIRE(installed.pack);
    CHECK(installed.pack->hash == test::tiny_pack().hash);
}

TEST_CASE("Pack update/an unsigned pack, or one signed with another key, is refused", "[pack-update]") {
    test::TempDir d;
    const StaffSecretKey staff = generate_staff_key(), stranger = generate_staff_key();
    put_pack_on_drive(d.file("unsigned"), test::tiny_pack_files(), nullptr);
    put_pack_on_drive(d.file("stranger"), test::tiny_pack_files(), &stranger);
    PackUpdateResult r = install_pack_from_drive(d.file("unsigned"), staff.pub, d.file("data/pack"));
    CHECK_FALSE(r.installed);
    CHECK(r.message.find("Not installed: the pack is not signed") == 0);
    r = install_pack_from_drive(d.file("stranger"), staff.pub, d.file("data/pack"));
    CHECK_FALSE(r.installed);
    CHECK(r.message == "Not installed: the pack's signature does not match the staff key on this kiosk.");
    CHECK_FALSE(fs::exists(d.file("data/pack")));
}

TEST_CASE("Pack update/a file changed after signing is refused", "[pack-update]") {
    test::TempDir d;
    const StaffSecretKey staff = generate_staff_key();
    put_pack_on_drive(d.file("drive"), test::tiny_pack_files(), &staff);
    std::ofstream(d.file("drive/datavoice-pack/en/ui.toml"), std::ios::app) << "# sneaked in\n";
    const PackUpdateResult r = install_pack_from_drive(d.file("drive"), staff.pub, d.file("data/pack"));
    CHECK_FALSE(r.installed);
    CHECK_FALSE(fs::exists(d.file("data/pack")));
}

TEST_CASE("Pack update/a signed pack that fails the checks is refused with the problem", "[pack-update]") {
    test::TempDir d;
    const StaffSecretKey staff = generate_staff_key();
    PackFiles broken = test::tiny_pack_files();
    broken["pack.toml"] += "\nsurprise = 1\n";
    put_pack_on_drive(d.file("drive"), broken, &staff);
    // The current pack stays where it is.
    fs::create_directories(d.file("data/pack"));
    std::ofstream(d.file("data/pack/pack.toml")) << "current";
    const PackUpdateResult r = install_pack_from_drive(d.file("drive"), staff.pub, d.file("data/pack"));
    CHECK_FALSE(r.installed);
    CHECK(r.message.find("Not installed: " + d.file("drive/datavoice-pack/pack.toml")) == 0);
    CHECK(r.message.find("surprise") != std::string::npos);
    std::ifstream current(d.file("data/pack/pack.toml"));
    std::string text;
    std::getline(current, text);
    CHECK(text == "current");
}

TEST_CASE("Pack update/a drive without a pack says so", "[pack-update]") {
    test::TempDir d;
    fs::create_directories(d.file("drive"));
    const PackUpdateResult r = install_pack_from_drive(d.file("drive"), generate_staff_key().pub, d.file("pack"));
    CHECK_FALSE(r.installed);
    CHECK(r.message == "No content pack on this drive (a folder named datavoice-pack).");
}
