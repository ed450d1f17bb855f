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
    std::string key_file, dir;
    Options cli("datavoice sign-pack", kUsage);
    cli.text("--key", key_file, Options::Need::Required);
    cli.argument("PACK_DIR", dir);
    if (const auto code = cli.parse_or_exit_code(args)) return *code;
    std::optional<StaffSecretKey> key;
    if (!read_staff_key_option(cli, key_file, key)) return 2;
    const PackLoad load = load_pack_dir(dir);
    for (const auto& p : load.problems) std::printf("%s\n", p.str().c_str());
    if (!load.pack) return 1;
    PackFiles files;
    Problems problems;
    if (!read_pack_files(dir, files, problems)) return 1;
    std::ofstream out(dir + "/pack.sig", std::ios::binary);
    out << sign_pack_files(files, *key);
    if (!out.flush()) {
        cli.say(dir + "/pack.sig: cannot write");
        return 1;
    }
    std::printf("%s/pack.sig: signed %s %s\n", dir.c_str(), load.pack->id.c_str(), load.pack->version.c_str());
    return 0;
}

}  // namespace dv::tools
