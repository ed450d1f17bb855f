// datavoice lint: checks a content pack folder or a hardware profile and prints
// "file:line: message" for each problem.
#include "commands.hpp"

#include "core/profile.hpp"
#include "exchange/files.hpp"
#include "exchange/pack_files.hpp"

#include <cstdio>

namespace dv::tools {

namespace {

const char* const kUsage =
    "Usage: datavoice lint PACK_DIR\n"
    "       datavoice lint --profile FILE\n"
    "Prints one line per problem as file:line: message; exits 1 if there are any.\n";

}  // namespace

int cmd_lint(const std::vector<std::string>& args) {
    if (args.empty() || args[0] == "--help") {
        std::fputs(kUsage, args.empty() ? stderr : stdout);
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--profile") {
        if (args.size() != 2) {
            std::fputs(kUsage, stderr);
            return 2;
        }
        std::string text, error;
        if (!read_text_file(args[1], text, error)) {
            std::fprintf(stderr, "%s\n", error.c_str());
            return 2;
        }
        const ProfileResult r = parse_profile(text, args[1]);
        for (const auto& p : r.problems) std::printf("%s\n", p.str().c_str());
        if (r.profile) std::printf("%s: ok (%s)\n", args[1].c_str(), r.profile->name.c_str());
        return r.profile ? 0 : 1;
    }
    if (args.size() != 1) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    const PackLoad load = load_pack_dir(args[0]);
    for (const auto& p : load.problems) std::printf("%s\n", p.str().c_str());
    if (load.pack)
        std::printf("%s: ok (%s %s, %zu languages)\n", args[0].c_str(), load.pack->id.c_str(),
                    load.pack->version.c_str(), load.pack->languages.size());
    return load.pack ? 0 : 1;
}

}  // namespace dv::tools
