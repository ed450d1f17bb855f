// datavoice: the staff command. Each subcommand lives in its own file (cmd_<name>.cpp).
#include "commands.hpp"

#include "exchange/files.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

struct Command {
    const char* name;
    const char* summary;
    int (*run)(const std::vector<std::string>& args);
};

const Command kCommands[] = {
    {"lint", "check a content pack or a hardware profile", dv::tools::cmd_lint},
    {"keygen", "make a staff key pair (encrypts exports, signs content packs)", dv::tools::cmd_keygen},
    {"export", "export a kiosk's results to a bundle folder (as the staff screen does)", dv::tools::cmd_export},
    {"verify", "check an export bundle; decrypt it with the staff key", dv::tools::cmd_verify},
    {"collect", "check export bundles and add them to the central database", dv::tools::cmd_collect},
    {"kiosk", "enrol, list and revoke the kiosks the central database trusts", dv::tools::cmd_kiosk},
    {"report", "write the report (HTML, CSV, XLSX) from the central database", dv::tools::cmd_report},
    {"qr", "decode a kiosk's QR codes (pictures or zbarimg text) into bundle files", dv::tools::cmd_qr},
    {"sign-pack", "sign a content pack with the staff key, for a kiosk to accept it", dv::tools::cmd_sign_pack},
    {"simulate", "synthetic visitors: into a kiosk database, or as scripts for the real kiosk", dv::tools::cmd_simulate},
};

void usage(FILE* out) {
    std::fprintf(out, "Usage: datavoice COMMAND [options]\n\nCommands:\n");
    for (const auto& c : kCommands) std::fprintf(out, "  %-10s %s\n", c.name, c.summary);
    std::fprintf(out, "\nRun 'datavoice COMMAND --help' for the options of one command.\n");
}

}  // namespace

std::string dv::tools::default_content_dir() {
    return dv::data_root(DATAVOICE_DATA_NAME, DATAVOICE_SOURCE_DIR) + "/assets/content/default";
}

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (!std::strcmp(argv[1], "--version")) {
        std::printf("datavoice %s\n", DATAVOICE_VERSION);
        return 0;
    }
    for (const auto& c : kCommands)
        if (!std::strcmp(argv[1], c.name)) return c.run(std::vector<std::string>(argv + 2, argv + argc));
    std::fprintf(stderr, "datavoice: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
