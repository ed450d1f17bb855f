// datavoice sign-pack: checks a content pack and signs it with the staff key, so a kiosk
// holding the staff public key accepts it from a USB drive (kiosk/exchange/pack_update.hpp).
#include "commands.hpp"

#include "exchange/pack_files.hpp"
#include "exchange/pack_update.hpp"

#include <cstdio>
#include <fstream>

namespace dv::tools {

namespace {

const char* const kUsage =
    "Usage: datavoice sign-pack --key STAFF.key PACK_DIR\n"
    "Lints the pack, then writes PACK_DIR/pack.sig. Copy the folder to the top of a USB drive\n"
    "as 'datavoice-pack' and install it from the kiosk's staff screen.\n";

}  // namespace

int cmd_sign_pack(const std::vector<std::string>& args) {
    if (args.size() == 1 && args[0] == "--help") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (args.size() != 3 || args[0] != "--key") {
        std::fputs(kUsage, stderr);
        return 2;
    }
    std::string error;
    const std::optional<StaffSecretKey> key = read_staff_secret_key(args[1], error);
    if (!key) {
        std::fprintf(stderr, "datavoice sign-pack: %s\n", error.c_str());
        return 2;
    }
    const std::string dir = args[2];
    const PackLoad load = load_pack_dir(dir);
    for (const auto& p : load.problems) std::printf("%s\n", p.str().c_str());
    if (!load.pack) return 1;
    PackFiles files;
    Problems problems;
    if (!read_pack_files(dir, files, problems)) return 1;
    std::ofstream out(dir + "/pack.sig", std::ios::binary);
    out << sign_pack_files(files, *key);
    if (!out.flush()) {
        std::fprintf(stderr, "datavoice sign-pack: %s/pack.sig: cannot write\n", dir.c_str());
        return 1;
    }
    std::printf("%s/pack.sig: signed %s %s\n", dir.c_str(), load.pack->id.c_str(), load.pack->version.c_str());
    return 0;
}

}  // namespace dv::tools
