// datavoice lint: checks a content pack folder or a hardware profile and prints
// "file:line: message" for each problem ("file:line: note: ..." for what is only worth
// knowing). A pack is checked against the very font files the kiosk draws with, and its
// read-aloud voices against espeak-ng's (the same library the kiosk speaks with).
#include "commands.hpp"

#include "core/lint.hpp"
#include "core/profile.hpp"
#include "exchange/files.hpp"
#include "exchange/pack_files.hpp"
#include "platform/font_files.hpp"
#include "speech/speech.hpp"

#include <cstdio>

namespace dv::tools {

namespace {

const char* const kUsage =
    "Usage: datavoice lint PACK_DIR\n"
    "       datavoice lint --profile FILE\n"
    "Prints one line per problem as file:line: message, and notes as file:line: note: message;\n"
    "exits 1 if there are any problems (notes alone do not count).\n";

int lint_pack_folder(const std::string& dir) {
    const PackLoad load = load_pack_dir(dir);
    for (const auto& p : load.problems) std::printf("%s\n", p.str().c_str());
    if (!load.pack) return 1;

    FontFiles files;
    KioskFontCoverage fonts;
    std::string error;
    if (!find_font_files(files, error) || !fonts.load(files, error)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 2;
    }
    LintOptions options;
    options.text_glyph = [&fonts](char32_t cp) { return fonts.text_has(cp); };
    options.icon_glyph = [&fonts](char32_t cp) { return fonts.icon_has(cp); };
    options.voice_known = [](const std::string& v) { return speech_voice_available(v); };

    const LintReport report = lint_pack_in(*load.pack, dir, options);
    for (const auto& p : report.errors) std::printf("%s\n", p.str().c_str());
    for (const auto& p : report.notes) std::printf("%s\n", p.str().c_str());
    if (!report.ok()) {
        std::printf("%s: %zu problem%s\n", dir.c_str(), report.errors.size(), report.errors.size() == 1 ? "" : "s");
        return 1;
    }
    std::printf("%s: ok (%s %s, %zu languages)\n", dir.c_str(), load.pack->id.c_str(), load.pack->version.c_str(),
                load.pack->languages.size());
    return 0;
}

}  // namespace

int cmd_lint(const std::vector<std::string>& args) {
    std::string profile, pack_dir;
    Options cli("datavoice lint", kUsage);
    cli.text("--profile", profile);
    cli.argument("PACK_DIR", pack_dir, Options::Need::Optional);
    if (const auto code = cli.parse_or_exit_code(args)) return *code;
    if (profile.empty() == pack_dir.empty()) return cli.usage_error("give PACK_DIR or --profile FILE (one of them)");
    if (!profile.empty()) {
        std::string text, error;
        if (!read_text_file(profile, text, error)) {
            std::fprintf(stderr, "%s\n", error.c_str());
            return 2;
        }
        const ProfileResult r = parse_profile(text, profile);
        for (const auto& p : r.problems) std::printf("%s\n", p.str().c_str());
        if (r.profile) std::printf("%s: ok (%s)\n", profile.c_str(), r.profile->name.c_str());
        return r.profile ? 0 : 1;
    }
    return lint_pack_folder(pack_dir);
}

}  // namespace dv::tools
